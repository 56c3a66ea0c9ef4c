#!/usr/bin/env node
// `npm run test:electron`: the same extension-host suite as `npm run test:e2e`, under the official
// @vscode/test-electron runner, for machines that can download VS Code (this one cannot; use test:e2e).
// On a Linux machine without a display, run it under `xvfb-run -a`.
// VSCODE_VERSION picks the VS Code release (default: the oldest one engines.vscode allows).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { buildForE2E } from './lib/build.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workspace = path.join(projectRoot, 'test/e2e/workspace');

async function main() {
  const extensionTestsPath = await buildForE2E(projectRoot);
  await runTests({
    version: process.env.VSCODE_VERSION || '1.100.3',
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath,
    launchArgs: [
      workspace,
      // Other installed extensions must not change what the suite sees.
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
    ],
  });
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[e2e:electron] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
