// The hosts plugin: answers A, AAAA and PTR queries from a hosts file and from lines written inline.
// Reading follows plugin/hosts/setup.go's hostsParse; entries are read like its hostsfile.go parser.
import type { ArgToken } from '../corefile/dispenser.js';
import { normalizeName, parseIp } from '../corefile/zone.js';
import { parseGoDuration, parseGoInt, SECOND } from './args.js';
import type { PluginModule, SetupContext } from './types.js';
import { hostsHandler } from './handlers/hosts.js';
import { fallthroughZones, lookUpFile, reportArgError, reportShadowing, zonesFromArgs } from './util/query-b-common.js';
import { joinsRoot } from './util/plugin-path.js';
import { spanRange } from '../corefile/token.js';

export interface HostsEntry {
  address: string;
  /** Normalised names (lowercase, fully qualified). */
  names: string[];
}

export interface HostsConfig {
  /** The hosts file as written (default /etc/hosts). */
  path: string;
  /** True when the path came from the Corefile rather than the default. */
  explicitPath: boolean;
  /** The path resolved against the Corefile's folder, as the linter looked for it. */
  resolvedPath?: string;
  zones: string[];
  inline: HostsEntry[];
  fallthrough: string[];
  fallthroughUnsupported: boolean;
  /** False with no_reverse: no PTR records are made from the entries. */
  autoReverse: boolean;
  ttl: number;
  /** Nanoseconds; 0 turns re-reading the file off. */
  reload: number;
}

/** One hosts line as CoreDNS reads it: an address, then names; anything else is silently dropped. */
export function parseHostsLine(line: string): HostsEntry | undefined {
  const hash = line.indexOf('#');
  const fields = (hash >= 0 ? line.slice(0, hash) : line).split(/\s+/).filter((f) => f !== '');
  if (fields.length < 2) return undefined;
  const text = fields[0]!;
  const percent = text.indexOf('%');
  const address = percent >= 0 ? text.slice(0, percent) : text;
  if (!parseIp(address)) return undefined;
  return { address, names: fields.slice(1).map(normalizeName) };
}

function setup(ctx: SetupContext): HostsConfig {
  const { d } = ctx;
  const config: HostsConfig = {
    path: '/etc/hosts', explicitPath: false, zones: [], inline: [], fallthrough: [], fallthroughUnsupported: false,
    autoReverse: true, ttl: 3600, reload: 5 * SECOND,
  };
  if (!d.next()) return config;
  const directive = d.token()!;
  const args = d.remainingArgTokens();
  if (args.length > 0) {
    const file = args[0]!;
    config.path = file.value;
    config.explicitPath = true;
    checkHostsFile(ctx, file);
    // hosts joins a relative path to the block's `root`.
    const found = ctx.isUnknown(file) ? undefined : lookUpFile(ctx, file.value, joinsRoot('hosts'));
    if (found) config.resolvedPath = found.path;
  }
  config.zones = zonesFromArgs(ctx, 'hosts', args.slice(1));
  let unsupportedToken: ArgToken | undefined;

  while (d.nextBlock()) {
    const option = d.token()!;
    switch (d.val()) {
      case 'fallthrough':
        config.fallthrough = fallthroughZones(d.remainingArgTokens());
        break;
      case 'fallthrough_unsupported': {
        const extra = d.remainingArgTokens();
        if (extra.length > 0) reportArgError(ctx, 'hosts', "'fallthrough_unsupported' takes no value.", extra[0]);
        config.fallthroughUnsupported = true;
        unsupportedToken = option;
        break;
      }
      case 'no_reverse':
        // CoreDNS reads no arguments here: a word after it is read as the next option or inline line.
        config.autoReverse = false;
        break;
      case 'ttl': {
        const values = d.remainingArgTokens();
        if (values.length === 0) {
          ctx.report('error', 'hosts/invalid-ttl', "ttl needs a time in seconds: CoreDNS refuses to start. Write e.g. 'ttl 60'.", option);
          break;
        }
        if (ctx.isUnknown(values[0])) break;
        const ttl = parseGoInt(values[0]!.value);
        if (ttl === undefined) ctx.report('error', 'hosts/invalid-ttl', `The ttl '${values[0]!.value}' is not a number of seconds: CoreDNS refuses to start. Write whole seconds from 1 to 65535 (no unit).`, values[0]);
        else if (ttl <= 0 || ttl > 65535) ctx.report('error', 'hosts/invalid-ttl', `The ttl ${ttl} is out of range: CoreDNS refuses to start. Write whole seconds from 1 to 65535.`, values[0]);
        else config.ttl = ttl;
        break;
      }
      case 'reload': {
        const values = d.remainingArgTokens();
        if (values.length !== 1) {
          ctx.report('error', 'hosts/invalid-reload', "reload needs exactly one duration (0s turns reloading off): CoreDNS refuses to start. Write e.g. 'reload 10s'.", option);
          break;
        }
        if (ctx.isUnknown(values[0])) break;
        const reload = parseGoDuration(values[0]!.value);
        if (reload === undefined) ctx.report('error', 'hosts/invalid-reload', `Invalid duration for reload '${values[0]!.value}': CoreDNS refuses to start. Write a Go duration such as 10s or 1m, or 0 to turn reloading off.`, values[0]);
        else if (reload < 0) ctx.report('error', 'hosts/invalid-reload', `Invalid negative duration for reload '${values[0]!.value}': CoreDNS refuses to start. Use 0 to turn reloading off.`, values[0]);
        else config.reload = reload;
        break;
      }
      default: {
        const rest = d.remainingArgTokens();
        if (config.fallthrough.length > 0) {
          // Once fallthrough is set CoreDNS no longer takes unknown words as hosts lines.
          ctx.report('error', 'hosts/unknown-option', `Unknown property '${option.value}' of hosts: CoreDNS refuses to start. After 'fallthrough' only options (fallthrough_unsupported, no_reverse, ttl, reload) may follow; move inline hosts lines above the fallthrough line.`, option);
          break;
        }
        const line = [option, ...rest].map((t) => t.value).join(' ');
        const entry = parseHostsLine(line);
        if (entry) config.inline.push(entry);
        else if (![option, ...rest].some((t) => ctx.isUnknown(t))) {
          ctx.report('warning', 'hosts/ignored-inline-line', `CoreDNS silently ignores '${line}': an inline hosts line is an IP address followed by one or more names (and an unknown option is read as such a line). Write e.g. '10.0.0.1 db.example.org', or fix the option's spelling.`, spanRange(option, rest[rest.length - 1] ?? option));
        }
      }
    }
  }
  if (config.fallthroughUnsupported && config.fallthrough.length === 0) {
    ctx.report('error', 'hosts/fallthrough-unsupported-without-fallthrough', "fallthrough_unsupported requires fallthrough: CoreDNS refuses to start. Add a 'fallthrough' line.", unsupportedToken);
  }
  if (config.fallthrough.length === 0) {
    reportShadowing(ctx, 'hosts', config.zones, 'queries in its zones (it answers SERVFAIL for names it does not know)', directive);
  }
  return config;
}

