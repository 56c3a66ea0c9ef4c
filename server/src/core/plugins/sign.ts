// sign: signs zone files with DNSSEC in the background and writes the signed copies to disk.
import type { ArgToken } from '../corefile/dispenser.js';
import type { PluginModule, SetupContext } from './types.js';
import { zonesFromArgs } from './util/query-b-common.js';
import { lookUpFile, reportArgError, reportUnknownOption } from './util/server-common.js';
import { joinsRoot } from './util/plugin-path.js';

export interface SignerConfig {
  dbfile: string;
  origin: string;
  /** Key base names (without .key / .private). */
  keys: string[];
  directory: string;
}

export interface SignConfig {
  signers: SignerConfig[];
}

/**
 * A .key file holds one DNSKEY record; CoreDNS signs only with keys whose flags mark a KSK or CSK (the SEP
 * bit and the zone-key bit, i.e. flags 257). Returns a problem description, or undefined when usable.
 */
export function dnskeyProblem(text: string): string | undefined {
  const lines = text.split('\n').map((l) => l.replace(/;.*$/, '').trim()).filter((l) => l !== '');
  const words = lines.join(' ').split(/\s+/);
  const at = words.findIndex((w) => w.toUpperCase() === 'DNSKEY');
  if (at < 0) return 'it holds no DNSKEY record';
  const flags = Number(words[at + 1]);
  if (!Number.isInteger(flags)) return 'its DNSKEY record has no flags field';
  if ((flags & 0x101) !== 0x101) return `its DNSKEY has flags ${flags}, not a KSK or CSK (257)`;
  return undefined;
}

function readKeys(ctx: SetupContext, keys: string[]): boolean {
  const { d } = ctx;
  if (!d.nextArg()) {
    reportArgError(ctx, 'sign', 'Write `key file KEYBASE...`.');
    return false;
  }
  const source = d.token()!;
  if (source.value === 'directory') {
    ctx.report('error', 'sign/key-directory-not-implemented', '`key directory` is not implemented in CoreDNS: it refuses to start. List the key files with `key file KEYBASE...` instead.', source);
    d.remainingArgTokens();
    return false;
  }
  // Any other key source is silently ignored by CoreDNS, and the rest of its line is then read as options.
  if (source.value !== 'file') return true;
  const files: readonly ArgToken[] = d.remainingArgTokens();
  if (files.length === 0) {
    reportArgError(ctx, 'sign', 'Write `key file KEYBASE...` with at least one key.');
    return false;
  }
  for (const f of files) {
    const base = f.value.replace(/\.key$/, '').replace(/\.private$/, '');
    keys.push(base);
    const pub = lookUpFile(ctx, 'sign', f, `${base}.key`, 'CoreDNS refuses to start when it cannot read a signing key.', joinsRoot('sign', 'key'));
    if (pub !== undefined) {
      const problem = dnskeyProblem(pub);
      if (problem) ctx.report('error', 'sign/invalid-key', `The key file '${base}.key' is not usable (${problem}): CoreDNS refuses to start. Use a key pair made with dnssec-keygen -f KSK (or a CSK).`, f);
    }
    const priv = lookUpFile(ctx, 'sign', f, `${base}.private`, 'CoreDNS refuses to start when it cannot read a signing key.', joinsRoot('sign', 'key'));
    if (priv !== undefined && !/Private-key-format/.test(priv)) {
      ctx.report('error', 'sign/invalid-key', `'${base}.private' is not a BIND private key file: CoreDNS refuses to start. Use the .private file dnssec-keygen wrote next to the .key file.`, f);
    }
  }
  return true;
}

export const sign: PluginModule<SignConfig> = {
  name: 'sign',
  setupOnly: true,
  repeat: 'repeatable',
  docs: {
    summary: 'Signs a zone file with DNSSEC and writes the signed zone to a directory, re-signing it as signatures age.',
    behaviour:
      'Setup only: it never sees a query. At startup and then periodically it reads DBFILE, signs it with the given keys (adding NSEC records and signatures) and writes db.<zone>.signed into the directory; serve that file with the file plugin. Signing failures are logged, not fatal.',
    syntax: ['sign DBFILE [ZONES...] {', '    key file KEYBASE...', '    directory DIR', '}'],
    arguments: [
      { name: 'DBFILE', syntax: 'DBFILE', description: 'The unsigned zone file.' },
      { name: 'ZONES', syntax: 'ZONES...', description: 'The zones to sign from that file.', default: "the server block's zones" },
    ],
    options: [
      { name: 'key', syntax: 'key file KEYBASE...', description: 'The key pairs (KEYBASE.key and KEYBASE.private, as made by dnssec-keygen) to sign with; they must be KSKs or CSKs and are read at startup.' },
      { name: 'directory', syntax: 'directory DIR', description: 'Where the signed zone files are written.', default: '/var/lib/coredns' },
    ],
    examples: ['example.org {\n    sign /etc/coredns/db.example.org {\n        key file /etc/coredns/Kexample.org.+013+45330\n        directory /var/lib/coredns\n    }\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    const config: SignConfig = { signers: [] };
    while (d.next()) {
      if (!d.nextArg()) {
        reportArgError(ctx, 'sign', 'Write `sign DBFILE [ZONES...]`.');
        continue;
      }
      const dbToken = d.token()!;
      if (dbToken.value.includes('\uFFFD')) {
        ctx.report('error', 'sign/invalid-path', `The zone file path contains invalid characters: CoreDNS refuses to start. Write the path in plain UTF-8.`, dbToken);
      }
      const origins = zonesFromArgs(ctx, 'sign', d.remainingArgTokens());
      const keys: string[] = [];
      let directory = '/var/lib/coredns';
      while (d.nextBlock()) {
        const option = d.val();
        if (option === 'key') {
          readKeys(ctx, keys);
        } else if (option === 'directory') {
          const values = d.remainingArgTokens();
          if (values.length !== 1) ctx.report('error', 'sign/wrong-argument-count', 'directory takes exactly one directory: CoreDNS refuses to start. Write `directory DIR`.');
          else directory = values[0]!.value;
        } else {
          reportUnknownOption(ctx, 'sign', ['key', 'directory']);
          d.remainingArgTokens();
        }
      }
      if (!ctx.isUnknown(dbToken)) lookUpFile(ctx, 'sign', dbToken, dbToken.value, 'CoreDNS starts, but signing fails and is only logged, so no signed zone is written.', joinsRoot('sign'));
      for (const origin of origins) config.signers.push({ dbfile: dbToken.value, origin, keys: [...keys], directory });
    }
    return config;
  },
};
