// The `errors` directive: logs the errors that later plugins return, optionally folding repeated
// messages that match a pattern into one line per period. Reads its arguments like CoreDNS 1.14.
import type { ArgToken } from '../corefile/dispenser.js';
import { parseGoDuration } from './args.js';
import type { PluginModule, SetupContext } from './types.js';
import { compileGoRegex } from './util/query-a-regex.js';
import { argError } from './util/query-a-read.js';
import { errorsHandler } from './handlers/errors.js';
import { appendOrStart } from './util/lists.js';

export type ErrorsLogLevel = 'warning' | 'error' | 'info' | 'debug';

export interface ConsolidateRule {
  /** Nanoseconds. */
  period: number;
  pattern: string;
  level: ErrorsLogLevel;
  showFirst: boolean;
}

export interface ErrorsConfig {
  stacktrace: boolean;
  consolidate: readonly ConsolidateRule[];
}

const LEVELS: readonly string[] = ['warning', 'error', 'info', 'debug'];
/** Most `errors` lines have no consolidate rule; they share this one empty list. */
const NO_RULES: readonly ConsolidateRule[] = [];
/** The configuration of a plain `errors` line: shared, as configs are only read once made. */
const PLAIN: ErrorsConfig = { stacktrace: false, consolidate: NO_RULES };

function setup(ctx: SetupContext): ErrorsConfig {
  const { d } = ctx;
  const config: ErrorsConfig = { stacktrace: false, consolidate: NO_RULES };
  if (!d.next()) return config;
  const args = d.remainingArgTokens();
  if (args.length === 1 && !ctx.isUnknown(args[0]) && args[0]!.value !== 'stdout') {
    ctx.report('error', 'errors/bad-target', `errors can only log to stdout; CoreDNS refuses '${args[0]!.value}'. Write 'errors' or 'errors stdout'.`, args[0]);
  } else if (args.length > 1) {
    argError(ctx, 'errors', "errors takes at most one argument, 'stdout'.", args[1]);
  }
  let rules: ConsolidateRule[] | undefined;
  while (d.nextBlock()) {
    const option = d.token()!;
    if (option.value === 'stacktrace') {
      config.stacktrace = true;
    } else if (option.value === 'consolidate') {
      const rule = readConsolidate(ctx, option, d.remainingArgTokens());
      if (rule) rules = appendOrStart(rules, rule);
    } else {
      ctx.report('error', 'errors/unknown-option', `Unknown errors option '${option.value}'; CoreDNS refuses to start. The options are 'stacktrace' and 'consolidate PERIOD REGEXP [LEVEL] [show_first]'.`, option);
    }
  }
  if (rules !== undefined) config.consolidate = rules;
  return !config.stacktrace && rules === undefined ? PLAIN : config;
}

function readConsolidate(ctx: SetupContext, option: ArgToken, values: readonly ArgToken[]): ConsolidateRule | undefined {
  if (values.length < 2 || values.length > 4) {
    argError(ctx, 'errors', "Write 'consolidate PERIOD REGEXP [warning|error|info|debug] [show_first]', e.g. 'consolidate 5m \".* i/o timeout$\"'.", values[4] ?? option);
    return undefined;
  }
  if (values.some((v) => ctx.isUnknown(v))) return undefined;
  const [periodToken, patternToken, ...rest] = values as [ArgToken, ArgToken, ...ArgToken[]];
  const period = parseGoDuration(periodToken.value);
  if (period === undefined) {
    ctx.report('error', 'errors/bad-duration', `'${periodToken.value}' is not a duration; CoreDNS refuses it. Write e.g. '5m' or '30s'.`, periodToken);
    return undefined;
  }
  const compiled = patternToken.value.length > 10000 ? { ok: false as const, error: 'longer than 10000 characters' } : compileGoRegex(patternToken.value);
  if (!compiled.ok) {
    ctx.report('error', 'errors/bad-regex', `'${patternToken.value}' is not a valid regular expression (${compiled.error}); CoreDNS refuses it. CoreDNS uses Go's RE2 syntax.`, patternToken);
    return undefined;
  }
  let level: ErrorsLogLevel | undefined;
  let showFirst = false;
  for (const t of rest) {
    if (LEVELS.includes(t.value)) {
      if (level) {
        ctx.report('error', 'errors/repeated-level', `consolidate takes only one log level; CoreDNS refuses a second ('${t.value}'). Keep one.`, t);
        return undefined;
      }
      if (showFirst) {
        ctx.report('error', 'errors/level-after-show-first', `The log level must come before show_first; CoreDNS refuses this order. Write '... ${t.value} show_first'.`, t);
        return undefined;
      }
      level = t.value as ErrorsLogLevel;
    } else if (t.value === 'show_first') {
      showFirst = true;
    } else {
      ctx.report('error', 'errors/bad-consolidate-option', `Unknown consolidate value '${t.value}'; CoreDNS refuses it. After the pattern only a level (warning, error, info, debug) and show_first are allowed.`, t);
      return undefined;
    }
  }
  return { period, pattern: patternToken.value, level: level ?? 'error', showFirst };
}

export const errors: PluginModule<ErrorsConfig> = {
  name: 'errors',
  setupOnly: false,
  handler: errorsHandler,
  repeat: 'once',
  docs: {
    summary: 'Logs the errors that plugins later in the chain return while handling a query.',
    behaviour: 'Passes every query to the next plugin; when that returns an error, the error is written to standard output (or folded into a summary line by a consolidate rule). The reply itself is unchanged.',
    syntax: ['errors [stdout]', 'errors [stdout] {\n    stacktrace\n    consolidate PERIOD REGEXP [warning|error|info|debug] [show_first]\n}'],
    arguments: [{ name: 'stdout', syntax: 'stdout', description: 'Where errors are written; standard output is the only choice.', default: 'stdout' }],
    options: [
      { name: 'stacktrace', syntax: 'stacktrace', description: 'Log a stack trace when a plugin panics.' },
      { name: 'consolidate', syntax: 'consolidate PERIOD REGEXP [LEVEL] [show_first]', description: 'Errors matching REGEXP are counted and reported once per PERIOD at LEVEL; with show_first the first one is also logged in full. The level must come before show_first.', default: 'level error', values: 'LEVEL: warning, error, info, debug' },
    ],
    examples: ['. {\n    errors {\n        consolidate 5m ".* i/o timeout$" warning\n    }\n    forward . 10.0.0.1\n}'],
  },
  setup,
};
