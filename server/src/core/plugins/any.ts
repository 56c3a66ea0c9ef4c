// any: refuses to enumerate ANY queries, following RFC 8482.
import type { PluginModule } from './types.js';
import { reportArgError } from './util/server-common.js';
import { anyHandler } from './handlers/any.js';

export type AnyConfig = Record<string, never>;

export const any: PluginModule<AnyConfig> = {
  name: 'any',
  setupOnly: false,
  handler: anyHandler,
  repeat: 'first-only',
  docs: {
    summary: 'Answers ANY queries with a single short HINFO record instead of every record of the name (RFC 8482).',
    behaviour:
      'ANSWERS queries of type ANY itself with one HINFO record ("RFC8482"), which keeps ANY from being used for amplification. Every other query type PASSES to the next plugin.',
    syntax: ['any'],
    arguments: [],
    options: [],
    examples: ['. {\n    any\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    d.next();
    // Even an empty `{ }` is refused: NextArg returns the opening brace as an argument.
    if (d.nextArg()) reportArgError(ctx, 'any', 'any takes no arguments and no block; write just `any`.');
    return {};
  },
};
