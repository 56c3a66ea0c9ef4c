// The kubernetes plugin's query behaviour (plugin/kubernetes/handler.go): match a zone, look the name up by
// query type, then answer, answer NODATA or NXDOMAIN with the zone's SOA, or hand NXDOMAIN on when
// `fallthrough` covers the name. Every outcome is recorded as a sentence that says what the name is.
import type { DnsMessage, Handler, HandlerContext, HandlerResult, Next, Request, StepAction } from '../../resolve/types.js';
import { formatRdata, newReply, questionOf } from '../../resolve/message.js';
import type { Range } from '../../types.js';
import type { ClusterModel } from '../../resolve/cluster.js';
import type { KubernetesConfig } from '../kubernetes.js';
import type { HandlerSite } from '../types.js';
import { addressOrText, cnameAnswer, mxAnswer, nsAnswer, ptrAnswer, srvAnswer, zoneSoa, type AssembleContext, type Assembled } from './k8s/assemble.js';
import { KubernetesBackend, type QueryState } from './k8s/backend.js';
import { absolute, longestZone, tailLike } from './k8s/names.js';
import { coreDnsAddresses, nsAddresses, type NsAddress } from './k8s/nsaddrs.js';
import { KubeView } from './k8s/view.js';

const PLUGIN = 'kubernetes';

export function kubernetesHandler(config: KubernetesConfig, site: HandlerSite): Handler {
  // The cluster a world holds never changes, so the filtered view of it, the backend and CoreDNS's own
  // addresses are built once per world rather than for every query.
  const perCluster = new WeakMap<ClusterModel, ClusterState>();
  const stateFor = (cluster: ClusterModel): ClusterState => {
    let state = perCluster.get(cluster);
    if (!state) {
      state = new ClusterState(new KubeView(cluster, config));
      perCluster.set(cluster, state);
    }
    return state;
  };
  return {
    name: PLUGIN,
    serve(req, next, ctx) {
      return serveKubernetes(config, site, stateFor(ctx.world.cluster), req, next, ctx);
    },
  };
}

/** One kubernetes block's view of one cluster, with what CoreDNS computes once about it. */
class ClusterState {
  readonly backend: KubernetesBackend;
  private ownIps: string[] | undefined;
  private readonly nsByZone = new Map<string, NsAddress[]>();

  constructor(readonly view: KubeView) {
    this.backend = new KubernetesBackend(view);
  }

  /** nsAddrs for a zone (in the letter case of the query, which the owner names keep). */
  nsAddresses(zone: string): NsAddress[] {
    let addresses = this.nsByZone.get(zone);
    if (!addresses) {
      addresses = nsAddresses(this.view, (this.ownIps ??= coreDnsAddresses(this.view)), false, false, zone);
      this.nsByZone.set(zone, addresses);
    }
    // Callers may keep or change what they get; the cached list stays as computed.
    return addresses.map((a) => ({ ...a }));
  }
}

/**
 * What the record assembly may do while one query is answered: steps, notes and lookups go to this query.
 * A class rather than an object of arrow functions, so that answering a query builds no closures.
 */
class QueryContext implements AssembleContext {
  readonly notes: string[] = [];

  constructor(
    private readonly cluster: ClusterState,
    private readonly config: KubernetesConfig,
    private readonly site: HandlerSite,
    private readonly ctx: HandlerContext,
    private readonly qname: string,
    private readonly zone: string,
  ) {}

  get backend(): KubernetesBackend {
    return this.cluster.backend;
  }

  step(action: StepAction, detail: string, option?: string): void {
    this.ctx.step({ plugin: PLUGIN, action, detail, range: rangeOf(this.config, this.site, option), uri: this.site.uri });
  }

  nsAddresses(zone: string): NsAddress[] {
    return this.cluster.nsAddresses(zone);
  }

  lookup(target: string, type: string): DnsMessage {
    this.step('forwarded', `${this.qname} is an ExternalName alias for ${absolute(target)}, outside the zone ${this.zone}: kubernetes resolves the target through the whole server again.`);
    return this.ctx.lookup(target, type);
  }

  note(detail: string): void {
    this.notes.push(detail);
  }
}

/** Where a decision comes from: the option line that made it, else the directive. */
function rangeOf(config: KubernetesConfig, site: HandlerSite, option: string | undefined): Range {
  return (option ? config.optionRanges[option] : undefined) ?? site.range;
}

