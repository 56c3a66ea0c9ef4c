// cancel: gives every query a deadline so plugins stop working on it after a while.
import { parseGoDuration } from './args.js';
import type { PluginModule } from './types.js';
import { reportArgError } from './util/server-common.js';
import { cancelHandler } from './handlers/cancel.js';

export interface CancelConfig {
  /** The deadline in nanoseconds. */
  timeoutNanos: number;
}

const DEFAULT_NANOS = 5001e6;

export const cancel: PluginModule<CancelConfig> = {
  name: 'cancel',
  setupOnly: false,
  repeat: 'repeatable',
  docs: {
    summary: 'Puts a deadline on each query; plugins that honour it stop work on the query when it expires.',
    behaviour:
      'PASSES every query on with a context that is cancelled after TIMEOUT, so slow upstream lookups are abandoned instead of piling up.',
    syntax: ['cancel [TIMEOUT]'],
    arguments: [{ name: 'TIMEOUT', syntax: 'TIMEOUT', description: 'How long a query may take, as a Go duration.', default: '5001ms', values: 'a positive duration such as 2s or 500ms' }],
    options: [],
    examples: ['. {\n    cancel 2s\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    let timeoutNanos = DEFAULT_NANOS;
    while (d.next()) {
      const args = d.remainingArgTokens();
      if (args.length > 1) {
        reportArgError(ctx, 'cancel', 'cancel takes at most one timeout, such as `cancel 2s`.', args[1]);
        continue;
      }
      if (args.length === 0) {
        timeoutNanos = DEFAULT_NANOS;
        continue;
      }
      const t = args[0]!;
      if (ctx.isUnknown(t)) continue;
      const nanos = parseGoDuration(t.value);
      if (nanos === undefined) ctx.report('error', 'cancel/invalid-duration', `'${t.value}' is not a duration: CoreDNS refuses to start. Write it with a unit, such as 2s or 500ms.`, t);
      else if (nanos <= 0) ctx.report('error', 'cancel/invalid-duration', `The timeout '${t.value}' is not positive: CoreDNS refuses to start. Write a duration above zero, such as 2s.`, t);
      else timeoutNanos = nanos;
    }
    return { timeoutNanos };
  },
  handler: cancelHandler,
};
