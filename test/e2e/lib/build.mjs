// Builds what an end-to-end run loads: the product bundles in dist/ (through the project's own build
// script, so the run tests exactly what ships) and the test suite, bundled to plain JavaScript under
// out/ because the extension host loads JavaScript only.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export async function buildForE2E(projectRoot) {
  const product = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, stdio: 'inherit' });
  if (product.status !== 0) throw new Error('`node scripts/build.mjs` failed; the extension cannot be loaded');
  for (const bundle of ['dist/extension.js', 'dist/server.js']) {
    if (!existsSync(path.join(projectRoot, bundle))) throw new Error(`${bundle} is missing after the build`);
  }

  const suiteDir = path.join(projectRoot, 'test/e2e/suite');
  const outDir = path.join(projectRoot, 'out/test/e2e/suite');
  rmSync(outDir, { recursive: true, force: true });
  const entryPoints = readdirSync(suiteDir)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => path.join(suiteDir, name));
  await build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    // `vscode` exists only inside the extension host; mocha is loaded from the project's node_modules
    // so that the test files and the runner in index.js share one instance (its globals).
    external: ['vscode', 'mocha'],
  });
  return path.join(outDir, 'index.js');
}
