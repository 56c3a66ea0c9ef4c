// any: ANY queries get the RFC 8482 HINFO record; every other type passes on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

describe('any handler', () => {
  const corefile = '. {\n    any\n    whoami\n}\n';
  const rows: Array<[string, string, string[]]> = [
    ['example.org ANY', 'any', ['example.org. 8482 IN HINFO "ANY obsoleted" "See RFC 8482"']],
    ['MiXed.example ANY', 'any', ['MiXed.example. 8482 IN HINFO "ANY obsoleted" "See RFC 8482"']],
    ['example.org A', 'whoami', []],
    ['example.org HINFO', 'whoami', []],
  ];
  for (const [query, by, answer] of rows) {
    it(`${query} → ${by}`, () => {
      const a = askOnce(corefile, query);
      assert.deepEqual([a.rcode, a.answeredBy, a.answer], ['NOERROR', by, answer]);
    });
  }
});
