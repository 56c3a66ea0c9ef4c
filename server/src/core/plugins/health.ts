// health: an HTTP endpoint that answers 200 OK while CoreDNS runs (a liveness probe).
import { parseGoDuration } from './args.js';
import type { PluginModule } from './types.js';
import { checkListenAddress, reportArgError, reportUnknownOption } from './util/server-common.js';

export interface HealthConfig {
  /** The address as written; empty means the default :8080. */
  address: string;
  lameduckNanos: number;
}

export const health: PluginModule<HealthConfig> = {
  name: 'health',
  setupOnly: true,
  repeat: 'repeatable',
  docs: {
    summary: 'Serves an HTTP liveness endpoint (/health) that answers 200 OK while the process is up.',
    behaviour:
      'Setup only: it never sees a query. GET /health answers 200 OK as long as CoreDNS runs. With lameduck, shutdown waits that long while still reporting healthy, so load balancers can drain. If the address cannot be listened on, CoreDNS fails to start.',
    syntax: ['health [ADDRESS] {', '    lameduck DURATION', '}'],
    arguments: [{ name: 'ADDRESS', syntax: 'ADDRESS', description: 'Where the HTTP endpoint listens, as HOST:PORT (HOST may be empty). With several health lines, the last address wins.', default: ':8080' }],
    options: [{ name: 'lameduck', syntax: 'lameduck DURATION', description: 'How long to keep running after a shutdown signal before stopping.', default: '0 (stop at once)' }],
    examples: ['. {\n    health {\n        lameduck 5s\n    }\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    const config: HealthConfig = { address: '', lameduckNanos: 0 };
    while (d.next()) {
      const args = d.remainingArgTokens();
      if (args.length > 1) reportArgError(ctx, 'health', 'Write at most one address, such as `health :8080`.', args[1]);
      else if (args[0]) config.address = checkListenAddress(ctx, 'health', args[0], ':8080') ?? config.address;
      while (d.nextBlock()) {
        if (d.val() !== 'lameduck') {
          reportUnknownOption(ctx, 'health', ['lameduck']);
          d.remainingArgTokens();
          continue;
        }
        const values = d.remainingArgTokens();
        if (values.length !== 1) {
          reportArgError(ctx, 'health', 'Write `lameduck DURATION`, such as `lameduck 5s`.');
          continue;
        }
        const v = values[0]!;
        if (ctx.isUnknown(v)) continue;
        const nanos = parseGoDuration(v.value);
        if (nanos === undefined) ctx.report('error', 'health/invalid-duration', `The lameduck value '${v.value}' is not a duration: CoreDNS refuses to start. Write it with a unit, such as 5s.`, v);
        else config.lameduckNanos = nanos;
      }
    }
    return config;
  },
};