/** CoreDNS only logs a missing hosts file (it keeps re-reading it), so this is a warning. */
function checkHostsFile(ctx: SetupContext, file: ArgToken): void {
  if (ctx.isUnknown(file)) return;
  const found = lookUpFile(ctx, file.value, joinsRoot('hosts'));
  if (found?.kind === 'file') return;
  if (found?.kind === 'directory') {
    ctx.report('warning', 'hosts/file-is-directory', `${file.value} is a directory, not a hosts file: CoreDNS starts but finds no entries in it. Give the path of a file.`, file);
    return;
  }
  ctx.report('warning', 'hosts/file-not-found', `The hosts file ${file.value} was not found here (the linter cannot see the pod's file system). CoreDNS starts anyway and only logs that it is missing; make sure it exists in the pod.`, file);
}

export const hosts: PluginModule<HostsConfig> = {
  name: 'hosts',
  setupOnly: false,
  repeat: 'once',
  docs: {
    summary: 'Answers from a hosts file (/etc/hosts format) and from hosts lines written in the Corefile.',
    behaviour: 'For queries under its zones, answers A and AAAA for names it knows, and PTR for their addresses (PTR queries are answered for any zone). A name it does not know gets SERVFAIL unless fallthrough hands it to the next plugin; queries outside its zones are always passed on. The file is re-read periodically.',
    syntax: ['hosts [FILE [ZONES...]]', 'hosts [FILE [ZONES...]] {\n    [INLINE]\n    ttl SECONDS\n    no_reverse\n    reload DURATION\n    fallthrough [ZONES...]\n    fallthrough_unsupported\n}'],
    arguments: [
      { name: 'FILE', syntax: 'FILE', description: 'The hosts file to read; relative paths are taken from the root directive.', default: '/etc/hosts' },
      { name: 'ZONES', syntax: 'ZONES...', description: 'Only names under these zones are answered.', default: "the server block's zones" },
    ],
    options: [
      { name: 'INLINE', syntax: 'ADDRESS NAME...', description: 'A hosts line written in the block. Must come before fallthrough; lines that are not an address followed by names are silently ignored by CoreDNS.' },
      { name: 'ttl', syntax: 'ttl SECONDS', description: 'TTL of the answers, in whole seconds.', default: '3600', values: '1..65535' },
      { name: 'no_reverse', syntax: 'no_reverse', description: 'Do not answer PTR queries from the entries.' },
      { name: 'reload', syntax: 'reload DURATION', description: 'How often the file is checked for changes; 0 turns it off.', default: '5s' },
      { name: 'fallthrough', syntax: 'fallthrough [ZONES...]', description: 'Hand queries for unknown names in these zones (all when none given) to the next plugin.' },
      { name: 'fallthrough_unsupported', syntax: 'fallthrough_unsupported', description: 'Also hand queries of types other than A, AAAA and PTR to the next plugin. Requires fallthrough.' },
    ],
    examples: ['.:53 {\n    hosts {\n        10.0.0.1 example.org\n        fallthrough\n    }\n    forward . 10.0.0.53\n}'],
  },
  setup,
  handler: hostsHandler,
};
