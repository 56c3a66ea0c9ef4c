// tls: the certificate of the block's encrypted listeners (DoT, DoH, DoQ, DoH3, gRPC), from files or ACME.
import type { ArgToken } from '../corefile/dispenser.js';
import type { PluginModule, SetupContext } from './types.js';
import { acmeCaProblem, acmeDomainProblem, acmeResolverProblem } from './util/server-acme.js';
import { checkPemFile } from './util/server-tls-files.js';
import { reportArgError, reportUnknownOption } from './util/server-common.js';
import { appendOrStart } from './util/lists.js';

export type ClientAuth = 'nocert' | 'request' | 'require' | 'verify_if_given' | 'require_and_verify';

export interface TlsConfig {
  mode: 'files' | 'acme' | undefined;
  certFile?: string;
  keyFile?: string;
  caFile?: string;
  clientAuth: ClientAuth;
  keylog?: string;
  acmeDomains: string[];
  acmeEmail?: string;
  acmeCa?: string;
}

const CLIENT_AUTH: readonly ClientAuth[] = ['nocert', 'request', 'require', 'verify_if_given', 'require_and_verify'];
const MANUAL_OPTIONS = ['client_auth', 'keylog'];
const ACME_OPTIONS = ['acme', 'email', 'ca', 'storage', 'ca_root', 'resolver'];

/** Transports whose servers cannot start without a TLS configuration in their block. */
const NEED_TLS: Readonly<Record<string, string>> = {
  quic: 'a DNS-over-QUIC listener cannot start without a certificate ("tls.Config not set")',
  https3: 'DNS over HTTP/3 requires TLS',
};

export interface TransportTlsFinding {
  /** Index into the block's keys (the same order as BlockInfo.transports). */
  keyIndex: number;
  code: string;
  message: string;
}

/**
 * The block rule "quic:// and https3:// keys need the tls plugin". It cannot live in tls's setup, because
 * the problem is precisely that tls is absent; the check framework calls it once per block.
 */
export function checkTransportsNeedTls(transports: readonly string[], directives: ReadonlySet<string>): readonly TransportTlsFinding[] {
  // Runs for every block and nearly always finds nothing: that answer is one shared empty list.
  if (directives.has('tls')) return NO_FINDINGS;
  let out: TransportTlsFinding[] | undefined;
  for (let keyIndex = 0; keyIndex < transports.length; keyIndex++) {
    const transport = transports[keyIndex]!;
    const why = NEED_TLS[transport];
    if (why === undefined) continue;
    out = appendOrStart(out, {
      keyIndex,
      code: 'tls/required-for-transport',
      message: `This ${transport}:// server has no tls plugin in its block: CoreDNS refuses to start, because ${why}. Add \`tls CERT KEY\` (or an ACME \`tls { acme NAME }\` block) to this server block.`,
    });
  }
  return out ?? NO_FINDINGS;
}

const NO_FINDINGS: readonly TransportTlsFinding[] = [];

function readManual(ctx: SetupContext, args: readonly ArgToken[], config: TlsConfig): void {
  const { d } = ctx;
  if (args.length < 2 || args.length > 3) {
    reportArgError(ctx, 'tls', 'Write `tls CERT KEY [CA]` for certificate files, or `tls { acme NAME... }` for ACME.', args[args.length > 3 ? 3 : 0]);
    while (d.nextBlock()) d.remainingArgTokens();
    return;
  }
  config.mode = 'files';
  [config.certFile, config.keyFile, config.caFile] = args.map((a) => a.value);
  while (d.nextBlock()) {
    const option = d.val();
    if (!MANUAL_OPTIONS.includes(option)) {
      reportUnknownOption(ctx, 'tls', MANUAL_OPTIONS);
      d.remainingArgTokens();
      continue;
    }
    const values = d.remainingArgTokens();
    if (values.length !== 1) {
      reportArgError(ctx, 'tls', `Write \`${option} ${option === 'keylog' ? 'FILE' : 'TYPE'}\` with exactly one value.`);
      continue;
    }
    const v = values[0]!;
    if (option === 'keylog') config.keylog = v.value;
    else if (!ctx.isUnknown(v)) {
      const auth = CLIENT_AUTH.find((a) => a === v.value);
      if (auth) config.clientAuth = auth;
      else ctx.report('error', 'tls/invalid-client-auth', `'${v.value}' is not a client authentication type: CoreDNS refuses to start. Write one of ${CLIENT_AUTH.join(', ')}.`, v);
    }
  }
  checkPemFile(ctx, 'tls', args[0]!, 'certificate');
  checkPemFile(ctx, 'tls', args[1]!, 'key');
  if (args[2]) checkPemFile(ctx, 'tls', args[2], 'ca');
}

