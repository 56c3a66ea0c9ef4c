// https3: tunes DNS-over-HTTP/3 servers: the https3:// keys of the block.
import type { PluginModule } from './types.js';
import { readListenerLimits } from './util/server-listener-options.js';

/** The limits as written; undefined means CoreDNS's default. */
export interface Https3Config {
  maxStreams: number | undefined;
  maxConnections: number | undefined;
}

export const https3: PluginModule<Https3Config> = {
  name: 'https3',
  setupOnly: true,
  repeat: 'first-only',
  docs: {
    summary: 'Tunes DNS-over-HTTP/3 servers: the https3:// keys of the block.',
    behaviour: 'Setup only: it never sees a query. It sets resource limits of the block\'s https3:// listeners; blocks with other transports ignore it. Without the tls plugin a https3:// server cannot start.',
    syntax: ['https3 {', '    max_streams NUMBER', '    max_connections NUMBER', '}'],
    arguments: [],
    options: [
      { name: 'max_streams', syntax: 'max_streams NUMBER', description: 'How many concurrent streams one HTTP/3 connection may carry; 0 means no limit.', default: '256', values: '0 or more' },
      { name: 'max_connections', syntax: 'max_connections NUMBER', description: 'How many client connections are accepted at once; 0 means no limit.', default: '200', values: '0 or more' },
    ],
    examples: ['https3://.:443 {\n    tls /etc/coredns/cert.pem /etc/coredns/key.pem\n    https3 {\n        max_streams 256\n    }\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const limits = readListenerLimits(ctx, 'https3', { max_streams: 0, max_connections: 0 });
    return { maxStreams: limits['max_streams'], maxConnections: limits['max_connections'] };
  },
};
