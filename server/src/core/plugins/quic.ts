// quic: tunes DNS-over-QUIC (RFC 9250) servers: the quic:// keys of the block.
import type { PluginModule } from './types.js';
import { readListenerLimits } from './util/server-listener-options.js';

/** The limits as written; undefined means CoreDNS's default. */
export interface QuicConfig {
  maxStreams: number | undefined;
  workerPoolSize: number | undefined;
}

export const quic: PluginModule<QuicConfig> = {
  name: 'quic',
  setupOnly: true,
  repeat: 'first-only',
  docs: {
    summary: 'Tunes DNS-over-QUIC (RFC 9250) servers: the quic:// keys of the block.',
    behaviour: 'Setup only: it never sees a query. It sets resource limits of the block\'s quic:// listeners; blocks with other transports ignore it. Without the tls plugin a quic:// server cannot start.',
    syntax: ['quic {', '    max_streams NUMBER', '    worker_pool_size NUMBER', '}'],
    arguments: [],
    options: [
      { name: 'max_streams', syntax: 'max_streams NUMBER', description: 'How many streams one QUIC connection may have open at once.', default: '256', values: '1 or more' },
      { name: 'worker_pool_size', syntax: 'worker_pool_size NUMBER', description: 'How many workers process the streams of all connections.', default: '1024', values: '1 or more' },
    ],
    examples: ['quic://.:853 {\n    tls /etc/coredns/cert.pem /etc/coredns/key.pem\n    quic {\n        max_streams 256\n    }\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const limits = readListenerLimits(ctx, 'quic', { max_streams: 1, worker_pool_size: 1 });
    return { maxStreams: limits['max_streams'], workerPoolSize: limits['worker_pool_size'] };
  },
};
