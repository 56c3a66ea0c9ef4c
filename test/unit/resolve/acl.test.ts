// acl: the first policy of a zone-matching rule that fits the client and type decides: allow, block
// (REFUSED + EDE 15), filter (NOERROR + EDE 17) or drop (no reply); no match allows.
import { describe } from 'node:test';
import { runRows, type Row } from './support/table.js';

const corefile = `. {\n    acl example.org {\n        allow net 10.0.0.0/8\n        drop type MX\n        filter type AAAA net 192.168.0.0/16\n        block net 192.168.0.0/16 fd00::/8\n    }\n    whoami\n}\n`;

// query, client IP → rcode (or 'no reply'), answering plugin, EDE info code
const cases: Array<[string, string, string, string, number | undefined]> = [
  ['www.example.org A', '10.1.2.3', 'NOERROR', 'whoami', undefined],
  ['www.example.org MX', '10.1.2.3', 'NOERROR', 'whoami', undefined],
  ['www.example.org MX', '172.16.0.1', 'no reply', 'acl', undefined],
  ['www.example.org AAAA', '192.168.1.1', 'NOERROR', 'acl', 17],
  ['www.example.org A', '192.168.1.1', 'REFUSED', 'acl', 15],
  ['www.example.org A', 'fd00::1', 'REFUSED', 'acl', 15],
  ['www.example.org A', '172.16.0.1', 'NOERROR', 'whoami', undefined],
  ['www.example.com A', '192.168.1.1', 'NOERROR', 'whoami', undefined],
];

const rows: Row[] = [
  // A refusal or filter the client sent no EDNS0 for comes with CoreDNS's own EDNS0: 4096 bytes, DO set.
  ...cases.map(([query, ip, rcode, answeredBy, ede]): Row => ({
    name: `${query} from ${ip} → ${rcode} (${answeredBy})`,
    query,
    ask: { client: { ip } },
    rcode,
    answeredBy,
    ede: ede === undefined ? null : { code: ede },
    ...(ede === undefined ? {} : { edns: { udpSize: 4096, do: true } }),
  })),
  {
    name: 'gives a blocked client its own EDNS0 size when it sent one',
    query: 'www.example.org A',
    ask: { client: { ip: '192.168.1.1' }, udpSize: 1232 },
    edns: { udpSize: 1232, do: false },
  },
];

describe('acl handler', () => runRows(rows, { plugin: 'acl', bench: corefile }));
