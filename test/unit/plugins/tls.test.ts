import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTransportsNeedTls, type TlsConfig } from '../../../server/src/core/plugins/tls.js';
import { configOf, runTable } from '../../support/plugin-table.js';

const cert = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const key = '-----BEGIN EC PRIVATE KEY-----\nMHcC\n-----END EC PRIVATE KEY-----\n';
const files = { '/etc/coredns/cert.pem': cert, '/etc/coredns/key.pem': key, '/etc/coredns/ca.pem': cert, '/etc/coredns/bad.pem': 'not pem\n' };

runTable('tls', [
  { corefile: 'tls://.:853 {\n  tls /etc/coredns/cert.pem /etc/coredns/key.pem\n}\n', ok: true, files },
  { corefile: 'tls://.:853 {\n  tls cert.pem key.pem ca.pem {\n    client_auth require_and_verify\n    keylog /tmp/keys.log\n  }\n}\n', ok: true, files },
  { corefile: 'tls://.:853 {\n  tls /etc/coredns/cert.pem /etc/coredns/key.pem\n}\n', ok: true, warnings: ['tls/file-not-found'] },
  { corefile: 'tls://.:853 {\n  tls {\n    acme dns.example.org *.example.org\n    email ops@example.org\n    ca https://acme.example.org/directory\n    resolver 8.8.8.8:53\n  }\n}\n', ok: true },
  { corefile: 'tls://.:853 {\n  tls\n}\n', ok: false, code: 'tls/missing-acme-domain' },
  { corefile: 'tls://.:853 {\n  tls cert.pem\n}\n', ok: false, code: 'tls/wrong-argument-count' },
  { corefile: 'tls://.:853 {\n  tls a.pem b.pem c.pem d.pem\n}\n', ok: false, code: 'tls/wrong-argument-count' },
  { corefile: 'tls://.:853 {\n  tls bad.pem key.pem\n}\n', ok: false, code: 'tls/invalid-certificate', files },
  { corefile: 'tls://.:853 {\n  tls cert.pem bad.pem\n}\n', ok: false, code: 'tls/invalid-key', files },
  { corefile: 'tls://.:853 {\n  tls cert.pem key.pem bad.pem\n}\n', ok: false, code: 'tls/invalid-ca', files },
  { corefile: 'tls://.:853 {\n  tls cert.pem key.pem {\n    client_auth always\n  }\n}\n', ok: false, code: 'tls/invalid-client-auth', files },
  { corefile: 'tls://.:853 {\n  tls cert.pem key.pem {\n    keylog\n  }\n}\n', ok: false, code: 'tls/wrong-argument-count', files },
  { corefile: 'tls://.:853 {\n  tls cert.pem key.pem {\n    ciphers x\n  }\n}\n', ok: false, code: 'tls/unknown-option', files },
  { corefile: 'tls://.:853 {\n  tls {\n    acme dns.corp.example\n    ca ftp://acme.corp.example/dir\n  }\n}\n', ok: false, code: 'tls/invalid-acme-ca' },
  { corefile: 'tls://.:853 {\n  tls {\n    acme 10.0.0.1\n  }\n}\n', ok: false, code: 'tls/invalid-acme-domain' },
  { corefile: 'tls://.:853 {\n  tls {\n    acme a.example\n    acme b.example\n  }\n}\n', ok: false, code: 'tls/duplicate-acme-option' },
  { corefile: 'tls://.:853 {\n  tls {\n    acme a.example\n    resolver 8.8.8.8\n  }\n}\n', ok: false, code: 'tls/invalid-acme-resolver' },
  { corefile: 'tls://.:853 {\n  tls {\n    acme a.example\n    resolver 8.8.8.8:0\n  }\n}\n', ok: false, code: 'tls/invalid-acme-resolver' },
  { corefile: 'tls://.:853 {\n  tls {\n    acme\n  }\n}\n', ok: false, code: 'tls/wrong-argument-count' },
  { corefile: 'tls://.:853 {\n  tls {\n    acme a.example\n    ca_root bad.pem\n  }\n}\n', ok: false, code: 'tls/invalid-ca', files },
  { corefile: 'tls://.:853 {\n  tls {\n    acme a.example\n    eab x y\n  }\n}\n', ok: false, code: 'tls/unknown-option' },
]);

test('tls reads files and client auth', () => {
  const c = configOf<TlsConfig>('tls://.:853 {\n  tls cert.pem key.pem {\n    client_auth request\n  }\n}\n', 'tls', files);
  assert.equal(c.mode, 'files');
  assert.equal(c.certFile, 'cert.pem');
  assert.equal(c.clientAuth, 'request');
});

test('quic:// and https3:// keys need the tls plugin', () => {
  assert.deepEqual(checkTransportsNeedTls(['dns', 'quic', 'https3', 'tls'], new Set(['forward'])).map((f) => [f.keyIndex, f.code]), [
    [1, 'tls/required-for-transport'],
    [2, 'tls/required-for-transport'],
  ]);
  assert.deepEqual(checkTransportsNeedTls(['quic'], new Set(['tls'])), []);
  assert.deepEqual(checkTransportsNeedTls(['tls', 'https', 'grpc'], new Set()), []);
});
