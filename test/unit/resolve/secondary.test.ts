// The secondary plugin in the simulator: no zone transfer happens; a copy of the zone mounted as
// `secondary:<zone>` stands in for it and is answered like the file plugin answers. Without a copy the zone
// is in its state before the first transfer, which CoreDNS answers with SERVFAIL.
import { describe } from 'node:test';
import type { Bench } from './support/harness.js';
import { runRows, type Row } from './support/table.js';

const COPY = '$ORIGIN example.org.\n$TTL 300\n@ IN SOA ns1 hostmaster 2024010101 7200 1800 1209600 300\n@ IN NS ns1\nns1 IN A 10.70.0.1\nwww IN A 10.70.0.10\n';
const UPSTREAM = { 'extra.example.org. A': ['extra.example.org. 60 IN A 192.0.2.70'] };

const bench = (files: Record<string, string>, options = ''): Bench => ({
  corefile: `example.org:53 {\n    secondary {\n        transfer from 10.0.0.1\n${options}\n    }\n    forward . 192.0.2.53\n}\n`,
  files,
  upstream: UPSTREAM,
});

const rows: Row[] = [
  {
    name: 'the mounted copy answers, and the step says it stands in for the transfer',
    bench: bench({ 'secondary:example.org': COPY }),
    query: 'www.example.org A',
    rcode: 'NOERROR',
    answer: ['www.example.org. 300 IN A 10.70.0.10'],
    answeredBy: 'secondary',
    says: [/secondary is authoritative for example\.org\. \(the mounted copy secondary:example\.org standing in for the transfer from 10\.0\.0\.1:53\)/],
  },
  {
    name: 'the copy may be mounted with a trailing dot',
    bench: bench({ 'secondary:example.org.': COPY }),
    query: 'www.example.org A',
    rcode: 'NOERROR',
    answer: ['www.example.org. 300 IN A 10.70.0.10'],
  },
  {
    name: 'a name missing from the zone: NXDOMAIN with the SOA',
    bench: bench({ 'secondary:example.org': COPY }),
    query: 'extra.example.org A',
    rcode: 'NXDOMAIN',
    answeredBy: 'secondary',
  },
  {
    name: 'with fallthrough, NXDOMAIN goes to the next plugin',
    bench: bench({ 'secondary:example.org': COPY }, '        fallthrough'),
    query: 'extra.example.org A',
    rcode: 'NOERROR',
    answer: ['extra.example.org. 60 IN A 192.0.2.70'],
    answeredBy: 'forward',
  },
  {
    name: 'without a mounted copy the zone was never transferred: SERVFAIL',
    bench: bench({}),
    query: 'www.example.org A',
    rcode: 'SERVFAIL',
    answeredBy: 'secondary',
    says: [/secondary would transfer example\.org\. from 10\.0\.0\.1:53; the simulator does not transfer zones and the scenario mounts no copy of it \(mount one as 'secondary:example\.org'\)\. Before its first transfer the zone has no SOA, so CoreDNS answers SERVFAIL\./],
  },
];

describe('secondary handler', () => runRows(rows, { plugin: 'secondary' }));
