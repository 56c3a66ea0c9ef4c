// From API objects to the records CoreDNS keeps (plugin/kubernetes/object/*.go). Each converter reads
// the same fields CoreDNS reads and reports, as a sentence, what it had to leave out and why.
import { canonicalIp } from './ip.js';
import { bool, int, list, objAt, str, stringMap, strings, isObj, type Obj } from './fields.js';
import type { ClusterEndpoint, ClusterNamespace, ClusterPod, ClusterService, EndpointPort, ServicePort } from './records.js';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

type Problems = string[];

function who(kind: string, obj: Obj): string {
  const meta = objAt(obj, 'metadata');
  const ns = str(meta, 'namespace');
  const name = str(meta, 'name') ?? '(no name)';
  return ns ? `${kind} ${ns}/${name}` : `${kind} ${name}`;
}

/** metadata.name and metadata.namespace, or a problem when either is missing. */
function identity(kind: string, obj: Obj, problems: Problems, namespaced: boolean): { name: string; namespace: string } | undefined {
  const meta = objAt(obj, 'metadata');
  const name = str(meta, 'name');
  if (!name) {
    problems.push(`${kind} without metadata.name: left out, every object needs a name.`);
    return undefined;
  }
  const namespace = str(meta, 'namespace') ?? '';
  if (namespaced && namespace === '') {
    problems.push(`${kind} ${name} has no metadata.namespace: left out. Write the namespace, as 'kubectl get -A -o yaml' prints it.`);
    return undefined;
  }
  return { name, namespace };
}

export function toNamespace(obj: Obj, problems: Problems): ClusterNamespace | undefined {
  const id = identity('Namespace', obj, problems, false);
  if (!id) return undefined;
  return { name: id.name, labels: stringMap(objAt(obj, 'metadata'), 'labels'), declared: true };
}

/** object.ToService: clusterIPs (else clusterIP), ports, externalIPs then load-balancer ingress. */
export function toService(obj: Obj, problems: Problems): ClusterService | undefined {
  const id = identity('Service', obj, problems, true);
  if (!id) return undefined;
  const spec = objAt(obj, 'spec');
  const type = str(spec, 'type') ?? 'ClusterIP';
  const written = strings(spec, 'clusterIPs');
  const clusterIPText = written.length > 0 ? written : [str(spec, 'clusterIP') ?? ''];
  const headless = clusterIPText[0] === 'None';
  const clusterIPs: string[] = [];
  if (!headless) {
    for (const text of clusterIPText) {
      if (text === '' || text === 'None') continue;
      const ip = canonicalIp(text);
      if (ip) clusterIPs.push(ip);
      else problems.push(`${who('Service', obj)}: clusterIP '${text}' is not an IP address; it is left out.`);
    }
    if (clusterIPs.length === 0 && type !== 'ExternalName') {
      problems.push(`${who('Service', obj)} has no cluster IP: its name will not resolve to an address. For a headless service write 'clusterIP: None'.`);
    }
  }
  const externalName = type === 'ExternalName' ? (str(spec, 'externalName') ?? '') : '';
  if (type === 'ExternalName' && externalName === '') problems.push(`${who('Service', obj)} is of type ExternalName but has no spec.externalName.`);
  const externalIPs = [...strings(spec, 'externalIPs')];
  for (const ingress of list(objAt(obj, 'status', 'loadBalancer'), 'ingress')) {
    if (!isObj(ingress)) continue;
    const value = str(ingress, 'ip') || str(ingress, 'hostname');
    if (value) externalIPs.push(value);
  }
  return {
    name: id.name,
    namespace: id.namespace,
    type,
    clusterIPs,
    headless,
    externalName,
    ports: servicePorts(spec, obj, problems),
    externalIPs: externalIPs.map((ip) => canonicalIp(ip) ?? ip),
    labels: stringMap(objAt(obj, 'metadata'), 'labels'),
  };
}

function servicePorts(spec: Obj | undefined, obj: Obj, problems: Problems): ServicePort[] {
  const ports: ServicePort[] = [];
  for (const entry of list(spec, 'ports')) {
    if (!isObj(entry)) continue;
    const port = int(entry, 'port');
    if (port === undefined) {
      problems.push(`${who('Service', obj)}: a port without a number is left out.`);
      continue;
    }
    ports.push({ name: str(entry, 'name') ?? '', port, protocol: str(entry, 'protocol') ?? 'TCP' });
  }
  return ports;
}

function endpointPorts(entries: unknown[]): EndpointPort[] {
  return entries.filter(isObj).map((p) => ({ name: str(p, 'name') ?? '', port: int(p, 'port') ?? -1, protocol: str(p, 'protocol') ?? 'TCP' }));
}

/**
 * object.EndpointSliceToEndpoints: the slice belongs to the service named by its
 * kubernetes.io/service-name label; every address of every endpoint becomes one entry with the
 * slice's ports. Not-ready endpoints are kept here, marked, so a trace can say why they are missing.
 */
