// pprof: serves Go's runtime profiles over HTTP for performance debugging.
import { parseGoInt } from './args.js';
import type { PluginModule } from './types.js';
import { checkListenAddress, reportArgError, reportUnknownOption } from './util/server-common.js';

export interface PprofConfig {
  address: string;
  /** The block-profile rate; 0 leaves block profiling off. */
  blockRate: number;
}

export const pprof: PluginModule<PprofConfig> = {
  name: 'pprof',
  setupOnly: true,
  repeat: 'once',
  docs: {
    summary: 'Publishes Go runtime profiles (CPU, heap, goroutines...) at /debug/pprof/ over HTTP.',
    behaviour: 'Setup only: it never sees a query. It starts an HTTP server with Go\'s net/http/pprof handlers on ADDRESS.',
    syntax: ['pprof [ADDRESS] {', '    block [RATE]', '}'],
    arguments: [{ name: 'ADDRESS', syntax: 'ADDRESS', description: 'Where the HTTP server listens, as HOST:PORT.', default: 'localhost:6053' }],
    options: [{ name: 'block', syntax: 'block [RATE]', description: 'Turns on the block profile, sampling one blocking event per RATE nanoseconds spent blocked.', default: 'off; 1 when block is given without a rate' }],
    examples: ['. {\n    pprof localhost:6053\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    const config: PprofConfig = { address: 'localhost:6053', blockRate: 0 };
    d.next();
    const args = d.remainingArgTokens();
    if (args.length > 1) reportArgError(ctx, 'pprof', 'Write at most one address, such as `pprof localhost:6053`.', args[1]);
    else if (args[0]) config.address = checkListenAddress(ctx, 'pprof', args[0], 'localhost:6053') ?? config.address;
    while (d.nextBlock()) {
      if (d.val() !== 'block') {
        reportUnknownOption(ctx, 'pprof', ['block']);
        d.remainingArgTokens();
        continue;
      }
      const values = d.remainingArgTokens();
      if (values.length > 1) {
        reportArgError(ctx, 'pprof', 'Write `block` or `block RATE`.');
        continue;
      }
      config.blockRate = 1;
      const v = values[0];
      if (!v || ctx.isUnknown(v)) continue;
      const n = parseGoInt(v.value);
      if (n === undefined) ctx.report('error', 'pprof/invalid-rate', `The block rate '${v.value}' is not an integer: CoreDNS refuses to start. Write a whole number, such as 1.`, v);
      else config.blockRate = n;
    }
    return config;
  },
};
