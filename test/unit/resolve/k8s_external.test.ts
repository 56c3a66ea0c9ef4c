// k8s_external in the simulator: <service>.<namespace>.<zone> answers with external IPs and load-balancer
// ingress (hostnames as a CNAME plus the target resolved through the server), SRV, PTR for external IPs,
// the apex SOA/NS and its name-server branch, `headless`, `ttl`, NXDOMAIN/NODATA with the zone's SOA and
// `fallthrough`. The kubernetes plugin of the same block supplies the services.
import { describe } from 'node:test';
import type { Bench } from './support/harness.js';
import { k8sBench } from './support/k8s-cluster.js';
import { runRows, type Row } from './support/table.js';

const bench = (options = '', zones = 'ext.corp.example', k8sOptions = 'pods insecure'): Bench =>
  k8sBench(`.:53 {\n    kubernetes cluster.local {\n        ${k8sOptions}\n    }\n    k8s_external ${zones}${options ? ` {\n${options.split('\n').map((l) => `        ${l}`).join('\n')}\n    }` : ''}\n    forward . 192.0.2.53\n}\n`);

const SOA = (ttl = 5): string => `ext.corp.example. ${ttl} IN SOA ns1.dns.ext.corp.example. hostmaster.dns.ext.corp.example. 0 7200 1800 86400 ${ttl}`;

