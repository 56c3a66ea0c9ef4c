// Installs a real VS Code (the `code-server` npm package, which ships VS Code's own server and web
// workbench) into a cache folder outside the project, so the extension's dependencies stay small and a
// second run finds it ready. Nothing here downloads from GitHub or a VS Code CDN: this network only lets
// the npm registry through, so the one binary @vscode/ripgrep would fetch is taken from Debian instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// 4.100.x is the last line that runs on Node 20 (later releases need Node 22+); it is VS Code 1.100.3,
// which is why package.json's engines.vscode must not ask for anything newer than ^1.100.0.
export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.100.3';

const READY_MARKER = '.corefile-lens-ready';

export function codeServerCacheDir() {
  if (process.env.CODE_SERVER_CACHE) return path.resolve(process.env.CODE_SERVER_CACHE);
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'corefile-lens', `code-server-${CODE_SERVER_VERSION}`);
}

/** The root of the installed code-server package (holds lib/vscode/out/server-main.js). */
export function codeServerRoot(dir = codeServerCacheDir()) {
  return path.join(dir, 'node_modules', 'code-server');
}

/**
 * Makes sure code-server is installed and built; returns its package root. A folder without the ready
 * marker is a half-finished earlier attempt and is started over, because npm cannot resume a failed
 * native build reliably.
 */
export async function ensureCodeServer({ log = console.log, timeoutMs = 12 * 60_000 } = {}) {
  const dir = codeServerCacheDir();
  const root = codeServerRoot(dir);
  if (existsSync(path.join(dir, READY_MARKER)) && existsSync(path.join(root, 'lib/vscode/out/server-main.js'))) {
    return root;
  }
  const deadline = Date.now() + timeoutMs;
  log(`[install] code-server ${CODE_SERVER_VERSION} is not cached; installing into ${dir}`);
  // Only what an earlier attempt may have left; the folder itself may be one the user named.
  for (const leftover of ['node_modules', 'package.json', 'tmp']) {
    rmSync(path.join(dir, leftover), { recursive: true, force: true });
  }
  const tmp = path.join(dir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');

  // Step 1: fetch the package without its postinstall, which would otherwise run as part of
  // this npm call and try to download ripgrep before we can seed the cache below.
  await npm(['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts',
    `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, deadline, log });

  // Step 2: @vscode/ripgrep's postinstall downloads `rg` from GitHub, but it first looks in a cache
  // folder under TMPDIR; a tarball of Debian's rg placed there satisfies it without any download.
  seedRipgrepCache(root, tmp);

  // Step 3: the real postinstall: installs VS Code's own dependencies and builds native modules.
  // unsafe_perm: code-server refuses to build as root otherwise (CI runs as root).
  // yes: node-pty's install script calls npx, which would stop to ask.
  await npm(['rebuild', '--foreground-scripts', 'code-server', 'argon2'], {
    cwd: dir, deadline, log,
    env: { TMPDIR: tmp, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
  if (!existsSync(path.join(root, 'lib/vscode/out/server-main.js'))) {
    throw new Error(`code-server installed, but ${root}/lib/vscode/out/server-main.js is missing`);
  }
  writeFileSync(path.join(dir, READY_MARKER), `${CODE_SERVER_VERSION}\n`);
  log(`[install] code-server ${CODE_SERVER_VERSION} ready`);
  return root;
}

function seedRipgrepCache(root, tmp) {
  const shrinkwrap = JSON.parse(readFileSync(path.join(root, 'lib/vscode/npm-shrinkwrap.json'), 'utf8'));
  const rgVersion = shrinkwrap.packages?.['node_modules/@vscode/ripgrep']?.version;
  // Releases that bundle @vscode/ripgrep-universal instead carry the binaries and need nothing.
  if (!rgVersion) return;
  const rg = findOnPath('rg');
  if (!rg) {
    throw new Error('ripgrep (`rg`) is not on PATH; install the Debian package `ripgrep` (see .ci/run)');
  }
  const cache = path.join(tmp, `vscode-ripgrep-cache-${rgVersion}`);
  mkdirSync(cache, { recursive: true });
  const tarball = path.join(cache, `ripgrep-v13.0.0-10-${ripgrepTarget()}.tar.gz`);
  const tar = spawnSync('tar', ['-C', path.dirname(rg), '-czf', tarball, path.basename(rg)], { stdio: 'inherit' });
  if (tar.status !== 0) throw new Error(`could not pack ${rg} into ${tarball}`);
}

// The names @vscode/ripgrep uses for its release assets on Linux.
function ripgrepTarget() {
  switch (process.arch) {
    case 'x64': return 'x86_64-unknown-linux-musl';
    case 'arm64': return 'aarch64-unknown-linux-musl';
    case 'arm': return 'arm-unknown-linux-gnueabihf';
    default: throw new Error(`no ripgrep asset name known for architecture ${process.arch}`);
  }
}

function findOnPath(command) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function npm(args, { cwd, deadline, log, env = {} }) {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, {
      cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
    let tail = '';
    const keep = (chunk) => {
      tail = (tail + String(chunk)).slice(-8000);
      if (process.env.VERBOSE) process.stderr.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      log(`[install] npm ${args[0]} ran out of time; stopping it`);
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, Math.max(1000, deadline - Date.now()));
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`npm ${args.join(' ')} failed (${signal || `exit ${code}`}):\n${tail}`));
    });
  });
}
