// The `log` directive: writes one line per query (optionally only for some names and response classes)
// in a format built from placeholders. Reads its arguments like CoreDNS 1.14's log setup.
import type { PluginModule, SetupContext } from './types.js';
import { toFqdn } from '../corefile/zone.js';
import { logHandler } from './handlers/log.js';
import { appendOrStart } from './util/lists.js';

export type LogClass = 'all' | 'success' | 'denial' | 'error';

export interface LogRule {
  /** Names under this zone are logged. */
  nameScope: string;
  format: string;
  classes: readonly LogClass[];
}

export interface LogConfig {
  rules: LogRule[];
}

export const COMMON_LOG_FORMAT = '{remote}:{port} - {>id} "{type} {class} {name} {proto} {size} {>do} {>bufsize}" {rcode} {>rflags} {rsize} {duration}';
export const COMBINED_LOG_FORMAT = `${COMMON_LOG_FORMAT} "{>opcode}"`;
const CLASSES: readonly string[] = ['all', 'success', 'denial', 'error'];
/** The classes of a rule whose stanza has no `class` option; every such rule shares this one list. */
const ALL_CLASSES: readonly LogClass[] = ['all'];

// The same few formats are written in block after block; each expansion is kept (up to a bound), so that
// blocks share one copy of the long format text.
const EXPANDED_FORMATS = new Map<string, string>();

/** The format with {common} and {combined} replaced by the formats they stand for. */
function expandFormat(written: string): string {
  let format = EXPANDED_FORMATS.get(written);
  if (format === undefined) {
    format = written.replaceAll('{common}', COMMON_LOG_FORMAT).replaceAll('{combined}', COMBINED_LOG_FORMAT);
    if (EXPANDED_FORMATS.size >= 256) EXPANDED_FORMATS.clear();
    EXPANDED_FORMATS.set(written, format);
  }
  return format;
}

function setup(ctx: SetupContext): LogConfig {
  const { d } = ctx;
  let rules: LogRule[] | undefined;
  while (d.next()) {
    // The stanza's rules go straight into the list; those from `first` on get the stanza's classes below.
    const first = rules === undefined ? 0 : rules.length;
    const args = d.remainingArgTokens();
    if (args.length === 0) {
      rules = appendOrStart(rules, { nameScope: '.', format: COMMON_LOG_FORMAT, classes: ALL_CLASSES });
    } else if (args.length === 1) {
      const only = args[0]!;
      if (only.value.includes('{') && !ctx.isUnknown(only)) {
        ctx.report('warning', 'log/format-as-name', `With a single argument CoreDNS reads '${only.value}' as a name to log, not as a format, so nothing is logged unless a query name ends in it. To set the format, name the zone first: 'log . ${only.value}'.`, only);
      }
      rules = appendOrStart(rules, { nameScope: toFqdn(only.value), format: COMMON_LOG_FORMAT, classes: ALL_CLASSES });
    } else {
      let namesEnd = args.length;
      let format = COMMON_LOG_FORMAT;
      const last = args[args.length - 1]!;
      if (last.value.includes('{')) {
        format = expandFormat(last.value);
        namesEnd--;
      }
      for (let i = 0; i < namesEnd; i++) rules = appendOrStart(rules, { nameScope: toFqdn(args[i]!.value), format, classes: ALL_CLASSES });
    }
    // A handful of classes at most, kept in the order first written (a repeated class counts once).
    let classes: LogClass[] | undefined;
    while (d.nextBlock()) {
      const option = d.token()!;
      if (option.value !== 'class') {
        ctx.report('error', 'log/unknown-option', `Unknown log option '${option.value}'; CoreDNS refuses to start. The only option is 'class all|success|denial|error...'.`, option);
        continue;
      }
      const values = d.remainingArgTokens();
      if (values.length === 0) {
        ctx.report('error', 'log/wrong-arguments', "'class' needs at least one response class; CoreDNS refuses it bare. Write e.g. 'class denial error'.", option);
      }
      for (const v of values) {
        if (ctx.isUnknown(v)) continue;
        if (!CLASSES.includes(v.value)) {
          ctx.report('error', 'log/bad-class', `'${v.value}' is not a response class; CoreDNS refuses it. Use all, success, denial or error (lower case).`, v);
        } else if (classes === undefined) {
          classes = [v.value as LogClass];
        } else if (!classes.includes(v.value as LogClass)) {
          classes.push(v.value as LogClass);
        }
      }
    }
    if (classes !== undefined && rules !== undefined) {
      for (let i = first; i < rules.length; i++) rules[i]!.classes = classes;
    }
  }
  if (rules !== undefined && rules.length === 1 && rules[0]!.classes === ALL_CLASSES) return sharedSingleRule(rules[0]!);
  return { rules: rules ?? [] };
}

// A block's log line is nearly always one rule without a class option, written alike in every block of a
// large Corefile. Those configurations are shared, one per format and name, as configs are only read once
// made. The maps are keyed by the strings themselves (formats come from one cache), so nothing is joined.
const SINGLE_RULE_CONFIGS = new Map<string, Map<string, LogConfig>>();
let sharedConfigs = 0;

function sharedSingleRule(rule: LogRule): LogConfig {
  let byName = SINGLE_RULE_CONFIGS.get(rule.format);
  let config = byName?.get(rule.nameScope);
  if (config !== undefined) return config;
  // Bounded: a file that logs a different name in every block starts the maps over now and then.
  if (sharedConfigs >= 1024) {
    SINGLE_RULE_CONFIGS.clear();
    sharedConfigs = 0;
    byName = undefined;
  }
  if (byName === undefined) SINGLE_RULE_CONFIGS.set(rule.format, (byName = new Map()));
  config = { rules: [rule] };
  byName.set(rule.nameScope, config);
  sharedConfigs++;
  return config;
}

export const log: PluginModule<LogConfig> = {
  name: 'log',
  setupOnly: false,
  handler: logHandler,
  repeat: 'repeatable',
  docs: {
    summary: 'Writes a line to standard output for each query, after it has been answered.',
    behaviour: 'Passes every query to the next plugin and, when the reply comes back, logs it if the query name is under one of the rule names and the reply is of a selected class. Never changes the reply.',
    syntax: ['log [NAMES...] [FORMAT]', 'log [NAMES...] [FORMAT] {\n    class all|success|denial|error...\n}'],
    arguments: [
      { name: 'NAMES', syntax: 'NAMES...', description: 'Only queries for names under these are logged. A single argument is always a name, even if it looks like a format.', default: '.' },
      { name: 'FORMAT', syntax: 'FORMAT', description: 'The line format, recognised (with two or more arguments) by containing `{`. Placeholders such as {remote}, {name}, {type}, {rcode}, {duration}; {common} and {combined} stand for the predefined formats.', default: '{common}' },
    ],
    options: [{ name: 'class', syntax: 'class CLASS...', description: 'Log only replies of these classes: success, denial (NXDOMAIN/NODATA), error, or all.', default: 'all' }],
    examples: ['. {\n    log . "{remote} {name} {type} {rcode}"\n    forward . 10.0.0.1\n}', '. {\n    log {\n        class denial error\n    }\n    forward . 10.0.0.1\n}'],
  },
  setup,
};
