// chaos: answers the CH-class TXT queries that reveal the server's version, authors and identity.
import type { ArgToken } from '../corefile/dispenser.js';
import type { PluginModule } from './types.js';
import { reportUnknownOption } from './util/server-common.js';
import { chaosHandler } from './handlers/chaos.js';

export interface ChaosConfig {
  /** The version string; undefined means CoreDNS's own ("CoreDNS-<version>"). */
  version: string | undefined;
  /** The author list; undefined means the built-in list of CoreDNS maintainers. */
  authors: string[] | undefined;
}

/** CoreDNS limits each TXT string to 255 octets. */
function trimTxt(s: string): string {
  return s.length < 256 ? s : s.slice(0, 255);
}

export const chaos: PluginModule<ChaosConfig> = {
  name: 'chaos',
  setupOnly: false,
  handler: chaosHandler,
  repeat: 'first-only',
  docs: {
    summary: 'Answers CHAOS-class TXT queries for version.bind, authors.bind, hostname.bind and id.server.',
    behaviour:
      'ANSWERS class CH, type TXT queries for version.bind / version.server (the version), authors.bind (the authors) and hostname.bind / id.server (the host name). Every other query PASSES to the next plugin.',
    syntax: ['chaos [VERSION [AUTHORS...]]'],
    arguments: [
      { name: 'VERSION', syntax: 'VERSION', description: 'The text returned for version.bind and version.server.', default: 'CoreDNS-<release>' },
      { name: 'AUTHORS', syntax: 'AUTHORS...', description: 'The names returned for authors.bind (duplicates removed, sorted).', default: 'the CoreDNS maintainers' },
    ],
    options: [],
    examples: ['. {\n    chaos "Example DNS 1.0" ops@example.org\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    const config: ChaosConfig = { version: undefined, authors: undefined };
    if (!d.next()) return config;
    const args: readonly ArgToken[] = d.remainingArgTokens();
    if (args.length >= 1) config.version = args.length === 1 ? trimTxt(args[0]!.value) : args[0]!.value;
    if (args.length > 1) config.authors = [...new Set(args.slice(1).map((a) => trimTxt(a.value)))].sort();
    // An empty block is fine; any line inside it is refused.
    if (d.nextBlock()) reportUnknownOption(ctx, 'chaos', []);
    return config;
  },
};
