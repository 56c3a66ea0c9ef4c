// multisocket: opens several listening sockets on the same port so the kernel spreads load over them.
import { parseGoInt } from './args.js';
import type { PluginModule } from './types.js';
import { reportArgError } from './util/server-common.js';

export interface MultisocketConfig {
  /** The number of sockets; undefined means GOMAXPROCS (the number of usable CPUs). */
  sockets: number | undefined;
}

const MAX_SOCKETS = 1024;

export const multisocket: PluginModule<MultisocketConfig> = {
  name: 'multisocket',
  setupOnly: true,
  repeat: 'once',
  docs: {
    summary: 'Listens on the same port with several sockets (SO_REUSEPORT), so more CPU cores can serve queries.',
    behaviour: 'Setup only: it never sees a query. Each server of the block opens NUMBER sockets on its address and the kernel balances incoming queries across them.',
    syntax: ['multisocket [NUMBER]'],
    arguments: [{ name: 'NUMBER', syntax: 'NUMBER', description: 'How many sockets to open per server.', default: 'GOMAXPROCS (the CPUs CoreDNS may use)', values: '1 to 1024' }],
    options: [],
    examples: ['. {\n    multisocket 4\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    d.next();
    const args = d.remainingArgTokens();
    // Anything after the arguments — a second line, an option block — is an argument error.
    if (args.length > 1 || d.next()) {
      reportArgError(ctx, 'multisocket', 'Write `multisocket [NUMBER]` on one line, once per block, with no block of options.', args.length > 1 ? args[1] : undefined);
      return { sockets: undefined };
    }
    const t = args[0];
    if (!t || ctx.isUnknown(t)) return { sockets: undefined };
    const n = parseGoInt(t.value);
    if (n === undefined || n < 1 || n > MAX_SOCKETS) {
      ctx.report('error', 'multisocket/invalid-number', `'${t.value}' is not a socket count between 1 and ${MAX_SOCKETS}: CoreDNS refuses to start. Write a whole number in that range, or leave it out to use one socket per CPU.`, t);
      return { sockets: undefined };
    }
    return { sockets: n };
  },
};
