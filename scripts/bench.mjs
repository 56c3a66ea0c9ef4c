// `npm run bench`: measures the code as it ships. The benchmarks are bundled with esbuild exactly like the
// product's bundles (no keepNames, unlike tsx, which renames every stored function on each call and would
// measure the test runner rather than the product), then run with plain node. Figures only, no asserts.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';

// out/ sits at the same depth as bench/, so the benchmarks find ../shared the same way in both.
const benches = [
  ['bench/run.ts', 'out/bench-run.js'],
  ['bench/resolve.ts', 'out/bench-resolve.js'],
];
for (const [entry, outfile] of benches) {
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
}
for (const [, outfile] of benches) execFileSync(process.execPath, [outfile], { stdio: 'inherit' });
