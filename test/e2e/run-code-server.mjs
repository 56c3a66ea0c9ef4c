#!/usr/bin/env node
// `npm run test:e2e`: the extension in a real VS Code on a machine that cannot download VS Code.
// VS Code 1.100 comes from the `code-server` npm package (installed once into a cache folder) and its
// web workbench runs in a headless Debian Chromium. Two parts:
//   1. the mocha suite in test/e2e/suite runs in the real Node extension host, exactly as under
//      @vscode/test-electron (extensionDevelopmentPath + extensionTestsPath);
//   2. a browser check opens the broken fixture like a person and reads the squiggle, hover and
//      Problems panel, saving screenshots under .e2e/.
// Exits 0 only when everything passed. Environment: VERBOSE=1 shows the server's and the workbench's
// logs; E2E_GREP filters suite tests; CODE_SERVER_CACHE moves the install; CHROMIUM names the browser.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import util from 'node:util';
import { buildForE2E } from './lib/build.mjs';
import { ensureCodeServer } from './lib/code-server.mjs';
import { checkLikeAPerson } from './lib/ui-check.mjs';
import { closeBrowsers, defaultScratchRoot, killAll, launchChromium, startVSCodeServer, workbenchUrl } from './lib/workbench.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workspace = path.join(projectRoot, 'test/e2e/workspace');
const screenshotDir = path.join(projectRoot, '.e2e');
const verbose = Boolean(process.env.VERBOSE);
// Printed by test/e2e/suite/index.ts (RESULT_MARKER there) with the suite's counts.
const RESULT_MARKER = 'corefile-lens-e2e-result';
// Bounds that turn a hang into a failure; none of them is a performance expectation.
const SUITE_BOUND_MS = 5 * 60_000;
const UI_BOUND_MS = 4 * 60_000;

// Messages the workbench logs on every start in an offline sandbox (marketplace, telemetry, reconnects).
const noise = /^(Resolv|Creating a socket|Updating additional|\[Service Worker|ChatSession|\[reconnection|\[AccountPolicy|\[AgentHost|\[ChatModel|getaddrinfo (ENOTFOUND|EAI_AGAIN)|Failed to fetch|Extension Host$|%c)/;

const counts = { passed: 0, failed: 0 };
const failures = [];
function record(name, error) {
  if (error) {
    counts.failed += 1;
    failures.push(`${name}: ${error.message}`);
    console.log(`  ✗ ${name}\n      ${error.message.split('\n').join('\n      ')}`);
  } else {
    counts.passed += 1;
    console.log(`  ✓ ${name}`);
  }
}

process.on('exit', () => killAll());
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    console.error(`[e2e] ${signal}: stopping VS Code and Chromium`);
    await closeBrowsers();
    killAll();
    process.exit(130);
  });
}

function withBound(promise, boundMs, what) {
  let timer;
  const bound = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${boundMs / 1000} s`)), boundMs);
  });
  return Promise.race([promise, bound]).finally(() => clearTimeout(timer));
}

/** Part 1: the mocha suite inside the extension host. Returns nothing; records counts. */
async function runSuite(codeServerRoot, testsEntry) {
  console.log('[e2e] extension-host suite');
  const server = await startVSCodeServer({ codeServerRoot, scratchRoot: defaultScratchRoot(), log: verbose ? (s) => process.stderr.write(s) : () => {} });
  let context;
  let reported;
  try {
    context = await launchChromium(server.scratch);
    const page = context.pages()[0] ?? await context.newPage();
    let resolveExit;
    const exited = new Promise((resolve) => { resolveExit = resolve; });
    // The workbench calls these two when it runs with the smoke-test driver: every console message of
    // the extension host (mocha's reporter included) and, at the end, the test run's exit code.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const parts = Array.isArray(args) ? args : [args];
      const line = util.format(...parts);
      const marker = line.indexOf(RESULT_MARKER);
      if (marker >= 0) {
        reported = JSON.parse(line.slice(marker + RESULT_MARKER.length).trim().split('\n')[0]);
        return;
      }
      if (!verbose && noise.test(String(parts[0]))) return;
      (type === 'error' ? console.error : console.log)(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    await page.goto(workbenchUrl(server, workspace, [
      ['extensionDevelopmentPath', server.remote(projectRoot)],
      ['extensionTestsPath', server.remote(testsEntry)],
      ['skipWelcome', 'true'],
    ]));
    const code = await withBound(exited, SUITE_BOUND_MS, 'the extension-host suite');
    if (reported) {
      counts.passed += reported.passed;
      counts.failed += reported.failed;
      if (reported.failed > 0) failures.push(`${reported.failed} extension-host test(s), see above`);
    }
    if (code !== 0 && (!reported || reported.failed === 0)) {
      record('the extension-host suite ran to its end', new Error(`it exited with code ${code}`));
    }
  } catch (error) {
    record('the extension-host suite ran to its end', error);
  } finally {
    await context?.close().catch(() => {});
    await server.stop();
  }
}

/** Part 2: the workbench without a test entry, looked at through the browser. */
async function runUiChecks(codeServerRoot) {
  console.log('[e2e] browser checks');
  mkdirSync(screenshotDir, { recursive: true });
  const server = await startVSCodeServer({ codeServerRoot, scratchRoot: defaultScratchRoot(), log: verbose ? (s) => process.stderr.write(s) : () => {} });
  let context;
  try {
    context = await launchChromium(server.scratch);
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(workbenchUrl(server, workspace, [
      ['extensionDevelopmentPath', server.remote(projectRoot)],
      ['skipWelcome', 'true'],
    ]));
    await withBound(checkLikeAPerson(page, {
      codePrefix: 'syntax/unclosed-block',
      record,
      screenshot: async (name) => {
        const file = path.join(screenshotDir, name);
        await page.screenshot({ path: file });
        console.log(`    screenshot: ${path.relative(projectRoot, file)}`);
      },
    }), UI_BOUND_MS, 'the browser checks');
  } catch (error) {
    record('the browser checks ran to their end', error);
  } finally {
    await context?.close().catch(() => {});
    await server.stop();
  }
}

async function main() {
  const started = Date.now();
  const codeServerRoot = await ensureCodeServer();
  const installed = Date.now();
  const testsEntry = await buildForE2E(projectRoot);
  await runSuite(codeServerRoot, testsEntry);
  await runUiChecks(codeServerRoot);
  const seconds = (ms) => (ms / 1000).toFixed(1);
  console.log(`[e2e] took ${seconds(Date.now() - started)} s (install check ${seconds(installed - started)} s)`);
  if (failures.length > 0) console.log(`[e2e] failed:\n  ${failures.join('\n  ')}`);
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  return counts.failed === 0 && counts.passed > 0 ? 0 : 1;
}

main().then(
  (code) => { killAll(); process.exit(code); },
  (error) => {
    console.error(`[e2e] ${error instanceof Error ? error.stack : error}`);
    console.log(`${counts.passed} passed, ${counts.failed + 1} failed`);
    killAll();
    process.exit(1);
  },
);
