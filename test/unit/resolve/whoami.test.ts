// whoami: an empty answer with the client's address and port in the additional section.
import { describe } from 'node:test';
import { runRows, type Row } from './support/table.js';

// query, client → additional section
const cases: Array<[string, { ip: string; port: number; transport: 'udp' | 'tcp' }, string[]]> = [
  ['example.org A', { ip: '10.244.1.7', port: 40000, transport: 'udp' }, ['example.org. 0 IN A 10.244.1.7', '_udp.example.org. 0 IN SRV 0 0 40000 .']],
  ['Example.ORG MX', { ip: '10.244.1.7', port: 5300, transport: 'tcp' }, ['Example.ORG. 0 IN A 10.244.1.7', '_tcp.Example.ORG. 0 IN SRV 0 0 5300 .']],
  ['. NS', { ip: 'fd00::7', port: 1234, transport: 'udp' }, ['. 0 IN AAAA fd00::7', '_udp. 0 IN SRV 0 0 1234 .']],
];
const rows = cases.map(([query, client, additional]): Row => ({
  name: `${query} from ${client.ip}:${client.port}/${client.transport}`,
  query,
  ask: { client },
  additional,
}));

describe('whoami handler', () => runRows(rows, { plugin: 'whoami', bench: '. {\n    whoami\n}\n', expect: { rcode: 'NOERROR', answeredBy: 'whoami', answer: [], flags: { aa: true } } }));
