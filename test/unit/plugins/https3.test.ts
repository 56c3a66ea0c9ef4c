import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Https3Config } from '../../../server/src/core/plugins/https3.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('https3', [
  { corefile: '. {\n  https3\n}\n', ok: true },
  { corefile: '. {\n  https3 {\n    max_streams 0\n    max_connections 5\n  }\n}\n', ok: true },
  { corefile: '. {\n  https3 yes\n}\n', ok: false, code: 'https3/wrong-argument-count' },
  { corefile: '. {\n  https3 {\n    max_streams -5\n  }\n}\n', ok: false, code: 'https3/invalid-max-streams' },
  { corefile: '. {\n  https3 {\n    max_connections x\n  }\n}\n', ok: false, code: 'https3/invalid-max-connections' },
  { corefile: '. {\n  https3 {\n    max_streams 1\n    max_streams 1\n  }\n}\n', ok: false, code: 'https3/duplicate-option' },
  { corefile: '. {\n  https3 {\n    worker_pool_size 1\n  }\n}\n', ok: false, code: 'https3/unknown-option' },
]);

test('https3 reads its limits', () => {
  assert.deepEqual(configOf<Https3Config>('. {\n  https3 {\n    max_streams 9\n  }\n}\n', 'https3'), { maxStreams: 9, maxConnections: undefined });
});
