// errors: only logs; the answer is the next plugin's, and the trace says the plugin had no effect.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

describe('errors handler', () => {
  const rows: Array<[string, string, string]> = [
    ['errors', 'example.org A', 'whoami'],
    ['errors {\n        consolidate 5m ".* i/o timeout$" warning\n    }', 'example.org A', 'whoami'],
  ];
  for (const [directive, query, by] of rows) {
    it(`${directive.split('\n')[0]}: ${query}`, () => {
      const a = askOnce(`. {\n    ${directive}\n    whoami\n}\n`, query);
      assert.deepEqual([a.rcode, a.answeredBy, a.actions('errors')], ['NOERROR', by, ['no-effect']]);
    });
  }
  it('does not change an error', () => {
    const a = askOnce('. {\n    errors\n    any\n}\n', 'example.org A');
    assert.deepEqual([a.rcode, a.answeredBy], ['SERVFAIL', 'any']);
  });
});
