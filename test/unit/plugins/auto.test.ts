import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AutoConfig } from '../../../server/src/core/plugins/auto.js';
import { analyze, runTable, type PluginCase } from '../../support/plugin-table.js';

const a = (lines: string): string => `example.org {\n  auto {\n${lines}\n  }\n}\n`;
const dir = { '/zones/db.example.org': '' };

const rows: PluginCase[] = [
  { corefile: 'example.test {\n  auto\n}\n', ok: true },
  { corefile: a('    directory /zones'), ok: true, files: dir },
  { corefile: a('    directory /zones'), ok: true, warnings: ['auto/directory-not-found'] },
  { corefile: a('    directory /zones db\\.(.*) {1}'), ok: true, files: dir },
  { corefile: a('    directory /zones db\\.([ {1}'), ok: false, code: 'auto/invalid-regexp', files: dir },
  { corefile: a('    directory /zones db\\..* {1}'), ok: false, code: 'auto/regexp-without-group', files: dir },
  { corefile: a('    directory /zones db\\.(.*)'), ok: false, code: 'auto/wrong-argument-count', files: dir },
  { corefile: a('    directory /zones db\\.(.*) {1} extra'), ok: false, code: 'auto/wrong-argument-count', files: dir },
  { corefile: a('    directory'), ok: false, code: 'auto/wrong-argument-count' },
  { corefile: a('    reload 0'), ok: true },
  { corefile: a('    reload -1s'), ok: false, code: 'auto/invalid-reload' },
  { corefile: a('    reload 30'), ok: false, code: 'auto/invalid-reload' },
  { corefile: a('    reload'), ok: false, code: 'auto/invalid-reload' },
  { corefile: a('    upstream 10.0.0.1'), ok: true },
  { corefile: a('    zones /x'), ok: false, code: 'auto/unknown-option' },
];

runTable('auto', rows);

test('auto config is read into its typed form', () => {
  const config = analyze(a('    directory /zones (.*)\\.zone {1}\n    reload 10s'), dir).blocks[0]!.configs.get('auto') as AutoConfig;
  assert.deepEqual(config, { zones: ['example.org.'], directory: '/zones', pattern: '(.*)\\.zone', template: '{1}', reload: 10e9 });
});
