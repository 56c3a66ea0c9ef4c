// nsid: adds the Name Server Identifier EDNS0 option (RFC 5001) to responses.
import type { PluginModule } from './types.js';
import { nsidHandler } from './handlers/nsid.js';

export interface NsidConfig {
  /** The identifier; undefined means the host name of the machine (pod) CoreDNS runs on. */
  data: string | undefined;
}

export const nsid: PluginModule<NsidConfig> = {
  name: 'nsid',
  setupOnly: false,
  repeat: 'once',
  docs: {
    summary: 'Adds an NSID option (RFC 5001) identifying this server to replies when the client asks for it.',
    behaviour:
      'PASSES every query on; when the query carries an empty NSID EDNS0 option, the reply gets an NSID option with DATA.',
    syntax: ['nsid [DATA...]'],
    arguments: [{ name: 'DATA', syntax: 'DATA...', description: 'The identifier; several words are joined with single spaces.', default: 'the host name (the pod name in Kubernetes)' }],
    options: [],
    examples: ['. {\n    nsid edge-1\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    d.next();
    const args = d.remainingArgTokens();
    // CoreDNS loops over every remaining token and refuses any of them as a second nsid, so a block
    // (even an empty one) after the data is refused too.
    if (d.next()) {
      ctx.report('error', 'nsid/unexpected-block', "nsid takes no block: CoreDNS refuses to start. Write the identifier on the nsid line, such as `nsid edge-1`.");
    }
    return { data: args.length > 0 ? args.map((a) => a.value).join(' ') : undefined };
  },
  handler: nsidHandler,
};
