// k8s_external in the simulator: <service>.<namespace>.<zone> answers with external IPs and load-balancer
// ingress (hostnames as a CNAME plus the target resolved through the server), SRV, PTR for external IPs,
// the apex SOA/NS and its name-server branch, `headless`, `ttl`, NXDOMAIN/NODATA with the zone's SOA and
// `fallthrough`. The kubernetes plugin of the same block supplies the services.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askBlock } from './k8s-harness.js';

const corefile = (options = '', zones = 'ext.corp.example', k8sOptions = 'pods insecure'): string =>
  `.:53 {\n    kubernetes cluster.local {\n        ${k8sOptions}\n    }\n    k8s_external ${zones}${options ? ` {\n${options.split('\n').map((l) => `        ${l}`).join('\n')}\n    }` : ''}\n    forward . 192.0.2.53\n}\n`;

const SOA = (ttl = 5): string => `ext.corp.example. ${ttl} IN SOA ns1.dns.ext.corp.example. hostmaster.dns.ext.corp.example. 0 7200 1800 86400 ${ttl}`;

interface Row {
  what: string;
  corefile?: string;
  query: string;
  rcode: string;
  answer?: string[];
  additional?: string[];
  authority?: string[];
  answeredBy?: string;
  detail?: RegExp;
}

