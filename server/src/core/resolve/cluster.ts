// The cluster as the kubernetes plugin sees it: namespaces, services, ready endpoints and pods, with
// the indexes CoreDNS keeps (service by name, by cluster IP, by external IP; endpoints by service and
// by IP; pods by IP). Built from Kubernetes objects exactly as `kubectl get ns,svc,endpointslices,pods
// -A -o yaml` prints them: a List, several YAML documents, or JSON.
import { parseAllDocuments } from 'yaml';
import { canonicalIp } from './cluster/ip.js';
import { isObj, list, str, type Obj } from './cluster/fields.js';
import { toEndpointSlice, toLegacyEndpoints, toNamespace, toPod, toService } from './cluster/convert.js';
import type { ClusterEndpoint, ClusterNamespace, ClusterPod, ClusterService } from './cluster/records.js';
import { appendAll } from '../append.js';

export type { ClusterEndpoint, ClusterNamespace, ClusterPod, ClusterService, EndpointPort, ServicePort } from './cluster/records.js';
export { canonicalIp, formatIpBytes, ipFamily, isIp } from './cluster/ip.js';

export interface ClusterModel {
  namespaces(): readonly ClusterNamespace[];
  /** The namespace of that name, declared or implied by an object in it. */
  namespace(name: string): ClusterNamespace | undefined;
  /** Every service, in the order the objects were given. */
  services(): readonly ClusterService[];
  service(namespace: string, name: string): ClusterService | undefined;
  /** The ready endpoints of a service, in slice order, then address order within each endpoint. */
  endpointsOf(service: ClusterService): readonly ClusterEndpoint[];
  /** Every endpoint of a service including not-ready ones, for explanations. */
  allEndpointsOf(service: ClusterService): readonly ClusterEndpoint[];
  pods(): readonly ClusterPod[];
  /** Pods whose status.podIP is this address (any spelling of it). */
  podsByIp(ip: string): readonly ClusterPod[];
  /** Services with this address among their cluster IPs. */
  servicesByClusterIp(ip: string): readonly ClusterService[];
  /** Services with this address among their external IPs or load-balancer ingress IPs. */
  servicesByExternalIp(ip: string): readonly ClusterService[];
  /** Ready endpoints with this address, in the order the objects were given. */
  endpointsByIp(ip: string): readonly ClusterEndpoint[];
}

export interface ClusterBuild {
  model: ClusterModel;
  /** Sentences about objects or fields that were left out, for the user to fix. */
  problems: string[];
}

const NONE: readonly never[] = [];

class IndexedCluster implements ClusterModel {
  private readonly namespaceByName = new Map<string, ClusterNamespace>();
  private readonly serviceByKey = new Map<string, ClusterService>();
  private readonly endpointsByService = new Map<string, ClusterEndpoint[]>();
  private readonly readyByService = new Map<string, ClusterEndpoint[]>();
  private readonly podIndex = new Map<string, ClusterPod[]>();
  private readonly clusterIpIndex = new Map<string, ClusterService[]>();
  private readonly externalIpIndex = new Map<string, ClusterService[]>();
  private readonly endpointIpIndex = new Map<string, ClusterEndpoint[]>();

  constructor(
    private readonly namespaceList: ClusterNamespace[],
    private readonly serviceList: ClusterService[],
    endpoints: ClusterEndpoint[],
    private readonly podList: ClusterPod[],
  ) {
    for (const ns of namespaceList) this.namespaceByName.set(ns.name.toLowerCase(), ns);
    for (const svc of serviceList) {
      const key = serviceKey(svc.namespace, svc.name);
      if (!this.serviceByKey.has(key)) this.serviceByKey.set(key, svc);
      for (const ip of svc.clusterIPs) push(this.clusterIpIndex, ip, svc);
      for (const ip of svc.externalIPs) push(this.externalIpIndex, ip, svc);
    }
    for (const ep of endpoints) {
      const key = serviceKey(ep.namespace, ep.service);
      push(this.endpointsByService, key, ep);
      if (!ep.ready) continue;
      push(this.readyByService, key, ep);
      push(this.endpointIpIndex, ep.ip, ep);
    }
    for (const pod of podList) if (pod.ip !== '') push(this.podIndex, pod.ip, pod);
  }

  namespaces(): readonly ClusterNamespace[] {
    return this.namespaceList;
  }
  namespace(name: string): ClusterNamespace | undefined {
    return this.namespaceByName.get(name.toLowerCase());
  }
  services(): readonly ClusterService[] {
    return this.serviceList;
  }
  service(namespace: string, name: string): ClusterService | undefined {
    return this.serviceByKey.get(serviceKey(namespace, name));
  }
  endpointsOf(service: ClusterService): readonly ClusterEndpoint[] {
    return this.readyByService.get(serviceKey(service.namespace, service.name)) ?? NONE;
  }
  allEndpointsOf(service: ClusterService): readonly ClusterEndpoint[] {
    return this.endpointsByService.get(serviceKey(service.namespace, service.name)) ?? NONE;
  }
  pods(): readonly ClusterPod[] {
    return this.podList;
  }
  podsByIp(ip: string): readonly ClusterPod[] {
    return this.podIndex.get(canonicalIp(ip) ?? ip) ?? NONE;
  }
  servicesByClusterIp(ip: string): readonly ClusterService[] {
    return this.clusterIpIndex.get(canonicalIp(ip) ?? ip) ?? NONE;
  }
  servicesByExternalIp(ip: string): readonly ClusterService[] {
    return this.externalIpIndex.get(canonicalIp(ip) ?? ip) ?? NONE;
  }
  endpointsByIp(ip: string): readonly ClusterEndpoint[] {
    return this.endpointIpIndex.get(canonicalIp(ip) ?? ip) ?? NONE;
  }
}

