// dns64: for AAAA queries without AAAA answers, looks up the A records through the server and synthesises
// AAAA records under the DNS64 prefix (plugin/dns64, RFC 6147).
import type { DnsRecord, Handler } from '../../resolve/types.js';
import { ipBytes, formatIpv6, newReply, typify } from '../../resolve/message.js';
import { parseCidr } from '../../corefile/zone.js';
import type { Dns64Config } from '../dns64.js';
import type { HandlerSite } from '../types.js';
import { stepper } from './zones/common.js';

/** RFC 6052's embedding: the IPv4 bytes follow the prefix, skipping byte 8 (bits 64-71 stay zero). */
function embed(prefix: { bytes: number[]; prefix: number }, ipv4: number[]): string {
  const v6 = new Array<number>(16).fill(0);
  let i = 0;
  let j = 0;
  for (; i < prefix.prefix / 8; i++) v6[i] = prefix.bytes[i] ?? 0;
  for (; i < 8; i++, j++) v6[i] = ipv4[j] ?? 0;
  if (i === 8) i++;
  for (; j < 4; i++, j++) v6[i] = ipv4[j] ?? 0;
  return formatIpv6(v6);
}

export function dns64Handler(config: Dns64Config, site: HandlerSite): Handler {
  const prefix = parseCidr(config.prefix) ?? parseCidr('64:ff9b::/96')!;
  return {
    name: 'dns64',
    serve(req, next, ctx) {
      const q = req.msg.question[0]!;
      const step = stepper(ctx, 'dns64', site);
      if (q.type !== 'AAAA' || q.class !== 'IN') return next(req);
      if (!config.allowIpv4 && !req.client.ip.includes(':')) {
        step('passed', `The client ${req.client.ip} asks over IPv4 and allow_ipv4 is off: dns64 leaves the AAAA query alone.`);
        return next(req);
      }
      const result = next(req);
      const original = result.reply;
      if (!original) return result;
      if (typify(original) === 'NameError') {
        step('no-effect', 'The name does not exist (NXDOMAIN): dns64 passes the reply through.');
        return result;
      }
      if (!config.translateAll && original.answer.some((r) => r.type === 'AAAA')) {
        step('no-effect', 'The reply already has AAAA records: dns64 passes it through.');
        return result;
      }
      const lookupName = q.name.toLowerCase();
      const aReply = ctx.lookup(lookupName, 'A');
      // The TTL is the smaller of the A record's and the SOA's of the AAAA reply (600 without one).
      let soaTtl = 600;
      for (const r of original.authority) if (r.type === 'SOA' && typeof r.ttl === 'number') soaTtl = r.ttl;
      const answer: DnsRecord[] = aReply.answer.map((r): DnsRecord => {
        if (r.type !== 'A') return r;
        const bytes = ipBytes(r.data);
        if (!bytes || bytes.length !== 4) return r;
        return { name: r.name, type: 'AAAA', class: r.class ?? 'IN', ttl: Math.min(r.ttl ?? 0, soaTtl), data: embed(prefix, bytes) };
      });
      const reply = newReply(req.msg, 'NOERROR', { answer, authority: aReply.authority, additional: aReply.additional });
      reply.flags.tc = aReply.flags.tc;
      const synthesised = answer.filter((r) => r.type === 'AAAA').length;
      step('modified', `No AAAA answer${config.translateAll ? ' is used (translate_all)' : ''}: dns64 looks up A for ${lookupName} through the server and turns ${synthesised} A record(s) into AAAA under ${config.prefix}.`);
      return { rcode: reply.rcode, reply, answeredBy: 'dns64' };
    },
  };
}