const rows: Row[] = [
  { name: 'load-balancer ingress IP, TTL 5', query: 'gateway.shop.ext.corp.example A', rcode: 'NOERROR', answer: ['gateway.shop.ext.corp.example. 5 IN A 203.0.113.20'], answeredBy: 'k8s_external', says: [/external address 203\.0\.113\.20/] },
  { name: 'spec.externalIPs, IPv4 for A', query: 'mailer.shop.ext.corp.example A', rcode: 'NOERROR', answer: ['mailer.shop.ext.corp.example. 5 IN A 198.51.100.25'] },
  { name: 'spec.externalIPs, IPv6 for AAAA', query: 'mailer.shop.ext.corp.example AAAA', rcode: 'NOERROR', answer: ['mailer.shop.ext.corp.example. 5 IN AAAA 2001:db8::25'] },
  { name: 'an ingress hostname: CNAME, then the target through the server', query: 'edge.shop.ext.corp.example A', rcode: 'NOERROR', answer: ['edge.shop.ext.corp.example. 5 IN CNAME edge-lb-7731.elb.example.net.', 'edge-lb-7731.elb.example.net. 60 IN A 203.0.113.31'] },
  { name: "the CNAME keeps kubernetes' TTL, addresses get k8s_external's", bench: bench('ttl 10', 'ext.corp.example', 'ttl 30'), query: 'edge.shop.ext.corp.example A', rcode: 'NOERROR', answer: ['edge.shop.ext.corp.example. 30 IN CNAME edge-lb-7731.elb.example.net.', 'edge-lb-7731.elb.example.net. 60 IN A 203.0.113.31'] },
  { name: 'ttl applies to address records', bench: bench('ttl 10'), query: 'gateway.shop.ext.corp.example A', rcode: 'NOERROR', answer: ['gateway.shop.ext.corp.example. 10 IN A 203.0.113.20'] },
  { name: 'a service without external addresses: NXDOMAIN with the zone SOA', query: 'storefront.shop.ext.corp.example A', rcode: 'NXDOMAIN', authority: [SOA()], says: [/no external IPs/] },
  { name: 'a missing service: NXDOMAIN', query: 'nosuch.shop.ext.corp.example A', rcode: 'NXDOMAIN' },
  { name: 'an unknown namespace: NXDOMAIN', query: 'gateway.nowhere.ext.corp.example A', rcode: 'NXDOMAIN' },
  { name: 'the namespace alone: NODATA', query: 'shop.ext.corp.example A', rcode: 'NOERROR', answer: [], authority: [SOA()] },
  { name: 'a type it has no records of: NODATA', query: 'gateway.shop.ext.corp.example TXT', rcode: 'NOERROR', answer: [], authority: [SOA()] },
  { name: 'too many labels: NXDOMAIN', query: 'a.b.c.gateway.shop.ext.corp.example A', rcode: 'NXDOMAIN' },
  { name: 'SRV: kubernetes TTL on the SRV, the address in additional', bench: bench('ttl 10'), query: '_https._tcp.gateway.shop.ext.corp.example SRV', rcode: 'NOERROR', answer: ['_https._tcp.gateway.shop.ext.corp.example. 5 IN SRV 0 100 443 gateway.shop.ext.corp.example.'], additional: ['gateway.shop.ext.corp.example. 10 IN A 203.0.113.20'] },
  { name: 'SRV with an unknown port: NXDOMAIN', query: '_smtp._tcp.gateway.shop.ext.corp.example SRV', rcode: 'NXDOMAIN' },
  { name: 'the apex SOA', query: 'ext.corp.example SOA', rcode: 'NOERROR', answer: [SOA()] },
  { name: 'the apex NS', query: 'ext.corp.example NS', rcode: 'NOERROR', answer: ['ext.corp.example. 5 IN NS ns1.dns.ext.corp.example.'] },
  { name: 'the apex A: NODATA', query: 'ext.corp.example A', rcode: 'NOERROR', answer: [], authority: [SOA()] },
  { name: 'the name servers branch: NODATA', query: 'dns.ext.corp.example A', rcode: 'NOERROR', answer: [] },
  { name: 'ns1 without an external address of CoreDNS: NODATA', query: 'ns1.dns.ext.corp.example A', rcode: 'NOERROR', answer: [] },
  { name: 'anything else under the name servers branch: NXDOMAIN', query: 'ns2.dns.ext.corp.example A', rcode: 'NXDOMAIN' },
  { name: 'apex option: the branch has another label', bench: bench('apex ns'), query: 'ext.corp.example SOA', rcode: 'NOERROR', answer: ['ext.corp.example. 5 IN SOA ns1.ns.ext.corp.example. hostmaster.ns.ext.corp.example. 0 7200 1800 86400 5'] },
  { name: 'headless services are not published by default', query: 'pg.data.ext.corp.example A', rcode: 'NXDOMAIN' },
  { name: 'headless: ready endpoints of headless services', bench: bench('headless'), query: 'pg.data.ext.corp.example A', rcode: 'NOERROR', answer: ['pg.data.ext.corp.example. 5 IN A 10.244.1.11', 'pg.data.ext.corp.example. 5 IN A 10.244.2.12'] },
  { name: 'headless: an endpoint by its hostname', bench: bench('headless'), query: 'pg-1.pg.data.ext.corp.example A', rcode: 'NOERROR', answer: ['pg-1.pg.data.ext.corp.example. 5 IN A 10.244.2.12'] },
  { name: 'PTR of an external address', bench: bench('', 'ext.corp.example 113.0.203.in-addr.arpa'), query: '20.113.0.203.in-addr.arpa PTR', rcode: 'NOERROR', answer: ['20.113.0.203.in-addr.arpa. 5 IN PTR gateway.shop.ext.corp.example.'] },
  { name: 'PTR of an address no service has: NXDOMAIN', bench: bench('', 'ext.corp.example 113.0.203.in-addr.arpa'), query: '99.113.0.203.in-addr.arpa PTR', rcode: 'NXDOMAIN' },
  { name: 'no fallthrough: NXDOMAIN stops here', query: 'nosuch.shop.ext.corp.example A', rcode: 'NXDOMAIN', answeredBy: 'k8s_external', says: [/no fallthrough/] },
  { name: 'fallthrough: NXDOMAIN goes to the next plugin', bench: bench('fallthrough'), query: 'nosuch.shop.ext.corp.example A', rcode: 'NXDOMAIN', answeredBy: 'forward', says: [/fallthrough covers this name/] },
  { name: 'fallthrough does not apply to NODATA', bench: bench('fallthrough'), query: 'shop.ext.corp.example A', rcode: 'NOERROR', answeredBy: 'k8s_external' },
  { name: 'names outside its zones pass on', query: 'gateway.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['gateway.shop.svc.cluster.local. 5 IN A 10.96.14.50'], answeredBy: 'kubernetes' },
  { name: 'namespaces of kubernetes hide services here too', bench: bench('', 'ext.corp.example', 'namespaces payments'), query: 'gateway.shop.ext.corp.example A', rcode: 'NXDOMAIN' },
];

describe('k8s_external handler', () => runRows(rows, { plugin: 'k8s_external', bench: bench() }));
