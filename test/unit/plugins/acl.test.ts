import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AclConfig } from '../../../server/src/core/plugins/acl.js';
import { configOf, runTable, type PluginCase } from '../../support/plugin-table.js';

const b = (body: string): string => `example.org {\n${body}\n}\n`;
const a = (policy: string): string => b(`  acl {\n    ${policy}\n  }`);

const rows: PluginCase[] = [
  { corefile: b('  acl'), ok: true },
  { corefile: a('allow net 10.0.0.0/8'), ok: true },
  { corefile: a('allow type A AAAA net 10.0.0.0/8 192.168.1.5 2001:db8::1'), ok: true },
  { corefile: a('block type *'), ok: true },
  { corefile: a('DROP net *'), ok: true },
  { corefile: a('filter type ANY'), ok: true },
  { corefile: a('allow'), ok: true },
  { corefile: a('permit net 10.0.0.0/8'), ok: false, code: 'acl/bad-action' },
  { corefile: a('allow net 10.0.0.0/33'), ok: false, code: 'acl/bad-net' },
  { corefile: a('allow net host.example'), ok: false, code: 'acl/bad-net' },
  { corefile: a('allow net'), ok: false, code: 'acl/empty-section' },
  { corefile: a('allow type'), ok: false, code: 'acl/empty-section' },
  { corefile: a('allow type aaaa'), ok: false, code: 'acl/bad-type' },
  { corefile: a('allow 10.0.0.0/8'), ok: false, code: 'acl/bad-section' },
  { corefile: b('  acl {\n    block type *\n  }\n  acl sub.example.org {\n    allow\n  }'), ok: true },
  { corefile: b('  acl x: {\n    allow\n  }'), ok: true, warnings: ['acl/ignored-zone'] },
];
runTable('acl', rows);

test('acl config', () => {
  const c = configOf<AclConfig>(a('allow type A net 10.0.0.1\n    block'), 'acl');
  assert.deepEqual(c.rules, [{ zones: ['example.org.'], policies: [
    { action: 'allow', types: ['A'], nets: ['10.0.0.1/32'] },
    { action: 'block', types: ['*'], nets: ['*'] },
  ] }]);
});
