// `corefile test`: runs scenarios and checks their expectations. Each query with an `expect` is one test;
// a mismatch prints what differed and the names the stub sent, and the run ends with "N passed, N failed".
import { resolve as resolvePath } from 'node:path';
import { loadScenario } from '../core/resolve/scenario.js';
import { checkExpect, runScenario, type QueryResultJson } from '../core/resolve/simulate.js';
import { listDirectory, nodeHost, statPath } from '../node-host.js';
import { hasFlag, parseArgs } from './args.js';
import type { CliIo } from './io.js';
import { EXIT_CLEAN, EXIT_ERRORS, EXIT_USAGE } from './lint.js';
import { displayPath } from './resolve.js';
import { TEST_HELP } from './resolve-help.js';

const SCENARIO_SUFFIX = '.dnstest.yaml';

export async function runTest(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, [{ name: 'help', short: 'h', takesValue: false }]);
  if (!parsed.ok) {
    io.stderr(`corefile test: ${parsed.error}\nRun 'corefile test --help' for usage.\n`);
    return EXIT_USAGE;
  }
  if (hasFlag(parsed.args, 'help')) {
    io.stdout(TEST_HELP);
    return EXIT_CLEAN;
  }
  if (parsed.args.positionals.length === 0) {
    io.stderr(`corefile test: name at least one scenario (*${SCENARIO_SUFFIX}) or a directory holding them.\n`);
    return EXIT_USAGE;
  }
  const { files, problems } = collectScenarios(parsed.args.positionals);
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const shown = displayPath(file);
    const loaded = loadScenario(file, nodeHost);
    if (!loaded.ok) {
      problems.push(...loaded.errors.map((e) => e.replace(file, shown)));
      continue;
    }
    for (const warning of loaded.warnings) io.stderr(`corefile test: warning: ${warning.replace(file, shown)}\n`);
    const result = runScenario(loaded.scenario, { host: nodeHost });
    result.results.forEach((query, i) => {
      const expect = loaded.scenario.queries[i]?.expect;
      if (!expect) return;
      const mismatches = checkExpect(query, expect);
      const label = `${shown}: ${query.query.name} ${query.query.type}`;
      if (mismatches.length === 0) {
        passed++;
        io.stdout(`ok    ${label}\n`);
        return;
      }
      failed++;
      io.stdout(`FAIL  ${label}\n${mismatches.map((m) => `      ${m.replace(/\n/g, '\n      ')}\n`).join('')}${triesSummary(query)}`);
    });
  }
  for (const problem of problems) io.stderr(`corefile test: ${problem}\n`);
  io.stdout(`${passed} passed, ${failed} failed\n`);
  if (problems.length > 0) return EXIT_USAGE;
  return failed > 0 ? EXIT_ERRORS : EXIT_CLEAN;
}

/** The names the stub sent and how each was answered, so a failure can be read without a second run. */
function triesSummary(query: QueryResultJson): string {
  if (query.tries.length === 0) return '      (the stub sent no query)\n';
  const lines = query.tries.map((t) => `        ${t.name} ${t.type} -> ${t.rcode}${t.answeredBy ? ` from ${t.answeredBy}` : ''}${t.serverBlock ? ` [block ${t.serverBlock}]` : ''}`);
  return `      what happened:\n${lines.join('\n')}\n`;
}

function collectScenarios(paths: readonly string[]): { files: string[]; problems: string[] } {
  const files: string[] = [];
  const problems: string[] = [];
  for (const given of paths) {
    const path = resolvePath(given);
    const kind = statPath(path);
    if (kind === 'file') files.push(path);
    else if (kind === 'directory') {
      const found = walk(path);
      if (found.length === 0) problems.push(`${given}: no *${SCENARIO_SUFFIX} file in this directory`);
      files.push(...found);
    } else problems.push(`cannot read ${given}: no such file or directory`);
  }
  return { files, problems };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of listDirectory(dir) ?? []) {
    if (name === 'node_modules' || name === '.git') continue;
    const path = `${dir}/${name}`;
    const kind = statPath(path);
    if (kind === 'directory') out.push(...walk(path));
    else if (kind === 'file' && name.endsWith(SCENARIO_SUFFIX)) out.push(path);
  }
  return out;
}
