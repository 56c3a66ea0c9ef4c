import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReloadConfig } from '../../../server/src/core/plugins/reload.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('reload', [
  { corefile: '. {\n  reload\n}\n', ok: true },
  { corefile: '. {\n  reload 30s 0s\n}\n', ok: true },
  { corefile: '. {\n  reload 2s 1s\n}\n', ok: true },
  { corefile: '. {\n  reload 1s\n}\n', ok: false, code: 'reload/interval-too-short' },
  { corefile: '. {\n  reload 30\n}\n', ok: false, code: 'reload/invalid-duration' },
  { corefile: '. {\n  reload 30s 500ms\n}\n', ok: false, code: 'reload/invalid-jitter' },
  { corefile: '. {\n  reload 30s 5s 1s\n}\n', ok: false, code: 'reload/wrong-argument-count' },
  { corefile: '. {\n  reload 10s\n  reload nonsense\n}\n', ok: true, warnings: ['core/ignored-repeat'] },
]);

test('reload caps the jitter at half the interval', () => {
  assert.deepEqual(configOf<ReloadConfig>('. {\n  reload 10s 8s\n}\n', 'reload'), { intervalNanos: 10e9, jitterNanos: 5e9 });
  assert.deepEqual(configOf<ReloadConfig>('. {\n  reload\n}\n', 'reload'), { intervalNanos: 30e9, jitterNanos: 15e9 });
});
