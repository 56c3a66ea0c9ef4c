// bufsize: caps the EDNS0 UDP buffer size of queries, to avoid IP fragmentation.
import { parseGoInt } from './args.js';
import type { PluginModule } from './types.js';
import { reportArgError } from './util/server-common.js';
import { bufsizeHandler } from './handlers/bufsize.js';

export interface BufsizeConfig {
  size: number;
}

const DEFAULT_SIZE = 1232;

export const bufsize: PluginModule<BufsizeConfig> = {
  name: 'bufsize',
  setupOnly: false,
  repeat: 'first-only',
  docs: {
    summary: 'Limits the EDNS0 UDP buffer size that queries advertise, so large answers use TCP instead of fragmented UDP.',
    behaviour:
      'PASSES every query on after lowering its advertised EDNS0 buffer size to SIZE when it is larger. Queries without EDNS0 are not changed.',
    syntax: ['bufsize [SIZE]'],
    arguments: [{ name: 'SIZE', syntax: 'SIZE', description: 'The largest buffer size a query may advertise, in bytes.', default: '1232', values: '512 to 4096' }],
    options: [],
    examples: ['. {\n    bufsize 1400\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    d.next();
    const args = d.remainingArgTokens();
    if (args.length === 0) return { size: DEFAULT_SIZE };
    if (args.length > 1) {
      reportArgError(ctx, 'bufsize', 'bufsize takes one size between 512 and 4096, such as `bufsize 1232`.', args[1]);
      return { size: DEFAULT_SIZE };
    }
    const t = args[0]!;
    if (ctx.isUnknown(t)) return { size: DEFAULT_SIZE };
    const n = parseGoInt(t.value);
    if (n === undefined || n < 512 || n > 4096) {
      ctx.report('error', 'bufsize/invalid-size', `'${t.value}' is not a buffer size between 512 and 4096: CoreDNS refuses to start. Write a whole number in that range; 1232 is the usual choice.`, t);
      return { size: DEFAULT_SIZE };
    }
    return { size: n };
  },
  handler: bufsizeHandler,
};
