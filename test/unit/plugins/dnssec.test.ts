import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DnssecConfig } from '../../../server/src/core/plugins/dnssec.js';
import { configOf, runTable, type PluginCase } from '../../support/plugin-table.js';

const b = (body: string): string => `example.org {\n${body}\n}\n`;
const k = (options: string): string => b(`  dnssec {\n    ${options}\n  }`);
const key = (owner: string): Record<string, string> => ({
  '/k/Kexample.org.+013+45330.key': `${owner} 3600 IN DNSKEY 257 3 13 AAAA\n`,
  '/k/Kexample.org.+013+45330.private': 'Private-key-format: v1.3\n',
});

const rows: PluginCase[] = [
  { corefile: b('  dnssec'), ok: true },
  { corefile: k('key file /k/Kexample.org.+013+45330'), ok: true, warnings: ['dnssec/file-not-found'] },
  { corefile: k('key file /k/Kexample.org.+013+45330.key'), ok: true, files: key('example.org.') },
  { corefile: k('key file /k/Kexample.org.+013+45330'), ok: true, files: key('org.') },
  { corefile: k('key file /k/Kexample.org.+013+45330'), ok: false, code: 'dnssec/key-cannot-sign', files: key('other.example.') },
  { corefile: k('key file /k/Kexample.org.+013+45330'), ok: false, code: 'dnssec/bad-key-file', files: { '/k/Kexample.org.+013+45330.key': 'garbage\n', '/k/Kexample.org.+013+45330.private': '' } },
  { corefile: k('key file'), ok: false, code: 'dnssec/wrong-arguments' },
  { corefile: k('key'), ok: false, code: 'dnssec/wrong-arguments' },
  { corefile: k('key vault secret-1'), ok: false, code: 'dnssec/unknown-option' },
  { corefile: k('key vault'), ok: true, warnings: ['dnssec/unknown-key-source'] },
  { corefile: k('key aws_secretsmanager arn:aws:secret'), ok: true },
  { corefile: k('cache_capacity 5000'), ok: true },
  { corefile: k('cache_capacity many'), ok: false, code: 'dnssec/bad-number' },
  { corefile: k('cache_capacity'), ok: false, code: 'dnssec/wrong-arguments' },
  { corefile: k('sign_all'), ok: false, code: 'dnssec/unknown-option' },
  { corefile: b('  dnssec\n  dnssec'), ok: false, code: 'core/once-per-block' },
];
runTable('dnssec', rows);

test('dnssec config', () => {
  const c = configOf<DnssecConfig>(k('key file /k/Kexample.org.+013+45330\n    cache_capacity 100'), 'dnssec', key('Example.org.'));
  assert.deepEqual(c, { zones: ['example.org.'], keys: [{ source: 'file', id: '/k/Kexample.org.+013+45330', owner: 'example.org.' }], cacheCapacity: 100 });
});
