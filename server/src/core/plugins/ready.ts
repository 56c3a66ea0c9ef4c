// ready: an HTTP endpoint that returns 200 once every plugin that can tell is ready.
import type { PluginModule } from './types.js';
import { checkListenAddress, reportArgError, reportUnknownOption } from './util/server-common.js';

export interface ReadyConfig {
  address: string;
  monitor: 'until-ready' | 'continuously';
}

export const ready: PluginModule<ReadyConfig> = {
  name: 'ready',
  setupOnly: true,
  repeat: 'once',
  docs: {
    summary: 'Serves an HTTP readiness endpoint (/ready) for Kubernetes readiness probes.',
    behaviour:
      'Setup only: it never sees a query. GET /ready answers 200 OK when all plugins that report readiness (kubernetes, erratic, ...) are ready, and 503 listing those that are not. Several blocks may share one address.',
    syntax: ['ready [ADDRESS] {', '    monitor until-ready|continuously', '}'],
    arguments: [{ name: 'ADDRESS', syntax: 'ADDRESS', description: 'Where the HTTP endpoint listens, as HOST:PORT (HOST may be empty).', default: ':8181' }],
    options: [
      { name: 'monitor', syntax: 'monitor until-ready|continuously', description: 'until-ready stops checking once everything was ready once; continuously keeps reporting the current state.', default: 'until-ready', values: 'until-ready, continuously' },
    ],
    examples: ['. {\n    ready :8181\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    const config: ReadyConfig = { address: ':8181', monitor: 'until-ready' };
    d.next();
    const args = d.remainingArgTokens();
    if (args.length > 1) reportArgError(ctx, 'ready', 'Write at most one address, such as `ready :8181`.', args[1]);
    else if (args[0]) config.address = checkListenAddress(ctx, 'ready', args[0], ':8181') ?? config.address;
    while (d.nextBlock()) {
      if (d.val() !== 'monitor') {
        reportUnknownOption(ctx, 'ready', ['monitor']);
        d.remainingArgTokens();
        continue;
      }
      const values = d.remainingArgTokens();
      if (values.length !== 1) {
        reportArgError(ctx, 'ready', 'Write `monitor until-ready` or `monitor continuously`.');
        continue;
      }
      const v = values[0]!;
      if (ctx.isUnknown(v)) continue;
      if (v.value === 'until-ready' || v.value === 'continuously') config.monitor = v.value;
      else ctx.report('error', 'ready/invalid-monitor', `The monitor type '${v.value}' is not supported: CoreDNS refuses to start. Write until-ready or continuously.`, v);
    }
    return config;
  },
};
