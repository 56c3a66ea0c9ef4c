import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ErraticConfig } from '../../../server/src/core/plugins/erratic.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('erratic', [
  { corefile: '. {\n  erratic\n}\n', ok: true },
  { corefile: '. {\n  erratic ignored words\n}\n', ok: true },
  { corefile: '. {\n  erratic {\n    drop\n    delay\n    truncate\n    large\n  }\n}\n', ok: true },
  { corefile: '. {\n  erratic {\n    delay 3 soon\n  }\n}\n', ok: false, code: 'erratic/invalid-duration' },
  { corefile: '. {\n  erratic {\n    delay 3 1s 2\n  }\n}\n', ok: false, code: 'erratic/wrong-argument-count' },
  { corefile: '. {\n  erratic {\n    drop 1 2\n  }\n}\n', ok: false, code: 'erratic/wrong-argument-count' },
  { corefile: '. {\n  erratic {\n    drop -1\n  }\n}\n', ok: false, code: 'erratic/invalid-amount' },
  { corefile: '. {\n  erratic {\n    truncate 3000000000\n  }\n}\n', ok: false, code: 'erratic/invalid-amount' },
  { corefile: '. {\n  erratic {\n    jitter 5\n  }\n}\n', ok: false, code: 'erratic/unknown-option' },
]);

test('erratic: delay without drop switches dropping off', () => {
  assert.deepEqual(configOf<ErraticConfig>('. {\n  erratic {\n    delay 3 50ms\n  }\n}\n', 'erratic'), { drop: 0, delay: 3, delayNanos: 50e6, truncate: 0, large: false });
  assert.equal(configOf<ErraticConfig>('. {\n  erratic\n}\n', 'erratic').drop, 2);
});
