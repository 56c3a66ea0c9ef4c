// The secondary plugin: serves zones transferred (AXFR) from a primary server. Reading follows
// plugin/secondary/setup.go's secondaryParse and plugin/pkg/parse's TransferIn.
import { normalizeZoneArg } from '../corefile/address.js';
import type { PluginModule, SetupContext } from './types.js';
import { secondaryHandler } from './handlers/secondary.js';
import { fallthroughZones, hostPort, reportArgError, zonesFromArgs } from './util/query-b-common.js';
import { appendAll } from '../append.js';

export interface SecondaryConfig {
  zones: string[];
  /** Primaries as IP:PORT. */
  transferFrom: string[];
  /** Catalog member zones, when the zone is a catalog zone (empty list: every member). */
  catalog?: string[];
  fallthrough: string[];
}

const OPTIONS = ['transfer from', 'catalog', 'fallthrough'];

function setup(ctx: SetupContext): SecondaryConfig {
  const { d } = ctx;
  const config: SecondaryConfig = { zones: [], transferFrom: [], fallthrough: [] };
  while (d.next()) {
    const directive = d.token()!;
    config.zones = zonesFromArgs(ctx, 'secondary', d.remainingArgTokens());
    let hasTransfer = false;
    while (d.nextBlock()) {
      const option = d.token()!;
      switch (d.val()) {
        case 'transfer': {
          if (!d.nextArg()) {
            reportArgError(ctx, 'secondary', "Write 'transfer from ADDRESS...'.", option);
            break;
          }
          const kind = d.token()!;
          if (kind.value !== 'from') {
            ctx.report('error', 'secondary/invalid-transfer', `Unknown property '${kind.value}' after transfer: CoreDNS refuses to start. A secondary zone only receives transfers: write 'transfer from ADDRESS...' (use the transfer plugin to send them).`, kind);
            d.remainingArgTokens();
            break;
          }
          const froms = d.remainingArgTokens();
          if (froms.length === 0) {
            reportArgError(ctx, 'secondary', "List the primary's address, e.g. 'transfer from 10.0.0.1'.", kind);
            break;
          }
          hasTransfer = true;
          for (const from of froms) {
            if (ctx.isUnknown(from)) continue;
            if (from.value === '*') {
              ctx.report('error', 'secondary/invalid-transfer-from', "'*' cannot be used in transfer from: CoreDNS refuses to start. Give the primary's IP address.", from);
              continue;
            }
            const normalized = hostPort(from.value, '53');
            if (normalized === undefined) ctx.report('error', 'secondary/invalid-transfer-from', `'${from.value}' is not an IP address: CoreDNS refuses to start. Give the primary as IP or IP:PORT (names are not resolved).`, from);
            else config.transferFrom.push(normalized);
          }
          break;
        }
        case 'catalog': {
          const args = d.remainingArgTokens();
          const members: string[] = [];
          for (const arg of args) {
            if (ctx.isUnknown(arg)) continue;
            const zones = normalizeZoneArg(arg.value).zones;
            if (zones.length === 0) ctx.report('error', 'secondary/invalid-catalog-zone', `Invalid catalog member zone '${arg.value}': CoreDNS refuses to start. Write a domain name.`, arg);
            appendAll(members, zones);
          }
          config.catalog = [...(config.catalog ?? []), ...members];
          break;
        }
        case 'fallthrough':
          config.fallthrough = fallthroughZones(d.remainingArgTokens());
          break;
        default:
          ctx.report('error', 'secondary/unknown-option', `Unknown property '${d.val()}' of secondary: CoreDNS refuses to start. Known options: ${OPTIONS.join(', ')}.`, option);
          d.remainingArgTokens();
      }
    }
    if (!hasTransfer) {
      ctx.report('error', 'secondary/missing-transfer-from', "secondary zones require a 'transfer from' property: CoreDNS refuses to start. Add 'transfer from ADDRESS' inside a block after secondary.", directive);
    }
  }
  return config;
}

export const secondary: PluginModule<SecondaryConfig> = {
  name: 'secondary',
  setupOnly: false,
  repeat: 'repeatable',
  docs: {
    summary: 'Serves zones transferred from a primary name server.',
    behaviour: 'Transfers its zones from the primaries at startup and whenever the SOA says so (or a NOTIFY arrives), then answers queries for them authoritatively; until the first transfer succeeds the zones answer SERVFAIL. With fallthrough, NXDOMAIN answers are handed to the next plugin. Other queries are passed on.',
    syntax: ['secondary [ZONES...] {\n    transfer from ADDRESS...\n    catalog [ZONES...]\n    fallthrough [ZONES...]\n}'],
    arguments: [{ name: 'ZONES', syntax: 'ZONES...', description: 'The zones to transfer and serve.', default: "the server block's zones" }],
    options: [
      { name: 'transfer from', syntax: 'transfer from ADDRESS...', description: "The primaries, as IP or IP:PORT (port 53 by default). Required; names and '*' are refused." },
      { name: 'catalog', syntax: 'catalog [ZONES...]', description: 'Treat the zone as a catalog zone and also serve its member zones (only the listed ones, when given).' },
      { name: 'fallthrough', syntax: 'fallthrough [ZONES...]', description: 'Hand NXDOMAIN answers for these zones (all when none given) to the next plugin.' },
    ],
    examples: ['example.org:53 {\n    secondary {\n        transfer from 10.0.0.1\n    }\n}'],
  },
  setup,
  handler: secondaryHandler,
};