const rows: Row[] = [
  { what: 'load-balancer ingress IP, TTL 5', query: 'gateway.shop.ext.corp.example A', rcode: 'NOERROR', answer: ['gateway.shop.ext.corp.example. 5 IN A 203.0.113.20'], answeredBy: 'k8s_external', detail: /external address 203\.0\.113\.20/ },
  { what: 'spec.externalIPs, IPv4 for A', query: 'mailer.shop.ext.corp.example A', rcode: 'NOERROR', answer: ['mailer.shop.ext.corp.example. 5 IN A 198.51.100.25'] },
  { what: 'spec.externalIPs, IPv6 for AAAA', query: 'mailer.shop.ext.corp.example AAAA', rcode: 'NOERROR', answer: ['mailer.shop.ext.corp.example. 5 IN AAAA 2001:db8::25'] },
  { what: 'an ingress hostname: CNAME, then the target through the server', query: 'edge.shop.ext.corp.example A', rcode: 'NOERROR', answer: ['edge.shop.ext.corp.example. 5 IN CNAME edge-lb-7731.elb.example.net.', 'edge-lb-7731.elb.example.net. 60 IN A 203.0.113.31'] },
  { what: "the CNAME keeps kubernetes' TTL, addresses get k8s_external's", corefile: corefile('ttl 10', 'ext.corp.example', 'ttl 30'), query: 'edge.shop.ext.corp.example A', rcode: 'NOERROR', answer: ['edge.shop.ext.corp.example. 30 IN CNAME edge-lb-7731.elb.example.net.', 'edge-lb-7731.elb.example.net. 60 IN A 203.0.113.31'] },
  { what: 'ttl applies to address records', corefile: corefile('ttl 10'), query: 'gateway.shop.ext.corp.example A', rcode: 'NOERROR', answer: ['gateway.shop.ext.corp.example. 10 IN A 203.0.113.20'] },
  { what: 'a service without external addresses: NXDOMAIN with the zone SOA', query: 'storefront.shop.ext.corp.example A', rcode: 'NXDOMAIN', authority: [SOA()], detail: /no external IPs/ },
  { what: 'a missing service: NXDOMAIN', query: 'nosuch.shop.ext.corp.example A', rcode: 'NXDOMAIN' },
  { what: 'an unknown namespace: NXDOMAIN', query: 'gateway.nowhere.ext.corp.example A', rcode: 'NXDOMAIN' },
  { what: 'the namespace alone: NODATA', query: 'shop.ext.corp.example A', rcode: 'NOERROR', answer: [], authority: [SOA()] },
  { what: 'a type it has no records of: NODATA', query: 'gateway.shop.ext.corp.example TXT', rcode: 'NOERROR', answer: [], authority: [SOA()] },
  { what: 'too many labels: NXDOMAIN', query: 'a.b.c.gateway.shop.ext.corp.example A', rcode: 'NXDOMAIN' },
  { what: 'SRV: kubernetes TTL on the SRV, the address in additional', corefile: corefile('ttl 10'), query: '_https._tcp.gateway.shop.ext.corp.example SRV', rcode: 'NOERROR', answer: ['_https._tcp.gateway.shop.ext.corp.example. 5 IN SRV 0 100 443 gateway.shop.ext.corp.example.'], additional: ['gateway.shop.ext.corp.example. 10 IN A 203.0.113.20'] },
  { what: 'SRV with an unknown port: NXDOMAIN', query: '_smtp._tcp.gateway.shop.ext.corp.example SRV', rcode: 'NXDOMAIN' },
  { what: 'the apex SOA', query: 'ext.corp.example SOA', rcode: 'NOERROR', answer: [SOA()] },
  { what: 'the apex NS', query: 'ext.corp.example NS', rcode: 'NOERROR', answer: ['ext.corp.example. 5 IN NS ns1.dns.ext.corp.example.'] },
  { what: 'the apex A: NODATA', query: 'ext.corp.example A', rcode: 'NOERROR', answer: [], authority: [SOA()] },
  { what: 'the name servers branch: NODATA', query: 'dns.ext.corp.example A', rcode: 'NOERROR', answer: [] },
  { what: 'ns1 without an external address of CoreDNS: NODATA', query: 'ns1.dns.ext.corp.example A', rcode: 'NOERROR', answer: [] },
  { what: 'anything else under the name servers branch: NXDOMAIN', query: 'ns2.dns.ext.corp.example A', rcode: 'NXDOMAIN' },
  { what: 'apex option: the branch has another label', corefile: corefile('apex ns'), query: 'ext.corp.example SOA', rcode: 'NOERROR', answer: ['ext.corp.example. 5 IN SOA ns1.ns.ext.corp.example. hostmaster.ns.ext.corp.example. 0 7200 1800 86400 5'] },
  { what: 'headless services are not published by default', query: 'pg.data.ext.corp.example A', rcode: 'NXDOMAIN' },
  { what: 'headless: ready endpoints of headless services', corefile: corefile('headless'), query: 'pg.data.ext.corp.example A', rcode: 'NOERROR', answer: ['pg.data.ext.corp.example. 5 IN A 10.244.1.11', 'pg.data.ext.corp.example. 5 IN A 10.244.2.12'] },
  { what: 'headless: an endpoint by its hostname', corefile: corefile('headless'), query: 'pg-1.pg.data.ext.corp.example A', rcode: 'NOERROR', answer: ['pg-1.pg.data.ext.corp.example. 5 IN A 10.244.2.12'] },
  { what: 'PTR of an external address', corefile: corefile('', 'ext.corp.example 113.0.203.in-addr.arpa'), query: '20.113.0.203.in-addr.arpa PTR', rcode: 'NOERROR', answer: ['20.113.0.203.in-addr.arpa. 5 IN PTR gateway.shop.ext.corp.example.'] },
  { what: 'PTR of an address no service has: NXDOMAIN', corefile: corefile('', 'ext.corp.example 113.0.203.in-addr.arpa'), query: '99.113.0.203.in-addr.arpa PTR', rcode: 'NXDOMAIN' },
  { what: 'no fallthrough: NXDOMAIN stops here', query: 'nosuch.shop.ext.corp.example A', rcode: 'NXDOMAIN', answeredBy: 'k8s_external', detail: /no fallthrough/ },
  { what: 'fallthrough: NXDOMAIN goes to the next plugin', corefile: corefile('fallthrough'), query: 'nosuch.shop.ext.corp.example A', rcode: 'NXDOMAIN', answeredBy: 'forward', detail: /fallthrough covers this name/ },
  { what: 'fallthrough does not apply to NODATA', corefile: corefile('fallthrough'), query: 'shop.ext.corp.example A', rcode: 'NOERROR', answeredBy: 'k8s_external' },
  { what: 'names outside its zones pass on', query: 'gateway.shop.svc.cluster.local A', rcode: 'NOERROR', answer: ['gateway.shop.svc.cluster.local. 5 IN A 10.96.14.50'], answeredBy: 'kubernetes' },
  { what: 'namespaces of kubernetes hide services here too', corefile: corefile('', 'ext.corp.example', 'namespaces payments'), query: 'gateway.shop.ext.corp.example A', rcode: 'NXDOMAIN' },
];

describe('k8s_external handler', () => {
  for (const row of rows) {
    it(row.what, () => {
      const got = askBlock({ corefile: row.corefile ?? corefile() }, row.query);
      assert.equal(got.rcode, row.rcode);
      if (row.answer) assert.deepEqual(got.answer, row.answer);
      if (row.additional) assert.deepEqual(got.additional, row.additional);
      if (row.authority) assert.deepEqual(got.authority, row.authority);
      if (row.answeredBy) assert.equal(got.answeredBy, row.answeredBy);
      if (row.detail) {
        const details = got.details('k8s_external');
        assert.ok(details.some((d) => row.detail!.test(d)), `no k8s_external step matches ${row.detail}: ${details.join(' | ')}`);
      }
    });
  }
});
