// The small cluster of the built-in default scenario, written as the API objects kubectl would print, so
// it goes through the same converter as a user's cluster file. It has one of each kind of service a
// person asks about first: the API server, cluster DNS, a ClusterIP service, a headless StatefulSet
// service with one endpoint not ready, and an ExternalName alias.

const ns = (name: string): object => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

const service = (namespace: string, name: string, spec: object): object => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec });

interface DemoEndpoint {
  ip: string;
  pod: string;
  hostname?: string;
  ready?: boolean;
}

const slice = (namespace: string, svc: string, endpoints: DemoEndpoint[], ports: object[]): object => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: `${svc}-x7k2p`, namespace, labels: { 'kubernetes.io/service-name': svc } },
  addressType: 'IPv4',
  endpoints: endpoints.map((e) => ({
    addresses: [e.ip],
    ...(e.hostname ? { hostname: e.hostname } : {}),
    conditions: { ready: e.ready ?? true },
    targetRef: { kind: 'Pod', name: e.pod, namespace },
  })),
  ports,
});

const pod = (namespace: string, name: string, ip: string): object => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
});

const corednsPods: DemoEndpoint[] = [
  { ip: '10.244.0.2', pod: 'coredns-7db6d8ff4d-4tb9x' },
  { ip: '10.244.0.3', pod: 'coredns-7db6d8ff4d-m2qzl' },
];
const storefrontPods: DemoEndpoint[] = [
  { ip: '10.244.1.30', pod: 'storefront-6d8b9c7f5-q2w9r' },
  { ip: '10.244.2.31', pod: 'storefront-6d8b9c7f5-t5y7u' },
];
const pgPods: DemoEndpoint[] = [
  { ip: '10.244.1.11', pod: 'pg-0', hostname: 'pg-0' },
  { ip: '10.244.2.12', pod: 'pg-1', hostname: 'pg-1' },
  { ip: '10.244.3.13', pod: 'pg-2', hostname: 'pg-2', ready: false },
];

/** The address of the demo client pod `web` in namespace `default`. */
export const DEMO_CLIENT_IP = '10.244.1.50';

/** The target of the demo ExternalName service `payments` (answered by the demo upstream). */
export const DEMO_EXTERNAL_NAME = 'api.payments.example.net';

export function demoClusterObjects(): object[] {
  return [
    { apiVersion: 'v1', kind: 'List', items: [ns('default'), ns('kube-system'), ns('kube-public')] },
    service('default', 'kubernetes', { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] }),
    service('kube-system', 'kube-dns', {
      type: 'ClusterIP',
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'metrics', port: 9153, protocol: 'TCP' },
      ],
    }),
    slice('kube-system', 'kube-dns', corednsPods, [
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      { name: 'metrics', port: 9153, protocol: 'TCP' },
    ]),
    service('default', 'storefront', { type: 'ClusterIP', clusterIP: '10.96.14.20', clusterIPs: ['10.96.14.20'], ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }] }),
    slice('default', 'storefront', storefrontPods, [{ name: 'http', port: 8080, protocol: 'TCP' }]),
    service('default', 'pg', { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [{ name: 'postgres', port: 5432, protocol: 'TCP' }] }),
    slice('default', 'pg', pgPods, [{ name: 'postgres', port: 5432, protocol: 'TCP' }]),
    service('default', 'payments', { type: 'ExternalName', externalName: DEMO_EXTERNAL_NAME }),
    ...[...corednsPods].map((e) => pod('kube-system', e.pod, e.ip)),
    ...[...storefrontPods, ...pgPods].map((e) => pod('default', e.pod, e.ip)),
    pod('default', 'web-5f7c9d8b6-xk2lp', DEMO_CLIENT_IP),
  ];
}
