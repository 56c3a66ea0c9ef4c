// A small command-line parser: `--name value`, `--name=value`, flags without a value, repeatable options,
// `--` to end the options and a lone `-` as an ordinary argument (standard input). It reports mistakes
// as sentences instead of throwing, so every command can print them the same way.

export interface OptionSpec {
  /** The long name without dashes: `format` for `--format`. */
  name: string;
  /** A one-letter alias without the dash: `h` for `-h`. */
  short?: string;
  takesValue: boolean;
}

export interface ParsedArgs {
  /** Every value given to each option, in order; a flag without a value is recorded as ''. */
  options: Map<string, string[]>;
  positionals: string[];
}

export type ParseResult = { ok: true; args: ParsedArgs } | { ok: false; error: string };

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParseResult {
  const options = new Map<string, string[]>();
  const positionals: string[] = [];
  const record = (name: string, value: string): void => {
    options.set(name, [...(options.get(name) ?? []), value]);
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const body = long ? arg.slice(2) : arg.slice(1);
    const eq = long ? body.indexOf('=') : -1;
    const key = eq >= 0 ? body.slice(0, eq) : body;
    const spec = specs.find((s) => (long ? s.name === key : s.short === key));
    if (!spec) return { ok: false, error: `unknown option '${long ? `--${key}` : arg}'` };
    const shown = `--${spec.name}`;
    if (!spec.takesValue) {
      if (eq >= 0) return { ok: false, error: `option '${shown}' takes no value, but '${arg}' gives one` };
      record(spec.name, '');
      continue;
    }
    if (eq >= 0) {
      record(spec.name, body.slice(eq + 1));
      continue;
    }
    const next = argv[i + 1];
    if (next === undefined || (next.startsWith('-') && next !== '-')) return { ok: false, error: `option '${shown}' needs a value` };
    record(spec.name, next);
    i++;
  }
  return { ok: true, args: { options, positionals } };
}

/** The last value given to an option (a later flag overrides an earlier one), or undefined. */
export function lastValue(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.at(-1);
}

export function hasFlag(args: ParsedArgs, name: string): boolean {
  return args.options.has(name);
}
