import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GrpcServerConfig } from '../../../server/src/core/plugins/grpc_server.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('grpc_server', [
  { corefile: '. {\n  grpc_server\n}\n', ok: true },
  { corefile: '. {\n  grpc_server {\n    max_streams 0\n    max_connections 10\n  }\n}\n', ok: true },
  { corefile: '. {\n  grpc_server 5\n}\n', ok: false, code: 'grpc_server/wrong-argument-count' },
  { corefile: '. {\n  grpc_server {\n    max_streams -1\n  }\n}\n', ok: false, code: 'grpc_server/invalid-max-streams' },
  { corefile: '. {\n  grpc_server {\n    max_connections 1 2\n  }\n}\n', ok: false, code: 'grpc_server/wrong-argument-count' },
  { corefile: '. {\n  grpc_server {\n    max_connections 1\n    max_connections 1\n  }\n}\n', ok: false, code: 'grpc_server/duplicate-option' },
  { corefile: '. {\n  grpc_server {\n    worker_pool_size 1\n  }\n}\n', ok: false, code: 'grpc_server/unknown-option' },
]);

test('grpc_server reads its limits', () => {
  assert.deepEqual(configOf<GrpcServerConfig>('. {\n  grpc_server {\n    max_connections 7\n  }\n}\n', 'grpc_server'), { maxStreams: undefined, maxConnections: 7 });
});
