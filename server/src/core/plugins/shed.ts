// shed: drops UDP queries before the plugin chain when the server cannot keep up.
import type { PluginModule } from './types.js';
import { reportArgError } from './util/server-common.js';
import { shedHandler } from './handlers/shed.js';

export type ShedConfig = Record<string, never>;

export const shed: PluginModule<ShedConfig> = {
  name: 'shed',
  setupOnly: false,
  repeat: 'once',
  docs: {
    summary: 'Sheds load: drops incoming UDP queries early when replies can no longer be written fast enough.',
    behaviour:
      'Watches how many UDP replies are waiting to be written; while that backlog is full, new UDP queries are dropped before any plugin works on them, so the client retries elsewhere. Other queries PASS on. Only plain DNS (dns://) server blocks may use it.',
    syntax: ['shed'],
    arguments: [],
    options: [],
    examples: ['. {\n    shed\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    d.next();
    if (d.remainingArgTokens().length > 0) reportArgError(ctx, 'shed', 'shed takes no arguments; write just `shed`.');
    else if (d.nextBlock()) ctx.report('error', 'shed/no-options', `shed takes no options: CoreDNS refuses to start. Remove the block after 'shed'.`);
    const first = ctx.d.tokens[0];
    const others = [...new Set(ctx.block.transports.filter((t) => t !== 'dns'))];
    if (first && others.length > 0) {
      ctx.report('error', 'shed/not-plain-dns', `shed only works in plain DNS server blocks, but this block also listens on ${others.map((t) => `${t}://`).join(', ')}: CoreDNS refuses to start. Move shed to a block whose keys are all dns:// (or have no scheme).`, first);
    }
    return {};
  },
  handler: shedHandler,
};
