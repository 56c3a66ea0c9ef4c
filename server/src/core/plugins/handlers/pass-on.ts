// Handlers for plugins whose effect on a query is nothing the client can see (logging, metrics, tracing)
// or something the simulator cannot know (a cloud API, etcd, a gRPC backend). Both pass the query on;
// the trace says which of the two it was and why, so a simulated answer is never silently wrong.
import type { Handler } from '../../resolve/types.js';
import type { HandlerSite } from '../types.js';

/** A plugin that observes the query and passes it on unchanged. */
export function noEffectHandler(name: string, site: HandlerSite, detail: string): Handler {
  return {
    name,
    serve(req, next, ctx) {
      ctx.step({ plugin: name, action: 'no-effect', detail, range: site.range, uri: site.uri });
      return next(req);
    },
  };
}

/**
 * A plugin whose answer depends on something outside the scenario: for names in its zones the trace says
 * "not simulated" and the query goes on; other names pass on as they would in CoreDNS.
 */
export function externalBackendHandler(name: string, site: HandlerSite, zones: readonly string[], why: (zone: string) => string, owns: (qname: string) => string | undefined): Handler {
  return {
    name,
    serve(req, next, ctx) {
      const qname = req.msg.question[0]?.name ?? '.';
      const zone = owns(qname);
      if (zone === undefined) {
        ctx.step({ plugin: name, action: 'passed', detail: `${qname} is outside ${name}'s zones (${zones.join(', ') || 'none'}), so it passes the query on.`, range: site.range, uri: site.uri });
        return next(req);
      }
      ctx.step({ plugin: name, action: 'not-simulated', detail: `not simulated: ${why(zone)} The simulator passes the query on to the next plugin instead.`, range: site.range, uri: site.uri });
      return next(req);
    },
  };
}
