import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PrometheusConfig } from '../../../server/src/core/plugins/prometheus.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('prometheus', [
  { corefile: '. {\n  prometheus\n}\n', ok: true },
  { corefile: '. {\n  prometheus 0.0.0.0:9153 {\n    runtime_metrics\n  }\n}\n', ok: true },
  { corefile: '. {\n  prometheus {\n    tls /etc/coredns/web.yml\n  }\n}\n', ok: true, files: { '/etc/coredns/web.yml': 'tls_server_config: {}\n' } },
  { corefile: '. {\n  prometheus {\n    tls /etc/coredns/web.yml\n  }\n}\n', ok: true, warnings: ['prometheus/file-not-found'] },
  { corefile: '. {\n  prometheus 9153\n}\n', ok: false, code: 'prometheus/invalid-address' },
  { corefile: '. {\n  prometheus :1 :2\n}\n', ok: false, code: 'prometheus/wrong-argument-count' },
  { corefile: '. {\n  prometheus {\n    runtime_metrics all\n  }\n}\n', ok: false, code: 'prometheus/wrong-argument-count' },
  { corefile: '. {\n  prometheus {\n    tls a.yml\n    tls b.yml\n  }\n}\n', ok: false, code: 'prometheus/duplicate-tls' },
  { corefile: '. {\n  prometheus {\n    tls\n  }\n}\n', ok: false, code: 'prometheus/wrong-argument-count' },
  { corefile: '. {\n  prometheus {\n    path /metrics\n  }\n}\n', ok: false, code: 'prometheus/unknown-option' },
  { corefile: '. {\n  prometheus\n  prometheus :9154\n}\n', ok: false, code: 'core/once-per-block' },
]);

test('prometheus defaults to localhost:9153 and the block zones', () => {
  const config = configOf<PrometheusConfig>('example.org {\n  prometheus\n}\n', 'prometheus');
  assert.equal(config.address, 'localhost:9153');
  assert.deepEqual(config.zones, ['example.org.']);
});
