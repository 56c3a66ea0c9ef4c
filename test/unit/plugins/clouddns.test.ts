import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CloudDnsConfig } from '../../../server/src/core/plugins/clouddns.js';
import { analyze, runTable, type PluginCase } from '../../support/plugin-table.js';

const c = (lines: string): string => `example.org {\n  clouddns example.org.:p:z {\n${lines}\n  }\n}\n`;

const rows: PluginCase[] = [
  { corefile: 'example.org {\n  clouddns example.org.:p:z\n}\n', ok: true },
  { corefile: 'example.org {\n  clouddns example.org.:my-project\n}\n', ok: false, code: 'clouddns/invalid-zone' },
  { corefile: 'example.org {\n  clouddns example.org.::z\n}\n', ok: false, code: 'clouddns/invalid-zone' },
  { corefile: 'example.org {\n  clouddns example.org.:p:z example.org.:p:z\n}\n', ok: false, code: 'clouddns/conflicting-zone' },
  { corefile: c('    credentials /etc/gcp.json\n    fallthrough\n    upstream'), ok: true, warnings: ['clouddns/file-not-found'] },
  { corefile: c('    credentials /etc/gcp.json'), ok: true, files: { '/etc/gcp.json': '{}' } },
  { corefile: c('    credentials'), ok: false, code: 'clouddns/wrong-argument-count' },
  { corefile: c('    project other'), ok: false, code: 'clouddns/unknown-option' },
];

runTable('clouddns', rows);

test('clouddns config is read into its typed form', () => {
  const config = analyze(c('    fallthrough')).blocks[0]!.configs.get('clouddns') as CloudDnsConfig;
  assert.deepEqual(config, { zones: [{ zone: 'example.org.', project: 'p', hostedZone: 'z' }], fallthrough: ['.'] });
});
