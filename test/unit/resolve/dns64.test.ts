// dns64: AAAA queries from IPv6 clients (or any client with allow_ipv4) that get no AAAA answer are
// answered with AAAA records synthesised from the A records, looked up through the server.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

const upstream = {
  'v4only.example. A': ['v4only.example. 300 IN A 192.0.2.1'],
  'v4only.example. AAAA': [],
  'both.example. A': ['both.example. 300 IN A 192.0.2.2'],
  'both.example. AAAA': ['both.example. 300 IN AAAA 2001:db8::2'],
  'cname.example. A': ['cname.example. 100 IN CNAME v4only.example.', 'v4only.example. 700 IN A 198.51.100.9'],
};

describe('dns64 handler', () => {
  const v6 = { client: { ip: 'fd00::7' } };
  const v4 = { client: { ip: '10.244.1.7' } };
  const rows: Array<[string, string, typeof v6, string, string[]]> = [
    ['', 'v4only.example AAAA', v6, 'dns64', ['v4only.example. 300 IN AAAA 64:ff9b::c000:201']],
    ['', 'both.example AAAA', v6, 'forward', ['both.example. 300 IN AAAA 2001:db8::2']],
    ['', 'v4only.example AAAA', v4, 'forward', []],
    ['', 'v4only.example A', v6, 'forward', ['v4only.example. 300 IN A 192.0.2.1']],
    ['', 'nonexistent.example AAAA', v6, 'forward', []],
    // Non-A records pass unchanged; the TTL is capped at 600 without an SOA.
    ['', 'cname.example AAAA', v6, 'dns64', ['cname.example. 100 IN CNAME v4only.example.', 'v4only.example. 600 IN AAAA 64:ff9b::c633:6409']],
    ['allow_ipv4', 'v4only.example AAAA', v4, 'dns64', ['v4only.example. 300 IN AAAA 64:ff9b::c000:201']],
    ['translate_all', 'both.example AAAA', v6, 'dns64', ['both.example. 300 IN AAAA 64:ff9b::c000:202']],
    // A /64 prefix leaves byte 8 (bits 64-71) zero: the IPv4 address is split around it.
    ['prefix 2001:db8:64::/64', 'v4only.example AAAA', v6, 'dns64', ['v4only.example. 300 IN AAAA 2001:db8:64:0:c0:2:100:0']],
  ];
  for (const [option, query, client, by, answer] of rows) {
    it(`${option || 'default'}: ${query} from ${client.client.ip} → ${by}`, () => {
      const block = option ? `dns64 {\n        ${option}\n    }` : 'dns64';
      const a = askOnce(`. {\n    ${block}\n    forward . 192.0.2.53\n}\n`, query, client, { upstream });
      assert.deepEqual([a.answeredBy, a.answer], [by, answer]);
    });
  }

  it('keeps NXDOMAIN as it is', () => {
    const a = askOnce('. {\n    dns64\n    forward . 192.0.2.53\n}\n', 'nonexistent.example AAAA', v6, { upstream });
    assert.equal(a.rcode, 'NXDOMAIN');
  });
});
