// acl: the first policy of a zone-matching rule that fits the client and type decides: allow, block
// (REFUSED + EDE 15), filter (NOERROR + EDE 17) or drop (no reply); no match allows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

describe('acl handler', () => {
  const corefile = `. {\n    acl example.org {\n        allow net 10.0.0.0/8\n        drop type MX\n        filter type AAAA net 192.168.0.0/16\n        block net 192.168.0.0/16 fd00::/8\n    }\n    whoami\n}\n`;
  // query, client IP → rcode (or 'no reply'), answering plugin, EDE info code
  const rows: Array<[string, string, string, string, number | undefined]> = [
    ['www.example.org A', '10.1.2.3', 'NOERROR', 'whoami', undefined],
    ['www.example.org MX', '10.1.2.3', 'NOERROR', 'whoami', undefined],
    ['www.example.org MX', '172.16.0.1', 'no reply', 'acl', undefined],
    ['www.example.org AAAA', '192.168.1.1', 'NOERROR', 'acl', 17],
    ['www.example.org A', '192.168.1.1', 'REFUSED', 'acl', 15],
    ['www.example.org A', 'fd00::1', 'REFUSED', 'acl', 15],
    ['www.example.org A', '172.16.0.1', 'NOERROR', 'whoami', undefined],
    ['www.example.com A', '192.168.1.1', 'NOERROR', 'whoami', undefined],
  ];
  for (const [query, ip, rcode, by, ede] of rows) {
    it(`${query} from ${ip} → ${rcode} (${by})`, () => {
      const a = askOnce(corefile, query, { client: { ip } });
      assert.deepEqual([a.rcode, a.answeredBy], [rcode, by]);
      const option = a.reply?.edns?.options.find((o) => o.code === 15);
      assert.equal(option ? (option.data[0]! << 8) | option.data[1]! : undefined, ede);
      if (ede !== undefined) assert.deepEqual([a.reply?.edns?.udpSize, a.reply?.edns?.do], [4096, true]);
    });
  }

  it('gives a blocked client its own EDNS0 size when it sent one', () => {
    const a = askOnce(corefile, 'www.example.org A', { client: { ip: '192.168.1.1' }, udpSize: 1232 });
    assert.deepEqual([a.reply?.edns?.udpSize, a.reply?.edns?.do], [1232, false]);
  });
});
