// The kubernetes plugin's record lookup (kubernetes.go Services/Records/findServices/findPods). Each lookup
// yields CoreDNS's intermediate "services" (an address, a name to alias, or a text) plus a sentence saying
// what the name is, so the handler can explain its answer. A name error is CoreDNS's errNoItems /
// errNsNotExposed / errInvalidRequest: the name does not exist (NXDOMAIN, or fall through).
import { canonicalIp, ipFamily, type ClusterService } from '../../../resolve/cluster.js';
import { addressFromReverse, goParseIp } from './ip.js';
import { absolute, joinNames, splitName, trimZone } from './names.js';
import { parseRequest, type RecordRequest } from './request.js';
import { endpointLabel, servicePortsOf, type KubeView } from './view.js';
import { appendAll } from '../../../append.js';

/** One of CoreDNS's msg.Service values. */
export interface BackendService {
  /** An IP address (A/AAAA), a domain name (CNAME), or '' for a text record. */
  host: string;
  /** -1 when the service or slice declares no ports. */
  port: number;
  ttl: number;
  /** The name the record lives at (msg.Domain(Key)): the SRV target of an address. Absolute. */
  owner: string;
  text?: string;
}

export interface BackendResult {
  services: BackendService[];
  /** The name does not exist for kubernetes. */
  nameError: boolean;
  /** What the name is or why it does not exist, as a sentence fragment without a final period. */
  why: string;
  /** Set when the answer depends on data the simulation does not have. */
  notSimulated?: string;
  /** The option of the kubernetes block that decided the outcome (pods, namespaces, ignore...), if one did. */
  option?: string;
}

/** A query as the backend sees it: the name as asked, lower-cased, and the matched zone in the query's case. */
export interface QueryState {
  /** Absolute, letter case as asked. */
  qname: string;
  /** Absolute, lower case. */
  name: string;
  /** The plugin zone that matched, in the letter case of the query (CoreDNS keeps it for owner names). */
  zone: string;
  qtype: string;
}

export type HostKind = 'A' | 'AAAA' | 'CNAME' | 'TXT';

/** msg.Service.HostType: an address by family, otherwise a name (or a text when the service has one). */
export function hostKind(s: BackendService): HostKind {
  // Most hosts that are names fail the cheap character test, sparing a full address parse.
  if (!ADDRESS_CHARS.test(s.host) || goParseIp(s.host) === undefined) return s.text ? 'TXT' : 'CNAME';
  return ipFamily(s.host) === 4 ? 'A' : 'AAAA';
}

const ADDRESS_CHARS = /^[0-9a-fA-F:.]+$/;


/** The DNS schema version CoreDNS publishes at dns-version.<zone>. */
export const DNS_SCHEMA_VERSION = '1.1.0';

const found = (services: BackendService[], why: string): BackendResult => ({ services, nameError: false, why });
const withOption = (result: BackendResult, option: string): BackendResult => ({ ...result, option });
const nodata = (why: string): BackendResult => ({ services: [], nameError: false, why });
const missing = (why: string, option?: string): BackendResult => ({ services: [], nameError: true, why, ...(option ? { option } : {}) });

export class KubernetesBackend {
  /** The multicluster zones in lower case, read once: every lookup asks whether its zone is one. */
  private readonly multiclusterZones: ReadonlySet<string>;

  constructor(readonly view: KubeView) {
    this.multiclusterZones = new Set(view.config.multiclusterZones.map((m) => m.toLowerCase()));
  }

  get ttl(): number {
    return this.view.config.ttl;
  }

  isMulticlusterZone(zone: string): boolean {
    return this.multiclusterZones.size > 0 && this.multiclusterZones.has(zone.toLowerCase());
  }

  /** kubernetes.go Records: parse the name, check the namespace, then look up a service or a pod. */
  records(state: QueryState): BackendResult {
    const multicluster = this.isMulticlusterZone(state.zone);
    const parsed = parseRequest(state.name, state.zone, multicluster, this.view.config.zonal);
    if (!parsed.ok) return missing(parsed.why);
    const r = parsed.request;
    if (r.podOrSvc === '') return nodata(`${state.qname} is ${apexKind(state)}, which exists but holds no records of its own`);
    if (/\.(in-addr|ip6)\.arpa\.$/.test(state.name)) return missing(`${state.qname} is a reverse name, which kubernetes answers only for PTR`);
    const hidden = this.view.namespaceHidden(r.namespace);
    if (hidden) return missing(hidden.why, hidden.option);
    if (r.podOrSvc === 'pod') return this.findPods(r, state);
    if (multicluster) {
      const why = `${state.zone} is a multicluster zone, whose ServiceImports the simulation does not model`;
      return { services: [], nameError: false, why, notSimulated: why };
    }
    return this.findServices(r, state);
  }

