// k8s_external's query behaviour (plugin/k8s_external): names `<service>.<namespace>.<zone>` answer with the
// service's external addresses, taken from the kubernetes plugin of the same block. The apex answers SOA
// and NS, `<apex label>.<zone>` holds the name server, unknown names get NXDOMAIN (or fall through).
import type { DnsMessage, DnsRecord, Handler, HandlerContext, HandlerResult, Next, Request, StepAction } from '../../resolve/types.js';
import { formatRdata, newReply, questionOf } from '../../resolve/message.js';
import type { K8sExternalConfig } from '../k8s_external.js';
import { kubernetes } from '../kubernetes.js';
import type { HandlerSite } from '../types.js';
import { hostKind, type BackendService } from './k8s/backend.js';
import { goParseIp } from './k8s/ip.js';
import { externalServices } from './k8s/external.js';
import { absolute, countLabels, isBelow, joinNames, longestZone, splitName, trimZone } from './k8s/names.js';
import { coreDnsAddresses, nsAddresses } from './k8s/nsaddrs.js';
import { peerConfig } from './k8s/peer.js';
import { addressRecord, cnameRecord, nsRecord, ptrRecord, soaRecord, srvRecord } from './k8s/rr.js';
import { KubeView } from './k8s/view.js';
import { SIMULATED_SOA_SERIAL } from './k8s/assemble.js';
import { stepper } from './zones/common.js';
import { appendAll } from '../../append.js';

const PLUGIN = 'k8s_external';

export function k8sExternalHandler(config: K8sExternalConfig, site: HandlerSite): Handler {
  return {
    name: PLUGIN,
    serve: (req, next, ctx) => serveExternal(config, site, req, next, ctx),
  };
}

function serveExternal(config: K8sExternalConfig, site: HandlerSite, req: Request, next: Next, ctx: HandlerContext): HandlerResult {
  const question = questionOf(req.msg);
  const qname = absolute(question.name);
  const name = qname.toLowerCase();
  const step = stepper(ctx, PLUGIN, site);
  const zone = longestZone(config.zones, name);
  if (zone === undefined) {
    step('passed', `${qname} is outside the k8s_external zones (${config.zones.join(' ')}): passed to the next plugin.`);
    return next(req);
  }
  const k8s = peerConfig(site, kubernetes);
  if (!k8s) {
    step('not-simulated', "not simulated: the simulator cannot reach this block's kubernetes configuration, which k8s_external reads services from; the query is passed on unchanged.");
    return next(req);
  }
  const view = new KubeView(ctx.world.cluster, k8s);
  const soa = externalSoa(config, zone);
  const reply = (rcode: DnsMessage['rcode'], parts: { answer?: DnsRecord[]; authority?: DnsRecord[]; additional?: DnsRecord[] }): HandlerResult => ({
    rcode: 'NOERROR',
    reply: newReply(req.msg, rcode, { aa: true, ...parts }),
    answeredBy: PLUGIN,
  });
  const ownAddresses = (): Array<{ owner: string; ip: string }> => nsAddresses(view, coreDnsAddresses(view), true, config.headless, zone);

  for (const z of config.zones) {
    if (name === z) return serveApex(config, qname, zone, question.type, soa, ownAddresses, reply, step);
    if (isBelow(name, joinNames(config.apex, z))) return serveSubApex(name, qname, zone, question.type, soa, config.ttl, ownAddresses, reply, step);
  }

  const found = externalServices(view, name, zone, question.type, config.headless);
  if (found.services.length === 0) {
    if (found.rcode === 'NXDOMAIN' && longestZone(config.fallthrough, name) !== undefined) {
      step('fell-through', `${qname} ${question.type}: ${found.why}: NXDOMAIN, and fallthrough covers this name, so the query goes to the next plugin.`);
      return next(req);
    }
    const outcome = found.rcode === 'NXDOMAIN' ? `NXDOMAIN with the zone's SOA${config.fallthrough.length === 0 ? '; k8s_external has no fallthrough, so NXDOMAIN stops here' : ''}` : found.rcode === 'NOERROR' ? "NOERROR with no answer (NODATA) and the zone's SOA" : `${found.rcode} with the zone's SOA`;
    step('answered', `${qname} ${question.type}: ${found.why}: ${outcome}.`);
    return reply(found.rcode, { authority: [soa] });
  }

  let answer: DnsRecord[] = [];
  let extra: DnsRecord[] = [];
  let truncated = false;
  const lookup = (target: string, type: string): DnsMessage => {
    step('forwarded', `${qname} is published as the load-balancer hostname ${absolute(target)}: its ${type} records are resolved through the whole server again.`);
    const m = ctx.lookup(target, type);
    truncated ||= m.flags.tc;
    return m;
  };
  switch (question.type) {
    case 'A':
    case 'AAAA':
      answer = addresses(found.services, qname, question.type, config.ttl, lookup);
      break;
    case 'SRV':
      ({ answer, extra } = srvRecords(found.services, qname, config.ttl, lookup));
      break;
    case 'PTR':
      answer = [...new Set(found.services.map((s) => s.host))].map((host) => ptrRecord(qname, config.ttl, joinNames(host, config.zones[0] ?? '.')));
      break;
  }
  if (answer.length === 0) {
    step('answered', `${qname} ${question.type}: ${found.why}, but it has no ${question.type} records: NOERROR with no answer (NODATA) and the zone's SOA.`);
    return reply('NOERROR', { authority: [soa] });
  }
  const result = reply('NOERROR', { answer, additional: extra });
  result.reply!.flags.tc = truncated;
  step('answered', `${qname} ${question.type}: ${found.why}: answered with ${answer.map((r) => `${r.type} ${formatRdata(r)}`).join(', ')}.`);
  return result;
}

