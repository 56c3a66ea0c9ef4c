// transfer: answers AXFR/IXFR for the zones of its block's authoritative plugins (plugin/transfer). Who
// may transfer is decided here; the transfer itself, a stream of messages, is not simulated.
import type { Handler } from '../../resolve/types.js';
import { matchZone, newReply } from '../../resolve/message.js';
import type { TransferConfig, TransferRule } from '../transfer.js';
import type { HandlerSite } from '../types.js';
import { stepper } from './zones/common.js';

/** The rule with the longest zone containing the name (ties: the greater zone), like longestMatch. */
function longestRule(rules: readonly TransferRule[], name: string): TransferRule | undefined {
  let best: TransferRule | undefined;
  let bestZone = '';
  for (const rule of rules) {
    const zone = matchZone(rule.zones, name);
    if (zone === undefined) continue;
    if (zone.length > bestZone.length || (zone.length === bestZone.length && zone > bestZone)) {
      best = rule;
      bestZone = zone;
    }
  }
  return best;
}

function allowed(rule: TransferRule, clientIp: string): boolean {
  for (const to of rule.to) {
    if (to === '*') return true;
    const match = /^\[?([^\]]*?)\]?:[0-9]+$/.exec(to);
    if (!match) return false;
    if (match[1] === clientIp) return true;
  }
  return false;
}

export function transferHandler(config: TransferConfig, site: HandlerSite): Handler {
  return {
    name: 'transfer',
    serve(req, next, ctx) {
      const q = req.msg.question[0]!;
      if (q.type !== 'AXFR' && q.type !== 'IXFR') return next(req);
      const step = stepper(ctx, 'transfer', site);
      if (req.client.transport !== 'tcp') {
        step('refused', `A zone transfer (${q.type}) must come over TCP; over UDP transfer returns REFUSED.`);
        return { rcode: 'REFUSED', answeredBy: 'transfer' };
      }
      const rule = longestRule(config.rules, q.name.toLowerCase());
      if (!rule) {
        step('passed', `No transfer rule covers ${q.name}: the query is passed on.`);
        return next(req);
      }
      if (!allowed(rule, req.client.ip)) {
        step('refused', `${req.client.ip} is not listed in "transfer to ${rule.to.join(' ')}": REFUSED.`);
        return { rcode: 'NOERROR', reply: newReply(req.msg, 'REFUSED'), answeredBy: 'transfer' };
      }
      step('not-simulated', `not simulated: ${req.client.ip} may transfer ${q.name}, and CoreDNS would stream the zone from the block's authoritative plugin; the simulator passes the query on instead.`);
      return next(req);
    },
  };
}
