import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TraceConfig } from '../../../server/src/core/plugins/trace.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('trace', [
  { corefile: '. {\n  trace\n}\n', ok: true },
  { corefile: '. {\n  trace datadog\n}\n', ok: true },
  { corefile: '. {\n  trace DATADOG localhost:8126\n}\n', ok: true },
  { corefile: '. {\n  trace zipkin zipkin.corp.example:9411 {\n    every 10\n    service edge-dns\n    client_server\n    datadog_analytics_rate 0.5\n    zipkin_max_backlog_size 10\n    zipkin_max_batch_size 5\n    zipkin_max_batch_interval 1s\n  }\n}\n', ok: true },
  { corefile: '. {\n  trace jaeger localhost:1\n}\n', ok: false, code: 'trace/unsupported-type' },
  { corefile: '. {\n  trace a b c\n}\n', ok: false, code: 'trace/wrong-argument-count' },
  { corefile: '. {\n  trace {\n    every -1\n  }\n}\n', ok: false, code: 'trace/invalid-every' },
  { corefile: '. {\n  trace {\n    every\n  }\n}\n', ok: false, code: 'trace/wrong-argument-count' },
  { corefile: '. {\n  trace {\n    client_server maybe\n  }\n}\n', ok: false, code: 'trace/invalid-client-server' },
  { corefile: '. {\n  trace {\n    datadog_analytics_rate 1.5\n  }\n}\n', ok: false, code: 'trace/invalid-datadog-analytics-rate' },
  { corefile: '. {\n  trace {\n    zipkin_max_batch_size many\n  }\n}\n', ok: false, code: 'trace/invalid-zipkin-max-batch-size' },
  { corefile: '. {\n  trace {\n    zipkin_max_batch_interval 5\n  }\n}\n', ok: false, code: 'trace/invalid-zipkin-max-batch-interval' },
  { corefile: '. {\n  trace {\n    sample 5\n  }\n}\n', ok: false, code: 'trace/unknown-option' },
]);

test('trace: one argument is a zipkin endpoint', () => {
  const c = configOf<TraceConfig>('. {\n  trace datadog\n}\n', 'trace');
  assert.equal(c.endpointType, 'zipkin');
  assert.equal(c.endpoint, 'http://datadog/api/v2/spans');
  assert.equal(configOf<TraceConfig>('. {\n  trace datadog agent:8126\n}\n', 'trace').endpoint, 'agent:8126');
});
