// whoami: answers every query that reaches it with the client's own address and port (plugin/whoami).
import type { DnsRecord, Handler } from '../../resolve/types.js';
import { bareName, newReply } from '../../resolve/message.js';
import type { HandlerSite } from '../types.js';
import type { WhoamiConfig } from '../whoami.js';

export function whoamiHandler(_config: WhoamiConfig, site: HandlerSite): Handler {
  return {
    name: 'whoami',
    serve(req, _next, ctx) {
      const q = req.msg.question[0]!;
      const owner = bareName(q.name);
      const klass = q.class === 'CH' || q.class === 'HS' || q.class === 'CS' || q.class === 'ANY' ? q.class : 'IN';
      const v6 = req.client.ip.includes(':');
      const address: DnsRecord = v6
        ? { name: owner, type: 'AAAA', class: klass, ttl: 0, data: req.client.ip }
        : { name: owner, type: 'A', class: klass, ttl: 0, data: req.client.ip };
      // The SRV owner is _udp or _tcp in front of the question name; for the root it is just "_udp.".
      const srvOwner = owner === '.' ? `_${req.client.transport}` : `_${req.client.transport}.${owner}`;
      const srv: DnsRecord = { name: srvOwner, type: 'SRV', class: klass, ttl: 0, data: { priority: 0, weight: 0, port: req.client.port, target: '.' } };
      const reply = newReply(req.msg, 'NOERROR', { aa: true, additional: [address, srv] });
      ctx.step({ plugin: 'whoami', action: 'answered', detail: `whoami answers every query: an empty answer, with the client's address ${req.client.ip} and port ${req.client.port} (${req.client.transport}) in the additional section.`, range: site.range, uri: site.uri });
      return { rcode: 'NOERROR', reply, answeredBy: 'whoami' };
    },
  };
}