function serveKubernetes(config: KubernetesConfig, site: HandlerSite, cluster: ClusterState, req: Request, next: Next, ctx: HandlerContext): HandlerResult {
  const question = questionOf(req.msg);
  const qname = absolute(question.name);
  const name = qname.toLowerCase();
  const matched = longestZone(config.zones, name);
  if (matched === undefined) {
    ctx.step({ plugin: PLUGIN, action: 'passed', detail: `${qname} is outside the kubernetes zones (${config.zones.join(' ')}): passed to the next plugin.`, range: site.range, uri: site.uri });
    return next(req);
  }
  // CoreDNS keeps the letter case of the query in the zone part of every name it writes.
  const zone = tailLike(qname, matched);
  const actx = new QueryContext(cluster, config, site, ctx, qname, zone);
  const notes = actx.notes;
  const state: QueryState = { qname, name, zone, qtype: question.type };

  let assembled: Assembled;
  switch (question.type) {
    case 'A':
    case 'AAAA':
    case 'TXT':
      assembled = addressOrText(actx, state);
      break;
    case 'CNAME':
      assembled = cnameAnswer(actx, state);
      break;
    case 'PTR':
      assembled = ptrAnswer(actx, state);
      break;
    case 'MX':
      assembled = mxAnswer(actx, state);
      break;
    case 'SRV':
      assembled = srvAnswer(actx, state);
      break;
    case 'SOA':
      assembled = qname === zone
        ? { records: [zoneSoa(zone, config.ttl)], extra: [], truncated: false, result: { services: [], nameError: false, why: `${qname} is the zone apex` } }
        : { records: [], extra: [], truncated: false, result: { services: [], nameError: false, why: `kubernetes has an SOA only at the apex ${zone}, and answers SOA elsewhere without looking the name up` } };
      break;
    case 'AXFR':
    case 'IXFR':
      actx.step('refused', `kubernetes does not transfer zones itself (the transfer plugin does): it returns REFUSED for ${question.type}.`);
      return { rcode: 'REFUSED', answeredBy: PLUGIN };
    case 'NS':
      if (name === zone) {
        assembled = nsAnswer(actx, state);
        break;
      }
      assembled = existenceOnly(actx, state);
      break;
    default:
      assembled = existenceOnly(actx, state);
  }

  const result = assembled.result;
  const about = result.why;
  // Alias chases inside the zone are told after the outcome, as sentences of their own.
  const after = notes.length > 0 ? ` ${notes.join(' ')}` : '';
  if (result.notSimulated !== undefined) {
    actx.step('not-simulated', `not simulated: ${result.notSimulated}; the query is passed on unchanged.`);
    return next(req);
  }
  if (result.nameError) {
    const covering = longestZone(config.fallthrough, name);
    if (covering !== undefined) {
      actx.step('fell-through', `${qname} ${question.type}: ${about}: NXDOMAIN, and fallthrough ${covering === '.' ? 'covers every name' : `covers ${covering}`}, so the query goes to the next plugin.${after}`, 'fallthrough');
      return next(req);
    }
    const why = config.fallthrough.length === 0
      ? `kubernetes has no fallthrough, so NXDOMAIN stops here`
      : `kubernetes falls through only for ${config.fallthrough.join(' ')}, not for this name, so NXDOMAIN stops here`;
    actx.step('answered', `${qname} ${question.type}: ${about}: NXDOMAIN with the zone's SOA; ${why}.${after}`, result.option ?? (config.fallthrough.length > 0 ? 'fallthrough' : undefined));
    return written(newReply(req.msg, 'NXDOMAIN', { aa: true, authority: [zoneSoa(zone, config.ttl)] }));
  }
  if (assembled.records.length === 0) {
    actx.step('answered', `${qname} ${question.type}: ${about}; it has no ${question.type} records: NOERROR with no answer (NODATA) and the zone's SOA.${after}`, result.option);
    return written(newReply(req.msg, 'NOERROR', { aa: true, authority: [zoneSoa(zone, config.ttl)] }));
  }
  const reply = newReply(req.msg, 'NOERROR', { aa: true, answer: assembled.records, additional: assembled.extra });
  reply.flags.tc = assembled.truncated;
  actx.step('answered', `${qname} ${question.type}: ${about}: answered with ${describe(reply)}.${after}`, result.option ?? 'ttl');
  return written(reply);
}

/**
 * Types kubernetes has no records of (MX aside): CoreDNS looks the name up as A only to tell NODATA from
 * NXDOMAIN, and never answers with those A records.
 */
function existenceOnly(actx: AssembleContext, state: QueryState): Assembled {
  const probe = addressOrText(actx, { ...state, qtype: 'A' });
  return { records: [], extra: [], truncated: false, result: probe.result };
}

function written(reply: DnsMessage): HandlerResult {
  // BackendError and the success path both write the reply and return NOERROR to the server.
  return { rcode: 'NOERROR', reply, answeredBy: PLUGIN };
}

function describe(reply: DnsMessage): string {
  const shown = reply.answer.slice(0, 4).map((r) => `${r.type} ${formatRdata(r)}${'ttl' in r && r.ttl !== undefined ? ` (TTL ${r.ttl})` : ''}`);
  const more = reply.answer.length > 4 ? ` and ${reply.answer.length - 4} more` : '';
  const extra = reply.additional.length > 0 ? `, plus ${reply.additional.length} address record${reply.additional.length === 1 ? '' : 's'} of the targets in the additional section` : '';
  return `${shown.join(', ')}${more}${extra}`;
}
