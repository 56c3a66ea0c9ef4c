import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TsigConfig } from '../../../server/src/core/plugins/tsig.js';
import { configOf, runTable, type PluginCase } from '../../support/plugin-table.js';

const b = (body: string): string => `example.org {\n${body}\n}\n`;
const t = (options: string): string => b(`  tsig {\n    ${options}\n  }`);
const keys = (text: string): Record<string, string> => ({ '/etc/keys': text });
const KEYFILE = 'key "xfr.example.org." {\n  algorithm hmac-sha256;\n  secret "c2VjcmV0";\n};\n';

const rows: PluginCase[] = [
  { corefile: t('secret xfr.example.org. c2VjcmV0LWtleS1vbmU='), ok: true },
  { corefile: t('secret a c2Vj\n    secret A. c2Vj'), ok: false, code: 'tsig/key-redefined' },
  { corefile: t('secret a'), ok: false, code: 'tsig/wrong-arguments' },
  { corefile: t('require all'), ok: true },
  { corefile: t('require none'), ok: true },
  { corefile: t('require AXFR IXFR'), ok: true },
  { corefile: t('require axfr'), ok: false, code: 'tsig/bad-type' },
  { corefile: t('require'), ok: false, code: 'tsig/wrong-arguments' },
  { corefile: t('require_opcode UPDATE NOTIFY'), ok: true },
  { corefile: t('require_opcode update'), ok: false, code: 'tsig/bad-opcode' },
  { corefile: t('algorithm hmac-sha256'), ok: false, code: 'tsig/unknown-option' },
  { corefile: t('secrets /etc/keys'), ok: true, warnings: ['tsig/file-not-found'] },
  { corefile: t('secrets /etc/keys'), ok: true, files: keys(KEYFILE) },
  { corefile: t('secrets /etc/keys\n    secret xfr.example.org c2Vj'), ok: false, code: 'tsig/key-redefined', files: keys(KEYFILE) },
  { corefile: t('secrets /etc/keys'), ok: false, code: 'tsig/bad-secrets-file', files: keys('server 10.0.0.1 {\n};\n') },
  { corefile: t('secrets /etc/keys'), ok: false, code: 'tsig/bad-secrets-file', files: keys('key "a" {\n  algorithm hmac-sha256;\n};\n') },
  { corefile: b('  tsig\n  tsig'), ok: false, code: 'core/once-per-block' },
];
runTable('tsig', rows);

test('tsig config', () => {
  const c = configOf<TsigConfig>(t('secrets /etc/keys\n    require AXFR\n    require_opcode all'), 'tsig', keys(KEYFILE));
  assert.deepEqual([...c.secrets], [['xfr.example.org.', 'c2VjcmV0']]);
  assert.deepEqual([c.requireTypes, c.requireOpcodes], [['AXFR'], 'all']);
});
