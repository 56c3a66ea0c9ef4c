import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HealthConfig } from '../../../server/src/core/plugins/health.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('health', [
  { corefile: '. {\n  health\n}\n', ok: true },
  { corefile: '. {\n  health :8091\n  health :8092\n}\n', ok: true },
  { corefile: '. {\n  health localhost:8080 {\n    lameduck 5s\n  }\n}\n', ok: true },
  { corefile: '. {\n  health :8091 :8092\n}\n', ok: false, code: 'health/wrong-argument-count' },
  { corefile: '. {\n  health 8080\n}\n', ok: false, code: 'health/invalid-address' },
  { corefile: '. {\n  health {\n    lameduck 5\n  }\n}\n', ok: false, code: 'health/invalid-duration' },
  { corefile: '. {\n  health {\n    lameduck\n  }\n}\n', ok: false, code: 'health/wrong-argument-count' },
  { corefile: '. {\n  health {\n    drain 5s\n  }\n}\n', ok: false, code: 'health/unknown-option' },
]);

test('health: last address wins', () => {
  assert.deepEqual(configOf<HealthConfig>('. {\n  health :8091\n  health :8092 {\n    lameduck 1s\n  }\n}\n', 'health'), { address: ':8092', lameduckNanos: 1e9 });
});
