import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PprofConfig } from '../../../server/src/core/plugins/pprof.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('pprof', [
  { corefile: '. {\n  pprof\n}\n', ok: true },
  { corefile: '. {\n  pprof :6060 {\n    block\n  }\n}\n', ok: true },
  { corefile: '. {\n  pprof 6060\n}\n', ok: false, code: 'pprof/invalid-address' },
  { corefile: '. {\n  pprof :1 :2\n}\n', ok: false, code: 'pprof/wrong-argument-count' },
  { corefile: '. {\n  pprof {\n    block x\n  }\n}\n', ok: false, code: 'pprof/invalid-rate' },
  { corefile: '. {\n  pprof {\n    block 1 2\n  }\n}\n', ok: false, code: 'pprof/wrong-argument-count' },
  { corefile: '. {\n  pprof {\n    mutex 1\n  }\n}\n', ok: false, code: 'pprof/unknown-option' },
  { corefile: '. {\n  pprof\n  pprof\n}\n', ok: false, code: 'core/once-per-block' },
]);

test('pprof defaults and block rate', () => {
  assert.deepEqual(configOf<PprofConfig>('. {\n  pprof\n}\n', 'pprof'), { address: 'localhost:6053', blockRate: 0 });
  assert.equal(configOf<PprofConfig>('. {\n  pprof {\n    block 100\n  }\n}\n', 'pprof').blockRate, 100);
});
