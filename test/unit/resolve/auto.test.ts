// The auto plugin in the simulator (plugin/auto): zone files found in a mounted directory by an RE2
// pattern, their origins built from the template, answered like file answers; queries outside the loaded
// zones pass on, and a directory CoreDNS cannot scan loads nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RE2JS } from 're2js';
import { expandTemplate, originFor } from '../../../server/src/core/plugins/handlers/zones/auto-scan.js';
import type { Bench } from './support/harness.js';
import { runRows, type Row } from './support/table.js';

const zone = (origin: string, address: string): string =>
  `$ORIGIN ${origin}.\n$TTL 120\n@ IN SOA ns1 hostmaster 2024010101 7200 1800 1209600 120\n@ IN NS ns1\nns1 IN A 10.50.0.1\nwww IN A ${address}\nlab IN NS ns.lab\nns.lab IN A 10.50.9.9\n`;

const FILES = {
  '/etc/coredns/zones/db.example.org': zone('example.org', '10.50.0.10'),
  '/etc/coredns/zones/nested/db.example.net': zone('example.net', '10.50.0.20'),
  '/etc/coredns/zones/db.broken.test': '$ORIGIN broken.test.\nwww IN A 10.0.0.1\n',
  '/etc/coredns/zones/README': 'not a zone',
  '/etc/coredns/custom/example.com.zone': zone('example.com', '10.50.0.30'),
};

const UPSTREAM = { 'www.example.com. A': ['www.example.com. 300 IN A 198.51.100.7'] };

const bench = (options: string): Bench => ({
  corefile: `.:53 {\n    auto {\n${options}\n    }\n    forward . 192.0.2.53\n}\n`,
  files: FILES,
  upstream: UPSTREAM,
});

const rows: Row[] = [
  {
    name: 'a zone file named by the default pattern db.(.*) is served under its origin',
    bench: bench('        directory /etc/coredns/zones'),
    query: 'www.example.org A',
    rcode: 'NOERROR',
    answer: ['www.example.org. 120 IN A 10.50.0.10'],
    answeredBy: 'auto',
    says: [/auto is authoritative for example\.org\. \(\/etc\/coredns\/zones\/db\.example\.org, one of 2 zones found in \/etc\/coredns\/zones\)/],
  },
  {
    name: 'files in subdirectories are found too',
    bench: bench('        directory /etc/coredns/zones'),
    query: 'www.example.net A',
    rcode: 'NOERROR',
    answer: ['www.example.net. 120 IN A 10.50.0.20'],
  },
  {
    name: 'a name missing from a loaded zone: NXDOMAIN from auto (auto has no fallthrough)',
    bench: bench('        directory /etc/coredns/zones'),
    query: 'nope.example.org A',
    rcode: 'NXDOMAIN',
    answeredBy: 'auto',
  },
  {
    name: 'a referral from an auto zone clears AA',
    bench: bench('        directory /etc/coredns/zones'),
    query: 'host.lab.example.org A',
    rcode: 'NOERROR',
    answer: [],
    flags: { aa: false },
  },
  {
    name: 'a file that does not load (no SOA) is left out and its names pass on',
    bench: bench('        directory /etc/coredns/zones'),
    query: 'www.broken.test A',
    rcode: 'NXDOMAIN',
    answeredBy: 'forward',
    says: [/none holds www\.broken\.test\.: passed to the next plugin\. Left out: \/etc\/coredns\/zones\/db\.broken\.test \(it has no SOA record for broken\.test\.\)\./],
  },
  {
    name: 'a custom pattern and template build the origin from the groups',
    bench: bench('        directory /etc/coredns/custom (.*)[.]zone {1}'),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 120 IN A 10.50.0.30'],
    answeredBy: 'auto',
  },
  {
    name: 'a directory that is not mounted loads nothing: the query passes on',
    bench: bench('        directory /srv/zones'),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 300 IN A 198.51.100.7'],
    answeredBy: 'forward',
    says: [/the directory \/srv\/zones is not in the simulation/],
  },
  {
    name: 'without a directory option CoreDNS loads no zones at all',
    bench: { corefile: '.:53 {\n    auto\n    forward . 192.0.2.53\n}\n', files: FILES, upstream: UPSTREAM },
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answeredBy: 'forward',
    says: [/auto has no directory option, so CoreDNS loads no zones at all/],
  },
  {
    name: 'names outside the zones of auto are passed on before any scan',
    bench: { corefile: '.:53 {\n    auto example.org {\n        directory /etc/coredns/zones\n    }\n    forward . 192.0.2.53\n}\n', files: FILES, upstream: UPSTREAM },
    query: 'www.example.net A',
    rcode: 'NXDOMAIN',
    answeredBy: 'forward',
    says: [/www\.example\.net\. is not in the zones of auto \(example\.org\.\)/],
  },
];

describe('auto handler', () => runRows(rows, { plugin: 'auto' }));

describe('auto origins from file names (regexp.Expand)', () => {
  const rows: Array<[string, string, string, string | undefined]> = [
    ['db\\.(.*)', '{1}', 'db.example.org', 'example.org.'],
    ['db\\.(.*)', '{1}', 'mydb.example.org', 'example.org.'],
    ['db\\.(.*)', '{1}', 'zone.example.org', undefined],
    ['^(?P<zone>[a-z.]+)\\.zone$', '{zone}', 'example.com.zone', 'example.com.'],
    ['db\\.(.*)\\.(.*)', '{2}.{1}', 'db.corp.example', 'example.corp.'],
    ['db\\.(.*)', 'x{7}y', 'db.example.org', 'xy.'],
    ['db\\.(.*)', '$$-{1}', 'db.a', '$-a.'],
  ];
  for (const [pattern, template, file, want] of rows) {
    it(`${pattern} with ${template} on ${file} gives ${want ?? 'no zone'}`, () => {
      assert.equal(originFor(RE2JS.compile(pattern), file, template), want);
    });
  }

  it('a malformed reference keeps the dollar sign, as Go does', () => {
    assert.equal(expandTemplate('$-${1}', ['all', 'one'], {}), '$-one');
  });
});
