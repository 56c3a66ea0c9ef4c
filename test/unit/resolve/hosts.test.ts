// The hosts plugin in the simulator (plugin/hosts/hosts.go): A/AAAA from the file then the inline lines,
// NODATA for a known name of another type, SERVFAIL or fallthrough for an unknown one, PTR built from the
// entries (a miss always passes on), other types, one-label wildcards, TTL, zones and no_reverse.
import { describe } from 'node:test';
import type { Bench } from './support/harness.js';
import { runRows, type Row } from './support/table.js';

const UPSTREAM = {
  'wiki.corp.example. A': ['wiki.corp.example. 60 IN A 192.0.2.10'],
  'registry.corp.example. TXT': ['registry.corp.example. 60 IN TXT "from upstream"'],
  '9.0.30.10.in-addr.arpa. PTR': ['9.0.30.10.in-addr.arpa. 60 IN PTR elsewhere.corp.example.'],
  'www.example.com. A': ['www.example.com. 300 IN A 198.51.100.7'],
};

const bench = (body: string, args = '', files: Record<string, string> = {}): Bench => ({
  corefile: `.:53 {\n    hosts${args} {\n${body}\n    }\n    forward . 192.0.2.53\n}\n`,
  files,
  upstream: UPSTREAM,
});

const INLINE = '        10.30.0.10 registry.corp.example registry\n        10.30.0.11 git.corp.example\n        fd00:30::11 git.corp.example\n        10.30.0.10 reg-alias.corp.example';
const HOSTS_FILE = { '/etc/coredns/corp.hosts': '# corp hosts\n10.30.0.20 build.corp.example   # build box\n10.30.0.10 registry.corp.example\n10.30.0.50 printer.other.example\n::ffff:10.30.0.60 mapped.corp.example\n' };

