// log: writes a log line per query; no effect on the answer.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

describe('log handler', () => {
  const rows: Array<[string, string, string]> = [
    ['log', 'example.org A', 'NOERROR'],
    ['log . "{type} {name} {rcode}"', 'example.org MX', 'NOERROR'],
    ['log {\n        class denial error\n    }', 'example.org A', 'NOERROR'],
  ];
  for (const [directive, query, rcode] of rows) {
    it(`${directive.split('\n')[0]}: ${query}`, () => {
      const a = askOnce(`. {\n    ${directive}\n    whoami\n}\n`, query);
      assert.deepEqual([a.rcode, a.answeredBy, a.actions('log')], [rcode, 'whoami', ['no-effect']]);
    });
  }
});
