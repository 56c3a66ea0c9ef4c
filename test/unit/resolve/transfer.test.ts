// transfer: AXFR/IXFR only over TCP and only for allowed clients; the transfer stream is not simulated.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

describe('transfer handler', () => {
  const corefile = 'example.org {\n    transfer {\n        to 10.0.0.2\n    }\n    whoami\n}\n';
  const rows: Array<[string, string, 'udp' | 'tcp', string, string, string]> = [
    ['example.org AXFR', '10.0.0.2', 'udp', 'REFUSED', 'transfer', 'refused'],
    ['example.org AXFR', '10.0.0.9', 'tcp', 'REFUSED', 'transfer', 'refused'],
    ['example.org IXFR', '10.0.0.9', 'tcp', 'REFUSED', 'transfer', 'refused'],
    ['example.org AXFR', '10.0.0.2', 'tcp', 'NOERROR', 'whoami', 'not-simulated'],
    ['example.org A', '10.0.0.9', 'udp', 'NOERROR', 'whoami', ''],
  ];
  for (const [query, ip, transport, rcode, by, action] of rows) {
    it(`${query} from ${ip} over ${transport} → ${rcode}`, () => {
      const a = askOnce(corefile, query, { client: { ip, transport } });
      assert.deepEqual([a.rcode, a.answeredBy, a.actions('transfer').join()], [rcode, by, action]);
    });
  }
  it('lets anyone transfer with to *', () => {
    const a = askOnce('example.org {\n    transfer {\n        to *\n    }\n    whoami\n}\n', 'example.org AXFR', { client: { ip: '203.0.113.1', transport: 'tcp' } });
    assert.deepEqual(a.actions('transfer'), ['not-simulated']);
  });
});
