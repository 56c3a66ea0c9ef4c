// erratic: fixed A/AAAA answers; every Nth query (counting from 0 for the server's life) dropped, delayed or
// truncated; other types SERVFAIL.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ask, askOnce, serverFor } from './engine-harness.js';

describe('erratic handler', () => {
  const rows: Array<[string, string, string, string[]]> = [
    ['drop 0', 'example.org A', 'NOERROR', ['example.org. 0 IN A 192.0.2.53']],
    ['drop 0', 'example.org AAAA', 'NOERROR', ['example.org. 0 IN AAAA 2001:db8::53']],
    ['drop 0', 'example.org TXT', 'SERVFAIL', []],
    ['drop 1', 'example.org A', 'no reply', []],
    ['drop 1', 'example.org TXT', 'no reply', []],
  ];
  for (const [option, query, rcode, answer] of rows) {
    it(`${option}: ${query} → ${rcode}`, () => {
      const a = askOnce(`. {\n    erratic {\n        ${option}\n    }\n}\n`, query);
      assert.deepEqual([a.rcode, a.answer], [rcode, answer]);
      assert.equal(a.answeredBy, 'erratic');
    });
  }

  it('drops every second query by default, starting with the first', () => {
    const server = serverFor('. {\n    erratic\n}\n');
    const rcodes = [0, 1, 2, 3].map(() => ask(server, 'example.org A').rcode);
    assert.deepEqual(rcodes, ['no reply', 'NOERROR', 'no reply', 'NOERROR']);
  });

  it('sets TC where the query number has no bit in common with the truncate amount', () => {
    const server = serverFor('. {\n    erratic {\n        drop 0\n        truncate 2\n    }\n}\n');
    const tc = [0, 1, 2, 3].map(() => ask(server, 'example.org A').reply?.flags.tc);
    assert.deepEqual(tc, [true, true, false, false]);
  });

  it('answers 30 A records with large', () => {
    const a = askOnce('. {\n    erratic {\n        drop 0\n        large\n    }\n}\n', 'x A', { client: { transport: 'tcp' } });
    assert.equal(a.answer.length, 30);
  });
});
