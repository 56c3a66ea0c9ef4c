// Checks of the PEM files the tls plugin loads at setup: a certificate chain, a private key and a CA
// bundle. The linter cannot parse X.509, so it checks what makes Go's loaders give up at once: the
// PEM blocks they look for are absent.
import type { ArgToken } from '../../corefile/dispenser.js';
import type { SetupContext } from '../types.js';
import { lookUpFile } from './server-common.js';
import { joinsRoot } from './plugin-path.js';

export type PemKind = 'certificate' | 'key' | 'ca';

const MARKERS: Record<PemKind, RegExp> = {
  certificate: /-----BEGIN CERTIFICATE-----/,
  key: /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  ca: /-----BEGIN CERTIFICATE-----/,
};

const WHAT: Record<PemKind, string> = {
  certificate: 'a PEM certificate (-----BEGIN CERTIFICATE-----)',
  key: 'a PEM private key (-----BEGIN ... PRIVATE KEY-----)',
  ca: 'PEM CA certificates (-----BEGIN CERTIFICATE-----)',
};

/** Looks up one PEM file; missing is a warning (CoreDNS would refuse to start), unusable is an error. */
export function checkPemFile(ctx: SetupContext, plugin: string, token: ArgToken, kind: PemKind): void {
  // The tls plugin joins every relative path (certificates, keys, ca_root) to the block's `root`.
  const text = lookUpFile(ctx, plugin, token, token.value, 'CoreDNS refuses to start when it cannot load it.', joinsRoot('tls'));
  if (text === undefined) return;
  if (!MARKERS[kind].test(text)) {
    ctx.report('error', `${plugin}/invalid-${kind}`, `'${token.value}' does not contain ${WHAT[kind]}: CoreDNS refuses to start. Point this argument at the right PEM file.`, token);
  }
}
