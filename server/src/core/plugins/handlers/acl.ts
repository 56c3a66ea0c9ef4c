// acl: allows, blocks, filters or drops queries by client network and query type, rule by rule; the first
// policy of a matching rule that fits the query decides (plugin/acl).
import type { DnsMessage, Handler, Request } from '../../resolve/types.js';
import { cidrContains, matchZone, newReply } from '../../resolve/message.js';
import { parseCidr } from '../../corefile/zone.js';
import type { AclAction, AclConfig, AclPolicy } from '../acl.js';
import type { HandlerSite } from '../types.js';
import { stepper } from './zones/common.js';

/** EDNS0 option code of Extended DNS Errors (RFC 8914) and the two info codes acl uses. */
const EDE_OPTION = 15;
const EDE_BLOCKED = 15;
const EDE_FILTERED = 17;

function policyFits(policy: AclPolicy, req: Request): boolean {
  const qtype = req.msg.question[0]!.type;
  if (!policy.types.includes('*') && !policy.types.includes(qtype)) return false;
  if (policy.nets.includes('*')) return true;
  const ip = req.client.ip.split('%')[0]!;
  return policy.nets.some((net) => {
    const network = parseCidr(net);
    return network !== undefined && cidrContains(network, ip);
  });
}

/** A reply that carries an Extended DNS Error, as acl writes it: EDNS0 with 4096 bytes and the DO bit. */
function edeReply(query: DnsMessage, rcode: 'REFUSED' | 'NOERROR', info: number): DnsMessage {
  const reply = newReply(query, rcode);
  reply.edns = { udpSize: 4096, do: true, options: [{ code: EDE_OPTION, data: new Uint8Array([info >> 8, info & 0xff]) }] };
  return reply;
}

export function aclHandler(config: AclConfig, site: HandlerSite): Handler {
  return {
    name: 'acl',
    serve(req, next, ctx) {
      const q = req.msg.question[0]!;
      const step = stepper(ctx, 'acl', site);
      const clientIp = req.client.ip.split('%')[0]!;
      if (!/^[0-9a-fA-F:.]+$/.test(clientIp)) {
        step('refused', `The client address "${req.client.ip}" is not an IP address: acl blocks the query (REFUSED).`);
        return { rcode: 'NOERROR', reply: edeReply(req.msg, 'REFUSED', EDE_BLOCKED), answeredBy: 'acl' };
      }
      for (const rule of config.rules) {
        const zone = matchZone(rule.zones, q.name.toLowerCase());
        if (zone === undefined) continue;
        const policy = rule.policies.find((p) => policyFits(p, req));
        if (!policy) continue;
        const why = `client ${req.client.ip} and type ${q.type} match "${policy.action} type ${policy.types.join(' ')} net ${policy.nets.join(' ')}" for zone ${zone}`;
        const action: AclAction = policy.action;
        if (action === 'allow') {
          step('passed', `The ${why}: the query is allowed and passed on.`);
          return next(req);
        }
        if (action === 'drop') {
          step('dropped', `The ${why}: acl drops the query and the client gets no reply.`);
          return { rcode: 'NOERROR', dropped: true, answeredBy: 'acl' };
        }
        if (action === 'block') {
          step('refused', `The ${why}: acl blocks the query with REFUSED (extended error "Blocked").`);
          return { rcode: 'NOERROR', reply: edeReply(req.msg, 'REFUSED', EDE_BLOCKED), answeredBy: 'acl' };
        }
        step('answered', `The ${why}: acl filters the query with an empty NOERROR reply (extended error "Filtered").`);
        return { rcode: 'NOERROR', reply: edeReply(req.msg, 'NOERROR', EDE_FILTERED), answeredBy: 'acl' };
      }
      step('passed', `No acl policy matches client ${req.client.ip} and type ${q.type}: the query is allowed and passed on.`);
      return next(req);
    },
  };
}
