import { test } from 'node:test';
import assert from 'node:assert/strict';
import { autopathPodsWarning, type AutopathConfig } from '../../../server/src/core/plugins/autopath.js';
import { configOf, runTable, type PluginCase } from '../../support/plugin-table.js';

const b = (body: string): string => `cluster.local {\n${body}\n}\n`;

const rows: PluginCase[] = [
  { corefile: b('  autopath @kubernetes'), ok: true, warnings: ['autopath/plugin-absent'] },
  { corefile: b('  kubernetes cluster.local\n  autopath @kubernetes'), ok: true, noWarnings: ['autopath/plugin-absent'] },
  { corefile: b('  whoami\n  autopath @whoami'), ok: false, code: 'autopath/not-autopather' },
  { corefile: b('  autopath'), ok: false, code: 'autopath/missing-source' },
  { corefile: b('  autopath /etc/resolv.conf'), ok: true, warnings: ['autopath/file-not-found'] },
  { corefile: b('  autopath cluster.local /etc/resolv.conf'), ok: true, files: { '/etc/resolv.conf': 'search a.svc.cluster.local svc.cluster.local\nnameserver 10.0.0.10\n' } },
];
runTable('autopath', rows);

test('autopath config and the pods-verified check', () => {
  const c = configOf<AutopathConfig>(b('  autopath example.org /etc/resolv.conf'), 'autopath', { '/etc/resolv.conf': 'search a.example b.example\n' });
  assert.deepEqual(c, { zones: ['example.org.'], resolvConf: '/etc/resolv.conf', search: ['a.example', 'b.example'] });
  const k = configOf<AutopathConfig>(b('  autopath @kubernetes'), 'autopath');
  assert.equal(k.plugin, 'kubernetes');
  assert.ok(autopathPodsWarning(k, 'insecure'));
  assert.ok(autopathPodsWarning(k, undefined));
  assert.equal(autopathPodsWarning(k, 'verified'), undefined);
  assert.equal(autopathPodsWarning(c, undefined), undefined);
});