export function toEndpointSlice(obj: Obj, problems: Problems): ClusterEndpoint[] | undefined {
  const id = identity('EndpointSlice', obj, problems, true);
  if (!id) return undefined;
  const service = stringMap(objAt(obj, 'metadata'), 'labels')[SERVICE_NAME_LABEL];
  if (!service) {
    problems.push(`${who('EndpointSlice', obj)} has no '${SERVICE_NAME_LABEL}' label: CoreDNS ties slices to services by that label, so it is left out.`);
    return undefined;
  }
  const addressType = str(obj, 'addressType') ?? 'IPv4';
  if (addressType === 'FQDN') {
    problems.push(`${who('EndpointSlice', obj)} has addressType FQDN: CoreDNS would serve its names as CNAME targets, which the simulator does not model, so it is left out (Kubernetes itself never creates FQDN slices).`);
    return undefined;
  }
  const ports = endpointPorts(list(obj, 'ports'));
  const out: ClusterEndpoint[] = [];
  for (const end of list(obj, 'endpoints')) {
    if (!isObj(end)) continue;
    const ready = bool(objAt(end, 'conditions'), 'ready') ?? true;
    const podName = str(objAt(end, 'targetRef'), 'name') ?? '';
    for (const address of strings(end, 'addresses')) {
      const ip = canonicalIp(address);
      if (!ip) {
        problems.push(`${who('EndpointSlice', obj)}: '${address}' is not an IP address; it is left out.`);
        continue;
      }
      out.push({
        ip,
        hostname: str(end, 'hostname') ?? '',
        podName: podName.length < 64 ? podName : '',
        nodeName: str(end, 'nodeName') ?? '',
        ready,
        ports,
        service,
        namespace: id.namespace,
        source: id.name,
      });
    }
  }
  return out;
}

/**
 * Legacy v1 Endpoints. CoreDNS 1.14 reads only EndpointSlices, but Kubernetes mirrors every Endpoints
 * object into slices, so a cluster dump that has only Endpoints for a service still describes what
 * CoreDNS would see: `addresses` are ready, `notReadyAddresses` are not.
 */
export function toLegacyEndpoints(obj: Obj, problems: Problems): ClusterEndpoint[] | undefined {
  const id = identity('Endpoints', obj, problems, true);
  if (!id) return undefined;
  const out: ClusterEndpoint[] = [];
  for (const subset of list(obj, 'subsets')) {
    if (!isObj(subset)) continue;
    const ports = endpointPorts(list(subset, 'ports'));
    const groups: Array<[unknown[], boolean]> = [
      [list(subset, 'addresses'), true],
      [list(subset, 'notReadyAddresses'), false],
    ];
    for (const [addresses, ready] of groups) {
      for (const address of addresses) {
        if (!isObj(address)) continue;
        const ip = canonicalIp(str(address, 'ip') ?? '');
        if (!ip) {
          problems.push(`${who('Endpoints', obj)}: an address without a valid 'ip' is left out.`);
          continue;
        }
        const podName = str(objAt(address, 'targetRef'), 'name') ?? '';
        out.push({
          ip,
          hostname: str(address, 'hostname') ?? '',
          podName: podName.length < 64 ? podName : '',
          nodeName: str(address, 'nodeName') ?? '',
          ready,
          ports,
          service: id.name,
          namespace: id.namespace,
          source: id.name,
        });
      }
    }
  }
  return out;
}

/**
 * object.ToPod. CoreDNS lists pods with a field selector that drops Succeeded, Failed and Unknown
 * pods, ignores pods being deleted, and indexes each pod by status.podIP alone.
 */
export function toPod(obj: Obj, problems: Problems): ClusterPod | undefined {
  const id = identity('Pod', obj, problems, true);
  if (!id) return undefined;
  const status = objAt(obj, 'status');
  const phase = str(status, 'phase') ?? '';
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Unknown') return undefined;
  if (str(objAt(obj, 'metadata'), 'deletionTimestamp')) return undefined;
  const ips = list(status, 'podIPs')
    .map((entry) => (isObj(entry) ? canonicalIp(str(entry, 'ip') ?? '') : undefined))
    .filter((ip): ip is string => ip !== undefined);
  const written = str(status, 'podIP');
  // The API server keeps podIP equal to podIPs[0]; a hand-written object may give only one of them.
  const ip = (written ? canonicalIp(written) : undefined) ?? ips[0] ?? '';
  if (written && !canonicalIp(written)) problems.push(`${who('Pod', obj)}: status.podIP '${written}' is not an IP address.`);
  return { name: id.name, namespace: id.namespace, ip, ips: ips.length > 0 ? ips : ip ? [ip] : [], labels: stringMap(objAt(obj, 'metadata'), 'labels') };
}
