// grpc: answers come from gRPC backends, outside any scenario. Names in its zones are shown as not simulated
// and passed on; other names pass on as in CoreDNS.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

describe('grpc handler', () => {
  const corefile = `. {\n    grpc example.org 10.0.0.1:443 {\n        except internal.example.org\n    }\n    whoami\n}\n`;
  const rows: Array<[string, string, string]> = [
    ['a name in its zone', 'www.example.org A', 'not-simulated'],
    ['a name outside its zone', 'www.example.com A', 'passed'],
    ['internal.example.org is excepted', 'db.internal.example.org A', 'passed'],
  ];
  for (const [label, query, action] of rows) {
    it(`${label}: ${query} → ${action}`, () => {
      const a = askOnce(corefile, query);
      assert.deepEqual([a.rcode, a.answeredBy, a.actions('grpc')], ['NOERROR', 'whoami', [action]]);
      if (action === 'not-simulated') assert.match(a.steps.find((s) => s.plugin === 'grpc')!.detail, /gRPC/);
    });
  }
});
