// local: localhost and the IPv4 loopback reverse zones answered in the server (plugin/local).
import { describe } from 'node:test';
import { runRows, type Row } from './support/table.js';

const on = '. {\n    local\n    whoami\n}\n';
const off = '. {\n    local {\n        localhost_prefix off\n    }\n    whoami\n}\n';
const soa = (owner: string): string => `${owner} 604800 IN SOA localhost. root.localhost. 1 0 0 0 604800`;

// Corefile, query → rcode, answering plugin, answer, authority
const cases: Array<[string, string, string, string, string[], string[]]> = [
  [on, 'localhost A', 'NOERROR', 'local', ['localhost. 604800 IN A 127.0.0.1'], []],
  [on, 'localhost AAAA', 'NOERROR', 'local', ['localhost. 604800 IN AAAA ::1'], []],
  [on, 'localhost MX', 'NOERROR', 'local', [], [soa('localhost.')]],
  [on, 'localhost NS', 'NOERROR', 'local', ['localhost. 604800 IN NS localhost.'], []],
  [on, 'app.localhost A', 'NOERROR', 'local', ['app.localhost. 604800 IN A 127.0.0.1'], []],
  [on, 'app.localhost TXT', 'NOERROR', 'local', [], [soa('app.localhost.')]],
  [on, 'localhost.example.org A', 'NOERROR', 'local', ['localhost.example.org. 604800 IN A 127.0.0.1'], []],
  [off, 'localhost.example.org A', 'NOERROR', 'whoami', [], []],
  [on, '1.0.0.127.in-addr.arpa PTR', 'NOERROR', 'local', ['1.0.0.127.in-addr.arpa. 604800 IN PTR localhost.'], []],
  [on, '1.0.0.127.in-addr.arpa A', 'NOERROR', 'local', [], [soa('127.in-addr.arpa.')]],
  [on, '5.0.0.127.in-addr.arpa PTR', 'NXDOMAIN', 'local', [], [soa('127.in-addr.arpa.')]],
  [on, '127.in-addr.arpa A', 'NOERROR', 'local', [], [soa('127.in-addr.arpa.')]],
  [on, '1.0.0.10.in-addr.arpa PTR', 'NOERROR', 'whoami', [], []],
  [on, 'example.org A', 'NOERROR', 'whoami', [], []],
];
const rows = cases.map(([bench, query, rcode, answeredBy, answer, authority]): Row => ({
  name: `${bench === off ? 'prefix off: ' : ''}${query} → ${rcode} by ${answeredBy}`,
  bench,
  query,
  rcode,
  answeredBy,
  answer,
  authority,
}));

describe('local handler', () => runRows(rows, { plugin: 'local' }));
