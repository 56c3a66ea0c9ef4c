// autopath in the simulator: with @kubernetes it needs `pods verified` and a client address that is a known
// pod; it then walks <ns>.svc.<zone>, svc.<zone>, <zone>, CoreDNS's own search domains and the bare name,
// answers the first reply that is not NXDOMAIN with a CNAME in front, stops at NODATA, and returns the
// first reply when everything was NXDOMAIN. A resolv.conf file gives every client the same path.
import { describe } from 'node:test';
import { k8sBench } from './support/k8s-cluster.js';
import { runRows, type Row } from './support/table.js';

const corefile = (pods: string, autopath = 'autopath @kubernetes'): string =>
  `.:53 {\n    ${autopath}\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n        pods ${pods}\n        fallthrough in-addr.arpa ip6.arpa\n    }\n    forward . 192.0.2.53\n}\n`;

const VERIFIED = k8sBench(corefile('verified'));
const SHOP_POD = '10.244.1.50';

const rows: Row[] = [
  {
    name: 'an external name is found at the bare name: CNAME with the TTL of the found record in front',
    query: 'www.example.com.shop.svc.cluster.local A', rcode: 'NOERROR', answeredBy: 'autopath',
    answer: ['www.example.com.shop.svc.cluster.local. 300 IN CNAME www.example.com.', 'www.example.com. 300 IN A 198.51.100.7'],
    saysInOrder: [/pod shop\/web-5f7c9: its search path is shop\.svc\.cluster\.local\. svc\.cluster\.local\. cluster\.local\./, /Trying www\.example\.com\.shop\.svc\.cluster\.local\./, /Trying www\.example\.com\.svc\.cluster\.local\./, /Trying www\.example\.com\.cluster\.local\./, /Trying www\.example\.com\. \(the bare name\)/, /CNAME to www\.example\.com\./],
  },
  {
    name: 'a cross-namespace service is found at svc.<zone>',
    query: 'ledger.payments.shop.svc.cluster.local A', rcode: 'NOERROR', answeredBy: 'autopath',
    answer: ['ledger.payments.shop.svc.cluster.local. 5 IN CNAME ledger.payments.svc.cluster.local.', 'ledger.payments.svc.cluster.local. 5 IN A 10.96.22.7'],
  },
  {
    name: 'a service in the pod namespace is found at once: no CNAME',
    query: 'storefront.shop.svc.cluster.local A', rcode: 'NOERROR', answeredBy: 'autopath',
    answer: ['storefront.shop.svc.cluster.local. 5 IN A 10.96.14.20'],
    saysInOrder: [/it is the name that was asked/],
  },
  {
    name: 'the CNAME owner keeps the letter case of the query',
    query: 'WWW.Example.com.shop.svc.cluster.local A', rcode: 'NOERROR',
    answer: ['WWW.Example.com.shop.svc.cluster.local. 300 IN CNAME www.example.com.', 'www.example.com. 300 IN A 198.51.100.7'],
  },
  {
    name: 'NODATA ends the walk: an empty NOERROR goes back, without a CNAME',
    query: 'short.example.com.shop.svc.cluster.local AAAA', rcode: 'NOERROR', answer: [], answeredBy: 'autopath',
    saysInOrder: [/short\.example\.com\. got NOERROR with no answer \(NODATA\), which also ends the walk/],
  },
  {
    name: 'every candidate NXDOMAIN: the first reply goes back as it was',
    query: 'nosuch.shop.svc.cluster.local A', rcode: 'NXDOMAIN', answer: [], answeredBy: 'autopath',
    authority: ['cluster.local. 5 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 0 7200 1800 86400 5'],
    saysInOrder: [/Every candidate was NXDOMAIN/],
  },
  {
    name: "pods insecure: autopath does nothing, kubernetes answers the first expansion",
    bench: k8sBench(corefile('insecure')), query: 'www.example.com.shop.svc.cluster.local A', rcode: 'NXDOMAIN', answeredBy: 'kubernetes',
    saysInOrder: [/needs 'pods verified'.*'pods insecure'/],
  },
  {
    name: 'a client that is no known pod: autopath does nothing',
    query: 'www.example.com.shop.svc.cluster.local A', ask: { client: { ip: '10.0.0.15' } }, rcode: 'NXDOMAIN', answeredBy: 'kubernetes',
    saysInOrder: [/10\.0\.0\.15 is not the address of any known pod/],
  },
  {
    name: 'a name not under the first search domain is left alone',
    query: 'ledger.payments.svc.cluster.local A', rcode: 'NOERROR', answeredBy: 'kubernetes',
    answer: ['ledger.payments.svc.cluster.local. 5 IN A 10.96.22.7'],
    saysInOrder: [/not under the first search domain shop\.svc\.cluster\.local\./],
  },
  {
    name: 'the first search domain itself: CoreDNS cannot take a base name and fails',
    query: 'shop.svc.cluster.local A', rcode: 'SERVFAIL', answeredBy: 'autopath',
  },
  {
    name: "CoreDNS's own search domains come after the cluster ones",
    bench: k8sBench(corefile('verified'), { files: { '/etc/resolv.conf': 'nameserver 192.0.2.53\nsearch corp.example\n' }, upstream: { 'intranet.corp.example. A': ['intranet.corp.example. 120 IN A 10.1.1.1'] } }),
    query: 'intranet.shop.svc.cluster.local A', rcode: 'NOERROR', answeredBy: 'autopath',
    answer: ['intranet.shop.svc.cluster.local. 120 IN CNAME intranet.corp.example.', 'intranet.corp.example. 120 IN A 10.1.1.1'],
    saysInOrder: [/then CoreDNS's own search domains corp\.example\./, /Trying intranet\.corp\.example\. \(search domain 4\)/],
  },
  {
    name: 'a resolv.conf file gives every client its search list',
    bench: k8sBench('.:53 {\n    autopath /etc/autopath.conf\n    forward . 192.0.2.53\n}\n', { files: { '/etc/autopath.conf': 'search a.example B.Example\n' }, upstream: { 'host.b.example. A': ['host.b.example. 60 IN A 192.0.2.80'] } }),
    query: 'host.a.example A', ask: { client: { ip: '192.0.2.200' } }, rcode: 'NOERROR', answeredBy: 'autopath',
    answer: ['host.a.example. 60 IN CNAME host.b.example.', 'host.b.example. 60 IN A 192.0.2.80'],
  },
  {
    name: 'outside the autopath zones nothing happens',
    bench: k8sBench(corefile('verified', 'autopath example.org @kubernetes')), query: 'www.example.com.shop.svc.cluster.local A', rcode: 'NXDOMAIN', answeredBy: 'kubernetes',
    saysInOrder: [/outside autopath's zones \(example\.org\.\)/],
  },
];

describe('autopath handler', () => runRows(rows, { plugin: 'autopath', bench: VERIFIED, ask: { client: { ip: SHOP_POD } } }));
