// tsig: requires TSIG-signed requests for the configured types and opcodes in its zones (plugin/tsig).
// Queries from stub resolvers are never signed, so a required signature means REFUSED.
import type { Handler } from '../../resolve/types.js';
import { matchZone, newReply } from '../../resolve/message.js';
import type { TsigConfig } from '../tsig.js';
import type { HandlerSite } from '../types.js';

export function tsigHandler(config: TsigConfig, site: HandlerSite): Handler {
  const required = (type: string, opcode: string): boolean =>
    config.requireTypes === 'all' || config.requireTypes.includes(type) || config.requireOpcodes === 'all' || config.requireOpcodes.map((o) => o.toUpperCase()).includes(opcode.toUpperCase());
  return {
    name: 'tsig',
    serve(req, next, ctx) {
      const q = req.msg.question[0]!;
      const signed = req.msg.additional.some((r) => r.type === 'TSIG');
      if (signed) {
        ctx.step({ plugin: 'tsig', action: 'not-simulated', detail: 'not simulated: the query carries a TSIG record, whose signature the simulator does not verify; the query is passed on.', range: site.range, uri: site.uri });
        return next(req);
      }
      if (!required(q.type, req.msg.opcode) || matchZone(config.zones, q.name) === undefined) return next(req);
      ctx.step({ plugin: 'tsig', action: 'refused', detail: `tsig requires a signed request for ${q.type} queries in ${config.zones.join(', ')}, and this query is not signed: REFUSED.`, range: site.range, uri: site.uri });
      return { rcode: 'NOERROR', reply: newReply(req.msg, 'REFUSED'), answeredBy: 'tsig' };
    },
  };
}
