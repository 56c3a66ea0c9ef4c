// The kubernetes plugin in the simulator, through the real simulated server: ClusterIP, dual-stack,
// headless and endpoint names, ExternalName aliases (chased inside the zone and through the server), SRV
// weights, PTR, pods, namespaces, the apex, NODATA vs NXDOMAIN with the zone SOA, and the options that
// change any of it. Expected records are CoreDNS's, in presentation format.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ask } from './fwd-harness.js';
import { CLUSTER, UPSTREAM } from './k8s-harness.js';

const block = (options: string, zones = 'cluster.local in-addr.arpa ip6.arpa'): string =>
  `.:53 {\n    kubernetes ${zones} {\n${options.split('\n').filter(Boolean).map((l) => `        ${l}`).join('\n')}\n    }\n    forward . 192.0.2.53\n}\n`;

const PLAIN = block('pods insecure');
const SOA = (ttl = 5): string => `cluster.local. ${Math.min(ttl, 300)} IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 0 7200 1800 86400 ${ttl}`;

interface Row {
  what: string;
  corefile?: string;
  query: string;
  rcode: string;
  answer?: string[];
  additional?: string[];
  authority?: string[];
  answeredBy?: string;
  /** A phrase the kubernetes step must contain. */
  detail?: RegExp;
  /** The action of the last kubernetes step. */
  action?: string;
}

