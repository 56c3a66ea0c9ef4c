// The scenario used when none is given (the panel, `corefile resolve` without --scenario): the pod
// resolv.conf of namespace `default` under the cluster domain the Corefile serves, a small demo cluster,
// and an upstream that answers a few public names. Without a Corefile it is kubeadm's default one.
import type { CheckedBlock } from '../corefile/check.js';
import { memoryHost } from '../host.js';
import type { KubernetesConfig } from '../plugins/kubernetes.js';
import { buildClusterModel, type ClusterModel } from './cluster.js';
import { readRecord } from './message.js';
import type { CorefileSource, ResolvConfSource, Scenario, ScenarioQuery } from './scenario.js';
import { DEMO_CLIENT_IP, DEMO_EXTERNAL_NAME, demoClusterObjects } from './scenario/demo-cluster.js';
import { UpstreamTable, absoluteLower, type UpstreamMap } from './scenario/upstream.js';
import type { DnsRecord, UpstreamValue } from './types.js';

/** The Corefile kubeadm installs (CoreDNS 1.11+ layout). */
export const DEFAULT_COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`;

export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';

/** The cluster DNS address kubeadm gives kube-dns; used when the cluster has no kube-dns service. */
export const DEFAULT_CLUSTER_DNS = '10.96.0.10';

/** The CoreDNS container's own resolv.conf in the default scenario: the node's resolver. */
export const DEFAULT_COREDNS_RESOLV_CONF = 'nameserver 10.0.0.2\n';

/** The names the default scenario looks up when the user gives none. */
export const DEFAULT_QUERIES: readonly ScenarioQuery[] = [
  { name: 'storefront', type: 'A' },
  { name: 'pg', type: 'A' },
  { name: 'pg-0.pg', type: 'A' },
  { name: 'payments', type: 'A' },
  { name: '_http._tcp.storefront', type: 'SRV' },
  { name: 'kube-dns.kube-system', type: 'A' },
  { name: 'www.example.com', type: 'A' },
  { name: '20.14.96.10.in-addr.arpa', type: 'PTR' },
];

const DEMO_UPSTREAM: Record<string, string[]> = {
  'www.example.com. A': ['www.example.com. 300 IN A 93.184.215.14'],
  'www.example.com. AAAA': ['www.example.com. 300 IN AAAA 2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'api.github.com. A': ['api.github.com. 60 IN A 140.82.112.5'],
  'example.org. A': ['example.org. 300 IN A 93.184.215.14'],
  [`${DEMO_EXTERNAL_NAME}. A`]: [`${DEMO_EXTERNAL_NAME}. 120 IN A 198.51.100.80`],
  [`${DEMO_EXTERNAL_NAME}. AAAA`]: [`${DEMO_EXTERNAL_NAME}. 120 IN AAAA 2001:db8:100::80`],
};

/** The upstream answers of the default scenario. */
export function defaultUpstream(): UpstreamTable {
  const map: UpstreamMap = new Map();
  for (const [key, texts] of Object.entries(DEMO_UPSTREAM)) {
    const [name, type] = key.split(' ') as [string, string];
    const records: DnsRecord[] = [];
    for (const text of texts) {
      const read = readRecord(text);
      if (read.ok) records.push(read.record);
    }
    const types = map.get(absoluteLower(name)) ?? new Map<string, UpstreamValue>();
    types.set(type, { records });
    map.set(absoluteLower(name), types);
  }
  return new UpstreamTable(map, new Map());
}

/** The demo cluster of the default scenario. */
export function defaultCluster(): ClusterModel {
  return buildClusterModel(demoClusterObjects()).model;
}

/**
 * The cluster domain a Corefile serves: the first forward zone of the first kubernetes plugin, without
 * the trailing dot; `cluster.local` when no block runs kubernetes.
 */
export function clusterDomainOf(blocks: readonly CheckedBlock[]): string {
  for (const block of blocks) {
    const config = block.configs.get('kubernetes') as KubernetesConfig | undefined;
    const zone = config?.primaryZone;
    if (zone && zone !== '.') return zone.replace(/\.$/, '');
  }
  return DEFAULT_CLUSTER_DOMAIN;
}

/** The address pods are told to use: the kube-dns service's cluster IP, else kubeadm's default. */
export function clusterDnsAddress(cluster: ClusterModel): string {
  return cluster.service('kube-system', 'kube-dns')?.clusterIPs[0] ?? DEFAULT_CLUSTER_DNS;
}

/** The resolv.conf the kubelet writes into a pod with dnsPolicy ClusterFirst. */
export function podResolvConf(namespace: string, clusterDomain: string, nameserver: string): ResolvConfSource {
  return {
    text: `search ${namespace}.svc.${clusterDomain} svc.${clusterDomain} ${clusterDomain}\nnameserver ${nameserver}\noptions ndots:5\n`,
  };
}

/** The default scenario around a Corefile (kubeadm's when none is given). */
export function defaultScenario(corefile?: CorefileSource): Scenario {
  return {
    corefile: corefile ?? { text: DEFAULT_COREFILE, siblingFiles: {} },
    resolver: 'glibc',
    env: {},
    clientIP: DEMO_CLIENT_IP,
    cluster: defaultCluster(),
    clusterProblems: [],
    files: memoryHost({ '/etc/resolv.conf': DEFAULT_COREDNS_RESOLV_CONF }),
    mounts: [{ path: '/etc/resolv.conf', source: 'the default scenario (the node resolver 10.0.0.2)' }],
    upstream: defaultUpstream(),
    queries: DEFAULT_QUERIES.map((q) => ({ ...q })),
  };
}
