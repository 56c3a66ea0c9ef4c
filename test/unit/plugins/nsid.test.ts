import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NsidConfig } from '../../../server/src/core/plugins/nsid.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('nsid', [
  { corefile: '. {\n  nsid\n}\n', ok: true },
  { corefile: '. {\n  nsid a b\n}\n', ok: true },
  { corefile: '. {\n  nsid a\n  nsid b\n}\n', ok: false, code: 'core/once-per-block' },
  { corefile: '. {\n  nsid a {\n  }\n}\n', ok: false, code: 'nsid/unexpected-block' },
]);

test('nsid joins words', () => {
  assert.equal(configOf<NsidConfig>('. {\n  nsid edge  one\n}\n', 'nsid').data, 'edge one');
});
