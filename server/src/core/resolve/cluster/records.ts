// What the kubernetes plugin keeps of each object. CoreDNS strips every API object down to the few
// fields DNS needs (plugin/kubernetes/object); these records hold the same fields, so a simulation
// cannot depend on anything CoreDNS itself never looks at.

export interface ClusterNamespace {
  name: string;
  labels: Record<string, string>;
  /** False when no Namespace object was given and the namespace is only implied by objects in it. */
  declared: boolean;
}

export interface ServicePort {
  /** The port's name; '' when unnamed. */
  name: string;
  port: number;
  /** TCP, UDP or SCTP as written; Kubernetes defaults an absent protocol to TCP. */
  protocol: string;
}

export interface ClusterService {
  name: string;
  namespace: string;
  /** ClusterIP, NodePort, LoadBalancer or ExternalName (ClusterIP when absent). */
  type: string;
  /**
   * The cluster addresses in canonical form (spec.clusterIPs, else spec.clusterIP), without `None`.
   * Dual-stack services list one address per family; headless and ExternalName services none.
   */
  clusterIPs: string[];
  /** `clusterIP: None`: the service's names resolve to its ready endpoints. */
  headless: boolean;
  /** spec.externalName for ExternalName services, as written; '' otherwise. */
  externalName: string;
  /** The service ports in spec order; empty when the service declares none. */
  ports: ServicePort[];
  /**
   * spec.externalIPs, then each status.loadBalancer.ingress entry (its ip, or its hostname when it
   * has no ip), in that order, as CoreDNS collects them for k8s_external.
   */
  externalIPs: string[];
  labels: Record<string, string>;
}

export interface EndpointPort {
  /** '' when unnamed. */
  name: string;
  /** -1 when the slice lists a port without a number (CoreDNS's sentinel). */
  port: number;
  protocol: string;
}

export interface ClusterEndpoint {
  /** The address in canonical form. */
  ip: string;
  /** The endpoint's `hostname` field; '' when absent. */
  hostname: string;
  /** The target pod's name when it is shorter than 64 characters (a longer one is no valid label); '' otherwise. */
  podName: string;
  nodeName: string;
  /** conditions.ready: absent counts as ready, as the EndpointSlice API documents. */
  ready: boolean;
  /** The ports of the slice (or legacy subset) this endpoint belongs to; empty when it lists none. */
  ports: EndpointPort[];
  /** The service the endpoint belongs to (the slice's kubernetes.io/service-name label). */
  service: string;
  namespace: string;
  /** The EndpointSlice (or legacy Endpoints object) that listed it. */
  source: string;
}

export interface ClusterPod {
  name: string;
  namespace: string;
  /** status.podIP in canonical form (CoreDNS indexes pods by this one address); '' when it has none. */
  ip: string;
  /** Every address of status.podIPs, canonical, for display. */
  ips: string[];
  labels: Record<string, string>;
}
