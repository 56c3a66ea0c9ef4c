// debug: turns on debug logging and lets panics crash CoreDNS instead of being recovered.
import type { PluginModule } from './types.js';
import { reportArgError } from './util/server-common.js';

export interface DebugConfig {
  enabled: boolean;
}

export const debug: PluginModule<DebugConfig> = {
  name: 'debug',
  setupOnly: true,
  repeat: 'repeatable',
  docs: {
    summary: 'Enables debug mode: debug-level log messages are printed and panics are no longer recovered.',
    behaviour:
      'Setup only: it never sees a query. With debug on, plugins print their debug messages (for example packet dumps from log) and a panic in a plugin crashes CoreDNS so that its stack trace is visible.',
    syntax: ['debug'],
    arguments: [],
    options: [],
    examples: ['. {\n    debug\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    while (d.next()) {
      if (d.nextArg()) {
        // CoreDNS stops at the first refusal; so do we, as the rest of the stream no longer lines up.
        reportArgError(ctx, 'debug', 'debug takes no arguments and no block; write just `debug`.');
        break;
      }
    }
    return { enabled: true };
  },
};
