import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BufsizeConfig } from '../../../server/src/core/plugins/bufsize.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('bufsize', [
  { corefile: '. {\n  bufsize\n}\n', ok: true },
  { corefile: '. {\n  bufsize 512\n}\n', ok: true },
  { corefile: '. {\n  bufsize 4096\n}\n', ok: true },
  { corefile: '. {\n  bufsize 511\n}\n', ok: false, code: 'bufsize/invalid-size' },
  { corefile: '. {\n  bufsize 4097\n}\n', ok: false, code: 'bufsize/invalid-size' },
  { corefile: '. {\n  bufsize big\n}\n', ok: false, code: 'bufsize/invalid-size' },
  { corefile: '. {\n  bufsize 1232 1400\n}\n', ok: false, code: 'bufsize/wrong-argument-count' },
]);

test('bufsize default', () => {
  assert.equal(configOf<BufsizeConfig>('. {\n  bufsize\n}\n', 'bufsize').size, 1232);
});
