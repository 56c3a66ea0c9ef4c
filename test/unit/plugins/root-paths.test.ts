// `root` changes where most plugins look for relative paths (CoreDNS's setups join them to it; see
// util/plugin-path.ts for which); the others still read them from the working directory, which the linter
// takes to be the Corefile's folder. Each row lints a saved Corefile against a small file tree and lists
// the file-related codes it must report: none when the file is found where CoreDNS would look.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeCorefile } from '../../../server/src/core/corefile/analyze.js';
import { memoryHost } from '../../../server/src/core/host.js';
import { defaultSettings } from '../../../server/src/core/settings.js';

const ZONE = '$ORIGIN example.org.\n@ 3600 IN SOA ns1 admin 1 7200 3600 1209600 3600\n@ 3600 IN NS ns1\nns1 3600 IN A 192.0.2.1\n';
const KEY = 'example.org. 3600 IN DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==\n';
const PRIVATE = 'Private-key-format: v1.3\nAlgorithm: 13 (ECDSAP256SHA256)\nPrivateKey: GU6SnQ/Ou+xC5RumuIUIuJZteXT2z0O/ok1s38Et6mQ=\n';

/** The Corefile sits in /etc/coredns; `zones/` below it holds the zone, and /srv/dns holds the same files. */
const FILES: Record<string, string> = {
  '/etc/coredns/zones/db.example.org': ZONE,
  '/srv/dns/db.example.org': ZONE,
  '/srv/dns/Kexample.org.+013+12345.key': KEY,
  '/srv/dns/Kexample.org.+013+12345.private': PRIVATE,
  '/srv/dns/hosts.txt': '192.0.2.7 www.example.org\n',
  '/srv/dns/primary/db.example.org': ZONE,
  '/srv/dns/cert.pem': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  '/srv/dns/key.pem': '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n',
  '/srv/dns/city.mmdb': 'not read',
};

const FILE_CODES = /file-not-found|directory-not-found|file-not-checked|invalid-|bad-tls-file/;

const ROWS: Array<{ name: string; corefile: string; expected: string[] }> = [
  { name: 'file: relative to the Corefile without root', corefile: 'example.org {\n  file zones/db.example.org\n}\n', expected: [] },
  { name: 'file: relative to an absolute root', corefile: 'example.org {\n  root /srv/dns\n  file db.example.org\n}\n', expected: [] },
  { name: 'file: relative to a relative root, itself read from the Corefile folder', corefile: 'example.org {\n  root zones\n  file db.example.org\n}\n', expected: [] },
  { name: 'file: root applies whatever the line order', corefile: 'example.org {\n  file db.example.org\n  root /srv/dns\n}\n', expected: [] },
  { name: 'file: an absolute path ignores root', corefile: 'example.org {\n  root /srv/dns\n  file /etc/coredns/zones/db.example.org\n}\n', expected: [] },
  { name: 'file: not under root is missing', corefile: 'example.org {\n  root /srv/dns\n  file zones/db.example.org\n}\n', expected: ['file/file-not-found'] },
  { name: 'auto: directory under root', corefile: 'example.org {\n  root /srv/dns\n  auto {\n    directory primary\n  }\n}\n', expected: [] },
  { name: 'auto: directory missing under root', corefile: 'example.org {\n  root /srv/dns\n  auto {\n    directory zones\n  }\n}\n', expected: ['auto/directory-not-found'] },
  { name: 'dnssec: keys under root', corefile: 'example.org {\n  root /srv/dns\n  dnssec {\n    key file Kexample.org.+013+12345\n  }\n}\n', expected: [] },
  { name: 'hosts: relative to root', corefile: 'example.org {\n  root /srv/dns\n  hosts hosts.txt\n}\n', expected: [] },
  { name: 'hosts: relative to the Corefile without root', corefile: 'example.org {\n  hosts hosts.txt\n}\n', expected: ['hosts/file-not-found'] },
  { name: 'sign: zone file and keys under root', corefile: 'example.org {\n  root /srv/dns\n  sign db.example.org {\n    key file Kexample.org.+013+12345\n  }\n}\n', expected: [] },
  { name: 'tls: certificate files under root', corefile: 'tls://example.org {\n  root /srv/dns\n  tls cert.pem key.pem\n  whoami\n}\n', expected: [] },
  { name: 'forward: TLS files under root', corefile: 'example.org {\n  root /srv/dns\n  forward . tls://10.0.0.1 {\n    tls cert.pem key.pem\n  }\n}\n', expected: [] },
  { name: 'geoip ignores root: read from the Corefile folder', corefile: 'example.org {\n  root /srv/dns\n  geoip city.mmdb\n}\n', expected: ['geoip/file-not-found'] },
  { name: 'hosts with an absolute path', corefile: 'example.org {\n  root /srv/dns\n  hosts /srv/dns/hosts.txt\n}\n', expected: [] },
];

for (const row of ROWS) {
  test(`root and relative paths: ${row.name}`, () => {
    const { diagnostics } = analyzeCorefile({ uri: 'file:///etc/coredns/Corefile', path: '/etc/coredns/Corefile', text: row.corefile }, defaultSettings, memoryHost(FILES));
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), [], 'no error');
    assert.deepEqual(diagnostics.filter((d) => FILE_CODES.test(d.code)).map((d) => d.code), row.expected);
  });
}