  /** kubernetes.go Services: the type-specific rules in front of Records. */
  services(state: QueryState, nsAddresses: () => Array<{ owner: string; ip: string }>): BackendResult {
    if (state.qtype === 'TXT') return this.txtServices(state);
    if (state.qtype === 'NS') {
      const addrs = nsAddresses();
      return found(addrs.map((a) => ({ host: a.ip, port: 0, ttl: this.ttl, owner: a.owner })), `the zone's name server is ${describeNs(addrs)}`);
    }
    if (isDefaultNs(state.name, state.zone)) {
      const want = state.qtype === 'A' ? 4 : state.qtype === 'AAAA' ? 6 : 0;
      const addrs = nsAddresses().filter((a) => ipFamily(a.ip) === want);
      return found(addrs.map((a) => ({ host: a.ip, port: 0, ttl: this.ttl, owner: state.qname })), `${state.qname} is the name server of the zone (${describeNs(nsAddresses())})`);
    }
    const result = this.records(state);
    if (state.qtype !== 'SRV') return result;
    // SRV records for ExternalName services are not implemented in CoreDNS: those entries are dropped.
    const internal = result.services.filter((s) => hostKind(s) !== 'CNAME');
    if (internal.length === result.services.length) return result;
    return { ...result, services: internal, why: `${result.why}; an ExternalName service has no SRV records` };
  }

  private txtServices(state: QueryState): BackendResult {
    const segs = splitName(trimZone(state.name, state.zone) ?? '');
    if (segs.length === 1 && segs[0] === 'dns-version') {
      return found([{ host: '', port: 0, ttl: 28800, owner: state.qname, text: DNS_SCHEMA_VERSION }], `${state.qname} publishes the DNS schema version ${DNS_SCHEMA_VERSION}`);
    }
    const other = this.records(state);
    if (other.services.length > 0) return nodata(`${other.why}; kubernetes serves TXT only at dns-version.${state.zone}`);
    if (!other.nameError && this.view.config.zonal) {
      const parsed = parseRequest(state.name, state.zone, this.isMulticlusterZone(state.zone), true);
      if (parsed.ok && parsed.request.topologyZone !== '') return nodata(`${state.qname} is a zone-scoped name, which answers NODATA for every type`);
    }
    if (other.nameError) return missing(other.why);
    return missing(`${other.why}, and CoreDNS answers TXT there with NXDOMAIN because the name has no records of any type`);
  }

  /** kubernetes.go findPods: dashed addresses under <namespace>.pod.<zone>. */
  private findPods(r: RecordRequest, state: QueryState): BackendResult {
    const mode = this.view.config.pods;
    if (mode === 'disabled') return missing("pods are disabled (the default 'pods disabled'), so kubernetes answers no pod names", 'pods');
    if (r.service === '') return nodata(`${state.qname} is the pod namespace '${r.namespace}', which exists but holds no records of its own`);
    const podName = r.service;
    const ip = (podName.match(/-/g) ?? []).length === 3 && !podName.includes('--') ? podName.replaceAll('-', '.') : podName.replaceAll('-', ':');
    const owner = joinNames(podName, r.namespace, 'pod', state.zone);
    if (mode === 'insecure') {
      if (goParseIp(ip) === undefined) return missing(`'${podName}' is not an IP address written with dashes`, 'pods');
      return withOption(found([{ host: ip, port: 0, ttl: this.ttl, owner }], `with 'pods insecure' any dashed address in an existing namespace is echoed back without looking for a pod (${canonicalIp(ip) ?? ip})`), 'pods');
    }
    const pods = this.view.podsWithIp(ip).filter((p) => p.namespace.toLowerCase() === r.namespace.toLowerCase());
    if (pods.length === 0) {
      const elsewhere = this.view.podsWithIp(ip);
      const hint = elsewhere.length > 0 ? ` (a pod with that address exists in namespace '${elsewhere[0]!.namespace}')` : '';
      return missing(`with 'pods verified' the address ${ip} must belong to a pod in namespace '${r.namespace}', and none does${hint}`, 'pods');
    }
    return withOption(found(pods.map(() => ({ host: ip, port: 0, ttl: this.ttl, owner })), `with 'pods verified' the address ${ip} belongs to pod ${r.namespace}/${pods[0]!.name}`), 'pods');
  }

