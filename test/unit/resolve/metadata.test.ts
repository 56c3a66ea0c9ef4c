// metadata: makes plugin values available; no effect on the answer.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

describe('metadata handler', () => {
  const rows: Array<[string, string]> = [
    ['metadata', 'example.org A'],
    ['metadata example.org', 'www.example.org AAAA'],
  ];
  for (const [directive, query] of rows) {
    it(`${directive}: ${query}`, () => {
      const a = askOnce(`. {\n    ${directive}\n    whoami\n}\n`, query);
      assert.deepEqual([a.rcode, a.answeredBy, a.actions('metadata')], ['NOERROR', 'whoami', ['no-effect']]);
    });
  }
});
