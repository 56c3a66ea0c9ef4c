// nomad: answers come from a Nomad cluster's API, outside any scenario. Names in its zone are shown as not
// simulated and passed on; other names pass on as in CoreDNS. nomad is the last plugin of plugin.cfg, so
// nothing follows it: a passed query ends in SERVFAIL.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

describe('nomad handler', () => {
  const rows: Array<[string, string, string]> = [
    ['nomad {\n        address http://127.0.0.1:4646\n    }', 'web.default.service.nomad A', 'not-simulated'],
    ['nomad {\n        address http://127.0.0.1:4646\n    }', 'www.example.com A', 'passed'],
    ['nomad consul.internal', 'web.default.consul.internal SRV', 'not-simulated'],
    ['nomad consul.internal', 'web.default.service.nomad A', 'passed'],
  ];
  for (const [directive, query, action] of rows) {
    it(`${directive.split('\n')[0]}: ${query} → ${action}`, () => {
      const a = askOnce(`. {\n    ${directive}\n}\n`, query);
      assert.deepEqual([a.rcode, a.answeredBy, a.actions('nomad')], ['SERVFAIL', 'nomad', [action, 'error']]);
      if (action === 'not-simulated') assert.match(a.steps.find((s) => s.plugin === 'nomad')!.detail, /Nomad API/);
    });
  }
});
