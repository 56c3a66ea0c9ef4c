import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LoopConfig } from '../../../server/src/core/plugins/loop.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('loop', [
  { corefile: '. {\n  loop\n}\n', ok: true },
  { corefile: '. {\n  loop 5\n}\n', ok: false, code: 'loop/wrong-argument-count' },
  { corefile: '. {\n  loop\n  loop\n}\n', ok: false, code: 'core/once-per-block' },
]);

test('loop probes under the first zone', () => {
  assert.equal(configOf<LoopConfig>('Example.org:1053 {\n  loop\n}\n', 'loop').zone, 'example.org.');
});
