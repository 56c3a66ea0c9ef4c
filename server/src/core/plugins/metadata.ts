// metadata: collects metadata from other plugins so later plugins (log, view, acl...) can use it.
import type { PluginModule } from './types.js';
import { reportArgError } from './util/server-common.js';
import { originsFromArgs } from './args.js';
import { metadataHandler } from './handlers/metadata.js';

export interface MetadataConfig {
  /** The zones for which metadata is collected. */
  zones: string[];
}

export const metadata: PluginModule<MetadataConfig> = {
  name: 'metadata',
  setupOnly: false,
  handler: metadataHandler,
  repeat: 'once',
  docs: {
    summary: 'Enables metadata: values other plugins attach to a query (for example kubernetes/client-namespace) for use by log, view, acl and others.',
    behaviour:
      'PASSES every query on, after asking each metadata-providing plugin of the block to attach its values when the query name is in one of the zones.',
    syntax: ['metadata [ZONES...]'],
    arguments: [{ name: 'ZONES', syntax: 'ZONES...', description: 'The zones for which metadata is gathered.', default: "the server block's zones" }],
    options: [],
    examples: ['. {\n    metadata\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    d.next();
    const args = d.remainingArgTokens();
    const { zones } = originsFromArgs(
      args.filter((a) => !ctx.isUnknown(a)).map((a) => a.value),
      ctx.block.zones,
    );
    // An empty `{ }` is accepted; a block with anything in it is refused.
    if (d.nextBlock()) reportArgError(ctx, 'metadata', 'metadata takes no options; remove the lines inside its block.');
    return { zones };
  },
};
