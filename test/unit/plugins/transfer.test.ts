import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TransferConfig } from '../../../server/src/core/plugins/transfer.js';
import { analyze, runTable, type PluginCase } from '../../support/plugin-table.js';

const t = (lines: string): string => `example.org {\n  transfer {\n${lines}\n  }\n}\n`;

const rows: PluginCase[] = [
  { corefile: t('    to *'), ok: true },
  { corefile: t('    to * 10.6.6.6 10.0.0.1:5300'), ok: true },
  { corefile: 'example.test {\n  transfer\n}\n', ok: false, code: 'transfer/missing-to' },
  { corefile: t('    to'), ok: false, code: 'transfer/wrong-argument-count' },
  { corefile: t('    to secondary.example.net'), ok: false, code: 'transfer/invalid-to' },
  { corefile: t('    to *\n    source 10.0.0.1'), ok: true },
  { corefile: t('    to *\n    source'), ok: false, code: 'transfer/wrong-argument-count' },
  { corefile: t('    to *\n    source host'), ok: false, code: 'transfer/invalid-source' },
  { corefile: t('    to *\n    source 10.0.0.1\n    source 10.0.0.2'), ok: false, code: 'transfer/duplicate-source' },
  { corefile: t('    to *\n    from 10.0.0.1'), ok: false, code: 'transfer/unknown-option' },
  { corefile: 'a.example b.example {\n  transfer a.example {\n    to 10.6.6.6\n  }\n  transfer b.example {\n    to 10.6.6.7\n  }\n}\n', ok: true },
];

runTable('transfer', rows);

test('transfer config is read into its typed form', () => {
  const config = analyze(t('    to * 10.0.0.2\n    source 10.0.0.1')).blocks[0]!.configs.get('transfer') as TransferConfig;
  assert.deepEqual(config, { rules: [{ zones: ['example.org.'], to: ['*', '10.0.0.2:53'], source: '10.0.0.1' }] });
});
