// dnssec: signs replies on the fly for clients that set the DO bit, and answers DNSKEY queries at its zone
// apexes itself (plugin/dnssec). The DNSKEY answer is simulated from the key files; signatures are not
// (they depend on the private keys and the clock), which the trace says.
import type { DnsRecord, Handler } from '../../resolve/types.js';
import { bareName, matchZone, newReply, readRecord } from '../../resolve/message.js';
import type { DnssecConfig } from '../dnssec.js';
import type { HandlerSite } from '../types.js';
import { stepper } from './zones/common.js';

/** miekg/dns gives a record read without a TTL (as key files write them) this TTL. */
const NEW_RR_TTL = 3600;

/** The DNSKEY records of the key files the world holds, or undefined when one cannot be read. */
function loadKeys(config: DnssecConfig, read: (path: string) => string | undefined): DnsRecord[] | undefined {
  const keys: DnsRecord[] = [];
  for (const key of config.keys) {
    if (key.source !== 'file') return undefined;
    const text = read(`${key.id}.key`);
    if (text === undefined) return undefined;
    const record = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith(';'))
      .map((line) => readRecord(line, { defaultTtl: NEW_RR_TTL }))
      .find((r) => r.ok && r.record.type === 'DNSKEY');
    if (!record || !record.ok) return undefined;
    keys.push(record.record);
  }
  return keys;
}

export function dnssecHandler(config: DnssecConfig, site: HandlerSite): Handler {
  return {
    name: 'dnssec',
    serve(req, next, ctx) {
      const q = req.msg.question[0]!;
      const qname = q.name.toLowerCase();
      const zone = matchZone(config.zones, qname);
      if (zone === undefined) return next(req);
      const step = stepper(ctx, 'dnssec', site);
      const doBit = req.msg.edns?.do ?? false;
      if (q.type === 'DNSKEY' && config.zones.includes(qname)) {
        const keys = loadKeys(config, (path) => ctx.world.files.readFile(path));
        if (!keys) {
          step('not-simulated', `not simulated: dnssec answers DNSKEY at ${qname} from its key files, which the scenario does not mount (or are not key files); the query is passed on.`);
          return next(req);
        }
        const answer = keys.map((k) => ({ ...k, name: bareName(qname) }) as DnsRecord);
        step(doBit ? 'not-simulated' : 'answered', `dnssec answers the DNSKEY query at its zone apex with ${answer.length} key(s)${doBit ? '; not simulated: the RRSIG over them that CoreDNS adds for DO queries is left out' : ''}.`);
        return { rcode: 'NOERROR', reply: newReply(req.msg, 'NOERROR', { aa: true, answer }), answeredBy: 'dnssec' };
      }
      if (!doBit) {
        step('no-effect', 'The query does not set the DO bit: dnssec passes it on and leaves the reply unsigned.');
        return next(req);
      }
      step('not-simulated', `not simulated: the client set the DO bit, so CoreDNS would add RRSIG (and NSEC for denials) records to the reply for ${zone}; the simulator shows the reply unsigned.`);
      return next(req);
    },
  };
}
