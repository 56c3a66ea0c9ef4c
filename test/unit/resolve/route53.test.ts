// route53: answers come from AWS Route 53, outside any scenario. Names in its zones are shown as not simulated
// and passed on; other names pass on as in CoreDNS.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

describe('route53 handler', () => {
  const corefile = `. {\n    route53 example.org.:Z1D633PJN98FT9\n    whoami\n}\n`;
  const rows: Array<[string, string, string]> = [
    ['a name in its zone', 'www.example.org A', 'not-simulated'],
    ['a name outside its zone', 'www.example.com A', 'passed'],
  ];
  for (const [label, query, action] of rows) {
    it(`${label}: ${query} → ${action}`, () => {
      const a = askOnce(corefile, query);
      assert.deepEqual([a.rcode, a.answeredBy, a.actions('route53')], ['NOERROR', 'whoami', [action]]);
      if (action === 'not-simulated') assert.match(a.steps.find((s) => s.plugin === 'route53')!.detail, /Route 53 hosted zone Z1D633PJN98FT9/);
    });
  }
});
