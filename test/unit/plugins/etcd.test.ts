import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLeaseTtl, type EtcdConfig } from '../../../server/src/core/plugins/etcd.js';
import { analyze, runTable, type PluginCase } from '../../support/plugin-table.js';

const e = (lines: string): string => `skydns.local {\n  etcd {\n${lines}\n  }\n}\n`;

const rows: PluginCase[] = [
  { corefile: 'skydns.local {\n  etcd\n}\n', ok: true },
  { corefile: e('    endpoint'), ok: false, code: 'etcd/wrong-argument-count' },
  { corefile: e('    endpoint http://10.0.0.1:2379 http://10.0.0.2:2379\n    path /dns'), ok: true },
  { corefile: e('    path'), ok: false, code: 'etcd/wrong-argument-count' },
  { corefile: e('    credentials alice s3cret'), ok: true },
  { corefile: e('    credentials alice'), ok: false, code: 'etcd/wrong-argument-count' },
  { corefile: e('    stubzones\n    debug\n    upstream\n    fallthrough'), ok: true },
  { corefile: e('    debug on'), ok: false, code: 'etcd/unknown-option' },
  { corefile: e('    tls a b c d'), ok: false, code: 'etcd/wrong-argument-count' },
  { corefile: e('    tls /cert /key /ca'), ok: true, warnings: ['etcd/file-not-found'] },
  { corefile: e('    min-lease-ttl 30\n    max-lease-ttl 2h30m'), ok: true },
  { corefile: e('    min-lease-ttl -5s'), ok: false, code: 'etcd/invalid-lease-ttl' },
  { corefile: e('    max-lease-ttl soon'), ok: false, code: 'etcd/invalid-lease-ttl' },
  { corefile: e('    max-lease-ttl'), ok: false, code: 'etcd/wrong-argument-count' },
  { corefile: e('    hosts 10.0.0.1'), ok: false, code: 'etcd/unknown-option' },
  { corefile: 'skydns.local {\n  etcd\n  etcd {\n    bogus\n  }\n}\n', ok: true, warnings: ['core/ignored-repeat'] },
];

runTable('etcd', rows);

test('etcd lease TTLs read plain seconds and durations', () => {
  assert.deepEqual(['30', '30s', '5m', '', '-1', 'x'].map(parseLeaseTtl), [30, 30, 300, 0, undefined, undefined]);
});

test('etcd config is read into its typed form', () => {
  const config = analyze(e('    path /dns\n    min-lease-ttl 1m')).blocks[0]!.configs.get('etcd') as EtcdConfig;
  assert.equal(config.path, '/dns');
  assert.equal(config.minLeaseTtl, 60);
  assert.deepEqual(config.zones, ['skydns.local.']);
});
