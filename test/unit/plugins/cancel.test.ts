import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CancelConfig } from '../../../server/src/core/plugins/cancel.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('cancel', [
  { corefile: '. {\n  cancel\n}\n', ok: true },
  { corefile: '. {\n  cancel 100ms\n}\n', ok: true },
  { corefile: '. {\n  cancel 0s\n}\n', ok: false, code: 'cancel/invalid-duration' },
  { corefile: '. {\n  cancel 5\n}\n', ok: false, code: 'cancel/invalid-duration' },
  { corefile: '. {\n  cancel 1s 2s\n}\n', ok: false, code: 'cancel/wrong-argument-count' },
]);

test('cancel default is 5001ms', () => {
  assert.equal(configOf<CancelConfig>('. {\n  cancel\n}\n', 'cancel').timeoutNanos, 5001e6);
});
