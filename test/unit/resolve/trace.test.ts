// trace: reports spans; no effect on the answer.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

describe('trace handler', () => {
  const rows: Array<[string, RegExp]> = [
    ['trace', /zipkin/],
    ['trace datadog localhost:8126', /datadog/],
  ];
  for (const [directive, endpoint] of rows) {
    it(directive, () => {
      const a = askOnce(`. {\n    ${directive}\n    whoami\n}\n`, 'example.org A');
      assert.deepEqual([a.answeredBy, a.actions('trace')], ['whoami', ['no-effect']]);
      assert.match(a.steps.find((s) => s.plugin === 'trace')!.detail, endpoint);
    });
  }
});
