// The kubernetes plugin in the simulator, through the real simulated server: ClusterIP, dual-stack,
// headless and endpoint names, ExternalName aliases (chased inside the zone and through the server), SRV
// weights, PTR, pods, namespaces, the apex, NODATA vs NXDOMAIN with the zone SOA, and the options that
// change any of it. Expected records are CoreDNS's, in presentation format.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce, type Bench } from './support/harness.js';
import { k8sBench } from './support/k8s-cluster.js';
import { runRows, type Row } from './support/table.js';

const block = (options: string, zones = 'cluster.local in-addr.arpa ip6.arpa'): Bench =>
  k8sBench(`.:53 {\n    kubernetes ${zones} {\n${options.split('\n').filter(Boolean).map((l) => `        ${l}`).join('\n')}\n    }\n    forward . 192.0.2.53\n}\n`);

const PLAIN = block('pods insecure');
const SOA = (ttl = 5): string => `cluster.local. ${Math.min(ttl, 300)} IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 0 7200 1800 86400 ${ttl}`;

const rows: Row[] = [
  // ClusterIP services and address families.
  { name: 'ClusterIP A: the cluster IP, TTL 5', query: 'storefront.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['storefront.shop.svc.cluster.local. 5 IN A 10.96.14.20'], answeredBy: 'kubernetes', says: [/storefront\.shop is a ClusterIP service \(10\.96\.14\.20\)/], lastAction: 'answered' },
  { name: 'ClusterIP v4 only asked AAAA: NODATA with the zone SOA', query: 'storefront.shop.svc.cluster.local AAAA', rcode: 'NOERROR', answer: [], authority: [SOA()], says: [/NODATA/] },
  { name: 'dual-stack A: only the IPv4 address', query: 'dual.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['dual.shop.svc.cluster.local. 5 IN A 10.96.14.40'] },
  { name: 'dual-stack AAAA: only the IPv6 address', query: 'dual.shop.svc.cluster.local AAAA', rcode: 'NOERROR', answer: ['dual.shop.svc.cluster.local. 5 IN AAAA fd00:10:96::e:28'] },
  { name: 'IPv6-only service AAAA', query: 'v6only.shop.svc.cluster.local AAAA', rcode: 'NOERROR', answer: ['v6only.shop.svc.cluster.local. 5 IN AAAA fd00:10:96::e:29'] },
  { name: 'the reply owner keeps the letter case of the query', query: 'StoreFront.Shop.SVC.Cluster.Local A', rcode: 'NOERROR', answer: ['StoreFront.Shop.SVC.Cluster.Local. 5 IN A 10.96.14.20'] },
  { name: 'a negative reply carries the SOA in the zone spelling of the query', query: 'Nosuch.Shop.svc.Cluster.Local A', rcode: 'NXDOMAIN', authority: ['Cluster.Local. 5 IN SOA ns.dns.Cluster.Local. hostmaster.Cluster.Local. 0 7200 1800 86400 5'] },
  { name: 'ttl 30', bench: block('ttl 30'), query: 'storefront.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['storefront.shop.svc.cluster.local. 30 IN A 10.96.14.20'] },
  { name: 'ttl 0', bench: block('ttl 0'), query: 'storefront.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['storefront.shop.svc.cluster.local. 0 IN A 10.96.14.20'] },
  { name: 'the SOA TTL is capped at 300 while its minimum follows ttl', bench: block('ttl 3600'), query: 'nosuch.shop.svc.cluster.local A', rcode: 'NXDOMAIN', authority: [SOA(3600)] },

  // Headless services and endpoint names.
  { name: 'headless A: ready endpoints in slice order, not-ready left out', query: 'pg.data.svc.cluster.local A', rcode: 'NOERROR', answer: ['pg.data.svc.cluster.local. 5 IN A 10.244.1.11', 'pg.data.svc.cluster.local. 5 IN A 10.244.2.12'], says: [/headless service with 2 ready endpoints/] },
  { name: 'headless with no ready endpoint: NXDOMAIN', query: 'empty-hl.data.svc.cluster.local A', rcode: 'NXDOMAIN', authority: [SOA()], says: [/no ready endpoints/] },
  { name: 'endpoint hostname', query: 'pg-0.pg.data.svc.cluster.local A', rcode: 'NOERROR', answer: ['pg-0.pg.data.svc.cluster.local. 5 IN A 10.244.1.11'] },
  { name: 'hostname of a not-ready endpoint: NXDOMAIN', query: 'pg-2.pg.data.svc.cluster.local A', rcode: 'NXDOMAIN', says: [/endpoint pg-2 of pg\.data is not ready/] },
  { name: 'an endpoint without hostname is named by its dashed address', query: '10-244-1-21.cache-nodes.data.svc.cluster.local A', rcode: 'NOERROR', answer: ['10-244-1-21.cache-nodes.data.svc.cluster.local. 5 IN A 10.244.1.21'] },
  { name: 'pod names are not endpoint names without endpoint_pod_names', query: 'cache-nodes-abcde.cache-nodes.data.svc.cluster.local A', rcode: 'NXDOMAIN' },
  { name: 'endpoint_pod_names: the pod name labels the endpoint', bench: block('endpoint_pod_names'), query: 'cache-nodes-abcde.cache-nodes.data.svc.cluster.local A', rcode: 'NOERROR', answer: ['cache-nodes-abcde.cache-nodes.data.svc.cluster.local. 5 IN A 10.244.1.21'] },
  { name: 'endpoint names exist under a ClusterIP service too', query: '10-244-2-31.storefront.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['10-244-2-31.storefront.shop.svc.cluster.local. 5 IN A 10.244.2.31'] },

  // ExternalName.
  { name: 'ExternalName outside the zone: CNAME, then the target resolved through the server', query: 'legacy-db.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['legacy-db.shop.svc.cluster.local. 5 IN CNAME db.legacy.corp.example.', 'db.legacy.corp.example. 900 IN A 10.70.0.5'], answeredBy: 'kubernetes' },
  { name: 'ExternalName inside the zone: chased by kubernetes itself', query: 'ledger-alias.payments.svc.cluster.local A', rcode: 'NOERROR', answer: ['ledger-alias.payments.svc.cluster.local. 5 IN CNAME ledger.payments.svc.cluster.local.', 'ledger.payments.svc.cluster.local. 5 IN A 10.96.22.7'] },
  { name: 'ExternalName whose outside target is NXDOMAIN: the CNAME alone, NOERROR', query: 'gone-partner.payments.svc.cluster.local A', rcode: 'NOERROR', answer: ['gone-partner.payments.svc.cluster.local. 5 IN CNAME api.retired-partner.example.'] },
  { name: 'ExternalName to a missing name inside the zone: the alias is dropped, NODATA', query: 'ghost-alias.payments.svc.cluster.local A', rcode: 'NOERROR', answer: [], authority: [SOA()] },
  { name: 'ExternalName set to an IP address: NXDOMAIN', query: 'fixed-ip.payments.svc.cluster.local A', rcode: 'NXDOMAIN', says: [/is an IP address/] },
  { name: 'ExternalName asked CNAME: the alias, not chased', query: 'legacy-db.shop.svc.cluster.local CNAME', rcode: 'NOERROR', answer: ['legacy-db.shop.svc.cluster.local. 5 IN CNAME db.legacy.corp.example.'] },
  { name: 'ExternalName asked TXT: NODATA (kubernetes serves TXT only at dns-version)', query: 'legacy-db.shop.svc.cluster.local TXT', rcode: 'NOERROR', answer: [] },
  { name: 'ExternalName SRV without labels: NODATA', query: 'legacy-db.shop.svc.cluster.local SRV', rcode: 'NOERROR', answer: [] },
  { name: 'ExternalName SRV with _port._proto: NXDOMAIN', query: '_https._tcp.legacy-db.shop.svc.cluster.local SRV', rcode: 'NXDOMAIN' },

  // SRV.
  { name: 'SRV _port._proto of a ClusterIP service, target address in additional', query: '_http._tcp.storefront.shop.svc.cluster.local SRV', rcode: 'NOERROR', answer: ['_http._tcp.storefront.shop.svc.cluster.local. 5 IN SRV 0 100 80 storefront.shop.svc.cluster.local.'], additional: ['storefront.shop.svc.cluster.local. 5 IN A 10.96.14.20'] },
  { name: 'SRV labels match without letter case and without underscores', query: 'HTTP.Tcp.storefront.shop.svc.cluster.local SRV', rcode: 'NOERROR', answer: ['HTTP.Tcp.storefront.shop.svc.cluster.local. 5 IN SRV 0 100 80 storefront.shop.svc.cluster.local.'] },
  { name: 'SRV on the bare service: every port, weights 100/2', query: 'storefront.shop.svc.cluster.local SRV', rcode: 'NOERROR', answer: ['storefront.shop.svc.cluster.local. 5 IN SRV 0 50 80 storefront.shop.svc.cluster.local.', 'storefront.shop.svc.cluster.local. 5 IN SRV 0 50 9102 storefront.shop.svc.cluster.local.'], additional: ['storefront.shop.svc.cluster.local. 5 IN A 10.96.14.20'] },
  { name: 'SRV of a headless service: one per ready endpoint', query: '_postgres._tcp.pg.data.svc.cluster.local SRV', rcode: 'NOERROR', answer: ['_postgres._tcp.pg.data.svc.cluster.local. 5 IN SRV 0 50 5432 pg-0.pg.data.svc.cluster.local.', '_postgres._tcp.pg.data.svc.cluster.local. 5 IN SRV 0 50 5432 pg-1.pg.data.svc.cluster.local.'], additional: ['pg-0.pg.data.svc.cluster.local. 5 IN A 10.244.1.11', 'pg-1.pg.data.svc.cluster.local. 5 IN A 10.244.2.12'] },
  { name: 'SRV of a dual-stack service: both families count towards the weight', query: 'dual.shop.svc.cluster.local SRV', rcode: 'NOERROR', answer: ['dual.shop.svc.cluster.local. 5 IN SRV 0 50 80 dual.shop.svc.cluster.local.'], additional: ['dual.shop.svc.cluster.local. 5 IN A 10.96.14.40', 'dual.shop.svc.cluster.local. 5 IN AAAA fd00:10:96::e:28'] },
  { name: 'SRV with an unknown port name: NXDOMAIN', query: '_nope._tcp.storefront.shop.svc.cluster.local SRV', rcode: 'NXDOMAIN', says: [/no port named 'nope'/] },
  { name: 'SRV with the wrong protocol: NXDOMAIN', query: '_http._udp.storefront.shop.svc.cluster.local SRV', rcode: 'NXDOMAIN' },
  { name: 'SRV on a headless service without ports: NODATA', query: 'peers.data.svc.cluster.local SRV', rcode: 'NOERROR', answer: [] },
  { name: 'A on a headless service without ports still answers', query: 'peers.data.svc.cluster.local A', rcode: 'NOERROR', answer: ['peers.data.svc.cluster.local. 5 IN A 10.244.3.41', 'peers.data.svc.cluster.local. 5 IN A 10.244.3.42'] },

  // PTR.
  { name: 'PTR of a cluster IP: the service', query: '20.14.96.10.in-addr.arpa PTR', rcode: 'NOERROR', answer: ['20.14.96.10.in-addr.arpa. 5 IN PTR storefront.shop.svc.cluster.local.'] },
  { name: 'PTR of an IPv6 cluster IP', query: '9.2.0.0.e.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.6.9.0.0.0.1.0.0.0.0.d.f.ip6.arpa PTR', rcode: 'NOERROR', answer: ['9.2.0.0.e.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.6.9.0.0.0.1.0.0.0.0.d.f.ip6.arpa. 5 IN PTR v6only.shop.svc.cluster.local.'] },
  { name: 'PTR of an endpoint: its endpoint name', query: '11.1.244.10.in-addr.arpa PTR', rcode: 'NOERROR', answer: ['11.1.244.10.in-addr.arpa. 5 IN PTR pg-0.pg.data.svc.cluster.local.'] },
  { name: 'PTR of a pod in no EndpointSlice: NXDOMAIN without fallthrough', query: '50.1.244.10.in-addr.arpa PTR', rcode: 'NXDOMAIN', says: [/pods without a ready endpoint get no PTR record/] },
  { name: 'PTR of a pod with fallthrough in-addr.arpa: passed to forward', bench: block('fallthrough in-addr.arpa ip6.arpa'), query: '50.1.244.10.in-addr.arpa PTR', rcode: 'NXDOMAIN', answeredBy: 'forward', lastAction: 'fell-through' },
  { name: 'PTR of a not-ready endpoint: not indexed', query: '13.3.244.10.in-addr.arpa PTR', rcode: 'NXDOMAIN' },
  { name: 'PTR without a reverse zone in kubernetes: never seen', bench: block('', 'cluster.local'), query: '20.14.96.10.in-addr.arpa PTR', rcode: 'NXDOMAIN', answeredBy: 'forward', lastAction: 'passed' },

  // Pods.
  { name: 'pods disabled (default): NXDOMAIN', bench: block(''), query: '10-244-1-50.shop.pod.cluster.local A', rcode: 'NXDOMAIN', says: [/pods are disabled/] },
  { name: 'pods insecure: any dashed address is echoed', query: '10-1-2-3.shop.pod.cluster.local A', rcode: 'NOERROR', answer: ['10-1-2-3.shop.pod.cluster.local. 5 IN A 10.1.2.3'] },
  { name: 'pods insecure: an IPv6 pod name', query: 'fd00-10-244--5.shop.pod.cluster.local AAAA', rcode: 'NOERROR', answer: ['fd00-10-244--5.shop.pod.cluster.local. 5 IN AAAA fd00:10:244::5'] },
  { name: 'pods insecure: a label that is no address is NXDOMAIN', query: 'web.shop.pod.cluster.local A', rcode: 'NXDOMAIN' },
  { name: 'pods insecure: the namespace must exist', query: '10-1-2-3.nowhere.pod.cluster.local A', rcode: 'NXDOMAIN' },
  { name: 'pods verified: an address of a pod in that namespace', bench: block('pods verified'), query: '10-244-1-50.shop.pod.cluster.local A', rcode: 'NOERROR', answer: ['10-244-1-50.shop.pod.cluster.local. 5 IN A 10.244.1.50'] },
  { name: 'pods verified: the pod is in another namespace', bench: block('pods verified'), query: '10-244-1-50.data.pod.cluster.local A', rcode: 'NXDOMAIN', says: [/exists in namespace 'shop'/] },
  { name: 'namespace under pod with pods insecure: NODATA', query: 'shop.pod.cluster.local A', rcode: 'NOERROR', answer: [] },
  { name: 'namespace under pod with pods disabled: NXDOMAIN', bench: block(''), query: 'shop.pod.cluster.local A', rcode: 'NXDOMAIN' },

  // Namespaces, the apex and odd names.
  { name: 'an existing namespace under svc: NODATA', query: 'payments.svc.cluster.local A', rcode: 'NOERROR', answer: [], authority: [SOA()] },
  { name: 'an unknown namespace under svc: NXDOMAIN', query: 'nope.svc.cluster.local A', rcode: 'NXDOMAIN', says: [/no namespace 'nope'/] },
  { name: 'svc.<zone>: NODATA', query: 'svc.cluster.local A', rcode: 'NOERROR', answer: [] },
  { name: 'pod.<zone>: NODATA', query: 'pod.cluster.local AAAA', rcode: 'NOERROR', answer: [] },
  { name: 'the apex A: NODATA', query: 'cluster.local A', rcode: 'NOERROR', answer: [], authority: [SOA()] },
  { name: 'the apex SOA', query: 'cluster.local SOA', rcode: 'NOERROR', answer: [SOA()] },
  { name: "the apex NS: CoreDNS's own service, its address in additional", query: 'cluster.local NS', rcode: 'NOERROR', answer: ['cluster.local. 5 IN NS kube-dns.kube-system.svc.cluster.local.'], additional: ['kube-dns.kube-system.svc.cluster.local. 5 IN A 10.96.0.10'] },
  { name: 'ns.dns.<zone> A: the name server address', query: 'ns.dns.cluster.local A', rcode: 'NOERROR', answer: ['ns.dns.cluster.local. 5 IN A 10.96.0.10'] },
  { name: 'SOA below the apex: NODATA without looking the name up', query: 'nosuch.shop.svc.cluster.local SOA', rcode: 'NOERROR', answer: [] },
  { name: 'a label other than svc or pod: NXDOMAIN', query: 'foo.cluster.local A', rcode: 'NXDOMAIN', says: [/only serves names under svc/] },
  { name: 'too many labels: NXDOMAIN', query: 'a.b.c.storefront.shop.svc.cluster.local A', rcode: 'NXDOMAIN', says: [/more than any kubernetes record has/] },
  { name: 'dns-version TXT', query: 'dns-version.cluster.local TXT', rcode: 'NOERROR', answer: ['dns-version.cluster.local. 28800 IN TXT "1.1.0"'] },
  { name: 'TXT on a service: NODATA', query: 'storefront.shop.svc.cluster.local TXT', rcode: 'NOERROR', answer: [] },
  { name: 'TXT on a missing service: NXDOMAIN', query: 'nosuch.shop.svc.cluster.local TXT', rcode: 'NXDOMAIN' },
  { name: 'MX on a service: NODATA', query: 'storefront.shop.svc.cluster.local MX', rcode: 'NOERROR', answer: [] },
  { name: 'HTTPS on a missing service: NXDOMAIN', query: 'nosuch.shop.svc.cluster.local HTTPS', rcode: 'NXDOMAIN' },
  { name: 'HTTPS on a service: NODATA', query: 'storefront.shop.svc.cluster.local HTTPS', rcode: 'NOERROR', answer: [] },
  { name: 'AXFR: REFUSED', query: 'cluster.local AXFR', rcode: 'REFUSED' },
  { name: 'a name outside the zones goes to the next plugin', query: 'www.example.com A', rcode: 'NOERROR', answer: ['www.example.com. 300 IN A 198.51.100.7'], answeredBy: 'forward', lastAction: 'passed' },

  // Options.
  { name: 'no fallthrough: NXDOMAIN stops at kubernetes', query: 'nosuch.shop.svc.cluster.local A', rcode: 'NXDOMAIN', answeredBy: 'kubernetes', says: [/kubernetes has no fallthrough, so NXDOMAIN stops here/] },
  { name: 'fallthrough for reverse zones only: cluster names still stop', bench: block('fallthrough in-addr.arpa ip6.arpa'), query: 'nosuch.shop.svc.cluster.local A', rcode: 'NXDOMAIN', answeredBy: 'kubernetes', says: [/falls through only for in-addr\.arpa\. ip6\.arpa\./] },
  { name: 'fallthrough (all zones): NXDOMAIN goes on to forward', bench: block('fallthrough'), query: 'nosuch.shop.svc.cluster.local A', rcode: 'NXDOMAIN', answeredBy: 'forward', lastAction: 'fell-through' },
  { name: 'fallthrough never applies to NODATA', bench: block('fallthrough'), query: 'storefront.shop.svc.cluster.local AAAA', rcode: 'NOERROR', answeredBy: 'kubernetes' },
  { name: 'a ClusterIP service without endpoints answers by default', query: 'cart.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['cart.shop.svc.cluster.local. 5 IN A 10.96.14.31'] },
  { name: 'ignore empty_service: a ClusterIP service without ready endpoints is NXDOMAIN', bench: block('ignore empty_service'), query: 'cart.shop.svc.cluster.local A', rcode: 'NXDOMAIN', says: [/ignore empty_service/] },
  { name: 'ignore empty_service leaves services with endpoints alone', bench: block('ignore empty_service'), query: 'storefront.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['storefront.shop.svc.cluster.local. 5 IN A 10.96.14.20'] },
  { name: 'namespaces: a service elsewhere is NXDOMAIN', bench: block('namespaces shop'), query: 'ledger.payments.svc.cluster.local A', rcode: 'NXDOMAIN', says: [/exposes only shop/] },
  { name: 'namespaces: a hidden namespace itself is NXDOMAIN', bench: block('namespaces shop'), query: 'payments.svc.cluster.local A', rcode: 'NXDOMAIN' },
  { name: 'namespaces: an exposed one still answers', bench: block('namespaces shop'), query: 'storefront.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['storefront.shop.svc.cluster.local. 5 IN A 10.96.14.20'] },
  { name: 'namespace_labels: a namespace that does not match is NXDOMAIN', bench: block('namespace_labels team=web'), query: 'ledger.payments.svc.cluster.local A', rcode: 'NXDOMAIN' },
  { name: 'labels: a service that does not match is not listed', bench: block('labels app=storefront'), query: 'cart.shop.svc.cluster.local A', rcode: 'NXDOMAIN' },
  { name: 'labels: a matching service answers', bench: block('labels app=storefront'), query: 'storefront.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['storefront.shop.svc.cluster.local. 5 IN A 10.96.14.20'] },
  { name: 'noendpoints: headless services are NXDOMAIN', bench: block('noendpoints'), query: 'pg.data.svc.cluster.local A', rcode: 'NXDOMAIN', says: [/noendpoints/] },
  { name: 'noendpoints: ClusterIP services still answer', bench: block('noendpoints'), query: 'storefront.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['storefront.shop.svc.cluster.local. 5 IN A 10.96.14.20'] },
  { name: 'zonal: a zone-scoped name is shown as not simulated (no topology zones in the model)', bench: block('zonal'), query: 'us-east-1a.pin._zone.pg.data.svc.cluster.local A', rcode: 'NXDOMAIN', answeredBy: 'forward', lastAction: 'not-simulated', says: [/not simulated: .*topology zone/] },
  { name: 'zonal: a zone-scoped name under a ClusterIP service is NXDOMAIN', bench: block('zonal'), query: 'us-east-1a.pin._zone.storefront.shop.svc.cluster.local A', rcode: 'NXDOMAIN', answeredBy: 'kubernetes' },
  { name: 'without zonal the same name is too long', query: 'us-east-1a.pin._zone.pg.data.svc.cluster.local A', rcode: 'NXDOMAIN', answeredBy: 'kubernetes', says: [/more than any kubernetes record has/] },
  { name: 'multicluster zones are shown as not simulated', bench: block('multicluster clusterset.local', 'cluster.local clusterset.local'), query: 'storefront.shop.svc.clusterset.local A', rcode: 'NXDOMAIN', answeredBy: 'forward', lastAction: 'not-simulated' },
  { name: 'a custom cluster domain', bench: block('', 'corp.cluster'), query: 'cart.shop.svc.corp.cluster A', rcode: 'NOERROR', answer: ['cart.shop.svc.corp.cluster. 5 IN A 10.96.14.31'] },
];

describe('kubernetes handler', () => {
  runRows(rows, { plugin: 'kubernetes', bench: PLAIN });

  it('points the fallthrough decision at the fallthrough line', () => {
    const got = askOnce(block('fallthrough'), 'nosuch.shop.svc.cluster.local A');
    const step = got.steps.find((s) => s.plugin === 'kubernetes' && s.action === 'fell-through');
    assert.equal(step?.range?.start.line, 2);
  });

  it('says which alias it chased and why, before the lookup through the server', () => {
    const got = askOnce(PLAIN, 'legacy-db.shop.svc.cluster.local A');
    const order = got.steps.map((s) => `${s.plugin}/${s.action}`);
    const chase = order.indexOf('kubernetes/forwarded');
    assert.ok(chase >= 0 && order.indexOf('forward/forwarded') > chase, order.join(' '));
    assert.match(got.details('kubernetes')[0]!, /alias for db\.legacy\.corp\.example\., outside the zone cluster\.local\./);
  });
});
