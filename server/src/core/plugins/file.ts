// The file plugin: serves zones authoritatively from RFC 1035 zone files. Reading follows
// plugin/file/setup.go's fileParse, including its rule that a missing file is fatal only with `reload 0`.
import type { ArgToken } from '../corefile/dispenser.js';
import { MINUTE, parseGoDuration } from './args.js';
import type { PluginModule, SetupContext } from './types.js';
import { fallthroughZones, reportArgError, zonesFromArgs } from './util/query-b-common.js';
import { loadZone, reportInvalidZone } from './util/query-b-zonecheck.js';
import type { ZoneRecord } from './util/zonefile.js';
import { fileHandler } from './handlers/file.js';

export interface FileZone {
  /** The zone file as written. */
  file: string;
  origin: string;
  /** The file resolved against the Corefile's folder, as the linter looked for it (the simulator tries it after the path as written). */
  path?: string;
  /** The records when the linter could read the file; undefined when it is not available here. */
  records?: ZoneRecord[];
}

export interface FileConfig {
  zones: FileZone[];
  /** Nanoseconds between checks of the file; 0 turns it off. Shared by all file lines, as in CoreDNS. */
  reload: number;
  reloadByMtime: boolean;
  fallthrough: string[];
}

const OPTIONS = ['reload', 'reload_by_mtime', 'fallthrough', 'upstream'];

function setup(ctx: SetupContext): FileConfig {
  const { d } = ctx;
  const config: FileConfig = { zones: [], reload: MINUTE, reloadByMtime: false, fallthrough: [] };
  const missing: ArgToken[] = [];
  while (d.next()) {
    const directive = d.token()!;
    if (!d.nextArg() || d.val() === '{') {
      if (d.val() === '{') d.position = d.position - 1;
      reportArgError(ctx, 'file', "Give the zone file, e.g. 'file /etc/coredns/db.example.org example.org'.", directive);
      skipBlock(ctx);
      continue;
    }
    const fileToken = d.token()!;
    const origins = zonesFromArgs(ctx, 'file', d.remainingArgTokens());
    for (const origin of origins) {
      const zone: FileZone = { file: fileToken.value, origin };
      if (!ctx.isUnknown(fileToken)) {
        const load = loadZone(ctx, fileToken.value, origin);
        if (load.path !== undefined) zone.path = load.path;
        if (load.state === 'missing') {
          if (!missing.includes(fileToken)) missing.push(fileToken);
        } else if (load.state === 'invalid') reportInvalidZone(ctx, 'file', fileToken, origin, load.message);
        else zone.records = load.records;
      }
      config.zones.push(zone);
    }
    while (d.nextBlock()) {
      const option = d.token()!;
      switch (d.val()) {
        case 'fallthrough':
          config.fallthrough = fallthroughZones(d.remainingArgTokens());
          break;
        case 'reload': {
          const args = d.remainingArgTokens();
          if (args.length === 0) {
            ctx.report('error', 'file/invalid-reload', "reload needs a duration: CoreDNS refuses to start. Write e.g. 'reload 30s', or 'reload 0' to turn it off.", option);
            break;
          }
          if (ctx.isUnknown(args[0])) break;
          const reload = parseGoDuration(args[0]!.value);
          if (reload === undefined) ctx.report('error', 'file/invalid-reload', `Invalid reload duration '${args[0]!.value}': CoreDNS refuses to start. Write a Go duration such as 30s or 1m, or 0.`, args[0]);
          else config.reload = reload;
          break;
        }
        case 'reload_by_mtime':
          // No arguments are read: a word after it is taken as the next option, as in CoreDNS.
          config.reloadByMtime = true;
          break;
        case 'upstream':
          d.remainingArgTokens();
          break;
        default:
          ctx.report('error', 'file/unknown-option', `Unknown property '${d.val()}' of file: CoreDNS refuses to start. Known options: ${OPTIONS.join(', ')}.${d.val() === 'transfer' ? " Zone transfers moved to the transfer plugin: write 'transfer { to * }' in the block." : ''}`, option);
          d.remainingArgTokens();
      }
    }
  }
  for (const token of missing) {
    const fatal = config.reload === 0;
    ctx.report(
      'warning',
      'file/file-not-found',
      fatal
        ? `The zone file ${token.value} was not found here, and with 'reload 0' CoreDNS refuses to start when it cannot open it. The linter cannot see the pod's file system: make sure the file is mounted in the pod.`
        : `The zone file ${token.value} was not found here (the linter cannot see the pod's file system). If it is missing in the pod, CoreDNS starts, logs the failure and serves nothing for the zone until the file appears.`,
      token,
    );
  }
  return config;
}

/** After a refused `file` line, skip its option block so its lines are not read as new directives. */
function skipBlock(ctx: SetupContext): void {
  while (ctx.d.nextBlock()) ctx.d.remainingArgTokens();
}

export const file: PluginModule<FileConfig> = {
  name: 'file',
  setupOnly: false,
  repeat: 'repeatable',
  docs: {
    summary: 'Serves zones authoritatively from RFC 1035 zone files.',
    behaviour: 'Answers queries under its zones from the zone file: records, referrals, NXDOMAIN or NODATA with the SOA, following CNAMEs inside the zone. With fallthrough, NXDOMAIN for the listed zones is handed to the next plugin. Queries outside its zones are passed on. The file is re-read when its SOA serial changes.',
    syntax: ['file DBFILE [ZONES...]', 'file DBFILE [ZONES...] {\n    reload DURATION\n    reload_by_mtime\n    fallthrough [ZONES...]\n}'],
    arguments: [
      { name: 'DBFILE', syntax: 'DBFILE', description: 'The zone file; relative paths are taken from the root directive. It must contain an SOA record with a serial other than 0.' },
      { name: 'ZONES', syntax: 'ZONES...', description: 'The zones the file is loaded for; names in it are relative to each.', default: "the server block's zones" },
    ],
    options: [
      { name: 'reload', syntax: 'reload DURATION', description: 'How often to check the file for a new SOA serial; 0 turns it off (and then a missing file stops CoreDNS from starting).', default: '1m' },
      { name: 'reload_by_mtime', syntax: 'reload_by_mtime', description: "Reload when the file's modification time changes, not only its serial." },
      { name: 'fallthrough', syntax: 'fallthrough [ZONES...]', description: 'Hand NXDOMAIN answers for these zones (all when none given) to the next plugin.' },
      { name: 'upstream', syntax: 'upstream', description: 'Accepted and ignored; external CNAME targets are always resolved through the server itself.' },
    ],
    examples: ['example.org:53 {\n    file /etc/coredns/db.example.org\n}'],
  },
  setup,
  handler: fileHandler,
};