type Reply = (rcode: DnsMessage['rcode'], parts: { answer?: DnsRecord[]; authority?: DnsRecord[]; additional?: DnsRecord[] }) => HandlerResult;

function externalSoa(config: K8sExternalConfig, zone: string): DnsRecord {
  return soaRecord(zone, config.ttl, {
    mname: joinNames('ns1', config.apex, zone),
    rname: joinNames('hostmaster', config.apex, zone),
    serial: SIMULATED_SOA_SERIAL,
    refresh: 7200,
    retry: 1800,
    expire: 86400,
    minimum: config.ttl,
  });
}

function serveApex(config: K8sExternalConfig, qname: string, zone: string, qtype: string, soa: DnsRecord, own: () => Array<{ owner: string; ip: string }>, reply: Reply, step: (a: StepAction, d: string) => void): HandlerResult {
  if (qtype === 'SOA') {
    step('answered', `${qname} is the k8s_external zone apex: answered with its SOA.`);
    return reply('NOERROR', { answer: [soa] });
  }
  if (qtype === 'NS') {
    const nsName = joinNames('ns1', config.apex, qname);
    const extra = own().map((a) => addressRecord(nsName, config.ttl, a.ip));
    step('answered', `${qname} is the k8s_external zone apex: answered with NS ${nsName}${extra.length > 0 ? ` and its addresses (the external addresses of CoreDNS's own service)` : ', with no address known for it'}.`);
    return reply('NOERROR', { answer: [nsRecord(zone, config.ttl, joinNames('ns1', config.apex, zone))], additional: extra });
  }
  step('answered', `${qname} is the k8s_external zone apex, which holds only SOA and NS: NOERROR with no answer (NODATA).`);
  return reply('NOERROR', { authority: [soa] });
}

function serveSubApex(name: string, qname: string, zone: string, qtype: string, soa: DnsRecord, ttl: number, own: () => Array<{ owner: string; ip: string }>, reply: Reply, step: (a: StepAction, d: string) => void): HandlerResult {
  const base = trimZone(name, zone) ?? '';
  const labels = countLabels(base);
  if (labels === 1) {
    step('answered', `${qname} is the name servers' branch of the zone, which holds no records itself: NODATA.`);
    return reply('NOERROR', { authority: [soa] });
  }
  if (labels !== 2 || splitName(base)[0] !== 'ns1') {
    step('answered', `${qname} is under the name servers' branch of the zone, where only ns1 exists: NXDOMAIN.`);
    return reply('NXDOMAIN', { authority: [soa] });
  }
  const want = qtype === 'A' || qtype === 'AAAA' ? qtype : '';
  const answer = own().map((a) => addressRecord(qname, ttl, a.ip)).filter((r) => r.type === want);
  if (answer.length === 0) {
    step('answered', `${qname} is the k8s_external name server, with no ${qtype} address known: NODATA.`);
    return reply('NOERROR', { authority: [soa] });
  }
  step('answered', `${qname} is the k8s_external name server: answered with CoreDNS's own external address${answer.length === 1 ? '' : 'es'}.`);
  return reply('NOERROR', { answer });
}

/** A/AAAA: external IPs of the asked family (TTL of k8s_external), hostnames as CNAME plus the target's records. */
function addresses(services: BackendService[], qname: string, qtype: string, ttl: number, lookup: (target: string, type: string) => DnsMessage): DnsRecord[] {
  const out: DnsRecord[] = [];
  const seen = new Set<string>();
  for (const s of services) {
    const kind = hostKind(s);
    if (kind === 'CNAME') {
      // The alias keeps the kubernetes plugin's TTL; only address records get k8s_external's.
      out.push(cnameRecord(qname, s.ttl, absolute(s.host)));
      appendAll(out, lookup(absolute(s.host), qtype).answer);
      continue;
    }
    if (kind !== qtype || seen.has(s.host)) continue;
    seen.add(s.host);
    out.push(addressRecord(qname, ttl, goParseIp(s.host) ?? s.host));
  }
  return out;
}

/** SRV with weights shared out in priority 0; targets' addresses in the additional section. */
function srvRecords(services: BackendService[], qname: string, ttl: number, lookup: (target: string, type: string) => DnsMessage): { answer: DnsRecord[]; extra: DnsRecord[] } {
  const answer: DnsRecord[] = [];
  const extra: DnsRecord[] = [];
  const seen = new Set<string>();
  const total = 100 * services.length;
  for (const s of services) {
    if (s.port === -1) continue;
    let weight = Math.floor((100 / total) * 100);
    if (weight === 0) weight = 1;
    const kind = hostKind(s);
    if (kind === 'CNAME') {
      const target = absolute(s.host);
      if (once(seen, `${target}|port|${s.port}`)) answer.push(srvRecord(qname, s.ttl, { priority: 0, weight, port: s.port & 0xffff, target }));
      if (once(seen, `${target}|addr|${target}`)) {
        extra.push(...lookup(target, 'A').answer, ...lookup(target, 'AAAA').answer);
      }
      continue;
    }
    if (kind !== 'A' && kind !== 'AAAA') continue;
    if (once(seen, `${s.owner}|port|${s.port}`)) answer.push(srvRecord(qname, s.ttl, { priority: 0, weight, port: s.port & 0xffff, target: s.owner }));
    if (once(seen, `${s.owner}|addr|${s.host}`)) extra.push(addressRecord(s.owner, ttl, goParseIp(s.host) ?? s.host));
  }
  return { answer, extra };
}

function once(seen: Set<string>, key: string): boolean {
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}
