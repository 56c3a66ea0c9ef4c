// erratic: a test plugin that answers A and AAAA with fixed addresses and drops, delays or truncates every
// Nth query (plugin/erratic). Its counter runs for the life of the server, so the simulator keeps one per
// block across queries: the first query is number 0, which every `drop N` drops.
import type { DnsRecord, Handler } from '../../resolve/types.js';
import { bareName, newReply } from '../../resolve/message.js';
import type { ErraticConfig } from '../erratic.js';
import type { HandlerSite } from '../types.js';
import { stepper } from './zones/common.js';

function formatDelay(nanos: number): string {
  return nanos % 1e9 === 0 ? `${nanos / 1e9}s` : nanos % 1e6 === 0 ? `${nanos / 1e6}ms` : `${nanos}ns`;
}

export function erraticHandler(config: ErraticConfig, site: HandlerSite): Handler {
  let counter = 0;
  return {
    name: 'erratic',
    serve(req, _next, ctx) {
      const n = counter++;
      const q = req.msg.question[0]!;
      const drop = config.drop > 0 && n % config.drop === 0;
      const delay = config.delay > 0 && n % config.delay === 0;
      // CoreDNS tests `queryNr & truncate == 0` (a bitwise AND, not a remainder); the simulator does the same.
      const truncate = config.truncate > 0 && (n & config.truncate) === 0;
      const step = stepper(ctx, 'erratic', site);
      const delayNote = delay ? ` The reply is delayed by ${formatDelay(config.delayNanos)} (query ${n} is a multiple of ${config.delay}).` : '';
      if (drop && q.type !== 'A' && q.type !== 'AAAA') {
        step('dropped', `Query ${n} since the server started is a multiple of ${config.drop}: erratic drops it and the client gets no reply.`);
        return { rcode: 'NOERROR', dropped: true, answeredBy: 'erratic' };
      }
      if (q.type === 'AXFR') {
        step('not-simulated', `not simulated: erratic answers AXFR with a made-up zone transfer stream.${delayNote}`);
        return { rcode: 'NOERROR', dropped: true, answeredBy: 'erratic' };
      }
      if (q.type !== 'A' && q.type !== 'AAAA') {
        step('answered', `erratic answers only A and AAAA: for ${q.type} it returns SERVFAIL.${delayNote}`);
        return { rcode: 'SERVFAIL', answeredBy: 'erratic' };
      }
      if (drop) {
        step('dropped', `Query ${n} since the server started is a multiple of ${config.drop}: erratic drops it and the client gets no reply.`);
        return { rcode: 'NOERROR', dropped: true, answeredBy: 'erratic' };
      }
      const owner = bareName(q.name);
      const record: DnsRecord = q.type === 'A'
        ? { name: owner, type: 'A', class: 'IN', ttl: 0, data: '192.0.2.53' }
        : { name: owner, type: 'AAAA', class: 'IN', ttl: 0, data: '2001:db8::53' };
      // `large` repeats the A record 30 times so the reply needs TCP.
      const answer = q.type === 'A' && config.large ? Array.from({ length: 30 }, () => ({ ...record })) : [record];
      const reply = newReply(req.msg, 'NOERROR', { aa: true, answer });
      if (truncate) reply.flags.tc = true;
      step('answered', `erratic answers ${q.type} with ${answer.length} fixed record(s)${truncate ? ' and sets the TC bit' : ''}.${delayNote}`);
      return { rcode: 'NOERROR', reply, answeredBy: 'erratic' };
    },
  };
}
