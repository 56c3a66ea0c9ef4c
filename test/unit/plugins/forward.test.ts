import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ForwardConfig } from '../../../server/src/core/plugins/forward.js';
import { analyze, configOf, runTable, type PluginCase } from '../../support/plugin-table.js';

const b = (body: string, key = '.'): string => `${key} {\n${body}\n}\n`;
const opt = (option: string): string => b(`  forward . 10.0.0.1 {\n    ${option}\n  }`);
const sixteen = Array.from({ length: 16 }, (_, i) => `10.7.0.${i + 1}`);

const rows: PluginCase[] = [
  { corefile: b('  forward . 10.0.0.1'), ok: true, noWarnings: ['forward/loop-risk', 'forward/from-outside-zones'] },
  { corefile: b('  forward . [2001:db8::53]:5353 2001:db8::54 10.0.0.1:5300'), ok: true },
  { corefile: b('  forward'), ok: false, code: 'forward/missing-from' },
  { corefile: b('  forward .'), ok: false, code: 'forward/missing-to' },
  { corefile: b('  forward . {\n  }'), ok: false, code: 'forward/missing-to' },
  { corefile: b('  forward x: 10.0.0.1'), ok: false, code: 'forward/bad-from' },
  { corefile: b('  forward 10.0.0.0/8 10.0.0.1'), ok: true },
  { corefile: b('  forward 10.0.0.0/17 10.0.0.1'), ok: true, warnings: ['forward/from-cidr-split'] },
  { corefile: b('  forward corp.internal 10.0.0.1', 'home.arpa'), ok: true, warnings: ['forward/from-outside-zones'] },
  { corefile: b('  forward a.example.org 10.0.0.1', 'example.org'), ok: true, noWarnings: ['forward/from-outside-zones'] },
  { corefile: b('  forward org 10.0.0.1', 'example.org'), ok: true, noWarnings: ['forward/from-outside-zones'] },
  { corefile: b('  forward . tls://10.0.0.1%dns.example.net tls://10.0.0.2%other.example.net'), ok: true },
  { corefile: b('  forward . tls://10.0.0.1%dns.example.net {\n    tls_servername x.example.net\n  }'), ok: false, code: 'forward/servername-conflict' },
  { corefile: b('  forward . tls://10.0.0.1 {\n    tls_servername dns.example.net\n  }'), ok: true },
  { corefile: b('  forward . https://10.0.0.1 https://10.0.0.2:8443'), ok: true },
  { corefile: b('  forward . https://10.0.0.1/dns-query'), ok: false, code: 'forward/https-path' },
  { corefile: b('  forward . quic://10.0.0.1'), ok: false, code: 'forward/unsupported-transport' },
  { corefile: b('  forward . grpc://10.0.0.1'), ok: false, code: 'forward/unsupported-transport' },
  { corefile: b('  forward . unix:///run/dns.sock'), ok: false, code: 'forward/unsupported-transport' },
  { corefile: b('  forward . tls://'), ok: false, code: 'forward/bad-upstream' },
  { corefile: b(`  forward . ${sixteen.slice(0, 15).join(' ')}`), ok: true },
  { corefile: b(`  forward . ${sixteen.join(' ')}`), ok: false, code: 'forward/too-many-upstreams' },
  { corefile: b('  forward . 127.0.0.53'), ok: true, warnings: ['forward/loop-risk'] },
  { corefile: b('  forward . [::1]:53'), ok: true, warnings: ['forward/loop-risk'] },
  { corefile: b('  forward . 127.0.0.1:5301'), ok: true, noWarnings: ['forward/loop-risk'] },
  // Docker's embedded DNS (127.0.0.11) hands unknown names to the host's resolvers: no loop.
  { corefile: b('  forward . 127.0.0.11'), ok: true, noWarnings: ['forward/loop-risk'] },
  { corefile: b('  forward . /etc/resolv.conf'), ok: true, noWarnings: ['forward/loop-risk'], files: { '/etc/resolv.conf': 'nameserver 127.0.0.11\noptions ndots:0\n' } },
  { corefile: b('  forward . /etc/resolv.conf'), ok: true, warnings: ['forward/loop-risk'] },
  { corefile: b('  forward . /etc/resolv.conf'), ok: true, noWarnings: ['forward/loop-risk'], files: { '/etc/resolv.conf': 'nameserver 10.0.0.2\n' } },
  { corefile: b('  forward . /etc/resolv.conf'), ok: true, warnings: ['forward/loop-risk'], files: { '/etc/resolv.conf': 'nameserver 127.0.0.53\n' } },
  { corefile: b('  forward . /etc/upstream.conf'), ok: true, warnings: ['forward/file-not-found'] },
  { corefile: b('  forward . /etc/upstream.conf'), ok: true, warnings: ['forward/file-no-nameservers'], files: { '/etc/upstream.conf': '# empty\n' } },
  { corefile: b('  forward . dns.example.net'), ok: true, warnings: ['forward/hostname-upstream'] },
  { corefile: b('  forward . tls://dns.example.net:853'), ok: true, warnings: ['forward/hostname-upstream'] },
  { corefile: b('  forward . 10.0.0.1\n  forward example.org 10.0.0.2'), ok: true },
  { corefile: opt('except internal.example.org lab.example.org'), ok: true },
  { corefile: opt('except'), ok: false, code: 'forward/missing-value' },
  { corefile: opt('max_fails 0'), ok: true },
  { corefile: opt('max_fails -1'), ok: false, code: 'forward/bad-number' },
  { corefile: opt('max_fails'), ok: false, code: 'forward/missing-value' },
  { corefile: opt('max_connect_attempts 3'), ok: true },
  { corefile: opt('max_connect_attempts 4294967296'), ok: false, code: 'forward/bad-number' },
  { corefile: opt('health_check 2s no_rec domain probe.example.net'), ok: true },
  { corefile: opt('health_check 2'), ok: false, code: 'forward/bad-duration' },
  { corefile: opt('health_check -1s'), ok: false, code: 'forward/bad-duration' },
  { corefile: opt('health_check 2s domain'), ok: false, code: 'forward/missing-value' },
  { corefile: opt('health_check 2s domain a..b'), ok: false, code: 'forward/bad-health-domain' },
  { corefile: opt('health_check 2s recurse'), ok: false, code: 'forward/bad-health-option' },
  { corefile: opt('force_tcp'), ok: true },
  { corefile: opt('force_tcp yes'), ok: false, code: 'forward/unexpected-value' },
  { corefile: opt('prefer_udp'), ok: true },
  { corefile: opt('tls'), ok: true },
  { corefile: opt('tls a b c d'), ok: false, code: 'forward/tls-arguments' },
  { corefile: opt('tls /certs/ca.pem'), ok: true, warnings: ['forward/file-not-found'] },
  { corefile: opt('tls /certs/ca.pem'), ok: false, code: 'forward/bad-tls-file', files: { '/certs/ca.pem': 'not a certificate' } },
  { corefile: opt('tls /certs/ca.pem'), ok: true, files: { '/certs/ca.pem': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' } },
  { corefile: opt('tls_servername'), ok: false, code: 'forward/missing-value' },
  { corefile: opt('expire 30s\n    max_age 60s'), ok: true },
  { corefile: opt('expire 30s\n    max_age 10s'), ok: false, code: 'forward/max-age-below-expire' },
  { corefile: opt('max_age 0'), ok: true },
  { corefile: opt('expire -1s'), ok: false, code: 'forward/bad-duration' },
  { corefile: opt('max_idle_conns 8'), ok: true },
  { corefile: opt('max_idle_conns -8'), ok: false, code: 'forward/bad-number' },
  { corefile: opt('read_timeout 500ms'), ok: true },
  { corefile: opt('read_timeout 0s'), ok: false, code: 'forward/bad-duration' },
  { corefile: opt('doh_method GET'), ok: true },
  { corefile: opt('doh_method get'), ok: false, code: 'forward/bad-doh-method' },
  { corefile: opt('policy round_robin'), ok: true },
  { corefile: opt('policy least_conn'), ok: false, code: 'forward/bad-policy' },
  { corefile: opt('max_concurrent 1000'), ok: true },
  { corefile: opt('max_concurrent x'), ok: false, code: 'forward/bad-number' },
  { corefile: opt('next nxdomain SERVFAIL notimpl'), ok: true },
  { corefile: opt('next'), ok: false, code: 'forward/missing-value' },
  { corefile: opt('next BOGUS'), ok: false, code: 'forward/bad-rcode' },
  { corefile: opt('next_on_nodata'), ok: true },
  { corefile: opt('failfast_all_unhealthy_upstreams now'), ok: false, code: 'forward/unexpected-value' },
  { corefile: opt('failover SERVFAIL REFUSED'), ok: true },
  { corefile: opt('failover NOERROR'), ok: false, code: 'forward/failover-noerror' },
  { corefile: opt('resolver 10.0.0.10 [2001:db8::1]:53'), ok: true },
  { corefile: opt('resolver dns.google'), ok: false, code: 'forward/bad-resolver' },
  { corefile: opt('resolver'), ok: false, code: 'forward/missing-value' },
  { corefile: opt('source_address 10.1.2.99'), ok: true },
  { corefile: opt('source_address eth0'), ok: false, code: 'forward/bad-source-address' },
  { corefile: opt('spray'), ok: false, code: 'forward/unknown-option' },
  { corefile: opt('max_fails 3\n    max_fails 4'), ok: true },
];

runTable('forward', rows);

test('forward config: stanzas, defaults and options', () => {
  const config = configOf<ForwardConfig>(
    b('  forward example.org tls://10.0.0.1%dns.example.net 10.0.0.2:5300 {\n    policy sequential\n    next SERVFAIL\n  }\n  forward . 10.0.0.3'),
    'forward',
  );
  assert.equal(config.stanzas.length, 2);
  const [first, second] = config.stanzas;
  assert.equal(first!.from, 'example.org.');
  assert.equal(first!.policy, 'sequential');
  assert.deepEqual(first!.next, [2]);
  assert.deepEqual(first!.upstreams.map((u) => [u.transport, u.host, u.port, u.serverName]), [
    ['tls', '10.0.0.1', '853', 'dns.example.net'],
    ['dns', '10.0.0.2', '5300', undefined],
  ]);
  assert.equal(second!.from, '.');
  assert.equal(second!.maxFails, 2);
  assert.equal(second!.expire, 10e9);
});

// Plain-DNS addresses are classified once and shared between blocks; each block must still get its own
// findings, and an upstream read one way in one block must read the same in the next.
test('upstreams repeated across blocks: same classification, findings in every block', () => {
  const blocks = ['a.example', 'b.example', 'c.example'].map((zone) => `${zone} {\n  forward . 10.9.0.1 127.0.0.1 10.9.0.1:5353 tls://10.9.0.1\n}`);
  const analysis = analyze(blocks.join('\n'));
  const loops = analysis.diagnostics.filter((d) => d.code === 'forward/loop-risk');
  assert.deepEqual(loops.map((d) => d.range.start.line), [1, 4, 7]);
  const upstreams = analysis.blocks.map((block) => (block.configs.get('forward') as ForwardConfig).stanzas[0]!.upstreams);
  for (const list of upstreams) {
    assert.deepEqual(list.map((u) => [u.text, u.kind, u.transport, u.host, u.port]), [
      ['10.9.0.1', 'address', 'dns', '10.9.0.1', '53'],
      ['127.0.0.1', 'address', 'dns', '127.0.0.1', '53'],
      ['10.9.0.1:5353', 'address', 'dns', '10.9.0.1', '5353'],
      ['tls://10.9.0.1', 'address', 'tls', '10.9.0.1', '853'],
    ]);
  }
});
