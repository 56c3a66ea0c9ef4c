import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HeaderConfig } from '../../../server/src/core/plugins/header.js';
import { configOf, runTable, type PluginCase } from '../../support/plugin-table.js';

const b = (body: string): string => `. {\n${body}\n}\n`;
const h = (rules: string): string => b(`  header {\n    ${rules}\n  }`);

const rows: PluginCase[] = [
  { corefile: h('query clear rd\n    response set aa ra'), ok: true },
  { corefile: h('RESPONSE SET AA'), ok: true },
  { corefile: h('set ra'), ok: false, code: 'version/option-removed' },
  { corefile: h('response'), ok: false, code: 'header/missing-action' },
  { corefile: h('response set'), ok: false, code: 'header/missing-flags' },
  { corefile: h('response toggle ra'), ok: false, code: 'header/bad-action' },
  { corefile: h('response set ad'), ok: false, code: 'header/bad-flag' },
  { corefile: b('  header'), ok: false, code: 'header/no-rules' },
  { corefile: b('  header\n  header {\n    response set ra\n  }'), ok: true },
  { corefile: b('  header {\n    response set ra\n  }\n  header {\n    bogus\n  }'), ok: true, warnings: ['header/ignored'] },
];
runTable('header', rows);

test('header config', () => {
  const c = configOf<HeaderConfig>(h('query clear rd\n    response set aa ra'), 'header');
  assert.deepEqual(c, { query: [{ flag: 'rd', state: false }], response: [{ flag: 'aa', state: true }, { flag: 'ra', state: true }] });
});
