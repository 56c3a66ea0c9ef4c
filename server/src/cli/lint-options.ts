// Turns `corefile lint` arguments into what a lint run needs, checking every value on the way: a mistake
// in the flags is reported before any file is read, with what to write instead.
import { withDefaults, type AnalysisSettings } from '../core/settings.js';
import type { LanguageId } from '../core/types.js';
import { readTextFile } from '../node-host.js';
import { hasFlag, lastValue, parseArgs, type OptionSpec } from './args.js';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface LintOptions {
  format: OutputFormat;
  settings: AnalysisSettings;
  /** Forces the language of named files and standard input, and limits a directory walk to that kind. */
  lang?: LanguageId;
  /** Report errors only. */
  quiet: boolean;
  paths: string[];
}

export type LintArgsResult = { kind: 'run'; options: LintOptions } | { kind: 'help' } | { kind: 'error'; message: string };

const specs: OptionSpec[] = [
  { name: 'format', takesValue: true },
  { name: 'coredns-version', takesValue: true },
  { name: 'external-plugin', takesValue: true },
  { name: 'env', takesValue: true },
  { name: 'env-file', takesValue: true },
  { name: 'resolver', takesValue: true },
  { name: 'lang', takesValue: true },
  { name: 'quiet', takesValue: false },
  { name: 'help', short: 'h', takesValue: false },
];

const formats: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const languages: readonly LanguageId[] = ['corefile', 'resolvconf', 'yaml'];
const resolvers = ['glibc', 'musl'] as const;
const versionPattern = /^\d+\.\d+\.\d+$/;
// The same rule package.json gives the corefileLens.externalPlugins setting.
const pluginNamePattern = /^[A-Za-z0-9_-]+$/;

export function parseLintArgs(argv: readonly string[]): LintArgsResult {
  const parsed = parseArgs(argv, specs);
  if (!parsed.ok) return { kind: 'error', message: `${parsed.error}.` };
  const args = parsed.args;
  if (hasFlag(args, 'help')) return { kind: 'help' };

  const format = lastValue(args, 'format') ?? 'text';
  if (!isOneOf(format, formats)) return { kind: 'error', message: `unknown output format '${format}'. Use --format text, --format json or --format sarif.` };

  const version = lastValue(args, 'coredns-version');
  if (version !== undefined && !versionPattern.test(version)) {
    return { kind: 'error', message: `'${version}' is not a CoreDNS release. Write it as X.Y.Z, for example --coredns-version 1.14.7.` };
  }

  const plugins = args.options.get('external-plugin') ?? [];
  const badPlugin = plugins.find((p) => !pluginNamePattern.test(p));
  if (badPlugin !== undefined) {
    return { kind: 'error', message: `'${badPlugin}' is not a directive name. Give one plugin per --external-plugin, as written in the Corefile (letters, digits, '-' and '_').` };
  }

  const resolver = lastValue(args, 'resolver') ?? 'glibc';
  if (!isOneOf(resolver, resolvers)) return { kind: 'error', message: `unknown resolver '${resolver}'. Use --resolver glibc or --resolver musl.` };

  const lang = lastValue(args, 'lang');
  if (lang !== undefined && !isOneOf(lang, languages)) return { kind: 'error', message: `unknown language '${lang}'. Use --lang corefile, --lang resolvconf or --lang yaml.` };

  const env: Record<string, string> = {};
  const envFile = lastValue(args, 'env-file');
  if (envFile !== undefined) {
    const read = readEnvFile(envFile, env);
    if (read !== undefined) return { kind: 'error', message: read };
  }
  // --env comes after the file, so a value on the command line overrides the same name in the file.
  for (const pair of args.options.get('env') ?? []) {
    const entry = splitAssignment(pair);
    if (!entry) return { kind: 'error', message: `'--env ${pair}' is not KEY=VALUE. Write it as --env NAME=value, for example --env UPSTREAM=10.0.0.2.` };
    env[entry[0]] = entry[1];
  }

  if (args.positionals.length === 0) {
    return { kind: 'error', message: 'no PATH given. Name the files or directories to lint, or - to read standard input.' };
  }

  const options: LintOptions = {
    format,
    settings: withDefaults({ corednsVersion: version, externalPlugins: plugins, env, resolver }),
    quiet: hasFlag(args, 'quiet'),
    paths: args.positionals,
  };
  if (lang !== undefined) options.lang = lang;
  return { kind: 'run', options };
}

/**
 * Reads KEY=VALUE lines into `env`: blank lines and lines starting with '#' are skipped, an `export `
 * prefix is allowed and one pair of surrounding quotes is removed, as in the .env files people already
 * have. Returns a message when the file cannot be used.
 */
function readEnvFile(path: string, env: Record<string, string>): string | undefined {
  const read = readTextFile(path);
  if ('error' in read) return `cannot read the --env-file ${path}: ${read.error}. Check the path.`;
  const lines = read.text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const entry = splitAssignment(line.replace(/^export\s+/, ''));
    if (!entry) return `${path}:${i + 1}: '${line}' is not KEY=VALUE. Write one NAME=value per line; lines starting with # are comments.`;
    env[entry[0]] = unquote(entry[1]);
  }
  return undefined;
}

function splitAssignment(text: string): [string, string] | undefined {
  const eq = text.indexOf('=');
  if (eq <= 0) return undefined;
  const key = text.slice(0, eq).trim();
  if (key === '' || /\s/.test(key)) return undefined;
  return [key, text.slice(eq + 1)];
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.at(-1) === v[0]) return v.slice(1, -1);
  return v;
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}
