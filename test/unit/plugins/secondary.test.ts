import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SecondaryConfig } from '../../../server/src/core/plugins/secondary.js';
import { analyze, runTable, type PluginCase } from '../../support/plugin-table.js';

const s = (lines: string): string => `example.org {\n  secondary {\n${lines}\n  }\n}\n`;

const rows: PluginCase[] = [
  { corefile: s('    transfer from 10.0.0.1'), ok: true },
  { corefile: s('    transfer from 10.0.0.1:5300 [2001:db8::1]:53 2001:db8::2'), ok: true },
  { corefile: 'example.org {\n  secondary\n}\n', ok: false, code: 'secondary/missing-transfer-from' },
  { corefile: s('    fallthrough'), ok: false, code: 'secondary/missing-transfer-from' },
  { corefile: s('    transfer'), ok: false, code: 'secondary/wrong-argument-count' },
  { corefile: s('    transfer from'), ok: false, code: 'secondary/wrong-argument-count' },
  { corefile: s('    transfer to 10.0.0.1'), ok: false, code: 'secondary/invalid-transfer' },
  { corefile: s('    transfer from *'), ok: false, code: 'secondary/invalid-transfer-from' },
  { corefile: s('    transfer from primary.example.net'), ok: false, code: 'secondary/invalid-transfer-from' },
  { corefile: s('    transfer from 10.0.0.1\n    catalog\n    fallthrough'), ok: true },
  { corefile: s('    transfer from 10.0.0.1\n    catalog a.example x:'), ok: false, code: 'secondary/invalid-catalog-zone' },
  { corefile: s('    transfer from 10.0.0.1\n    upstream'), ok: false, code: 'version/option-removed' },
];

runTable('secondary', rows);

test('secondary config is read into its typed form', () => {
  const config = analyze(s('    transfer from 10.0.0.1 [2001:db8::1]:5300')).blocks[0]!.configs.get('secondary') as SecondaryConfig;
  assert.deepEqual(config, { zones: ['example.org.'], transferFrom: ['10.0.0.1:53', '[2001:db8::1]:5300'], fallthrough: [] });
});
