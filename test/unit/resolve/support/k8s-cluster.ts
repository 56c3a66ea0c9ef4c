// The test cluster of the kubernetes, k8s_external and autopath tests: namespaces, ClusterIP, dual-stack and
// IPv6-only services, headless services with hostnames and a not-ready endpoint, ExternalName services,
// load balancers with an IP and with a hostname ingress, pods and CoreDNS's own pod, plus what the
// upstream behind `forward . 192.0.2.53` answers for the names these services point at.
import type { Bench } from './harness.js';

type Obj = Record<string, unknown>;

const ns = (name: string, labels: Record<string, string> = {}): Obj => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
const svc = (namespace: string, name: string, spec: Obj, extra: Obj = {}): Obj => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, labels: (extra.labels as Obj) ?? {} }, spec, status: extra.status ?? {} });
const port = (name: string, p: number, protocol = 'TCP'): Obj => ({ name, port: p, protocol });
const slice = (namespace: string, service: string, endpoints: Obj[], ports: Obj[], name = `${service}-abcde`): Obj => ({
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name, namespace, labels: { 'kubernetes.io/service-name': service } }, addressType: 'IPv4', endpoints, ports,
});
const ep = (ip: string, extra: { hostname?: string; ready?: boolean; pod?: string } = {}): Obj => ({
  addresses: [ip],
  ...(extra.hostname ? { hostname: extra.hostname } : {}),
  conditions: { ready: extra.ready ?? true },
  ...(extra.pod ? { targetRef: { kind: 'Pod', name: extra.pod } } : {}),
});
const pod = (namespace: string, name: string, ip: string, labels: Record<string, string> = {}): Obj => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
});

/** The test cluster as JSON text (which the YAML reader takes too). */
export const CLUSTER = JSON.stringify({
  apiVersion: 'v1',
  kind: 'List',
  items: [
    ns('default'), ns('kube-system'), ns('shop', { team: 'web' }), ns('data'), ns('payments'),
    svc('default', 'kubernetes', { clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [port('https', 443)] }),
    svc('kube-system', 'kube-dns', { clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [port('dns', 53, 'UDP'), port('dns-tcp', 53)] }),
    slice('kube-system', 'kube-dns', [ep('10.244.0.5', { pod: 'coredns-0' })], [port('dns', 53, 'UDP'), port('dns-tcp', 53)]),
    pod('kube-system', 'coredns-0', '10.244.0.5', { 'k8s-app': 'kube-dns' }),
    svc('shop', 'storefront', { clusterIP: '10.96.14.20', clusterIPs: ['10.96.14.20'], ports: [port('http', 80), port('metrics', 9102)] }, { labels: { app: 'storefront' } }),
    slice('shop', 'storefront', [ep('10.244.1.30', { pod: 'storefront-q2w9r' }), ep('10.244.2.31', { pod: 'storefront-t5y7u' })], [port('http', 8080), port('metrics', 9102)]),
    svc('shop', 'cart', { clusterIP: '10.96.14.31', clusterIPs: ['10.96.14.31'], ports: [port('http', 8080)] }),
    svc('shop', 'dual', { clusterIP: '10.96.14.40', clusterIPs: ['10.96.14.40', 'fd00:10:96::e:28'], ports: [port('http', 80)] }),
    svc('shop', 'v6only', { clusterIP: 'fd00:10:96::e:29', clusterIPs: ['fd00:10:96::e:29'], ports: [port('http', 80)] }),
    svc('shop', 'legacy-db', { type: 'ExternalName', externalName: 'db.legacy.corp.example' }),
    svc('shop', 'gateway', { type: 'LoadBalancer', clusterIP: '10.96.14.50', clusterIPs: ['10.96.14.50'], ports: [port('https', 443)] }, { status: { loadBalancer: { ingress: [{ ip: '203.0.113.20' }] } } }),
    svc('shop', 'mailer', { clusterIP: '10.96.14.51', clusterIPs: ['10.96.14.51'], ports: [port('smtp', 25)], externalIPs: ['198.51.100.25', '2001:db8::25'] }),
    svc('shop', 'edge', { type: 'LoadBalancer', clusterIP: '10.96.14.52', clusterIPs: ['10.96.14.52'], ports: [port('https', 443)] }, { status: { loadBalancer: { ingress: [{ hostname: 'edge-lb-7731.elb.example.net' }] } } }),
    svc('payments', 'ledger', { clusterIP: '10.96.22.7', clusterIPs: ['10.96.22.7'], ports: [port('grpc', 50051)] }),
    svc('payments', 'ledger-alias', { type: 'ExternalName', externalName: 'ledger.payments.svc.cluster.local' }),
    svc('payments', 'ghost-alias', { type: 'ExternalName', externalName: 'ghost.payments.svc.cluster.local' }),
    svc('payments', 'fixed-ip', { type: 'ExternalName', externalName: '203.0.113.50' }),
    svc('payments', 'gone-partner', { type: 'ExternalName', externalName: 'api.retired-partner.example' }),
    svc('data', 'pg', { clusterIP: 'None', clusterIPs: ['None'], ports: [port('postgres', 5432)] }),
    slice('data', 'pg', [ep('10.244.1.11', { hostname: 'pg-0', pod: 'pg-0' }), ep('10.244.2.12', { hostname: 'pg-1', pod: 'pg-1' }), ep('10.244.3.13', { hostname: 'pg-2', pod: 'pg-2', ready: false })], [port('postgres', 5432)]),
    svc('data', 'cache-nodes', { clusterIP: 'None', clusterIPs: ['None'], ports: [port('redis', 6379)] }),
    slice('data', 'cache-nodes', [ep('10.244.1.21', { pod: 'cache-nodes-abcde' }), ep('10.244.2.22', { pod: 'cache-nodes-fghij' })], [port('redis', 6379)]),
    svc('data', 'peers', { clusterIP: 'None', clusterIPs: ['None'] }),
    slice('data', 'peers', [ep('10.244.3.41', { hostname: 'peer-a' }), ep('10.244.3.42', { hostname: 'peer-b' })], []),
    svc('data', 'empty-hl', { clusterIP: 'None', clusterIPs: ['None'], ports: [port('http', 80)] }),
    slice('data', 'empty-hl', [], [port('http', 80)]),
    pod('shop', 'web-5f7c9', '10.244.1.50'),
    pod('shop', 'storefront-q2w9r', '10.244.1.30'),
    pod('data', 'pg-0', '10.244.1.11'),
    pod('data', 'loner', '10.244.3.99'),
  ],
});

/** What the upstream behind `forward . 192.0.2.53` answers. */
export const UPSTREAM: Record<string, unknown> = {
  'db.legacy.corp.example. A': ['db.legacy.corp.example. 900 IN A 10.70.0.5'],
  'www.example.com. A': ['www.example.com. 300 IN A 198.51.100.7'],
  'short.example.com. A': ['short.example.com. 2 IN A 198.51.100.2'],
  'edge-lb-7731.elb.example.net. A': ['edge-lb-7731.elb.example.net. 60 IN A 203.0.113.31'],
};

/** A bench for a Corefile that runs kubernetes: the test cluster, and the upstream unless `extra` says otherwise. */
export function k8sBench(corefile: string, extra: Omit<Bench, 'corefile' | 'cluster'> = {}): Bench {
  return { corefile, cluster: CLUSTER, upstream: UPSTREAM, ...extra };
}
