// The entry point VS Code's extension host loads for a test run (the @vscode/test-electron contract:
// a module exporting `run(): Promise<void>`; a rejected promise marks the run as failed). The same file
// serves the Electron runner and the code-server runner.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** A line test/e2e/run-code-server.mjs looks for (it repeats this string), to print the counts. */
export const RESULT_MARKER = 'corefile-lens-e2e-result';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000 });
  const grep = process.env.E2E_GREP;
  if (grep) mocha.grep(grep);
  // The runner's esbuild step writes one bundle per test file next to this one.
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run((failures) => {
      console.log(`${RESULT_MARKER} ${JSON.stringify({ passed, failed })}`);
      if (failures > 0) reject(new Error(`${failures} of ${passed + failed} end-to-end tests failed`));
      else resolve();
    });
    runner.on('pass', () => { passed += 1; });
    runner.on('fail', () => { failed += 1; });
  });
}