  /** kubernetes.go findServices. */
  private findServices(r: RecordRequest, state: QueryState): BackendResult {
    if (r.service === '') return nodata(`${state.qname} is the namespace '${r.namespace}', which exists but holds no records of its own`);
    const list = this.view.servicesNamed(r.namespace, r.service);
    if (list.length === 0) return missing(`there is no service '${r.service}' in namespace '${r.namespace}'`);
    const services: BackendService[] = [];
    let exists = false;
    let option: string | undefined;
    let notSimulated: string | undefined;
    const reasons: string[] = [];
    for (const svc of list) {
      const outcome = this.serviceEntries(svc, r, state);
      appendAll(services, outcome.services);
      exists ||= outcome.exists;
      option ??= outcome.option;
      notSimulated ??= outcome.notSimulated;
      reasons.push(outcome.why);
    }
    const why = reasons.join('; ');
    const result = exists ? found(services, why) : missing(why);
    if (notSimulated !== undefined) result.notSimulated = notSimulated;
    return option ? withOption(result, option) : result;
  }

  private serviceEntries(svc: ClusterService, r: RecordRequest, state: QueryState): ServiceOutcome {
    const id = `${svc.name}.${svc.namespace}`;
    const config = this.view.config;
    const ttl = this.ttl;
    const isExternal = svc.type === 'ExternalName';
    if (config.ignoreEmptyService && !isExternal && !svc.headless && this.view.readyAddressCount(svc) === 0) {
      return none(`service ${id} has no ready endpoints, and 'ignore empty_service' hides such services`, 'ignore');
    }
    if (r.topologyZone !== '' && !svc.headless) return none(`zone-scoped names exist only for headless services, and ${id} is not headless`);
    if (r.topologyZone !== '') {
      const why = `${state.qname} is a zone-scoped name of headless service ${id}, which selects endpoints by their topology zone, and the cluster model does not record endpoint zones`;
      return { services: [], exists: true, why, notSimulated: why };
    }
    if (isExternal) {
      if (r.endpoint !== '' || r.port !== '' || r.protocol !== '') {
        return none(`${id} is an ExternalName service: it has no endpoints or ports, so no name below it exists`);
      }
      const entry: BackendService = { host: svc.externalName, port: -1, ttl, owner: joinNames(svc.name, svc.namespace, 'svc', state.zone) };
      if (hostKind(entry) !== 'CNAME') return none(`${id} is an ExternalName service whose externalName '${svc.externalName}' is an IP address, and CoreDNS only aliases names`);
      return { services: [entry], exists: true, why: `${id} is an ExternalName service for ${absolute(svc.externalName)}` };
    }
    if (svc.headless || r.endpoint !== '') return this.endpointEntries(svc, r, state);
    const services: BackendService[] = [];
    let matched = false;
    for (const p of servicePortsOf(svc)) {
      if (!portMatches(r, p.name, p.protocol)) continue;
      matched = true;
      for (const ip of svc.clusterIPs) services.push({ host: ip, port: p.port, ttl, owner: joinNames(svc.name, svc.namespace, 'svc', state.zone) });
    }
    if (!matched) return none(`ClusterIP service ${id} has no port named '${r.port}' with protocol '${r.protocol}'`);
    return { services, exists: true, why: `${id} is a ClusterIP service (${svc.clusterIPs.join(', ') || 'no cluster IP'})` };
  }

