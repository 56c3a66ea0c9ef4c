// `npm run bench`: figures, not assertions. Parse and validation throughput on a generated 100 000-line
// Corefile (goal: at least 20 MB/s each), and the wall time of linting the whole corpus in one process.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeCorefile } from '../server/src/core/corefile/analyze.js';
import { parseCorefile } from '../server/src/core/corefile/parse.js';
import { emptyHost } from '../server/src/core/host.js';
import { analyzeDocument, languageFromPath } from '../server/src/core/service.js';
import { defaultSettings } from '../server/src/core/settings.js';

function generateCorefile(lines: number): string {
  const out: string[] = [];
  let i = 0;
  while (out.length < lines) {
    out.push(`zone${i}.example.org:53 {`);
    out.push('    errors');
    out.push('    log . {combined}');
    out.push(`    forward . 10.0.${i % 250}.1 10.0.${i % 250}.2 {`);
    out.push('        max_fails 3');
    out.push('        policy sequential');
    out.push('    }');
    out.push('    cache 30 # keep answers for half a minute');
    out.push('}');
    i++;
  }
  return out.slice(0, lines).join('\n') + '\n';
}

/**
 * The median and the best of `rounds` timed runs, after `warmUp` untimed ones. The language server parses the same kinds of
 * text over and over, so what matters is the steady state: V8 has compiled the hot code and learnt which
 * allocation sites make long-lived objects (it then allocates those where long-lived objects go). That takes
 * a few runs of a large input; a single warm-up run measures mostly the learning.
 */
function measure(label: string, bytes: number, run: () => void, rounds = 9, warmUp = 3): void {
  for (let i = 0; i < warmUp; i++) run();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const best = times[0]!;
  const mbps = (ms: number): string => (bytes / 1e6 / (ms / 1000)).toFixed(1);
  // On a shared machine a run is only ever slowed down by others, so the best run is the code's own cost; the
  // median says what to expect while the machine is busy.
  console.log(`${label.padEnd(44)} ${median.toFixed(1).padStart(8)} ms  ${mbps(median).padStart(7)} MB/s  (median of ${rounds}; best ${best.toFixed(1)} ms = ${mbps(best)} MB/s)`);
}

const text = generateCorefile(100_000);
const bytes = Buffer.byteLength(text);
console.log(`generated Corefile: 100000 lines, ${(bytes / 1e6).toFixed(2)} MB`);
measure('parse (lexer + chevrotain grammar)', bytes, () => void parseCorefile(text, 'file:///bench/Corefile'));
measure('validate (parse + expand + all checks)', bytes, () => void analyzeCorefile({ uri: 'file:///bench/Corefile', text }, defaultSettings, emptyHost));

const corpus = resolve(__dirname, '..', '..', 'shared', 'corpus');
if (existsSync(corpus)) {
  const files: string[] = [];
  for (const dir of ['corefiles', 'configmaps', 'resolvconf']) {
    for (const name of readdirSync(join(corpus, dir))) files.push(join(corpus, dir, name));
  }
  const start = process.hrtime.bigint();
  let diagnostics = 0;
  for (const path of files) {
    const language = languageFromPath(path) ?? (path.includes('/resolvconf/') ? 'resolvconf' : 'corefile');
    diagnostics += analyzeDocument({ uri: `file://${path}`, path, text: readFileSync(path, 'utf8'), language }, defaultSettings, emptyHost).diagnostics.length;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`${'lint the whole corpus in one process'.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms  (${files.length} files, ${diagnostics} findings)`);
} else {
  console.log('../shared/corpus not found: corpus timing skipped');
}
