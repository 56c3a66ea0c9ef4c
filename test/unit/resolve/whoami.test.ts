// whoami: an empty answer with the client's address and port in the additional section.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

describe('whoami handler', () => {
  const corefile = '. {\n    whoami\n}\n';
  // query, client → additional section
  const rows: Array<[string, { ip: string; port: number; transport: 'udp' | 'tcp' }, string[]]> = [
    ['example.org A', { ip: '10.244.1.7', port: 40000, transport: 'udp' }, ['example.org. 0 IN A 10.244.1.7', '_udp.example.org. 0 IN SRV 0 0 40000 .']],
    ['Example.ORG MX', { ip: '10.244.1.7', port: 5300, transport: 'tcp' }, ['Example.ORG. 0 IN A 10.244.1.7', '_tcp.Example.ORG. 0 IN SRV 0 0 5300 .']],
    ['. NS', { ip: 'fd00::7', port: 1234, transport: 'udp' }, ['. 0 IN AAAA fd00::7', '_udp. 0 IN SRV 0 0 1234 .']],
  ];
  for (const [query, client, additional] of rows) {
    it(`${query} from ${client.ip}:${client.port}/${client.transport}`, () => {
      const a = askOnce(corefile, query, { client });
      assert.deepEqual([a.rcode, a.answeredBy, a.answer, a.additional, a.reply?.flags.aa], ['NOERROR', 'whoami', [], additional, true]);
    });
  }
});
