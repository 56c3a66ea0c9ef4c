// geoip: looks up the client address in a MaxMind database and exposes the result as metadata.
import type { ArgToken } from '../corefile/dispenser.js';
import type { PluginModule } from './types.js';
import { lookUpFile, reportArgError } from './util/server-common.js';
import { geoipHandler } from './handlers/geoip.js';

export interface GeoipConfig {
  database: string | undefined;
  /** Use the EDNS0 client subnet of the query instead of the source address, when present. */
  ednsSubnet: boolean;
}

/** Every MaxMind DB file ends with a metadata section introduced by this marker. */
const MAXMIND_MARKER = 'MaxMind.com';

export const geoip: PluginModule<GeoipConfig> = {
  name: 'geoip',
  setupOnly: false,
  repeat: 'repeatable',
  docs: {
    summary: 'Looks up the client\'s IP in a MaxMind GeoIP2/GeoLite2 City or ASN database and offers the result as metadata.',
    behaviour:
      'PASSES every query on. With the metadata plugin enabled, it adds labels such as geoip/city/name, geoip/country/code, geoip/latitude and geoip/asn/number, which view, acl-like expressions or log can use.',
    syntax: ['geoip DBFILE {', '    edns-subnet', '}'],
    arguments: [{ name: 'DBFILE', syntax: 'DBFILE', description: 'The MaxMind DB file (.mmdb) of type City or ASN. It is opened at startup; only one database per block.' }],
    options: [{ name: 'edns-subnet', syntax: 'edns-subnet', description: 'Use the address from the query\'s EDNS0 client-subnet option, when there is one, instead of the source address.' }],
    examples: ['. {\n    metadata\n    geoip /etc/coredns/GeoLite2-City.mmdb {\n        edns-subnet\n    }\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    const config: GeoipConfig = { database: undefined, ednsSubnet: false };
    let dbToken: ArgToken | undefined;
    let refused = false;
    while (d.next()) {
      if (!d.nextArg()) {
        reportArgError(ctx, 'geoip', 'Write `geoip DBFILE` with the path of a MaxMind database.');
        refused = true;
        continue;
      }
      const path = d.token()!;
      if (dbToken !== undefined) {
        ctx.report('error', 'geoip/multiple-databases', 'A second geoip database in one block: CoreDNS refuses to start, as it supports only one. Keep one geoip line.', path);
        refused = true;
        d.remainingArgTokens();
        while (d.nextBlock()) d.remainingArgTokens();
        continue;
      }
      dbToken = path;
      config.database = path.value;
      const extra = d.remainingArgTokens();
      if (extra.length > 0) {
        reportArgError(ctx, 'geoip', 'geoip takes exactly one database file.', extra[0]);
        refused = true;
      }
      // Each token in the block is an option of its own, as CoreDNS reads them one by one.
      while (d.nextBlock()) {
        if (d.val() === 'edns-subnet') config.ednsSubnet = true;
        else {
          ctx.report('error', 'geoip/unknown-option', `Unknown option '${d.val()}' of geoip: CoreDNS refuses to start. The only option is edns-subnet, alone on its line.`);
          refused = true;
        }
      }
    }
    if (dbToken && !refused && !ctx.isUnknown(dbToken)) {
      const text = lookUpFile(ctx, 'geoip', dbToken, dbToken.value, 'CoreDNS refuses to start when it cannot open the database.');
      if (text !== undefined && !text.includes(MAXMIND_MARKER)) {
        ctx.report('error', 'geoip/invalid-database', `'${dbToken.value}' is not a MaxMind DB file (no MaxMind metadata section): CoreDNS refuses to start. Use a GeoIP2/GeoLite2 City or ASN .mmdb file.`, dbToken);
      }
    }
    return config;
  },
  handler: geoipHandler,
};
