// minimal: trims successful responses down to what the client asked for.
import type { PluginModule } from './types.js';
import { reportArgError } from './util/server-common.js';
import { minimalHandler } from './handlers/minimal.js';

export type MinimalConfig = Record<string, never>;

export const minimal: PluginModule<MinimalConfig> = {
  name: 'minimal',
  setupOnly: false,
  handler: minimalHandler,
  repeat: 'first-only',
  docs: {
    summary: 'Builds minimal responses: drops the authority and additional sections from successful answers.',
    behaviour:
      'PASSES every query on, then rewrites the reply on its way back: a NOERROR answer that is not a delegation and not a zone transfer loses its authority and additional sections. Denials, delegations and errors are left untouched.',
    syntax: ['minimal'],
    arguments: [],
    options: [],
    examples: ['. {\n    minimal\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    d.next();
    if (d.nextArg()) reportArgError(ctx, 'minimal', 'minimal takes no arguments and no block; write just `minimal`.');
    return {};
  },
};
