// The auto plugin: serves every zone file found in a directory whose name matches a pattern. Reading follows
// plugin/auto/setup.go's autoParse. Zone files that do not load are only logged by CoreDNS, so they are not
// errors here.
import { RE2JS } from 're2js';
import type { ArgToken } from '../corefile/dispenser.js';
import { parseGoDuration, SECOND } from './args.js';
import type { PluginModule, SetupContext } from './types.js';
import { autoHandler } from './handlers/auto.js';
import { lookUpFile, reportArgError, zonesFromArgs } from './util/query-b-common.js';
import { joinsRoot } from './util/plugin-path.js';

export interface AutoConfig {
  zones: string[];
  /**
   * The directory scanned for zone files, as written; empty when no `directory` option is given, in which
   * case CoreDNS walks the empty path, which fails, so it loads no zone at all.
   */
  directory: string;
  /** RE2 pattern matched against file names; its groups feed the template. */
  pattern: string;
  /** The origin template in CoreDNS's `{1}` notation. */
  template: string;
  /** Nanoseconds between scans; 0 scans only once. */
  reload: number;
}

const OPTIONS = ['directory', 'reload', 'upstream'];
const MAX_REGEXP_LENGTH = 10000;

function setup(ctx: SetupContext): AutoConfig {
  const { d } = ctx;
  const config: AutoConfig = { zones: [], directory: '', pattern: 'db\\.(.*)', template: '{1}', reload: 60 * SECOND };
  while (d.next()) {
    config.zones = zonesFromArgs(ctx, 'auto', d.remainingArgTokens());
    while (d.nextBlock()) {
      const option = d.token()!;
      switch (d.val()) {
        case 'directory':
          readDirectory(ctx, option, config);
          break;
        case 'reload': {
          const args = d.remainingArgTokens();
          if (args.length === 0) {
            ctx.report('error', 'auto/invalid-reload', "reload needs a duration: CoreDNS refuses to start. Write e.g. 'reload 30s', or 'reload 0' to scan only at startup.", option);
            break;
          }
          if (ctx.isUnknown(args[0])) break;
          const reload = parseGoDuration(args[0]!.value);
          if (reload === undefined || reload < 0) ctx.report('error', 'auto/invalid-reload', `Invalid reload duration '${args[0]!.value}': CoreDNS refuses to start. Write a Go duration of 0 or more, such as 30s.`, args[0]);
          else config.reload = reload;
          break;
        }
        case 'upstream':
          d.remainingArgTokens();
          break;
        default:
          ctx.report('error', 'auto/unknown-option', `Unknown property '${d.val()}' of auto: CoreDNS refuses to start. Known options: ${OPTIONS.join(', ')}.`, option);
          d.remainingArgTokens();
      }
    }
  }
  return config;
}

/** `directory DIR [REGEXP TEMPLATE]`: exactly one or three values. */
function readDirectory(ctx: SetupContext, option: ArgToken, config: AutoConfig): void {
  const args = ctx.d.remainingArgTokens();
  if (args.length === 0) {
    reportArgError(ctx, 'auto', "Write 'directory DIR [REGEXP TEMPLATE]'.", option);
    return;
  }
  const dir = args[0]!;
  config.directory = dir.value;
  if (!ctx.isUnknown(dir)) {
    // auto joins a relative directory to the block's `root`.
    const found = lookUpFile(ctx, dir.value, joinsRoot('auto', 'directory'));
    if (found?.kind !== 'directory') {
      ctx.report('warning', 'auto/directory-not-found', `The directory ${dir.value} was not found here (the linter cannot see the pod's file system). CoreDNS starts anyway, logs that it is missing and serves no zones until files appear.`, dir);
    }
  }
  const pattern = args[1];
  if (!pattern) return;
  if (!ctx.isUnknown(pattern)) {
    if (pattern.value.length > MAX_REGEXP_LENGTH) {
      ctx.report('error', 'auto/invalid-regexp', `The regexp is longer than ${MAX_REGEXP_LENGTH} characters: CoreDNS refuses to start. Shorten it.`, pattern);
    } else {
      try {
        const re = RE2JS.compile(pattern.value);
        if (re.groupCount() === 0) ctx.report('error', 'auto/regexp-without-group', `The regexp '${pattern.value}' has no capture group: CoreDNS refuses to start. Capture the zone name, e.g. 'db\\.(.*)'.`, pattern);
        else config.pattern = pattern.value;
      } catch (error) {
        ctx.report('error', 'auto/invalid-regexp', `The regexp '${pattern.value}' does not compile (${error instanceof Error ? error.message : String(error)}): CoreDNS refuses to start. Write an RE2 expression with a capture group, e.g. 'db\\.(.*)'.`, pattern);
      }
    }
  }
  const template = args[2];
  if (!template) {
    ctx.report('error', 'auto/wrong-argument-count', `A regexp must be followed by the origin template: CoreDNS refuses to start. Write e.g. 'directory ${dir.value} ${pattern.value} {1}'.`, pattern);
    return;
  }
  config.template = template.value;
  if (args.length > 3) reportArgError(ctx, 'auto', "'directory' takes DIR, or DIR REGEXP TEMPLATE; remove the extra values.", args[3]);
}

export const auto: PluginModule<AutoConfig> = {
  name: 'auto',
  setupOnly: false,
  repeat: 'repeatable',
  docs: {
    summary: 'Serves zones from every zone file in a directory whose name matches a pattern.',
    behaviour: 'Scans the directory at startup and periodically; each matching file becomes a zone (origin from the template) answered authoritatively like the file plugin does. Queries for names outside the loaded zones are passed on. Files that fail to load are logged and skipped.',
    syntax: ['auto [ZONES...]', 'auto [ZONES...] {\n    directory DIR [REGEXP TEMPLATE]\n    reload DURATION\n}'],
    arguments: [{ name: 'ZONES', syntax: 'ZONES...', description: 'Only zones under these are loaded.', default: "the server block's zones" }],
    options: [
      { name: 'directory', syntax: 'directory DIR [REGEXP TEMPLATE]', description: "Where zone files live. REGEXP (RE2, needs a capture group) matches file names; TEMPLATE builds the origin from its groups, {1} being the first.", default: "none (without it no zone is loaded); REGEXP db\\.(.*) and TEMPLATE {1}" },
      { name: 'reload', syntax: 'reload DURATION', description: 'How often to rescan the directory and re-read changed zones; 0 scans only at startup.', default: '60s' },
      { name: 'upstream', syntax: 'upstream', description: 'Accepted and ignored.' },
    ],
    examples: ['.:53 {\n    auto {\n        directory /etc/coredns/zones db\\.(.*) {1}\n        reload 30s\n    }\n}'],
  },
  setup,
  handler: autoHandler,
};
