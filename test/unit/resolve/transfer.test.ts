// transfer: AXFR/IXFR only over TCP and only for allowed clients; the transfer stream is not simulated.
import { describe } from 'node:test';
import { runRows, type Row } from './support/table.js';

const corefile = 'example.org {\n    transfer {\n        to 10.0.0.2\n    }\n    whoami\n}\n';

// query, client, transport → rcode, answering plugin, the transfer steps' actions
const cases: Array<[string, string, 'udp' | 'tcp', string, string, string[]]> = [
  ['example.org AXFR', '10.0.0.2', 'udp', 'REFUSED', 'transfer', ['refused']],
  ['example.org AXFR', '10.0.0.9', 'tcp', 'REFUSED', 'transfer', ['refused']],
  ['example.org IXFR', '10.0.0.9', 'tcp', 'REFUSED', 'transfer', ['refused']],
  ['example.org AXFR', '10.0.0.2', 'tcp', 'NOERROR', 'whoami', ['not-simulated']],
  ['example.org A', '10.0.0.9', 'udp', 'NOERROR', 'whoami', []],
];

const rows: Row[] = [
  ...cases.map(([query, ip, transport, rcode, answeredBy, actions]): Row => ({
    name: `${query} from ${ip} over ${transport} → ${rcode}`,
    query,
    ask: { client: { ip, transport } },
    rcode,
    answeredBy,
    actions,
  })),
  {
    name: 'lets anyone transfer with to *',
    bench: 'example.org {\n    transfer {\n        to *\n    }\n    whoami\n}\n',
    query: 'example.org AXFR',
    ask: { client: { ip: '203.0.113.1', transport: 'tcp' } },
    actions: ['not-simulated'],
  },
];

describe('transfer handler', () => runRows(rows, { plugin: 'transfer', bench: corefile }));
