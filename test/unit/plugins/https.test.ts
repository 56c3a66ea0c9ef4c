import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HttpsConfig } from '../../../server/src/core/plugins/https.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('https', [
  { corefile: '. {\n  https\n}\n', ok: true },
  { corefile: '. {\n  https {\n    max_connections 0\n  }\n}\n', ok: true },
  { corefile: '. {\n  https on\n}\n', ok: false, code: 'https/wrong-argument-count' },
  { corefile: '. {\n  https {\n    max_connections -1\n  }\n}\n', ok: false, code: 'https/invalid-max-connections' },
  { corefile: '. {\n  https {\n    max_connections 1\n    max_connections 2\n  }\n}\n', ok: false, code: 'https/duplicate-option' },
  { corefile: '. {\n  https {\n    max_streams 10\n  }\n}\n', ok: false, code: 'https/unknown-option' },
]);

test('https reads max_connections', () => {
  assert.deepEqual(configOf<HttpsConfig>('. {\n  https {\n    max_connections 50\n  }\n}\n', 'https'), { maxConnections: 50 });
});
