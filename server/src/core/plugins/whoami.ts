// whoami: answers every query with the address, port and transport the client used.
import type { PluginModule } from './types.js';
import { reportArgError } from './util/server-common.js';
import { whoamiHandler } from './handlers/whoami.js';

export type WhoamiConfig = Record<string, never>;

export const whoami: PluginModule<WhoamiConfig> = {
  name: 'whoami',
  setupOnly: false,
  handler: whoamiHandler,
  repeat: 'first-only',
  docs: {
    summary: 'Answers each query with the client\'s own IP address, port and transport.',
    behaviour:
      'ANSWERS every query that reaches it: the answer section holds an A or AAAA record with the client address, and the additional section an SRV record with the client port and transport (_udp or _tcp). It never passes a query on, so plugins after it in the chain are not consulted.',
    syntax: ['whoami'],
    arguments: [],
    options: [],
    examples: ['. {\n    whoami\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    d.next();
    // An option block counts as an argument too: CoreDNS's NextArg sees the '{'.
    if (d.nextArg()) reportArgError(ctx, 'whoami', 'whoami takes no arguments and no block; write just `whoami`.');
    return {};
  },
};
