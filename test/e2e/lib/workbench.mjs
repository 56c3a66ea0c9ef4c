// Starts VS Code's own server (from the installed code-server package) on a free loopback port and a
// headless Debian Chromium to show its web workbench, and makes sure both go away again: every process
// is started in its own process group so the extension host and our language server die with it.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const running = new Set();
const scratchDirs = new Set();

/**
 * Kills whatever is still running and removes its scratch folders; synchronous, so it is safe in an
 * 'exit' handler, and safe to call more than once.
 */
export function killAll(signal = 'SIGKILL') {
  for (const child of running) {
    try { process.kill(-child.pid, signal); } catch { /* the group is gone already */ }
  }
  running.clear();
  for (const dir of scratchDirs) {
    // A browser that is still shutting down may write into its profile; what is left is only litter.
    try { rmSync(dir, { recursive: true, force: true, maxRetries: 3 }); } catch { /* left behind */ }
  }
  scratchDirs.clear();
}

const browsers = new Set();

/** Closes every browser still open, giving up after a few seconds (used when the run is interrupted). */
export async function closeBrowsers() {
  const closing = [...browsers].map((context) => context.close().catch(() => {}));
  browsers.clear();
  await Promise.race([Promise.all(closing), new Promise((resolve) => setTimeout(resolve, 5000))]);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function waitForHttp(url, boundMs) {
  const giveUpAt = Date.now() + boundMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      http.get(url, (response) => { response.resume(); resolve(); })
        .on('error', () => {
          if (Date.now() > giveUpAt) reject(new Error(`VS Code's server did not answer at ${url}`));
          else setTimeout(attempt, 200);
        });
    };
    attempt();
  });
}

/**
 * Starts `server-main.js` with its smoke-test driver on (newer workbenches need it before they honour
 * extensionDevelopmentPath / extensionTestsPath from the URL), without a connection token, telemetry or
 * workspace trust, and with every data and temp folder inside a fresh directory.
 */
export async function startVSCodeServer({ codeServerRoot, scratchRoot, log = () => {} }) {
  mkdirSync(scratchRoot, { recursive: true });
  const scratch = mkdtempSync(path.join(scratchRoot, 'vscode-'));
  scratchDirs.add(scratch);
  const port = await freePort();
  const xdg = path.join(scratch, 'xdg');
  const tmp = path.join(scratch, 'tmp');
  mkdirSync(xdg, { recursive: true });
  mkdirSync(tmp, { recursive: true });
  const args = [
    path.join(codeServerRoot, 'lib/vscode/out/server-main.js'),
    '--host', '127.0.0.1', '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms', '--enable-smoke-test-driver',
    '--disable-workspace-trust', '--telemetry-level', 'off',
    '--server-data-dir', path.join(scratch, 'server-data'),
    '--user-data-dir', path.join(scratch, 'user-data'),
    '--extensions-dir', path.join(scratch, 'extensions'),
  ];
  const env = { ...process.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg, TMPDIR: tmp };
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  child.stdout.on('data', (chunk) => log(String(chunk)));
  child.stderr.on('data', (chunk) => log(String(chunk)));
  child.on('exit', () => running.delete(child));
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHttp(url, 60_000);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return {
    url,
    scratch,
    /** The address under which the workbench's remote side sees a local path. */
    remote: (localPath) => `vscode-remote://127.0.0.1:${port}${path.resolve(localPath)}`,
    stop: async () => {
      await stopProcess(child);
      rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
      scratchDirs.delete(scratch);
    },
  };
}

/** SIGTERM to the whole group, then SIGKILL if it has not gone within a few seconds. */
function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    }, 5000);
    child.once('exit', () => { clearTimeout(force); running.delete(child); resolve(); });
    try { process.kill(-child.pid, 'SIGTERM'); } catch { clearTimeout(force); resolve(); }
  });
}

export async function launchChromium(scratch) {
  const profile = path.join(scratch, 'chromium');
  const xdg = path.join(scratch, 'xdg');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: xdg, XDG_CACHE_HOME: xdg },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    viewport: { width: 1400, height: 900 },
    timeout: 60_000,
  });
  browsers.add(context);
  context.on('close', () => browsers.delete(context));
  return context;
}

/** The workbench address for a folder, with an optional payload (extension paths, test entry). */
export function workbenchUrl(server, folder, payload) {
  let url = `${server.url}?folder=${encodeURIComponent(path.resolve(folder))}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

export function defaultScratchRoot() {
  return path.join(os.tmpdir(), 'corefile-lens-e2e');
}
