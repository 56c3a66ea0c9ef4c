// The cluster as one kubernetes plugin sees it. CoreDNS never sees the whole cluster: its informers list
// only objects that match `labels`, namespaces that match `namespace_labels`, no endpoints at all with
// `noendpoints`, and pods only with `pods verified`; `namespaces` then hides names at query time. This
// view applies those filters once, so the record code below reads like CoreDNS's findServices/findPods.
import type { ClusterEndpoint, ClusterModel, ClusterService, EndpointPort } from '../../../resolve/cluster.js';
import type { KubernetesConfig } from '../../kubernetes.js';
import { selectorMatches } from './labels.js';

/** The ready addresses of one EndpointSlice with the slice's ports (CoreDNS's object.Endpoints subset). */
export interface EndpointGroup {
  /** The slice (or legacy Endpoints object) the addresses come from. */
  source: string;
  /** The slice's ports; a slice without ports gets CoreDNS's sentinel port -1 so its addresses still count. */
  ports: readonly EndpointPort[];
  addresses: readonly ClusterEndpoint[];
}

const SENTINEL_PORTS: readonly EndpointPort[] = [{ name: '', port: -1, protocol: '' }];

/** How CoreDNS names an endpoint: its hostname, else (endpoint_pod_names) its pod's name, else its dashed IP. */
export function endpointLabel(endpoint: ClusterEndpoint, endpointPodNames: boolean): string {
  if (endpoint.hostname !== '') return endpoint.hostname;
  if (endpointPodNames && endpoint.podName !== '') return endpoint.podName;
  if (endpoint.ip.includes('.')) return endpoint.ip.replaceAll('.', '-');
  if (endpoint.ip.includes(':')) {
    const dashed = endpoint.ip.replaceAll(':', '-');
    // A label may not end in '-', so an address ending in '::' gets a trailing zero.
    return dashed.endsWith('-') ? `${dashed}0` : dashed;
  }
  return '';
}

/** The ports a service record is built from: its own, or the sentinel -1 when it declares none. */
export function servicePortsOf(service: ClusterService): ReadonlyArray<{ name: string; port: number; protocol: string }> {
  return service.ports.length > 0 ? service.ports : SENTINEL_PORTS;
}

export class KubeView {
  constructor(
    readonly cluster: ClusterModel,
    readonly config: KubernetesConfig,
  ) {}

  /** The namespace object exists and passes `namespace_labels` (filteredNamespaceExists). */
  namespaceExists(namespace: string): boolean {
    const ns = this.cluster.namespace(namespace);
    return ns !== undefined && selectorMatches(this.config.namespaceLabels, ns.labels);
  }

  /** The namespace is allowed by the `namespaces` option (all are when the option is absent). */
  namespaceConfigured(namespace: string): boolean {
    return this.config.namespaces.length === 0 || this.config.namespaces.includes(namespace);
  }

  /** CoreDNS's namespaceExposed: allowed by `namespaces` and present in the (label-filtered) namespace list. */
  namespaceExposed(namespace: string): boolean {
    return this.namespaceConfigured(namespace) && this.namespaceExists(namespace);
  }

  /** Why a namespace is not exposed (and the option responsible, if any), or undefined when it is. */
  namespaceHidden(namespace: string): { why: string; option?: string } | undefined {
    if (!this.namespaceConfigured(namespace)) return { why: `the namespaces option exposes only ${this.config.namespaces.join(', ')}, not '${namespace}'`, option: 'namespaces' };
    const ns = this.cluster.namespace(namespace);
    if (ns === undefined) return { why: `there is no namespace '${namespace}' in the cluster` };
    if (!selectorMatches(this.config.namespaceLabels, ns.labels)) return { why: `namespace '${namespace}' does not match namespace_labels`, option: 'namespace_labels' };
    return undefined;
  }

  /** The services CoreDNS's index holds under `name.namespace` (label-filtered). */
  servicesNamed(namespace: string, name: string): ClusterService[] {
    const svc = this.cluster.service(namespace, name);
    return svc && this.visible(svc) ? [svc] : [];
  }

  /** Every listed service (k8s_external's zone transfer and the NS helpers walk them all). */
  allServices(): ClusterService[] {
    return this.cluster.services().filter((s) => this.visible(s));
  }

  /**
   * The ready addresses of a service grouped by slice, in slice order. With `noendpoints` CoreDNS never
   * starts the endpoint informer, so there are none.
   */
  endpointGroups(service: ClusterService): EndpointGroup[] {
    if (this.config.noEndpoints || !this.visible(service)) return [];
    const groups: EndpointGroup[] = [];
    const bySource = new Map<string, { ports: readonly EndpointPort[]; addresses: ClusterEndpoint[] }>();
    for (const ep of this.cluster.endpointsOf(service)) {
      let group = bySource.get(ep.source);
      if (!group) {
        group = { ports: ep.ports.length > 0 ? ep.ports : SENTINEL_PORTS, addresses: [] };
        bySource.set(ep.source, group);
        groups.push({ source: ep.source, ports: group.ports, addresses: group.addresses });
      }
      group.addresses.push(ep);
    }
    return groups;
  }

  /** The number of ready addresses of a service (the `ignore empty_service` test). */
  readyAddressCount(service: ClusterService): number {
    return this.endpointGroups(service).reduce((n, g) => n + g.addresses.length, 0);
  }

  /** Not-ready endpoints of a service, only to explain why an address is missing. */
  notReadyEndpoints(service: ClusterService): ClusterEndpoint[] {
    if (this.config.noEndpoints) return [];
    return this.cluster.allEndpointsOf(service).filter((ep) => !ep.ready);
  }

  /** Pods whose status.podIP is exactly this text; only `pods verified` runs the pod informer. */
  podsWithIp(ip: string): Array<{ name: string; namespace: string; ip: string }> {
    if (this.config.pods !== 'verified') return [];
    return this.cluster.podsByIp(ip).filter((p) => p.ip === ip && selectorMatches(this.config.labels, p.labels));
  }

  servicesWithClusterIp(ip: string): ClusterService[] {
    return this.cluster.servicesByClusterIp(ip).filter((s) => this.visible(s));
  }

  servicesWithExternalIp(ip: string): ClusterService[] {
    return this.cluster.servicesByExternalIp(ip).filter((s) => this.visible(s));
  }

  /** Ready endpoints with this address, grouped the way CoreDNS's reverse index returns slices. */
  endpointsWithIp(ip: string): ClusterEndpoint[] {
    if (this.config.noEndpoints) return [];
    return this.cluster.endpointsByIp(ip).filter((ep) => {
      const owner = this.cluster.service(ep.namespace, ep.service);
      // The EndpointSlice controller copies a service's labels onto its slices, so the owner's labels
      // stand in for the slice's own (the cluster model does not keep slice labels).
      return selectorMatches(this.config.labels, owner?.labels ?? {});
    });
  }

  /** `labels` filters services at the API server: a service that does not match is simply not listed. */
  private visible(service: ClusterService): boolean {
    return selectorMatches(this.config.labels, service.labels);
  }
}
