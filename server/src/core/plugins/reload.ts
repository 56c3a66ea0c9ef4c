// reload: watches the Corefile and reloads CoreDNS when it changes.
import { parseGoDuration, SECOND } from './args.js';
import type { PluginModule } from './types.js';
import { reportArgError } from './util/server-common.js';

export interface ReloadConfig {
  intervalNanos: number;
  /** The jitter after CoreDNS caps it at half the interval. */
  jitterNanos: number;
}

const DEFAULT_INTERVAL = 30 * SECOND;
const DEFAULT_JITTER = 15 * SECOND;

export const reload: PluginModule<ReloadConfig> = {
  name: 'reload',
  setupOnly: true,
  repeat: 'first-only',
  docs: {
    summary: 'Reloads CoreDNS gracefully when the Corefile changes on disk.',
    behaviour:
      'Setup only: it never sees a query. Every INTERVAL (plus or minus a random part of JITTER) it checks the Corefile\'s checksum and reloads when it changed; a new Corefile that fails to load is logged and the running one is kept. It is global: one block with reload enables it for the whole process.',
    syntax: ['reload [INTERVAL [JITTER]]'],
    arguments: [
      { name: 'INTERVAL', syntax: 'INTERVAL', description: 'How often the Corefile is checked, as a Go duration.', default: '30s', values: 'at least 2s' },
      { name: 'JITTER', syntax: 'JITTER', description: 'Random spread around the interval, so replicas do not reload together. Larger than half the interval is capped to half.', default: '15s', values: '0, or at least 1s' },
    ],
    options: [],
    examples: ['. {\n    reload 10s 2s\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    const config: ReloadConfig = { intervalNanos: DEFAULT_INTERVAL, jitterNanos: DEFAULT_JITTER };
    d.next();
    const args = d.remainingArgTokens();
    if (args.length > 2) {
      reportArgError(ctx, 'reload', 'Write `reload [INTERVAL [JITTER]]`, such as `reload 30s 15s`.', args[2]);
      return config;
    }
    const [intervalToken, jitterToken] = args;
    if (intervalToken && !ctx.isUnknown(intervalToken)) {
      const nanos = parseGoDuration(intervalToken.value);
      if (nanos === undefined) ctx.report('error', 'reload/invalid-duration', `'${intervalToken.value}' is not a duration: CoreDNS refuses to start. Write it with a unit, such as 30s.`, intervalToken);
      else if (nanos < 2 * SECOND) ctx.report('error', 'reload/interval-too-short', `The interval '${intervalToken.value}' is below 2s: CoreDNS refuses to start. Write 2s or more.`, intervalToken);
      else config.intervalNanos = nanos;
    }
    if (jitterToken && !ctx.isUnknown(jitterToken)) {
      const nanos = parseGoDuration(jitterToken.value);
      if (nanos === undefined) ctx.report('error', 'reload/invalid-duration', `'${jitterToken.value}' is not a duration: CoreDNS refuses to start. Write it with a unit, such as 5s, or 0 for no jitter.`, jitterToken);
      else if (nanos !== 0 && nanos < SECOND) ctx.report('error', 'reload/invalid-jitter', `The jitter '${jitterToken.value}' must be 0 or at least 1s: CoreDNS refuses to start. Write 0 or a duration of 1s or more.`, jitterToken);
      else config.jitterNanos = nanos;
    }
    // CoreDNS silently limits the jitter to half the interval.
    if (config.jitterNanos > config.intervalNanos / 2) config.jitterNanos = config.intervalNanos / 2;
    return config;
  },
};
