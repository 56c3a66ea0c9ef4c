// dnstap: copies traffic to a sink; no effect on the answer.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

describe('dnstap handler', () => {
  const rows: Array<[string, RegExp]> = [
    ['dnstap tcp://10.0.0.5:6000 full', /10\.0\.0\.5:6000/],
    ['dnstap /tmp/dnstap.sock', /dnstap\.sock/],
  ];
  for (const [directive, sink] of rows) {
    it(directive, () => {
      const a = askOnce(`. {\n    ${directive}\n    whoami\n}\n`, 'example.org A');
      assert.deepEqual([a.answeredBy, a.actions('dnstap')], ['whoami', ['no-effect']]);
      assert.match(a.steps.find((s) => s.plugin === 'dnstap')!.detail, sink);
    });
  }
});
