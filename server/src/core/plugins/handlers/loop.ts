// loop: in CoreDNS it probes for a forwarding loop once, right after start-up, and exits when its probe
// comes back (plugin/loop). The probe's outcome is decided when the simulated server is built (see
// resolve/engine/loop-check.ts); for queries the plugin passes everything on.
import type { Handler } from '../../resolve/types.js';
import type { LoopConfig } from '../loop.js';
import type { HandlerSite } from '../types.js';

export function loopHandler(config: LoopConfig, site: HandlerSite): Handler {
  return {
    name: 'loop',
    serve(req, next, ctx) {
      ctx.step({ plugin: 'loop', action: 'no-effect', detail: `loop only looks at its own start-up probe (HINFO under ${config.zone}); it passes this query on.`, range: site.range, uri: site.uri });
      return next(req);
    },
  };
}
