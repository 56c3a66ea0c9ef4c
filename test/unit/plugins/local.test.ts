import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LocalConfig } from '../../../server/src/core/plugins/local.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('local', [
  { corefile: '. {\n  local\n}\n', ok: true },
  { corefile: '. {\n  local {\n    localhost_prefix off\n  }\n}\n', ok: true },
  { corefile: '. {\n  local yes\n}\n', ok: false, code: 'local/wrong-argument-count' },
  { corefile: '. {\n  local {\n    localhost_prefix\n  }\n}\n', ok: false, code: 'local/wrong-argument-count' },
  { corefile: '. {\n  local {\n    localhost_prefix OFF\n  }\n}\n', ok: false, code: 'local/invalid-localhost-prefix' },
  { corefile: '. {\n  local {\n    prefix on\n  }\n}\n', ok: false, code: 'local/unknown-option' },
  { corefile: '. {\n  local\n  local\n}\n', ok: true },
]);

test('local reads localhost_prefix', () => {
  assert.equal(configOf<LocalConfig>('. {\n  local {\n    localhost_prefix off\n  }\n}\n', 'local').localhostPrefix, false);
});
