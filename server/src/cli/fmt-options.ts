// Turns `corefile fmt` arguments into what a run needs, reporting mistakes before any file is read.
import type { LanguageId } from '../core/types.js';
import { hasFlag, lastValue, parseArgs, type OptionSpec } from './args.js';

/** `print` writes the formatted text of one file; `check` lists unformatted files; `write` rewrites them. */
export type FmtMode = 'print' | 'check' | 'write';

export interface FmtOptions {
  mode: FmtMode;
  lang?: LanguageId;
  paths: string[];
}

export type FmtArgsResult = { kind: 'run'; options: FmtOptions } | { kind: 'help' } | { kind: 'error'; message: string };

const specs: OptionSpec[] = [
  { name: 'check', takesValue: false },
  { name: 'write', takesValue: false },
  { name: 'lang', takesValue: true },
  { name: 'help', short: 'h', takesValue: false },
];

const languages: readonly LanguageId[] = ['corefile', 'resolvconf', 'yaml'];

export function parseFmtArgs(argv: readonly string[]): FmtArgsResult {
  const parsed = parseArgs(argv, specs);
  if (!parsed.ok) return { kind: 'error', message: `${parsed.error}.` };
  const args = parsed.args;
  if (hasFlag(args, 'help')) return { kind: 'help' };
  const check = hasFlag(args, 'check');
  const write = hasFlag(args, 'write');
  if (check && write) return { kind: 'error', message: '--check and --write exclude each other. Use --check to find unformatted files, --write to rewrite them.' };
  const lang = lastValue(args, 'lang');
  if (lang !== undefined && !(languages as readonly string[]).includes(lang)) {
    return { kind: 'error', message: `unknown language '${lang}'. Use --lang corefile or --lang yaml.` };
  }
  if (args.positionals.length === 0) {
    return { kind: 'error', message: 'no PATH given. Name the files or directories to format, or - to read standard input.' };
  }
  const mode: FmtMode = check ? 'check' : write ? 'write' : 'print';
  const options: FmtOptions = { mode, paths: args.positionals };
  if (lang !== undefined) options.lang = lang as LanguageId;
  return { kind: 'run', options };
}
