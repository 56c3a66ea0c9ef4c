// https: tunes DNS-over-HTTPS (RFC 8484) servers: the https:// keys of the block.
import type { PluginModule } from './types.js';
import { readListenerLimits } from './util/server-listener-options.js';

/** The limits as written; undefined means CoreDNS's default. */
export interface HttpsConfig {
  maxConnections: number | undefined;
}

export const https: PluginModule<HttpsConfig> = {
  name: 'https',
  setupOnly: true,
  repeat: 'first-only',
  docs: {
    summary: 'Tunes DNS-over-HTTPS (RFC 8484) servers: the https:// keys of the block.',
    behaviour: 'Setup only: it never sees a query. It sets resource limits of the block\'s https:// listeners; blocks with other transports ignore it.',
    syntax: ['https {', '    max_connections NUMBER', '}'],
    arguments: [],
    options: [
      { name: 'max_connections', syntax: 'max_connections NUMBER', description: 'How many client connections are accepted at once; 0 means no limit.', default: '200', values: '0 or more' },
    ],
    examples: ['https://.:443 {\n    tls /etc/coredns/cert.pem /etc/coredns/key.pem\n    https {\n        max_connections 200\n    }\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const limits = readListenerLimits(ctx, 'https', { max_connections: 0 });
    return { maxConnections: limits['max_connections'] };
  },
};
