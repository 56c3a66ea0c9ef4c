import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RootConfig } from '../../../server/src/core/plugins/root.js';
import { configOf, runTable } from '../../support/plugin-table.js';

const files = { '/etc/coredns/zones/db.example': '' };
runTable('root', [
  { corefile: '. {\n  root /etc/coredns/zones\n}\n', ok: true, files },
  { corefile: '. {\n  root /srv/missing\n}\n', ok: true, warnings: ['root/file-not-found'] },
  { corefile: '. {\n  root\n}\n', ok: false, code: 'root/wrong-argument-count' },
  { corefile: '. {\n  root /a /b\n}\n', ok: false, code: 'root/wrong-argument-count' },
  { corefile: '. {\n  root /etc/coredns\n  root /etc/coredns/zones\n}\n', ok: true, files },
]);

test('root: the last one wins', () => {
  assert.equal(configOf<RootConfig>('. {\n  root /a\n  root /etc/coredns/zones\n}\n', 'root', files).path, '/etc/coredns/zones');
});