  /** Headless services and endpoint names: one entry per ready address and matching port. */
  private endpointEntries(svc: ClusterService, r: RecordRequest, state: QueryState): ServiceOutcome {
    const id = `${svc.name}.${svc.namespace}`;
    const podNames = this.view.config.endpointPodNames;
    const groups = this.view.endpointGroups(svc);
    const services: BackendService[] = [];
    for (const group of groups) {
      for (const addr of group.addresses) {
        const label = endpointLabel(addr, podNames);
        if (r.endpoint !== '' && r.endpoint.toLowerCase() !== label.toLowerCase()) continue;
        for (const p of group.ports) {
          if (!portMatches(r, p.name, p.protocol)) continue;
          services.push({ host: addr.ip, port: p.port, ttl: this.ttl, owner: joinNames(label, svc.name, svc.namespace, 'svc', state.zone) });
        }
      }
    }
    const exists = services.length > 0;
    const kind = svc.headless ? 'headless service' : 'ClusterIP service';
    const ready = groups.reduce((n, g) => n + g.addresses.length, 0);
    let why: string;
    if (services.length > 0) {
      why = r.endpoint !== '' ? `${r.endpoint} is a ready endpoint of ${kind} ${id}` : `${id} is a ${kind} with ${ready} ready endpoint${ready === 1 ? '' : 's'}`;
    } else if (this.view.config.noEndpoints) {
      why = `${id} is a ${kind}, but 'noendpoints' stops kubernetes from watching endpoints`;
    } else if (ready === 0) {
      const notReady = this.view.notReadyEndpoints(svc).length;
      why = `${kind} ${id} has no ready endpoints${notReady > 0 ? ` (${notReady} not ready)` : ''}`;
    } else if (r.endpoint !== '') {
      const notReady = this.view.notReadyEndpoints(svc).some((ep) => endpointLabel(ep, podNames).toLowerCase() === r.endpoint.toLowerCase());
      why = notReady ? `endpoint ${r.endpoint} of ${id} is not ready` : `${kind} ${id} has no ready endpoint named '${r.endpoint}'`;
    } else {
      why = `the endpoints of ${id} have no port named '${r.port}' with protocol '${r.protocol}'`;
    }
    const option = services.length === 0 && this.view.config.noEndpoints ? 'noendpoints' : services.length > 0 && podNames && r.endpoint !== '' ? 'endpoint_pod_names' : undefined;
    return { services, exists, why, ...(option ? { option } : {}) };
  }

  /** reverse.go serviceRecordForIP: a cluster IP names its service, else ready endpoints name themselves. */
  reverse(state: QueryState): BackendResult {
    const ip = addressFromReverse(state.name);
    if (ip === undefined) {
      const other = this.records(state);
      return { services: [], nameError: other.nameError, why: other.nameError ? other.why : `${state.qname} is not a reverse name, so it has no PTR records` };
    }
    const zone = this.view.config.primaryZone ?? '.';
    const restricted = this.view.config.namespaces.length > 0;
    for (const svc of this.view.servicesWithClusterIp(ip)) {
      if (restricted && !this.view.namespaceExposed(svc.namespace)) continue;
      const target = joinNames(svc.name, svc.namespace, 'svc', zone);
      return found([{ host: target, port: 0, ttl: this.ttl, owner: state.qname }], `${ip} is the cluster IP of service ${svc.name}.${svc.namespace}`);
    }
    const services: BackendService[] = [];
    for (const ep of this.view.endpointsWithIp(ip)) {
      if (restricted && !this.view.namespaceExposed(ep.namespace)) continue;
      const target = joinNames(endpointLabel(ep, this.view.config.endpointPodNames), ep.service, ep.namespace, 'svc', zone);
      services.push({ host: target, port: 0, ttl: this.ttl, owner: state.qname });
    }
    if (services.length > 0) return found(services, `${ip} is a ready endpoint of ${[...new Set(this.view.endpointsWithIp(ip).map((e) => `${e.service}.${e.namespace}`))].join(', ')}`);
    const pod = this.view.cluster.podsByIp(ip)[0];
    const hint = pod ? ` (it is the address of pod ${pod.namespace}/${pod.name}, but pods without a ready endpoint get no PTR record)` : '';
    return missing(`${ip} is neither a service's cluster IP nor a ready endpoint${hint}`);
  }
}

/** A service entry that does not exist for this name, and the option that decided it, if one did. */
function none(why: string, option?: string): ServiceOutcome {
  return option ? { services: [], exists: false, why, option } : { services: [], exists: false, why };
}

interface ServiceOutcome {
  services: BackendService[];
  exists: boolean;
  why: string;
  option?: string;
  notSimulated?: string;
}

function portMatches(r: RecordRequest, name: string, protocol: string): boolean {
  return (r.port === '' || r.port.toLowerCase() === name.toLowerCase()) && (r.protocol === '' || r.protocol.toLowerCase() === protocol.toLowerCase());
}

function apexKind(state: QueryState): string {
  const base = trimZone(state.name, state.zone);
  return base === undefined ? 'the zone apex' : `the '${base}' branch of the zone`;
}

/** kubernetes isDefaultNS: exactly `ns.dns.` in front of the zone, compared as CoreDNS does (zone case kept). */
export function isDefaultNs(name: string, zone: string): boolean {
  return name.startsWith('ns.dns.') && name.indexOf(zone) === 'ns.dns.'.length;
}

function describeNs(addrs: Array<{ owner: string; ip: string }>): string {
  if (addrs.length === 0) return "unknown: the scenario has no pod labelled k8s-app=kube-dns to stand for CoreDNS's own address";
  return addrs.map((a) => `${a.owner} ${a.ip}`).join(', ');
}
