// dns64: AAAA queries from IPv6 clients (or any client with allow_ipv4) that get no AAAA answer are
// answered with AAAA records synthesised from the A records, looked up through the server.
import { describe } from 'node:test';
import type { Bench } from './support/harness.js';
import { runRows, type Row } from './support/table.js';

const upstream = {
  'v4only.example. A': ['v4only.example. 300 IN A 192.0.2.1'],
  'v4only.example. AAAA': [],
  'both.example. A': ['both.example. 300 IN A 192.0.2.2'],
  'both.example. AAAA': ['both.example. 300 IN AAAA 2001:db8::2'],
  'cname.example. A': ['cname.example. 100 IN CNAME v4only.example.', 'v4only.example. 700 IN A 198.51.100.9'],
};

const bench = (option: string): Bench => {
  const block = option ? `dns64 {\n        ${option}\n    }` : 'dns64';
  return { corefile: `. {\n    ${block}\n    forward . 192.0.2.53\n}\n`, upstream };
};
const V6 = 'fd00::7';
const V4 = '10.244.1.7';

// dns64 option, query, client → answering plugin, answer
const cases: Array<[string, string, string, string, string[]]> = [
  ['', 'v4only.example AAAA', V6, 'dns64', ['v4only.example. 300 IN AAAA 64:ff9b::c000:201']],
  ['', 'both.example AAAA', V6, 'forward', ['both.example. 300 IN AAAA 2001:db8::2']],
  ['', 'v4only.example AAAA', V4, 'forward', []],
  ['', 'v4only.example A', V6, 'forward', ['v4only.example. 300 IN A 192.0.2.1']],
  ['', 'nonexistent.example AAAA', V6, 'forward', []],
  // Non-A records pass unchanged; the TTL is capped at 600 without an SOA.
  ['', 'cname.example AAAA', V6, 'dns64', ['cname.example. 100 IN CNAME v4only.example.', 'v4only.example. 600 IN AAAA 64:ff9b::c633:6409']],
  ['allow_ipv4', 'v4only.example AAAA', V4, 'dns64', ['v4only.example. 300 IN AAAA 64:ff9b::c000:201']],
  ['translate_all', 'both.example AAAA', V6, 'dns64', ['both.example. 300 IN AAAA 64:ff9b::c000:202']],
  // A /64 prefix leaves byte 8 (bits 64-71) zero: the IPv4 address is split around it.
  ['prefix 2001:db8:64::/64', 'v4only.example AAAA', V6, 'dns64', ['v4only.example. 300 IN AAAA 2001:db8:64:0:c0:2:100:0']],
];

const rows: Row[] = [
  ...cases.map(([option, query, ip, answeredBy, answer]): Row => ({
    name: `${option || 'default'}: ${query} from ${ip} → ${answeredBy}`,
    bench: bench(option),
    query,
    ask: { client: { ip } },
    answeredBy,
    answer,
  })),
  { name: 'keeps NXDOMAIN as it is', bench: bench(''), query: 'nonexistent.example AAAA', ask: { client: { ip: V6 } }, rcode: 'NXDOMAIN' },
];

describe('dns64 handler', () => runRows(rows, { plugin: 'dns64' }));