function serviceKey(namespace: string, name: string): string {
  return `${name.toLowerCase()}.${namespace.toLowerCase()}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const entries = map.get(key);
  if (entries) entries.push(value);
  else map.set(key, [value]);
}

/** The kinds CoreDNS watches; anything else in a dump (ConfigMaps, Deployments...) plays no part in DNS. */
const WATCHED = new Set(['Namespace', 'Service', 'EndpointSlice', 'Endpoints', 'Pod']);

/**
 * Builds the model from API objects. Lists (`kind: List`, `ServiceList`, ...) are opened; objects of
 * other kinds are skipped. Namespaces that objects live in but that were not given are implied: in a
 * real cluster an object cannot exist in a namespace that does not.
 */
export function buildClusterModel(objects: readonly unknown[]): ClusterBuild {
  const problems: string[] = [];
  const namespaces: ClusterNamespace[] = [];
  const services: ClusterService[] = [];
  const slices: ClusterEndpoint[] = [];
  const legacy: ClusterEndpoint[] = [];
  const pods: ClusterPod[] = [];

  const visit = (value: unknown, where: string): void => {
    if (value === null || value === undefined) return;
    if (!isObj(value)) {
      problems.push(`${where}: expected a Kubernetes object, found ${Array.isArray(value) ? 'a list' : typeof value}; it is left out.`);
      return;
    }
    const kind = str(value, 'kind');
    if (kind === undefined) {
      problems.push(`${where}: an object without 'kind' is left out.`);
      return;
    }
    if (kind.endsWith('List') && Array.isArray(value.items)) {
      list(value, 'items').forEach((item, i) => visit(item, `${where} item ${i + 1}`));
      return;
    }
    if (!WATCHED.has(kind)) return;
    convert(kind, value);
  };
  const convert = (kind: string, obj: Obj): void => {
    switch (kind) {
      case 'Namespace': {
        const ns = toNamespace(obj, problems);
        if (ns) namespaces.push(ns);
        return;
      }
      case 'Service': {
        const svc = toService(obj, problems);
        if (svc) services.push(svc);
        return;
      }
      case 'EndpointSlice':
        appendAll(slices, (toEndpointSlice(obj, problems) ?? []));
        return;
      case 'Endpoints':
        appendAll(legacy, (toLegacyEndpoints(obj, problems) ?? []));
        return;
      case 'Pod': {
        const pod = toPod(obj, problems);
        if (pod) pods.push(pod);
        return;
      }
    }
  };
  objects.forEach((obj, i) => visit(obj, `object ${i + 1}`));

  // A service described by slices ignores its legacy Endpoints: CoreDNS reads only slices, and the
  // legacy object is just the source Kubernetes mirrored them from.
  const sliced = new Set(slices.map((ep) => serviceKey(ep.namespace, ep.service)));
  const endpoints = [...slices, ...legacy.filter((ep) => !sliced.has(serviceKey(ep.namespace, ep.service)))];

  const known = new Set(namespaces.map((ns) => ns.name.toLowerCase()));
  for (const ns of [...services, ...endpoints, ...pods].map((o) => o.namespace)) {
    if (known.has(ns.toLowerCase())) continue;
    known.add(ns.toLowerCase());
    namespaces.push({ name: ns, labels: {}, declared: false });
  }
  return { model: new IndexedCluster(namespaces, services, endpoints, pods), problems };
}

export interface ClusterTextParse {
  objects: unknown[];
  problems: string[];
}

/** Reads Kubernetes objects from YAML (one or several documents) or JSON. Never throws. */
export function parseClusterText(text: string): ClusterTextParse {
  const problems: string[] = [];
  const objects: unknown[] = [];
  const docs = parseAllDocuments(text);
  const all = Array.isArray(docs) ? docs : [docs];
  all.forEach((doc, i) => {
    if (doc.errors.length > 0) {
      const first = doc.errors[0]!;
      const line = first.linePos?.[0]?.line;
      problems.push(`YAML document ${i + 1}${line !== undefined ? ` (line ${line})` : ''}: ${first.message.split('\n')[0]}; the document is left out.`);
      return;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 1000 });
    if (value !== null && value !== undefined) objects.push(value);
  });
  return { objects, problems };
}

/** Text to model in one call: the parse problems first, then those of the objects. */
export function clusterFromText(text: string): ClusterBuild {
  const parsed = parseClusterText(text);
  const built = buildClusterModel(parsed.objects);
  return { model: built.model, problems: [...parsed.problems, ...built.problems] };
}

/** A cluster with nothing in it. */
export function emptyCluster(): ClusterModel {
  return buildClusterModel([]).model;
}
