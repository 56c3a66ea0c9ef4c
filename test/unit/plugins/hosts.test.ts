import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HostsConfig } from '../../../server/src/core/plugins/hosts.js';
import { analyze, runTable, type PluginCase } from '../../support/plugin-table.js';

const block = (lines: string, args = ''): string => `example.org {\n  hosts${args} {\n${lines}\n  }\n}\n`;

const rows: PluginCase[] = [
  { corefile: 'dns://.:5353 {\n  hosts\n}\n', ok: true },
  { corefile: '. {\n  hosts /etc/hosts.extra example.org\n}\n', ok: true, warnings: ['hosts/file-not-found'] },
  { corefile: '. {\n  hosts /etc/hosts.extra\n}\n', ok: true, files: { '/etc/hosts.extra': '10.0.0.1 a\nbogus line\n' } },
  { corefile: '. {\n  hosts /etc\n}\n', ok: true, files: { '/etc/hosts': '' }, warnings: ['hosts/file-is-directory'] },
  { corefile: block('    10.4.4.4 a.example.org b.example.org\n    # a comment line\n    fd00::44 c.example.org'), ok: true },
  { corefile: block('    10.4.4.4'), ok: true, warnings: ['hosts/ignored-inline-line'] },
  { corefile: block('    tll 30'), ok: true, warnings: ['hosts/ignored-inline-line'] },
  { corefile: block('    fallthrough\n    10.4.4.4 a.example.org'), ok: false, code: 'hosts/unknown-option' },
  { corefile: block('    ttl 0'), ok: false, code: 'hosts/invalid-ttl' },
  { corefile: block('    ttl 65536'), ok: false, code: 'hosts/invalid-ttl' },
  { corefile: block('    ttl 30s'), ok: false, code: 'hosts/invalid-ttl' },
  { corefile: block('    ttl'), ok: false, code: 'hosts/invalid-ttl' },
  { corefile: block('    ttl 65535'), ok: true },
  { corefile: block('    reload -1s'), ok: false, code: 'hosts/invalid-reload' },
  { corefile: block('    reload 10'), ok: false, code: 'hosts/invalid-reload' },
  { corefile: block('    reload'), ok: false, code: 'hosts/invalid-reload' },
  { corefile: block('    reload 0'), ok: true },
  { corefile: block('    fallthrough_unsupported'), ok: false, code: 'hosts/fallthrough-unsupported-without-fallthrough' },
  { corefile: block('    fallthrough\n    fallthrough_unsupported'), ok: true },
  { corefile: block('    fallthrough\n    fallthrough_unsupported now'), ok: false, code: 'hosts/wrong-argument-count' },
  { corefile: block('    no_reverse'), ok: true },
  { corefile: 'example.test {\n  hosts /etc/hosts\n  hosts /etc/hosts.extra\n}\n', ok: false, code: 'core/once-per-block' },
  { corefile: '. {\n  hosts\n  forward . 10.0.0.1\n}\n', ok: true, warnings: ['hosts/shadows-later-plugins'] },
];

runTable('hosts', rows);

test('hosts without fallthrough does not warn when nothing runs after it, or when it falls through', () => {
  for (const corefile of ['. {\n  hosts\n  log\n}\n', '. {\n  hosts {\n    fallthrough\n  }\n  forward . 10.0.0.1\n}\n', '. {\n  hosts /etc/hosts example.org\n  forward . 10.0.0.1\n}\n']) {
    const codes = analyze(corefile).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('hosts/shadows-later-plugins'), corefile);
  }
});

test('hosts config is read into its typed form', () => {
  const config = analyze(block('    10.4.4.4 A.example.org\n    ttl 60\n    fallthrough', ' /etc/h example.org')).blocks[0]!.configs.get('hosts') as HostsConfig;
  assert.equal(config.path, '/etc/h');
  assert.deepEqual(config.zones, ['example.org.']);
  assert.deepEqual(config.inline, [{ address: '10.4.4.4', names: ['a.example.org.'] }]);
  assert.equal(config.ttl, 60);
  assert.deepEqual(config.fallthrough, ['.']);
});
