import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChaosConfig } from '../../../server/src/core/plugins/chaos.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('chaos', [
  { corefile: '. {\n  chaos\n}\n', ok: true },
  { corefile: '. {\n  chaos "CoreDNS 9.9"\n}\n', ok: true },
  { corefile: '. {\n  chaos v1 {\n  }\n}\n', ok: true },
  { corefile: '. {\n  chaos v1 {\n    authors a\n  }\n}\n', ok: false, code: 'chaos/unknown-option' },
  { corefile: '. {\n  chaos v1\n  chaos v2 extra\n}\n', ok: true, warnings: ['core/ignored-repeat'] },
]);

test('chaos sorts and de-duplicates authors', () => {
  assert.deepEqual(configOf<ChaosConfig>('. {\n  chaos v1 zed ann zed\n}\n', 'chaos'), { version: 'v1', authors: ['ann', 'zed'] });
});