function readAcme(ctx: SetupContext, head: ArgToken | undefined, config: TlsConfig): void {
  const { d } = ctx;
  config.mode = 'acme';
  const seen = new Set<string>();
  while (d.nextBlock()) {
    const option = d.val();
    const optionToken = d.token()!;
    const values = d.remainingArgTokens();
    if (seen.has(option)) {
      ctx.report('error', 'tls/duplicate-acme-option', `The ACME option '${option}' is given twice: CoreDNS refuses to start. Keep one line.`, optionToken);
      continue;
    }
    seen.add(option);
    if (!ACME_OPTIONS.includes(option)) {
      reportUnknownOption(ctx, 'tls', ACME_OPTIONS, optionToken);
      continue;
    }
    if (option === 'acme' ? values.length === 0 : values.length !== 1) {
      reportArgError(ctx, 'tls', option === 'acme' ? 'Write `acme NAME...` with at least one domain.' : `Write \`${option} VALUE\` with exactly one value.`, optionToken);
      continue;
    }
    const known = values.filter((v) => !ctx.isUnknown(v));
    if (option === 'acme') {
      config.acmeDomains = values.map((v) => v.value);
      for (const v of known) {
        const problem = acmeDomainProblem(v.value);
        if (problem) ctx.report('error', 'tls/invalid-acme-domain', `The ACME domain '${v.value}' is invalid (${problem}): CoreDNS refuses to start. Write a domain name such as dns.example.org.`, v);
      }
    } else if (option === 'email') config.acmeEmail = values[0]!.value;
    else if (option === 'ca') {
      config.acmeCa = values[0]!.value;
      const problem = known[0] ? acmeCaProblem(known[0].value) : undefined;
      if (problem) ctx.report('error', 'tls/invalid-acme-ca', `The ACME CA '${known[0]!.value}' is not usable (${problem}): CoreDNS refuses to start. Write the directory URL, such as https://acme-v02.api.letsencrypt.org/directory.`, known[0]);
    } else if (option === 'resolver') {
      const problem = known[0] ? acmeResolverProblem(known[0].value) : undefined;
      if (problem) ctx.report('error', 'tls/invalid-acme-resolver', `The ACME resolver '${known[0]!.value}' is invalid (${problem}): CoreDNS refuses to start. Write HOST:PORT, such as 8.8.8.8:53.`, known[0]);
    } else if (option === 'ca_root' && known[0]) {
      checkPemFile(ctx, 'tls', known[0], 'ca');
    }
  }
  if (config.acmeDomains.length === 0) {
    ctx.report('error', 'tls/missing-acme-domain', 'tls without certificate files uses ACME, which needs at least one domain: CoreDNS refuses to start. Write `tls CERT KEY [CA]`, or add `acme NAME` inside a tls block.', head);
  }
}

export const tls: PluginModule<TlsConfig> = {
  name: 'tls',
  setupOnly: true,
  repeat: 'repeatable',
  docs: {
    summary: 'Gives the block\'s encrypted listeners (tls://, https://, quic://, https3://, grpc://) their certificate, from files or from an ACME CA.',
    behaviour:
      'Setup only: it never sees a query. Without it, tls://, https:// and grpc:// servers fall back to plain text, and quic:// and https3:// servers cannot start at all. With ACME, certificates for the listed domains are obtained and renewed automatically.',
    syntax: [
      'tls CERT KEY [CA] {',
      '    client_auth nocert|request|require|verify_if_given|require_and_verify',
      '    keylog FILE',
      '}',
      'tls {',
      '    acme DOMAIN...',
      '    email ADDRESS',
      '    ca URL',
      '    storage PATH',
      '    ca_root FILE',
      '    resolver HOST:PORT',
      '}',
    ],
    arguments: [
      { name: 'CERT', syntax: 'CERT', description: 'The PEM certificate chain of the server.' },
      { name: 'KEY', syntax: 'KEY', description: 'The PEM private key of the certificate.' },
      { name: 'CA', syntax: 'CA', description: 'PEM CA certificates used to verify client certificates.', default: 'the system roots' },
    ],
    options: [
      { name: 'client_auth', syntax: 'client_auth TYPE', description: 'Whether clients must present a certificate, and whether it is verified against CA.', default: 'nocert', values: CLIENT_AUTH.join(', ') },
      { name: 'keylog', syntax: 'keylog FILE', description: 'Appends TLS session keys to FILE (NSS key log format) for decrypting captures. Only for debugging.' },
      { name: 'acme', syntax: 'acme DOMAIN...', description: 'ACME mode: the names (a leading *. is allowed) to obtain a certificate for. Required in ACME mode.' },
      { name: 'email', syntax: 'email ADDRESS', description: 'The contact address of the ACME account.' },
      { name: 'ca', syntax: 'ca URL', description: 'The ACME directory URL (http or https).', default: "Let's Encrypt production" },
      { name: 'storage', syntax: 'storage PATH', description: 'Where account data and certificates are kept.', default: '.coredns/acme under root' },
      { name: 'ca_root', syntax: 'ca_root FILE', description: 'Extra PEM roots to trust when talking to the ACME CA.' },
      { name: 'resolver', syntax: 'resolver HOST:PORT', description: 'The DNS server used for ACME lookups and challenge checks.' },
    ],
    examples: ['tls://.:853 {\n    tls /etc/coredns/cert.pem /etc/coredns/key.pem\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    const config: TlsConfig = { mode: undefined, clientAuth: 'nocert', acmeDomains: [] };
    while (d.next()) {
      const head = d.token();
      const args = d.remainingArgTokens();
      if (args.length === 0) readAcme(ctx, head, config);
      else readManual(ctx, args, config);
    }
    return config;
  },
};
