import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MetadataConfig } from '../../../server/src/core/plugins/metadata.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('metadata', [
  { corefile: '. {\n  metadata\n}\n', ok: true },
  { corefile: '. {\n  metadata {\n  }\n}\n', ok: true },
  { corefile: '. {\n  metadata corp.internal lab.example\n}\n', ok: true },
  { corefile: '. {\n  metadata {\n    zones a\n  }\n}\n', ok: false, code: 'metadata/wrong-argument-count' },
  { corefile: '. {\n  metadata\n  metadata\n}\n', ok: false, code: 'core/once-per-block' },
]);

test('metadata zones default to the block', () => {
  assert.deepEqual(configOf<MetadataConfig>('example.org {\n  metadata\n}\n', 'metadata').zones, ['example.org.']);
  assert.deepEqual(configOf<MetadataConfig>('. {\n  metadata A.test\n}\n', 'metadata').zones, ['a.test.']);
});