const rows: Row[] = [
  {
    name: 'an inline entry answers A with the default TTL of 3600',
    bench: bench(INLINE),
    query: 'registry.corp.example A',
    rcode: 'NOERROR',
    answer: ['registry.corp.example. 3600 IN A 10.30.0.10'],
    answeredBy: 'hosts',
    says: [/From the inline entries \(the hosts file \/etc\/hosts is not in the simulation, so it counts as empty\): registry\.corp\.example\. has 10\.30\.0\.10\. NOERROR with 1 record, TTL 3600\./],
  },
  {
    name: 'a single-label name is answered too (it is under the root zone)',
    bench: bench(INLINE),
    query: 'registry. A',
    rcode: 'NOERROR',
    answer: ['registry. 3600 IN A 10.30.0.10'],
  },
  {
    name: 'AAAA comes from IPv6 entries',
    bench: bench(INLINE),
    query: 'git.corp.example AAAA',
    rcode: 'NOERROR',
    answer: ['git.corp.example. 3600 IN AAAA fd00:30::11'],
  },
  {
    name: 'a known name without an address of the asked family: NODATA, even without fallthrough',
    bench: bench(INLINE),
    query: 'registry.corp.example AAAA',
    rcode: 'NOERROR',
    answer: [],
    answeredBy: 'hosts',
    says: [/is in .* but has no AAAA entry: NOERROR with no records \(NODATA\)/],
  },
  {
    name: 'an unknown name without fallthrough: SERVFAIL, not NXDOMAIN',
    bench: bench(INLINE),
    query: 'wiki.corp.example A',
    rcode: 'SERVFAIL',
    answeredBy: 'hosts',
    says: [/hosts has no fallthrough: the query stops here with SERVFAIL/],
  },
  {
    name: 'an unknown name with fallthrough goes to the next plugin',
    bench: bench(`${INLINE}\n        fallthrough`),
    query: 'wiki.corp.example A',
    rcode: 'NOERROR',
    answer: ['wiki.corp.example. 60 IN A 192.0.2.10'],
    answeredBy: 'forward',
    says: [/fallthrough hands it to the next plugin/],
  },
  {
    name: 'fallthrough limited to other zones does not cover the name: SERVFAIL',
    bench: bench(`${INLINE}\n        fallthrough other.example`),
    query: 'wiki.corp.example A',
    rcode: 'SERVFAIL',
  },
  {
    name: 'a name outside the plugin zones is passed on whatever fallthrough says',
    bench: bench(INLINE, ' /etc/hosts corp.example'),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answeredBy: 'forward',
    says: [/www\.example\.com\. is not in the zones of hosts \(corp\.example\.\)/],
  },
  {
    name: 'the hosts file comes first, then the inline entries, with the ttl option',
    bench: bench(`${INLINE}\n        ttl 60`, ' /etc/coredns/corp.hosts corp.example', HOSTS_FILE),
    query: 'registry.corp.example A',
    rcode: 'NOERROR',
    answer: ['registry.corp.example. 60 IN A 10.30.0.10', 'registry.corp.example. 60 IN A 10.30.0.10'],
    says: [/From the hosts file \/etc\/coredns\/corp\.hosts and the inline entries/],
  },
  {
    name: 'file entries outside the zones are dropped while reading',
    bench: bench('        fallthrough', ' /etc/coredns/corp.hosts corp.example', HOSTS_FILE),
    query: 'printer.other.example A',
    rcode: 'NXDOMAIN',
    answeredBy: 'forward',
  },
  {
    name: 'an IPv4-mapped IPv6 address is an IPv4 entry',
    bench: bench('', ' /etc/coredns/corp.hosts corp.example', HOSTS_FILE),
    query: 'mapped.corp.example A',
    rcode: 'NOERROR',
    answer: ['mapped.corp.example. 3600 IN A 10.30.0.60'],
  },
  {
    name: 'PTR lists every name of the address, file entries before inline ones',
    bench: bench(INLINE, ' /etc/coredns/corp.hosts', HOSTS_FILE),
    query: '10.0.30.10.in-addr.arpa PTR',
    rcode: 'NOERROR',
    answer: ['10.0.30.10.in-addr.arpa. 3600 IN PTR registry.corp.example.', '10.0.30.10.in-addr.arpa. 3600 IN PTR registry.corp.example.', '10.0.30.10.in-addr.arpa. 3600 IN PTR registry.', '10.0.30.10.in-addr.arpa. 3600 IN PTR reg-alias.corp.example.'],
  },
  {
    name: 'PTR for an IPv6 entry',
    bench: bench(INLINE),
    query: '1.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.3.0.0.0.0.d.f.ip6.arpa PTR',
    rcode: 'NOERROR',
    answer: ['1.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.3.0.0.0.0.d.f.ip6.arpa. 3600 IN PTR git.corp.example.'],
  },
  {
    name: 'a PTR miss passes on even without fallthrough',
    bench: bench(INLINE),
    query: '9.0.30.10.in-addr.arpa PTR',
    rcode: 'NOERROR',
    answer: ['9.0.30.10.in-addr.arpa. 60 IN PTR elsewhere.corp.example.'],
    answeredBy: 'forward',
    says: [/A PTR miss always goes to the next plugin, with or without fallthrough\./],
  },
  {
    name: 'PTR is answered outside the plugin zones',
    bench: bench(INLINE, ' /etc/hosts corp.example'),
    query: '11.0.30.10.in-addr.arpa PTR',
    rcode: 'NOERROR',
    answer: ['11.0.30.10.in-addr.arpa. 3600 IN PTR git.corp.example.'],
  },
  {
    name: 'no_reverse: no PTR answers, the query passes on',
    bench: bench(`${INLINE}\n        no_reverse`),
    query: '10.0.30.10.in-addr.arpa PTR',
    rcode: 'NXDOMAIN',
    answeredBy: 'forward',
    says: [/With no_reverse, hosts answers no PTR queries\. A PTR miss always goes to the next plugin/],
  },
  {
    name: 'another type for a known name: NODATA',
    bench: bench(`${INLINE}\n        fallthrough`),
    query: 'registry.corp.example TXT',
    rcode: 'NOERROR',
    answer: [],
    answeredBy: 'hosts',
  },
  {
    name: 'another type with fallthrough_unsupported goes to the next plugin',
    bench: bench(`${INLINE}\n        fallthrough\n        fallthrough_unsupported`),
    query: 'registry.corp.example TXT',
    rcode: 'NOERROR',
    answer: ['registry.corp.example. 60 IN TXT "from upstream"'],
    answeredBy: 'forward',
    says: [/with fallthrough_unsupported a TXT query goes to the next plugin/],
  },
  {
    name: 'another type for an unknown name without fallthrough: SERVFAIL',
    bench: bench(INLINE),
    query: 'nothing.corp.example MX',
    rcode: 'SERVFAIL',
  },
  {
    name: 'a wildcard entry matches one label',
    bench: bench('        10.30.9.9 *.apps.corp.example'),
    query: 'shop.apps.corp.example A',
    rcode: 'NOERROR',
    answer: ['shop.apps.corp.example. 3600 IN A 10.30.9.9'],
    says: [/through the wildcard \*\.apps\.corp\.example\./],
  },
  {
    name: 'a wildcard entry does not match two labels',
    bench: bench('        10.30.9.9 *.apps.corp.example'),
    query: 'a.shop.apps.corp.example A',
    rcode: 'SERVFAIL',
  },
  {
    name: 'an exact entry wins over a wildcard',
    bench: bench('        10.30.9.9 *.apps.corp.example\n        10.30.9.1 api.apps.corp.example'),
    query: 'api.apps.corp.example A',
    rcode: 'NOERROR',
    answer: ['api.apps.corp.example. 3600 IN A 10.30.9.1'],
  },
  {
    name: 'wildcard entries make no PTR records',
    bench: bench('        10.30.9.9 *.apps.corp.example'),
    query: '9.9.30.10.in-addr.arpa PTR',
    rcode: 'NXDOMAIN',
    answeredBy: 'forward',
  },
];

describe('hosts handler', () => runRows(rows, { plugin: 'hosts' }));
