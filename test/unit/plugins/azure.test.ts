import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AzureConfig } from '../../../server/src/core/plugins/azure.js';
import { analyze, runTable, type PluginCase } from '../../support/plugin-table.js';

const a = (lines: string): string => `example.org {\n  azure rg:example.org {\n${lines}\n  }\n}\n`;

const rows: PluginCase[] = [
  { corefile: 'example.org {\n  azure rg:example.org\n}\n', ok: true },
  { corefile: 'example.org {\n  azure rg-dns:\n}\n', ok: false, code: 'azure/invalid-zone' },
  { corefile: 'example.org {\n  azure rg-dns\n}\n', ok: false, code: 'azure/invalid-zone' },
  { corefile: 'example.org {\n  azure rg:example.org rg:example.org\n}\n', ok: false, code: 'azure/conflicting-zone' },
  { corefile: 'example.org {\n  azure rg:example.org\n  azure rg:example.org\n}\n', ok: false, code: 'azure/conflicting-zone' },
  { corefile: a('    tenant t\n    client c\n    secret s\n    subscription x\n    environment AzureChinaCloud\n    fallthrough\n    access private'), ok: true },
  { corefile: a('    environment MarsCloud'), ok: false, code: 'azure/invalid-environment' },
  { corefile: a('    tenant'), ok: false, code: 'azure/wrong-argument-count' },
  { corefile: a('    access Public'), ok: false, code: 'azure/invalid-access' },
  { corefile: a('    region westeurope'), ok: false, code: 'azure/unknown-option' },
];

runTable('azure', rows);

test('azure config is read into its typed form', () => {
  const config = analyze(a('    access private')).blocks[0]!.configs.get('azure') as AzureConfig;
  assert.deepEqual(config.zones, [{ resourceGroup: 'rg', zone: 'example.org', access: 'private' }]);
});
