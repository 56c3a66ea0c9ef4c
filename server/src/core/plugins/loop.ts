// loop: detects a forwarding loop at startup by sending itself a probe query.
import type { PluginModule } from './types.js';
import { reportArgError } from './util/server-common.js';
import { loopHandler } from './handlers/loop.js';

export interface LoopConfig {
  /** The zone the probe name is built under: the first key's zone, or the root. */
  zone: string;
}

export const loop: PluginModule<LoopConfig> = {
  name: 'loop',
  setupOnly: false,
  handler: loopHandler,
  repeat: 'once',
  docs: {
    summary: 'Detects forwarding loops: at startup it queries itself with a random name and stops CoreDNS if that query comes back.',
    behaviour:
      'After startup it sends a random probe name (under the block\'s first zone) to its own listen address. If the same probe reaches it three or more times, the query looped through an upstream back to this server, and CoreDNS exits with a fatal error. Otherwise it PASSES every query on; probing stops after a few seconds.',
    syntax: ['loop'],
    arguments: [],
    options: [],
    examples: ['. {\n    loop\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    d.next();
    if (d.nextArg()) reportArgError(ctx, 'loop', 'loop takes no arguments; write just `loop`.');
    // The block's zones are already normalised; CoreDNS uses the first key's zone.
    return { zone: ctx.block.zones[0] ?? '.' };
  },
};