const rows: Row[] = [
  // ClusterIP services and address families.
  { what: 'ClusterIP A: the cluster IP, TTL 5', query: 'storefront.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['storefront.shop.svc.cluster.local. 5 IN A 10.96.14.20'], answeredBy: 'kubernetes', detail: /storefront\.shop is a ClusterIP service \(10\.96\.14\.20\)/, action: 'answered' },
  { what: 'ClusterIP v4 only asked AAAA: NODATA with the zone SOA', query: 'storefront.shop.svc.cluster.local AAAA', rcode: 'NOERROR', answer: [], authority: [SOA()], detail: /NODATA/ },
  { what: 'dual-stack A: only the IPv4 address', query: 'dual.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['dual.shop.svc.cluster.local. 5 IN A 10.96.14.40'] },
  { what: 'dual-stack AAAA: only the IPv6 address', query: 'dual.shop.svc.cluster.local AAAA', rcode: 'NOERROR', answer: ['dual.shop.svc.cluster.local. 5 IN AAAA fd00:10:96::e:28'] },
  { what: 'IPv6-only service AAAA', query: 'v6only.shop.svc.cluster.local AAAA', rcode: 'NOERROR', answer: ['v6only.shop.svc.cluster.local. 5 IN AAAA fd00:10:96::e:29'] },
  { what: 'the reply owner keeps the letter case of the query', query: 'StoreFront.Shop.SVC.Cluster.Local A', rcode: 'NOERROR', answer: ['StoreFront.Shop.SVC.Cluster.Local. 5 IN A 10.96.14.20'] },
  { what: 'a negative reply carries the SOA in the zone spelling of the query', query: 'Nosuch.Shop.svc.Cluster.Local A', rcode: 'NXDOMAIN', authority: ['Cluster.Local. 5 IN SOA ns.dns.Cluster.Local. hostmaster.Cluster.Local. 0 7200 1800 86400 5'] },
  { what: 'ttl 30', corefile: block('ttl 30'), query: 'storefront.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['storefront.shop.svc.cluster.local. 30 IN A 10.96.14.20'] },
  { what: 'ttl 0', corefile: block('ttl 0'), query: 'storefront.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['storefront.shop.svc.cluster.local. 0 IN A 10.96.14.20'] },
  { what: 'the SOA TTL is capped at 300 while its minimum follows ttl', corefile: block('ttl 3600'), query: 'nosuch.shop.svc.cluster.local A', rcode: 'NXDOMAIN', authority: [SOA(3600)] },

  // Headless services and endpoint names.
  { what: 'headless A: ready endpoints in slice order, not-ready left out', query: 'pg.data.svc.cluster.local A', rcode: 'NOERROR', answer: ['pg.data.svc.cluster.local. 5 IN A 10.244.1.11', 'pg.data.svc.cluster.local. 5 IN A 10.244.2.12'], detail: /headless service with 2 ready endpoints/ },
  { what: 'headless with no ready endpoint: NXDOMAIN', query: 'empty-hl.data.svc.cluster.local A', rcode: 'NXDOMAIN', authority: [SOA()], detail: /no ready endpoints/ },
  { what: 'endpoint hostname', query: 'pg-0.pg.data.svc.cluster.local A', rcode: 'NOERROR', answer: ['pg-0.pg.data.svc.cluster.local. 5 IN A 10.244.1.11'] },
  { what: 'hostname of a not-ready endpoint: NXDOMAIN', query: 'pg-2.pg.data.svc.cluster.local A', rcode: 'NXDOMAIN', detail: /endpoint pg-2 of pg\.data is not ready/ },
  { what: 'an endpoint without hostname is named by its dashed address', query: '10-244-1-21.cache-nodes.data.svc.cluster.local A', rcode: 'NOERROR', answer: ['10-244-1-21.cache-nodes.data.svc.cluster.local. 5 IN A 10.244.1.21'] },
  { what: 'pod names are not endpoint names without endpoint_pod_names', query: 'cache-nodes-abcde.cache-nodes.data.svc.cluster.local A', rcode: 'NXDOMAIN' },
  { what: 'endpoint_pod_names: the pod name labels the endpoint', corefile: block('endpoint_pod_names'), query: 'cache-nodes-abcde.cache-nodes.data.svc.cluster.local A', rcode: 'NOERROR', answer: ['cache-nodes-abcde.cache-nodes.data.svc.cluster.local. 5 IN A 10.244.1.21'] },
  { what: 'endpoint names exist under a ClusterIP service too', query: '10-244-2-31.storefront.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['10-244-2-31.storefront.shop.svc.cluster.local. 5 IN A 10.244.2.31'] },

  // ExternalName.
  { what: 'ExternalName outside the zone: CNAME, then the target resolved through the server', query: 'legacy-db.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['legacy-db.shop.svc.cluster.local. 5 IN CNAME db.legacy.corp.example.', 'db.legacy.corp.example. 900 IN A 10.70.0.5'], answeredBy: 'kubernetes' },
  { what: 'ExternalName inside the zone: chased by kubernetes itself', query: 'ledger-alias.payments.svc.cluster.local A', rcode: 'NOERROR', answer: ['ledger-alias.payments.svc.cluster.local. 5 IN CNAME ledger.payments.svc.cluster.local.', 'ledger.payments.svc.cluster.local. 5 IN A 10.96.22.7'] },
  { what: 'ExternalName whose outside target is NXDOMAIN: the CNAME alone, NOERROR', query: 'gone-partner.payments.svc.cluster.local A', rcode: 'NOERROR', answer: ['gone-partner.payments.svc.cluster.local. 5 IN CNAME api.retired-partner.example.'] },
  { what: 'ExternalName to a missing name inside the zone: the alias is dropped, NODATA', query: 'ghost-alias.payments.svc.cluster.local A', rcode: 'NOERROR', answer: [], authority: [SOA()] },
  { what: 'ExternalName set to an IP address: NXDOMAIN', query: 'fixed-ip.payments.svc.cluster.local A', rcode: 'NXDOMAIN', detail: /is an IP address/ },
  { what: 'ExternalName asked CNAME: the alias, not chased', query: 'legacy-db.shop.svc.cluster.local CNAME', rcode: 'NOERROR', answer: ['legacy-db.shop.svc.cluster.local. 5 IN CNAME db.legacy.corp.example.'] },
  { what: 'ExternalName asked TXT: NODATA (kubernetes serves TXT only at dns-version)', query: 'legacy-db.shop.svc.cluster.local TXT', rcode: 'NOERROR', answer: [] },
  { what: 'ExternalName SRV without labels: NODATA', query: 'legacy-db.shop.svc.cluster.local SRV', rcode: 'NOERROR', answer: [] },
  { what: 'ExternalName SRV with _port._proto: NXDOMAIN', query: '_https._tcp.legacy-db.shop.svc.cluster.local SRV', rcode: 'NXDOMAIN' },

  // SRV.
  { what: 'SRV _port._proto of a ClusterIP service, target address in additional', query: '_http._tcp.storefront.shop.svc.cluster.local SRV', rcode: 'NOERROR', answer: ['_http._tcp.storefront.shop.svc.cluster.local. 5 IN SRV 0 100 80 storefront.shop.svc.cluster.local.'], additional: ['storefront.shop.svc.cluster.local. 5 IN A 10.96.14.20'] },
  { what: 'SRV labels match without letter case and without underscores', query: 'HTTP.Tcp.storefront.shop.svc.cluster.local SRV', rcode: 'NOERROR', answer: ['HTTP.Tcp.storefront.shop.svc.cluster.local. 5 IN SRV 0 100 80 storefront.shop.svc.cluster.local.'] },
  { what: 'SRV on the bare service: every port, weights 100/2', query: 'storefront.shop.svc.cluster.local SRV', rcode: 'NOERROR', answer: ['storefront.shop.svc.cluster.local. 5 IN SRV 0 50 80 storefront.shop.svc.cluster.local.', 'storefront.shop.svc.cluster.local. 5 IN SRV 0 50 9102 storefront.shop.svc.cluster.local.'], additional: ['storefront.shop.svc.cluster.local. 5 IN A 10.96.14.20'] },
  { what: 'SRV of a headless service: one per ready endpoint', query: '_postgres._tcp.pg.data.svc.cluster.local SRV', rcode: 'NOERROR', answer: ['_postgres._tcp.pg.data.svc.cluster.local. 5 IN SRV 0 50 5432 pg-0.pg.data.svc.cluster.local.', '_postgres._tcp.pg.data.svc.cluster.local. 5 IN SRV 0 50 5432 pg-1.pg.data.svc.cluster.local.'], additional: ['pg-0.pg.data.svc.cluster.local. 5 IN A 10.244.1.11', 'pg-1.pg.data.svc.cluster.local. 5 IN A 10.244.2.12'] },
  { what: 'SRV of a dual-stack service: both families count towards the weight', query: 'dual.shop.svc.cluster.local SRV', rcode: 'NOERROR', answer: ['dual.shop.svc.cluster.local. 5 IN SRV 0 50 80 dual.shop.svc.cluster.local.'], additional: ['dual.shop.svc.cluster.local. 5 IN A 10.96.14.40', 'dual.shop.svc.cluster.local. 5 IN AAAA fd00:10:96::e:28'] },
  { what: 'SRV with an unknown port name: NXDOMAIN', query: '_nope._tcp.storefront.shop.svc.cluster.local SRV', rcode: 'NXDOMAIN', detail: /no port named 'nope'/ },
  { what: 'SRV with the wrong protocol: NXDOMAIN', query: '_http._udp.storefront.shop.svc.cluster.local SRV', rcode: 'NXDOMAIN' },
  { what: 'SRV on a headless service without ports: NODATA', query: 'peers.data.svc.cluster.local SRV', rcode: 'NOERROR', answer: [] },
  { what: 'A on a headless service without ports still answers', query: 'peers.data.svc.cluster.local A', rcode: 'NOERROR', answer: ['peers.data.svc.cluster.local. 5 IN A 10.244.3.41', 'peers.data.svc.cluster.local. 5 IN A 10.244.3.42'] },

  // PTR.
  { what: 'PTR of a cluster IP: the service', query: '20.14.96.10.in-addr.arpa PTR', rcode: 'NOERROR', answer: ['20.14.96.10.in-addr.arpa. 5 IN PTR storefront.shop.svc.cluster.local.'] },
  { what: 'PTR of an IPv6 cluster IP', query: '9.2.0.0.e.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.6.9.0.0.0.1.0.0.0.0.d.f.ip6.arpa PTR', rcode: 'NOERROR', answer: ['9.2.0.0.e.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.6.9.0.0.0.1.0.0.0.0.d.f.ip6.arpa. 5 IN PTR v6only.shop.svc.cluster.local.'] },
  { what: 'PTR of an endpoint: its endpoint name', query: '11.1.244.10.in-addr.arpa PTR', rcode: 'NOERROR', answer: ['11.1.244.10.in-addr.arpa. 5 IN PTR pg-0.pg.data.svc.cluster.local.'] },
  { what: 'PTR of a pod in no EndpointSlice: NXDOMAIN without fallthrough', query: '50.1.244.10.in-addr.arpa PTR', rcode: 'NXDOMAIN', detail: /pods without a ready endpoint get no PTR record/ },
  { what: 'PTR of a pod with fallthrough in-addr.arpa: passed to forward', corefile: block('fallthrough in-addr.arpa ip6.arpa'), query: '50.1.244.10.in-addr.arpa PTR', rcode: 'NXDOMAIN', answeredBy: 'forward', action: 'fell-through' },
  { what: 'PTR of a not-ready endpoint: not indexed', query: '13.3.244.10.in-addr.arpa PTR', rcode: 'NXDOMAIN' },
  { what: 'PTR without a reverse zone in kubernetes: never seen', corefile: block('', 'cluster.local'), query: '20.14.96.10.in-addr.arpa PTR', rcode: 'NXDOMAIN', answeredBy: 'forward', action: 'passed' },

  // Pods.
  { what: 'pods disabled (default): NXDOMAIN', corefile: block(''), query: '10-244-1-50.shop.pod.cluster.local A', rcode: 'NXDOMAIN', detail: /pods are disabled/ },
  { what: 'pods insecure: any dashed address is echoed', query: '10-1-2-3.shop.pod.cluster.local A', rcode: 'NOERROR', answer: ['10-1-2-3.shop.pod.cluster.local. 5 IN A 10.1.2.3'] },
  { what: 'pods insecure: an IPv6 pod name', query: 'fd00-10-244--5.shop.pod.cluster.local AAAA', rcode: 'NOERROR', answer: ['fd00-10-244--5.shop.pod.cluster.local. 5 IN AAAA fd00:10:244::5'] },
  { what: 'pods insecure: a label that is no address is NXDOMAIN', query: 'web.shop.pod.cluster.local A', rcode: 'NXDOMAIN' },
  { what: 'pods insecure: the namespace must exist', query: '10-1-2-3.nowhere.pod.cluster.local A', rcode: 'NXDOMAIN' },
  { what: 'pods verified: an address of a pod in that namespace', corefile: block('pods verified'), query: '10-244-1-50.shop.pod.cluster.local A', rcode: 'NOERROR', answer: ['10-244-1-50.shop.pod.cluster.local. 5 IN A 10.244.1.50'] },
  { what: 'pods verified: the pod is in another namespace', corefile: block('pods verified'), query: '10-244-1-50.data.pod.cluster.local A', rcode: 'NXDOMAIN', detail: /exists in namespace 'shop'/ },
  { what: 'namespace under pod with pods insecure: NODATA', query: 'shop.pod.cluster.local A', rcode: 'NOERROR', answer: [] },
  { what: 'namespace under pod with pods disabled: NXDOMAIN', corefile: block(''), query: 'shop.pod.cluster.local A', rcode: 'NXDOMAIN' },

  // Namespaces, the apex and odd names.
  { what: 'an existing namespace under svc: NODATA', query: 'payments.svc.cluster.local A', rcode: 'NOERROR', answer: [], authority: [SOA()] },
  { what: 'an unknown namespace under svc: NXDOMAIN', query: 'nope.svc.cluster.local A', rcode: 'NXDOMAIN', detail: /no namespace 'nope'/ },
  { what: 'svc.<zone>: NODATA', query: 'svc.cluster.local A', rcode: 'NOERROR', answer: [] },
  { what: 'pod.<zone>: NODATA', query: 'pod.cluster.local AAAA', rcode: 'NOERROR', answer: [] },
  { what: 'the apex A: NODATA', query: 'cluster.local A', rcode: 'NOERROR', answer: [], authority: [SOA()] },
  { what: 'the apex SOA', query: 'cluster.local SOA', rcode: 'NOERROR', answer: [SOA()] },
  { what: "the apex NS: CoreDNS's own service, its address in additional", query: 'cluster.local NS', rcode: 'NOERROR', answer: ['cluster.local. 5 IN NS kube-dns.kube-system.svc.cluster.local.'], additional: ['kube-dns.kube-system.svc.cluster.local. 5 IN A 10.96.0.10'] },
  { what: 'ns.dns.<zone> A: the name server address', query: 'ns.dns.cluster.local A', rcode: 'NOERROR', answer: ['ns.dns.cluster.local. 5 IN A 10.96.0.10'] },
  { what: 'SOA below the apex: NODATA without looking the name up', query: 'nosuch.shop.svc.cluster.local SOA', rcode: 'NOERROR', answer: [] },
  { what: 'a label other than svc or pod: NXDOMAIN', query: 'foo.cluster.local A', rcode: 'NXDOMAIN', detail: /only serves names under svc/ },
  { what: 'too many labels: NXDOMAIN', query: 'a.b.c.storefront.shop.svc.cluster.local A', rcode: 'NXDOMAIN', detail: /more than any kubernetes record has/ },
  { what: 'dns-version TXT', query: 'dns-version.cluster.local TXT', rcode: 'NOERROR', answer: ['dns-version.cluster.local. 28800 IN TXT "1.1.0"'] },
  { what: 'TXT on a service: NODATA', query: 'storefront.shop.svc.cluster.local TXT', rcode: 'NOERROR', answer: [] },
  { what: 'TXT on a missing service: NXDOMAIN', query: 'nosuch.shop.svc.cluster.local TXT', rcode: 'NXDOMAIN' },
  { what: 'MX on a service: NODATA', query: 'storefront.shop.svc.cluster.local MX', rcode: 'NOERROR', answer: [] },
  { what: 'HTTPS on a missing service: NXDOMAIN', query: 'nosuch.shop.svc.cluster.local HTTPS', rcode: 'NXDOMAIN' },
  { what: 'HTTPS on a service: NODATA', query: 'storefront.shop.svc.cluster.local HTTPS', rcode: 'NOERROR', answer: [] },
  { what: 'AXFR: REFUSED', query: 'cluster.local AXFR', rcode: 'REFUSED' },
  { what: 'a name outside the zones goes to the next plugin', query: 'www.example.com A', rcode: 'NOERROR', answer: ['www.example.com. 300 IN A 198.51.100.7'], answeredBy: 'forward', action: 'passed' },

  // Options.
  { what: 'no fallthrough: NXDOMAIN stops at kubernetes', query: 'nosuch.shop.svc.cluster.local A', rcode: 'NXDOMAIN', answeredBy: 'kubernetes', detail: /kubernetes has no fallthrough, so NXDOMAIN stops here/ },
  { what: 'fallthrough for reverse zones only: cluster names still stop', corefile: block('fallthrough in-addr.arpa ip6.arpa'), query: 'nosuch.shop.svc.cluster.local A', rcode: 'NXDOMAIN', answeredBy: 'kubernetes', detail: /falls through only for in-addr\.arpa\. ip6\.arpa\./ },
  { what: 'fallthrough (all zones): NXDOMAIN goes on to forward', corefile: block('fallthrough'), query: 'nosuch.shop.svc.cluster.local A', rcode: 'NXDOMAIN', answeredBy: 'forward', action: 'fell-through' },
  { what: 'fallthrough never applies to NODATA', corefile: block('fallthrough'), query: 'storefront.shop.svc.cluster.local AAAA', rcode: 'NOERROR', answeredBy: 'kubernetes' },
  { what: 'a ClusterIP service without endpoints answers by default', query: 'cart.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['cart.shop.svc.cluster.local. 5 IN A 10.96.14.31'] },
  { what: 'ignore empty_service: a ClusterIP service without ready endpoints is NXDOMAIN', corefile: block('ignore empty_service'), query: 'cart.shop.svc.cluster.local A', rcode: 'NXDOMAIN', detail: /ignore empty_service/ },
  { what: 'ignore empty_service leaves services with endpoints alone', corefile: block('ignore empty_service'), query: 'storefront.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['storefront.shop.svc.cluster.local. 5 IN A 10.96.14.20'] },
  { what: 'namespaces: a service elsewhere is NXDOMAIN', corefile: block('namespaces shop'), query: 'ledger.payments.svc.cluster.local A', rcode: 'NXDOMAIN', detail: /exposes only shop/ },
  { what: 'namespaces: a hidden namespace itself is NXDOMAIN', corefile: block('namespaces shop'), query: 'payments.svc.cluster.local A', rcode: 'NXDOMAIN' },
  { what: 'namespaces: an exposed one still answers', corefile: block('namespaces shop'), query: 'storefront.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['storefront.shop.svc.cluster.local. 5 IN A 10.96.14.20'] },
  { what: 'namespace_labels: a namespace that does not match is NXDOMAIN', corefile: block('namespace_labels team=web'), query: 'ledger.payments.svc.cluster.local A', rcode: 'NXDOMAIN' },
  { what: 'labels: a service that does not match is not listed', corefile: block('labels app=storefront'), query: 'cart.shop.svc.cluster.local A', rcode: 'NXDOMAIN' },
  { what: 'labels: a matching service answers', corefile: block('labels app=storefront'), query: 'storefront.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['storefront.shop.svc.cluster.local. 5 IN A 10.96.14.20'] },
  { what: 'noendpoints: headless services are NXDOMAIN', corefile: block('noendpoints'), query: 'pg.data.svc.cluster.local A', rcode: 'NXDOMAIN', detail: /noendpoints/ },
  { what: 'noendpoints: ClusterIP services still answer', corefile: block('noendpoints'), query: 'storefront.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['storefront.shop.svc.cluster.local. 5 IN A 10.96.14.20'] },
  { what: 'zonal: a zone-scoped name is shown as not simulated (no topology zones in the model)', corefile: block('zonal'), query: 'us-east-1a.pin._zone.pg.data.svc.cluster.local A', rcode: 'NXDOMAIN', answeredBy: 'forward', action: 'not-simulated', detail: /not simulated: .*topology zone/ },
  { what: 'zonal: a zone-scoped name under a ClusterIP service is NXDOMAIN', corefile: block('zonal'), query: 'us-east-1a.pin._zone.storefront.shop.svc.cluster.local A', rcode: 'NXDOMAIN', answeredBy: 'kubernetes' },
  { what: 'without zonal the same name is too long', query: 'us-east-1a.pin._zone.pg.data.svc.cluster.local A', rcode: 'NXDOMAIN', answeredBy: 'kubernetes', detail: /more than any kubernetes record has/ },
  { what: 'multicluster zones are shown as not simulated', corefile: block('multicluster clusterset.local', 'cluster.local clusterset.local'), query: 'storefront.shop.svc.clusterset.local A', rcode: 'NXDOMAIN', answeredBy: 'forward', action: 'not-simulated' },
  { what: 'a custom cluster domain', corefile: block('', 'corp.cluster'), query: 'cart.shop.svc.corp.cluster A', rcode: 'NOERROR', answer: ['cart.shop.svc.corp.cluster. 5 IN A 10.96.14.31'] },
];

describe('kubernetes handler', () => {
  for (const row of rows) {
    it(row.what, () => {
      const got = ask({ corefile: row.corefile ?? PLAIN, cluster: CLUSTER, upstream: UPSTREAM }, row.query);
      assert.equal(got.rcode, row.rcode);
      if (row.answer) assert.deepEqual(got.answer, row.answer);
      if (row.additional) assert.deepEqual(got.additional, row.additional);
      if (row.authority) assert.deepEqual(got.authority, row.authority);
      if (row.answeredBy) assert.equal(got.answeredBy, row.answeredBy);
      const steps = got.steps.filter((s) => s.plugin === 'kubernetes');
      if (row.detail) assert.ok(steps.some((s) => row.detail!.test(s.detail)), `no kubernetes step matches ${row.detail}: ${steps.map((s) => s.detail).join(' | ')}`);
      if (row.action) assert.equal(steps[steps.length - 1]?.action, row.action);
    });
  }

  it('points the fallthrough decision at the fallthrough line', () => {
    const got = ask({ corefile: block('fallthrough'), cluster: CLUSTER, upstream: UPSTREAM }, 'nosuch.shop.svc.cluster.local A');
    const step = got.steps.find((s) => s.plugin === 'kubernetes' && s.action === 'fell-through');
    assert.equal(step?.range?.start.line, 2);
  });

  it('says which alias it chased and why, before the lookup through the server', () => {
    const got = ask({ corefile: PLAIN, cluster: CLUSTER, upstream: UPSTREAM }, 'legacy-db.shop.svc.cluster.local A');
    const order = got.steps.map((s) => `${s.plugin}/${s.action}`);
    const chase = order.indexOf('kubernetes/forwarded');
    assert.ok(chase >= 0 && order.indexOf('forward/forwarded') > chase, order.join(' '));
    assert.match(got.details('kubernetes')[0]!, /alias for db\.legacy\.corp\.example\., outside the zone cluster\.local\./);
  });
});
