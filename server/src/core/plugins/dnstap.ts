// The `dnstap` directive: streams a structured log of queries and responses to a dnstap collector
// (or serves it to collectors that connect), over a unix socket, TCP or TLS.
import { parseGoInt } from './args.js';
import type { PluginModule, SetupContext } from './types.js';
import { checkTlsFiles } from './util/query-a-files.js';
import { argError } from './util/query-a-read.js';
import { dnstapHandler } from './handlers/dnstap.js';

export interface DnstapSink {
  listen: boolean;
  transport: 'unix' | 'tcp' | 'tls';
  /** Socket path or host:port. */
  address: string;
  full: boolean;
  /** Write buffer in MiB and queue size in units of 10k messages. */
  writeBuffer: number;
  queue: number;
  skipVerify: boolean;
  identity?: string;
  version?: string;
  extra?: string;
}

export interface DnstapConfig {
  sinks: DnstapSink[];
}

function setup(ctx: SetupContext): DnstapConfig {
  const { d } = ctx;
  const sinks: DnstapSink[] = [];
  while (d.next()) {
    const directive = d.token()!;
    let args = d.remainingArgTokens();
    if (args.length === 0) {
      argError(ctx, 'dnstap', "dnstap needs an endpoint. Write e.g. 'dnstap /tmp/dnstap.sock full' or 'dnstap tcp://10.0.0.5:6000'.", directive);
      continue;
    }
    const listen = args[0]!.value === 'listen';
    if (listen) {
      if (args.length < 2) {
        ctx.report('error', 'dnstap/missing-endpoint', "'dnstap listen' needs an endpoint to listen on; CoreDNS refuses it. Write e.g. 'dnstap listen tcp://0.0.0.0:6000'.", args[0]);
        continue;
      }
      args = args.slice(1);
    }
    const endpoint = args[0]!.value;
    const sink: DnstapSink = { listen, transport: 'unix', address: endpoint.replace(/^unix:\/\//, ''), full: args[1]?.value === 'full', writeBuffer: 1, queue: 1, skipVerify: false };
    for (const scheme of ['tcp', 'tls'] as const) {
      if (endpoint.startsWith(`${scheme}://`)) {
        sink.transport = scheme;
        sink.address = endpoint.slice(scheme.length + 3).replace(/\/.*$/, '');
      }
    }
    const limits = [
      { index: 2, max: 1024, what: 'The TCP write buffer (MiB)', key: 'writeBuffer' as const },
      { index: 3, max: 4096, what: 'The queue size (x10k messages)', key: 'queue' as const },
    ];
    for (const { index, max, what, key } of limits) {
      const t = args[index];
      if (!t || ctx.isUnknown(t)) continue;
      const n = parseGoInt(t.value);
      if (n === undefined || n < 1 || n > max) {
        ctx.report('error', 'dnstap/bad-size', `${what} must be a whole number from 1 to ${max}; CoreDNS refuses '${t.value}'.`, t);
      } else sink[key] = n;
    }
    if (args.length > 4) {
      ctx.report('warning', 'dnstap/ignored-arguments', `CoreDNS ignores everything after ENDPOINT [full [WRITEBUFFER [QUEUE]]], so '${args[4]!.value}' has no effect. Remove it.`, args[4]);
    }
    while (d.nextBlock()) {
      const option = d.token()!;
      switch (option.value) {
        case 'skipverify':
          sink.skipVerify = true;
          break;
        case 'tls': {
          const files = d.remainingArgTokens();
          if (!listen) {
            ctx.report('error', 'dnstap/tls-not-listener', "The tls option configures a listener and CoreDNS refuses it here. Use 'dnstap listen tls://ADDRESS { tls CERT KEY }', or a tls:// endpoint to send over TLS.", option);
          } else if (files.length < 2) {
            ctx.report('error', 'dnstap/missing-tls-files', "'tls' needs a certificate and a key (and optionally a CA); CoreDNS refuses fewer. Write 'tls CERT KEY [CA]'.", option);
          } else {
            checkTlsFiles(ctx, 'dnstap', files.slice(0, 3).filter((f) => !ctx.isUnknown(f)));
          }
          break;
        }
        case 'identity':
        case 'version':
        case 'extra':
          if (!d.nextArg()) argError(ctx, 'dnstap', `'${option.value}' needs a value, e.g. '${option.value} ${option.value === 'extra' ? '"{qname}"' : 'edge-1'}'.`, option);
          else sink[option.value] = d.val();
          break;
        default:
          ctx.report('error', 'dnstap/unknown-option', `Unknown dnstap option '${option.value}'; CoreDNS refuses to start. Options are skipverify, tls (listeners only), identity, version and extra.`, option);
      }
    }
    sinks.push(sink);
  }
  return { sinks };
}

export const dnstap: PluginModule<DnstapConfig> = {
  name: 'dnstap',
  setupOnly: false,
  handler: dnstapHandler,
  repeat: 'repeatable',
  docs: {
    summary: 'Sends a binary log (dnstap) of queries and responses to a collector.',
    behaviour: 'Passes every query on and records the client query and response (and, through forward, the upstream exchange) as dnstap messages. Connection failures are only logged; the reply is never changed.',
    syntax: ['dnstap [listen] ENDPOINT [full|other [WRITEBUFFER [QUEUE]]]', 'dnstap [listen] ENDPOINT [...] {\n    skipverify\n    tls CERT KEY [CA]\n    identity IDENTITY\n    version VERSION\n    extra EXTRA\n}'],
    arguments: [
      { name: 'listen', syntax: 'listen', description: 'Accept collectors that connect to CoreDNS instead of connecting out.' },
      { name: 'ENDPOINT', syntax: 'ENDPOINT', description: 'A unix socket path (optionally unix://), tcp://HOST:PORT or tls://HOST:PORT.' },
      { name: 'full', syntax: 'full', description: 'Include the wire-format messages; any other word means without them.' },
      { name: 'WRITEBUFFER', syntax: 'WRITEBUFFER', description: 'TCP write buffer in MiB.', default: '1', values: '1-1024' },
      { name: 'QUEUE', syntax: 'QUEUE', description: 'Message queue size in units of 10,000.', default: '1', values: '1-4096' },
    ],
    options: [
      { name: 'skipverify', syntax: 'skipverify', description: 'Do not verify the TLS certificate.' },
      { name: 'tls', syntax: 'tls CERT KEY [CA]', description: 'Certificate for a TLS listener (listen mode only).' },
      { name: 'identity', syntax: 'identity IDENTITY', description: 'Server identity in the messages.', default: 'the host name' },
      { name: 'version', syntax: 'version VERSION', description: 'Server version in the messages.', default: 'CoreDNS-<version>' },
      { name: 'extra', syntax: 'extra EXTRA', description: 'Extra text per message; placeholders such as {qname} are filled in.' },
    ],
    examples: ['. {\n    dnstap tcp://10.0.0.5:6000 full\n    forward . 10.0.0.1\n}'],
  },
  setup,
};
