import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SignConfig } from '../../../server/src/core/plugins/sign.js';
import { configOf, runTable } from '../../support/plugin-table.js';

const ksk = 'example.org. IN DNSKEY 257 3 13 AbCd\n';
const zsk = 'example.org. 3600 IN DNSKEY 256 3 13 AbCd\n';
const priv = 'Private-key-format: v1.3\nAlgorithm: 13 (ECDSAP256SHA256)\nPrivateKey: AbCd\n';
const files = {
  '/etc/coredns/db.example.org': '',
  '/etc/coredns/Kexample.org.+013+1.key': ksk,
  '/etc/coredns/Kexample.org.+013+1.private': priv,
  '/etc/coredns/Kexample.org.+013+2.key': zsk,
  '/etc/coredns/Kexample.org.+013+2.private': priv,
};

runTable('sign', [
  { corefile: 'example.org {\n  sign /etc/coredns/db.example.org {\n    key file /etc/coredns/Kexample.org.+013+1\n    directory /var/lib/coredns\n  }\n}\n', ok: true, files },
  { corefile: 'example.org {\n  sign db.example.org {\n    key file Kexample.org.+013+1.key\n  }\n}\n', ok: true, files },
  { corefile: 'example.org {\n  sign /var/lib/coredns/db.corp.internal corp.internal lab.example\n}\n', ok: true, warnings: ['sign/file-not-found'] },
  { corefile: 'example.org {\n  sign db.example.org {\n    key file /etc/coredns/Kmissing\n  }\n}\n', ok: true, warnings: ['sign/file-not-found'], files },
  { corefile: 'example.org {\n  sign\n}\n', ok: false, code: 'sign/wrong-argument-count' },
  { corefile: 'example.org {\n  sign db.example.org {\n    key directory /etc/keys\n  }\n}\n', ok: false, code: 'sign/key-directory-not-implemented' },
  { corefile: 'example.org {\n  sign db.example.org {\n    key file\n  }\n}\n', ok: false, code: 'sign/wrong-argument-count' },
  { corefile: 'example.org {\n  sign db.example.org {\n    key\n  }\n}\n', ok: false, code: 'sign/wrong-argument-count' },
  { corefile: 'example.org {\n  sign db.example.org {\n    key file Kexample.org.+013+2\n  }\n}\n', ok: false, code: 'sign/invalid-key', files },
  { corefile: 'example.org {\n  sign db.example.org {\n    directory a b\n  }\n}\n', ok: false, code: 'sign/wrong-argument-count', files },
  { corefile: 'example.org {\n  sign db.example.org {\n    nsec3\n  }\n}\n', ok: false, code: 'sign/unknown-option', files },
]);

test('sign makes one signer per zone', () => {
  const c = configOf<SignConfig>('example.org {\n  sign db.example.org a.test b.test\n}\n', 'sign', files);
  assert.deepEqual(c.signers.map((s) => s.origin), ['a.test.', 'b.test.']);
  assert.equal(c.signers[0]!.directory, '/var/lib/coredns');
});
