import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MultisocketConfig } from '../../../server/src/core/plugins/multisocket.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('multisocket', [
  { corefile: '. {\n  multisocket\n}\n', ok: true },
  { corefile: '. {\n  multisocket 1024\n}\n', ok: true },
  { corefile: '. {\n  multisocket 0\n}\n', ok: false, code: 'multisocket/invalid-number' },
  { corefile: '. {\n  multisocket 1025\n}\n', ok: false, code: 'multisocket/invalid-number' },
  { corefile: '. {\n  multisocket four\n}\n', ok: false, code: 'multisocket/invalid-number' },
  { corefile: '. {\n  multisocket 2 4\n}\n', ok: false, code: 'multisocket/wrong-argument-count' },
  { corefile: '. {\n  multisocket 2 {\n  }\n}\n', ok: false, code: 'multisocket/wrong-argument-count' },
  { corefile: '. {\n  multisocket 2\n  multisocket 4\n}\n', ok: false, code: 'core/once-per-block' },
]);

test('multisocket reads the number', () => {
  assert.equal(configOf<MultisocketConfig>('. {\n  multisocket 8\n}\n', 'multisocket').sockets, 8);
});
