// The forward plugin in the simulator: which names a forward line takes (FROM, except), how several lines
// chain in Corefile order (next RCODE, next_on_nodata), failover, the policy shown rather than guessed,
// resolv.conf-style files read from the scenario's mounts, and upstream replies passed on unchanged.
import { describe } from 'node:test';
import { runRows, type Row } from './support/table.js';

const WWW = { 'www.example.com. A': ['www.example.com. 300 IN A 198.51.100.7'] };

const rows: Row[] = [
  {
    name: 'one upstream: the reply goes back as received, TTLs untouched',
    bench: { corefile: '.:53 {\n    forward . 10.0.0.2\n}\n', upstream: WWW },
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 300 IN A 198.51.100.7'],
    answeredBy: 'forward',
    saysEach: [/forward \. 10\.0\.0\.2: the name is under '\.', asked 10\.0\.0\.2:53 \(the only upstream\); it replied NOERROR with 1 record\. The reply goes back unchanged\./],
    lines: [1],
  },
  {
    name: 'an upstream CNAME chain keeps its own TTLs and order',
    bench: { corefile: '. {\n    forward . 10.0.0.2\n}\n', upstream: { 'cdn.example.net. A': ['cdn.example.net. 3600 IN CNAME edge.cdn-provider.example.', 'edge.cdn-provider.example. 20 IN A 203.0.113.9'] } },
    query: 'cdn.example.net A',
    rcode: 'NOERROR',
    answer: ['cdn.example.net. 3600 IN CNAME edge.cdn-provider.example.', 'edge.cdn-provider.example. 20 IN A 203.0.113.9'],
    answeredBy: 'forward',
  },
  {
    name: 'a name the upstream does not know is NXDOMAIN from the upstream',
    bench: { corefile: '. {\n    forward . 10.0.0.2\n}\n', upstream: WWW },
    query: 'nothing.example.com A',
    rcode: 'NXDOMAIN',
    answer: [],
    answeredBy: 'forward',
  },
  {
    name: 'upstream SERVFAIL is passed through to the client',
    bench: { corefile: '. {\n    forward . 10.0.0.2\n}\n', upstream: { 'flaky.example. A': { rcode: 'SERVFAIL' } } },
    query: 'flaky.example A',
    rcode: 'SERVFAIL',
    answeredBy: 'forward',
    saysEach: [/it replied SERVFAIL\. The reply goes back unchanged/],
  },
  {
    name: 'a name outside FROM passes on; with nothing after forward the block answers SERVFAIL',
    bench: { corefile: '. {\n    forward example.org 10.0.0.2\n}\n', upstream: WWW },
    query: 'www.example.com A',
    rcode: 'SERVFAIL',
    // The second step is the server's: a plugin that passes a query on with nothing after it gets SERVFAIL.
    saysEach: [/www\.example\.com\. is not under example\.org\., so the query goes to the next plugin/, /SERVFAIL/],
  },
  {
    name: "'except' leaves a zone out",
    bench: { corefile: '. {\n    forward . 10.0.0.2 {\n        except corp.example\n    }\n}\n', upstream: { 'db.corp.example. A': ['db.corp.example. 60 IN A 10.0.0.9'] } },
    query: 'db.corp.example A',
    rcode: 'SERVFAIL',
    saysEach: [/db\.corp\.example\. is under corp\.example\., which 'except' leaves out/, /SERVFAIL/],
  },
  {
    name: "'except' never leaves out FROM itself",
    bench: { corefile: '. {\n    forward corp.example 10.0.0.2 {\n        except corp.example\n    }\n}\n', upstream: { 'corp.example. A': ['corp.example. 60 IN A 10.0.0.1'] } },
    query: 'corp.example A',
    rcode: 'NOERROR',
    answer: ['corp.example. 60 IN A 10.0.0.1'],
    answeredBy: 'forward',
  },
  {
    name: 'several lines chain in Corefile order: the first that covers the name takes it',
    bench: {
      corefile: '. {\n    forward corp.example 10.0.0.1\n    forward . 10.0.0.2\n}\n',
      upstreamByServer: { '10.0.0.1': { 'db.corp.example. A': ['db.corp.example. 60 IN A 10.1.1.1'] }, '10.0.0.2': { 'db.corp.example. A': ['db.corp.example. 60 IN A 10.2.2.2'] } },
    },
    query: 'db.corp.example A',
    rcode: 'NOERROR',
    answer: ['db.corp.example. 60 IN A 10.1.1.1'],
    lines: [1],
  },
  {
    name: 'a name the first line does not cover goes to the next line',
    bench: {
      corefile: '. {\n    forward corp.example 10.0.0.1\n    forward . 10.0.0.2\n}\n',
      upstreamByServer: { '10.0.0.1': WWW, '10.0.0.2': { 'www.example.com. A': ['www.example.com. 300 IN A 203.0.113.2'] } },
    },
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 300 IN A 203.0.113.2'],
    saysEach: [/is not under corp\.example\., so the query goes to the next forward line/, /asked 10\.0\.0\.2:53/],
    lines: [1, 2],
  },
  {
    name: "a '.' line written first takes everything, so a later, narrower line never sees its zone",
    bench: {
      corefile: '. {\n    forward . 10.0.0.2\n    forward corp.example 10.0.0.1\n}\n',
      upstreamByServer: { '10.0.0.1': { 'db.corp.example. A': ['db.corp.example. 60 IN A 10.1.1.1'] }, '10.0.0.2': {} },
    },
    query: 'db.corp.example A',
    rcode: 'NXDOMAIN',
    answeredBy: 'forward',
    lines: [1],
  },
  {
    name: "'next NXDOMAIN' hands the query to the next forward line",
    bench: {
      corefile: '. {\n    forward . 10.0.0.1 {\n        next NXDOMAIN\n    }\n    forward . 10.0.0.2\n}\n',
      upstreamByServer: { '10.0.0.1': {}, '10.0.0.2': WWW },
    },
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 300 IN A 198.51.100.7'],
    saysEach: [/it replied NXDOMAIN\. 'next NXDOMAIN' hands the query to the next forward line\./, /asked 10\.0\.0\.2:53/],
    lines: [1, 4],
  },
  {
    name: "'next' on the last line has no effect",
    bench: { corefile: '. {\n    forward . 10.0.0.1 {\n        next NXDOMAIN\n    }\n}\n', upstream: {} },
    query: 'www.example.com A',
    rcode: 'NXDOMAIN',
    answeredBy: 'forward',
    saysEach: [/'next NXDOMAIN' has no effect, as no forward line follows this one/],
  },
  {
    name: "'next_on_nodata' hands an empty NOERROR on",
    bench: {
      corefile: '. {\n    forward . 10.0.0.1 {\n        next_on_nodata\n    }\n    forward . 10.0.0.2\n}\n',
      upstreamByServer: { '10.0.0.1': { 'www.example.com. AAAA': ['www.example.com. 300 IN AAAA 2001:db8::7'] }, '10.0.0.2': WWW },
    },
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 300 IN A 198.51.100.7'],
    saysEach: [/NODATA\)\. 'next_on_nodata' hands the empty answer on to the next forward line\./, /asked 10\.0\.0\.2:53/],
  },
  {
    name: "'next SERVFAIL' does not react to NXDOMAIN",
    bench: {
      corefile: '. {\n    forward . 10.0.0.1 {\n        next SERVFAIL\n    }\n    forward . 10.0.0.2\n}\n',
      upstreamByServer: { '10.0.0.1': {}, '10.0.0.2': WWW },
    },
    query: 'www.example.com A',
    rcode: 'NXDOMAIN',
    lines: [1],
  },
  {
    name: "'failover SERVFAIL' with policy sequential asks the next upstream of the same line",
    bench: {
      corefile: '. {\n    forward . 10.0.0.1 10.0.0.2 {\n        policy sequential\n        failover SERVFAIL\n    }\n}\n',
      upstreamByServer: { '10.0.0.1': { 'www.example.com. A': { rcode: 'SERVFAIL' } }, '10.0.0.2': WWW },
    },
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 300 IN A 198.51.100.7'],
    saysEach: [/10\.0\.0\.1:53 replied SERVFAIL, which 'failover' skips; asked 10\.0\.0\.2:53 \(policy sequential: the upstreams are always tried in the order written\)/],
  },
  {
    name: 'without failover, sequential passes the first upstream’s SERVFAIL on',
    bench: {
      corefile: '. {\n    forward . 10.0.0.1 10.0.0.2 {\n        policy sequential\n    }\n}\n',
      upstreamByServer: { '10.0.0.1': { 'www.example.com. A': { rcode: 'SERVFAIL' } }, '10.0.0.2': WWW },
    },
    query: 'www.example.com A',
    rcode: 'SERVFAIL',
    answeredBy: 'forward',
  },
  {
    name: 'policy random with upstreams that agree: says any could be asked',
    bench: { corefile: '. {\n    forward . 10.0.0.1 10.0.0.2\n}\n', upstream: WWW },
    query: 'www.example.com A',
    rcode: 'NOERROR',
    saysEach: [/asked 10\.0\.0\.1:53 \(policy random: any of 2 upstreams could be asked; all answer the same here\)/],
  },
  {
    name: 'policy random with upstreams that differ: the answer depends on the pick; the first is shown',
    bench: {
      corefile: '. {\n    forward . 10.0.0.1 10.0.0.2\n}\n',
      upstreamByServer: { '10.0.0.1': WWW, '10.0.0.2': { 'www.example.com. A': ['www.example.com. 300 IN A 203.0.113.2'] } },
    },
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 300 IN A 198.51.100.7'],
    saysEach: [/they answer differently, so the answer depends on the pick; the simulation shows 10\.0\.0\.1:53's/],
  },
  {
    name: 'policy random with failover: an upstream that fails cannot win while another answers',
    bench: {
      corefile: '. {\n    forward . 10.0.0.1 10.0.0.2 {\n        failover SERVFAIL\n    }\n}\n',
      upstreamByServer: { '10.0.0.1': { 'www.example.com. A': { rcode: 'SERVFAIL' } }, '10.0.0.2': WWW },
    },
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 300 IN A 198.51.100.7'],
    saysEach: [/every order ends with the same reply here, as failover skips 1 of them/],
  },
  {
    name: 'policy round_robin is shown as depending on earlier queries',
    bench: { corefile: '. {\n    forward . 10.0.0.1 10.0.0.2 10.0.0.3 {\n        policy round_robin\n    }\n}\n', upstream: WWW },
    query: 'www.example.com A',
    rcode: 'NOERROR',
    saysEach: [/policy round_robin: the 3 upstreams take turns, so which one gets this query depends on the queries before it; all answer the same here/],
  },
  {
    name: 'the same upstream written twice is one upstream',
    bench: { corefile: '. {\n    forward . 10.0.0.1 10.0.0.1:53\n}\n', upstream: WWW },
    query: 'www.example.com A',
    rcode: 'NOERROR',
    saysEach: [/asked 10\.0\.0\.1:53 \(the only upstream\)/],
  },
  {
    name: 'a mounted resolv.conf gives its nameserver lines as upstreams on port 53',
    bench: {
      corefile: '. {\n    forward . /etc/resolv.conf\n}\n',
      files: { '/etc/resolv.conf': 'search example.internal\nnameserver 10.0.0.53\n' },
      upstreamByServer: { '10.0.0.53': WWW },
    },
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 300 IN A 198.51.100.7'],
    saysEach: [/asked 10\.0\.0\.53:53 \(from \/etc\/resolv\.conf\) \(the only upstream\).*\/etc\/resolv\.conf lists 10\.0\.0\.53\./],
  },
  {
    name: "an unmounted /etc/resolv.conf is asked through the scenario's general upstream answers",
    bench: { corefile: '. {\n    forward . /etc/resolv.conf\n}\n', upstream: WWW },
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 300 IN A 198.51.100.7'],
    saysEach: [/\/etc\/resolv\.conf is not among the scenario's mounts, so its nameservers are unknown/],
  },
  {
    name: 'a DNS-over-TLS upstream is asked on port 853 and says so',
    bench: { corefile: '. {\n    forward . tls://9.9.9.9 {\n        tls_servername dns.quad9.net\n    }\n}\n', upstream: WWW },
    query: 'www.example.com A',
    rcode: 'NOERROR',
    saysEach: [/asked 9\.9\.9\.9:853 over DNS-over-TLS/],
  },
  {
    name: 'the reply is a reply to the client’s own query, with recursion available',
    bench: { corefile: '. {\n    forward . 10.0.0.2\n}\n', upstream: WWW },
    query: 'WWW.Example.com A',
    question: 'WWW.Example.com. A IN',
    flags: { ra: true, aa: false },
    answer: ['www.example.com. 300 IN A 198.51.100.7'],
  },
];

// saysEach: the forward steps, one phrase each and no other forward step.
describe('forward handler', () => runRows(rows, { plugin: 'forward' }));
