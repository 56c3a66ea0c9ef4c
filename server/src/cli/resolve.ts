// `corefile resolve`: runs lookups through the simulated stub resolver and CoreDNS, and prints the trace
// (text) or the resolution result (JSON). The scenario is a file, the built-in default, or either with
// parts replaced by flags.
import { relative, resolve as resolvePath } from 'node:path';
import { clusterFromText } from '../core/resolve/cluster.js';
import { defaultScenario } from '../core/resolve/default-scenario.js';
import { renderJson, renderText } from '../core/resolve/report.js';
import { corefileSource, loadScenario, readQueryWords, withOverrides, type Scenario, type ScenarioOverrides } from '../core/resolve/scenario.js';
import { runScenario } from '../core/resolve/simulate.js';
import { nodeHost, readTextFile } from '../node-host.js';
import { hasFlag, lastValue, parseArgs, type OptionSpec } from './args.js';
import type { CliIo } from './io.js';
import { EXIT_CLEAN, EXIT_USAGE } from './lint.js';
import { RESOLVE_HELP } from './resolve-help.js';

const specs: OptionSpec[] = [
  { name: 'scenario', takesValue: true },
  { name: 'corefile', takesValue: true },
  { name: 'resolv-conf', takesValue: true },
  { name: 'cluster', takesValue: true },
  { name: 'resolver', takesValue: true },
  { name: 'format', takesValue: true },
  { name: 'help', short: 'h', takesValue: false },
];

export async function runResolve(argv: readonly string[], io: CliIo): Promise<number> {
  const usage = (message: string): number => {
    io.stderr(`corefile resolve: ${message}\nRun 'corefile resolve --help' for the options.\n`);
    return EXIT_USAGE;
  };
  const parsed = parseArgs(argv, specs);
  if (!parsed.ok) return usage(parsed.error);
  const args = parsed.args;
  if (hasFlag(args, 'help')) {
    io.stdout(RESOLVE_HELP);
    return EXIT_CLEAN;
  }
  const format = lastValue(args, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(`--format must be text or json, not '${format}'`);
  const resolver = lastValue(args, 'resolver');
  if (resolver !== undefined && resolver !== 'glibc' && resolver !== 'musl') return usage(`--resolver must be glibc or musl, not '${resolver}'`);

  const built = buildScenario(args.options, args.positionals);
  if ('error' in built) {
    io.stderr(`corefile resolve: ${built.error}\n`);
    return EXIT_USAGE;
  }
  for (const warning of built.warnings) io.stderr(`corefile resolve: warning: ${warning}\n`);
  const result = runScenario(built.scenario, { host: nodeHost, ...(resolver ? { resolver } : {}) });
  io.stdout(format === 'json' ? renderJson(result) : renderText(result, { displayPath: displayPath }));
  return EXIT_CLEAN;
}

/** Paths relative to the working directory when they are below it, absolute otherwise. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

type Built = { scenario: Scenario; warnings: string[] } | { error: string };

function buildScenario(options: Map<string, string[]>, words: string[]): Built {
  const value = (name: string): string | undefined => options.get(name)?.at(-1);
  const warnings: string[] = [];
  let base: Scenario;
  const scenarioPath = value('scenario');
  if (scenarioPath !== undefined) {
    const loaded = loadScenario(resolvePath(scenarioPath), nodeHost);
    if (!loaded.ok) return { error: loaded.errors.join('\n') };
    base = loaded.scenario;
    warnings.push(...loaded.warnings);
  } else {
    base = defaultScenario();
  }
  const overrides: ScenarioOverrides = {};
  const read = (flag: string): { text: string; path: string } | { error: string } | undefined => {
    const given = value(flag);
    if (given === undefined) return undefined;
    const path = resolvePath(given);
    const file = readTextFile(path);
    return 'text' in file ? { text: file.text, path } : { error: `--${flag}: cannot read ${given}: ${file.error}` };
  };
  const corefile = read('corefile');
  if (corefile && 'error' in corefile) return corefile;
  if (corefile) {
    const source = corefileSource(corefile.text, corefile.path);
    if (!source.ok) return { error: `--corefile: ${displayPath(corefile.path)}: ${source.message}` };
    overrides.corefile = source.source;
  }
  const resolvConf = read('resolv-conf');
  if (resolvConf && 'error' in resolvConf) return resolvConf;
  if (resolvConf) overrides.resolvConf = resolvConf;
  const cluster = read('cluster');
  if (cluster && 'error' in cluster) return cluster;
  if (cluster) {
    const model = clusterFromText(cluster.text);
    overrides.cluster = model;
    warnings.push(...model.problems.map((p) => `${displayPath(cluster.path)}: ${p}`));
    // The default scenario's client is a pod of the demo cluster; in another cluster it is a stranger.
    if (scenarioPath === undefined) overrides.clientIP = null;
  }
  if (words.length > 0) overrides.queries = readQueryWords(words);
  return { scenario: withOverrides(base, overrides), warnings };
}
