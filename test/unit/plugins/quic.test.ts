import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { QuicConfig } from '../../../server/src/core/plugins/quic.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('quic', [
  { corefile: '. {\n  quic\n}\n', ok: true },
  { corefile: '. {\n  quic {\n    max_streams 10\n    worker_pool_size 1\n  }\n}\n', ok: true },
  { corefile: '. {\n  quic fast\n}\n', ok: false, code: 'quic/wrong-argument-count' },
  { corefile: '. {\n  quic {\n    max_streams 0\n  }\n}\n', ok: false, code: 'quic/invalid-max-streams' },
  { corefile: '. {\n  quic {\n    worker_pool_size x\n  }\n}\n', ok: false, code: 'quic/invalid-worker-pool-size' },
  { corefile: '. {\n  quic {\n    max_streams\n  }\n}\n', ok: false, code: 'quic/wrong-argument-count' },
  { corefile: '. {\n  quic {\n    max_streams 1\n    max_streams 2\n  }\n}\n', ok: false, code: 'quic/duplicate-option' },
  { corefile: '. {\n  quic {\n    max_connections 10\n  }\n}\n', ok: false, code: 'quic/unknown-option' },
]);

test('quic reads its limits', () => {
  assert.deepEqual(configOf<QuicConfig>('. {\n  quic {\n    max_streams 10\n  }\n}\n', 'quic'), { maxStreams: 10, workerPoolSize: undefined });
});
