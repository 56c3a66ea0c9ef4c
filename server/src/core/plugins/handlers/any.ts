// any: answers ANY queries with the RFC 8482 HINFO record instead of every record set (plugin/any).
import type { Handler } from '../../resolve/types.js';
import { bareName, newReply } from '../../resolve/message.js';
import type { AnyConfig } from '../any.js';
import type { HandlerSite } from '../types.js';

export function anyHandler(_config: AnyConfig, site: HandlerSite): Handler {
  return {
    name: 'any',
    serve(req, next, ctx) {
      const q = req.msg.question[0]!;
      if (q.type !== 'ANY') return next(req);
      const reply = newReply(req.msg, 'NOERROR', {
        answer: [{ name: bareName(q.name), type: 'HINFO', class: 'IN', ttl: 8482, data: { cpu: 'ANY obsoleted', os: 'See RFC 8482' } }],
      });
      ctx.step({ plugin: 'any', action: 'answered', detail: 'An ANY query gets one HINFO record ("ANY obsoleted", "See RFC 8482") instead of all record sets, as RFC 8482 allows.', range: site.range, uri: site.uri });
      return { rcode: 'NOERROR', reply, answeredBy: 'any' };
    },
  };
}
