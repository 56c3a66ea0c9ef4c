import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReadyConfig } from '../../../server/src/core/plugins/ready.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('ready', [
  { corefile: '. {\n  ready\n}\n', ok: true },
  { corefile: '. {\n  ready :8182 {\n    monitor continuously\n  }\n}\n', ok: true },
  { corefile: '. {\n  ready [::1]:8181\n}\n', ok: true },
  { corefile: '. {\n  ready 8181\n}\n', ok: false, code: 'ready/invalid-address' },
  { corefile: '. {\n  ready :1 :2\n}\n', ok: false, code: 'ready/wrong-argument-count' },
  { corefile: '. {\n  ready {\n    monitor sometimes\n  }\n}\n', ok: false, code: 'ready/invalid-monitor' },
  { corefile: '. {\n  ready {\n    monitor\n  }\n}\n', ok: false, code: 'ready/wrong-argument-count' },
  { corefile: '. {\n  ready {\n    interval 5s\n  }\n}\n', ok: false, code: 'ready/unknown-option' },
  { corefile: '. {\n  ready\n  ready\n}\n', ok: false, code: 'core/once-per-block' },
]);

test('ready defaults', () => {
  assert.deepEqual(configOf<ReadyConfig>('. {\n  ready\n}\n', 'ready'), { address: ':8181', monitor: 'until-ready' });
});
