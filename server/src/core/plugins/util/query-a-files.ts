// Looking up the files a plugin reads at setup. The linter cannot see the filesystem of the machine or
// pod CoreDNS runs on, so a file that is absent here is a warning that says what CoreDNS would do.
import type { ArgToken } from '../../corefile/dispenser.js';
import { pluginFilePath } from './plugin-path.js';
import type { SetupContext } from '../types.js';

export interface FoundFile {
  path: string;
  text: string;
}

/**
 * Reads the file named by `token` (relative paths from the Corefile's folder, or from the block's `root`
 * when `honoursRoot` says the plugin joins its paths to it).
 * When it is not there, reports `<directive>/file-not-found` as a warning whose message ends with
 * `consequence` (what CoreDNS does when the file is missing at startup). Returns the text when found.
 */
export function readPluginFile(ctx: SetupContext, directive: string, token: ArgToken, consequence: string, honoursRoot = false): FoundFile | undefined {
  if (ctx.isUnknown(token)) return undefined;
  const path = pluginFilePath(ctx, token.value, honoursRoot);
  if (path === undefined) {
    ctx.report('information', `${directive}/file-not-checked`, `The relative path '${token.value}' cannot be checked because this Corefile is not saved in a folder. CoreDNS resolves it from its working directory; ${consequence}`, token);
    return undefined;
  }
  const kind = ctx.host.stat(path);
  const text = kind === 'file' ? ctx.host.readFile(path) : undefined;
  if (text === undefined) {
    const what = kind === 'directory' ? 'is a directory, not a file' : 'was not found here';
    ctx.report('warning', `${directive}/file-not-found`, `'${path}' ${what}. If it is also missing where CoreDNS runs, ${consequence}`, token);
    return undefined;
  }
  return { path, text };
}

/** True when the text holds at least one PEM block of the given label (e.g. CERTIFICATE). */
export function hasPemBlock(text: string, label: RegExp): boolean {
  const re = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (label.test(m[1]!)) return true;
  }
  return false;
}

/**
 * Checks the CERT, KEY and CA files of a client TLS configuration (CoreDNS's tls.NewTLSConfigFromArgs):
 * with one argument it is the CA, with two a certificate and key, with three all of them. Missing files
 * are warnings; files that exist but hold no PEM block of the right kind are errors, as CoreDNS refuses them.
 */
export function checkTlsFiles(ctx: SetupContext, directive: string, args: readonly ArgToken[], honoursRoot = false): void {
  const roles: Array<'ca' | 'cert' | 'key'> = args.length === 1 ? ['ca'] : ['cert', 'key', 'ca'];
  args.forEach((token, i) => {
    const role = roles[i];
    if (!role) return;
    const found = readPluginFile(ctx, directive, token, 'CoreDNS refuses to start because it cannot load the TLS configuration.', honoursRoot);
    if (!found) return;
    const ok = role === 'key' ? hasPemBlock(found.text, /PRIVATE KEY$/) : hasPemBlock(found.text, /^(TRUSTED )?CERTIFICATE$/);
    if (!ok) {
      const want = role === 'key' ? 'a PEM private key (-----BEGIN ... PRIVATE KEY-----)' : 'PEM certificates (-----BEGIN CERTIFICATE-----)';
      ctx.report('error', `${directive}/bad-tls-file`, `'${found.path}' does not hold ${want}; CoreDNS refuses to start. Point this argument at the ${role === 'ca' ? 'CA bundle' : role === 'cert' ? 'certificate' : 'private key'} in PEM form.`, token);
    }
  });
}
