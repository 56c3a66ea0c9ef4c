// local: answers localhost, names under .localhost and the IPv4 loopback reverse zones itself, so they never
// leave the server (plugin/local, RFC 6761).
import type { DnsRecord, Handler, RcodeName } from '../../resolve/types.js';
import { bareName, matchZone, newReply } from '../../resolve/message.js';
import type { LocalConfig } from '../local.js';
import type { HandlerSite } from '../types.js';

const TTL = 604800;
const ZONES = ['localhost.', '0.in-addr.arpa.', '127.in-addr.arpa.', '255.in-addr.arpa.'];

function soa(origin: string): DnsRecord {
  return { name: bareName(origin), type: 'SOA', class: 'IN', ttl: TTL, data: { mname: 'localhost', rname: 'root.localhost', serial: 1, refresh: 0, retry: 0, expire: 0, minimum: TTL } };
}

function loopback(owner: string, type: string): DnsRecord | undefined {
  if (type === 'A') return { name: bareName(owner), type: 'A', class: 'IN', ttl: TTL, data: '127.0.0.1' };
  if (type === 'AAAA') return { name: bareName(owner), type: 'AAAA', class: 'IN', ttl: TTL, data: '::1' };
  return undefined;
}

export function localHandler(config: LocalConfig, site: HandlerSite): Handler {
  return {
    name: 'local',
    serve(req, next, ctx) {
      const q = req.msg.question[0]!;
      const qname = q.name;
      const name = qname.toLowerCase();
      const step = (detail: string): void => ctx.step({ plugin: 'local', action: 'answered', detail, range: site.range, uri: site.uri });
      const subdomain = name.length > 'localhost.'.length && name.endsWith('.localhost.');
      const prefixed = name.length > 'localhost.'.length && config.localhostPrefix && name.startsWith('localhost.');
      if (subdomain || prefixed) {
        const record = loopback(qname, q.type);
        const reply = newReply(req.msg, 'NOERROR', record ? { answer: [record] } : { authority: [soa(qname)] });
        step(`${qname} ${subdomain ? 'is under .localhost' : 'starts with a localhost label (localhost_prefix is on)'}: local answers it as localhost${record ? '' : ` (no ${q.type} records: NODATA)`}.`);
        return { rcode: 'NOERROR', reply, answeredBy: 'local' };
      }
      const matched = matchZone(ZONES, qname);
      if (matched === undefined) return next(req);
      // The zone as written in the query, for the SOA owner.
      const zone = qname.slice(qname.length - matched.length);
      let answer: DnsRecord[] = [];
      let authority: DnsRecord[] = [];
      if (['localhost.', '0.in-addr.arpa.', '127.in-addr.arpa.', '255.in-addr.arpa.'].includes(name)) {
        if (q.type === 'A' || q.type === 'AAAA') {
          if (name === 'localhost.') answer = [loopback(qname, q.type)!];
          else authority = [soa(qname)];
        } else if (q.type === 'SOA') answer = [soa(qname)];
        else if (q.type === 'NS') answer = [{ name: bareName(qname), type: 'NS', class: 'IN', ttl: TTL, data: 'localhost' }];
        else authority = [soa(qname)];
      } else if (name === '1.0.0.127.in-addr.arpa.') {
        if (q.type === 'PTR') answer = [{ name: bareName(qname), type: 'PTR', class: 'IN', ttl: TTL, data: 'localhost' }];
        else authority = [soa(zone)];
      }
      let rcode: RcodeName = 'NOERROR';
      if (answer.length === 0 && authority.length === 0) {
        authority = [soa(zone)];
        rcode = 'NXDOMAIN';
      }
      step(rcode === 'NXDOMAIN'
        ? `${qname} is in the local zone ${matched} but is not one of its names: NXDOMAIN.`
        : answer.length > 0 ? `${qname} is a local name: local answers it.` : `${qname} is a local name without ${q.type} records: NODATA.`);
      const reply = newReply(req.msg, rcode, { answer, authority });
      return { rcode: 'NOERROR', reply, answeredBy: 'local' };
    },
  };
}
