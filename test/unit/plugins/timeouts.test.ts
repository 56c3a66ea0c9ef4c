import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimeoutsConfig } from '../../../server/src/core/plugins/timeouts.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('timeouts', [
  { corefile: '. {\n  timeouts {\n    read 10s\n    write 20s\n    idle 60s\n  }\n}\n', ok: true },
  { corefile: '. {\n  timeouts {\n    idle 30\n  }\n}\n', ok: true },
  { corefile: '. {\n  timeouts {\n    read 1s\n    write 24h\n  }\n}\n', ok: true },
  { corefile: '. {\n  timeouts {\n    maxtcpqueries -1\n  }\n}\n', ok: true },
  { corefile: '. {\n  timeouts {\n    read 1s\n  }\n  timeouts {\n    idle 5s\n  }\n}\n', ok: true },
  { corefile: '. {\n  timeouts {\n    maxtcpqueries 0\n  }\n}\n', ok: false, code: 'timeouts/invalid-maxtcpqueries' },
  { corefile: '. {\n  timeouts {\n    maxtcpqueries -2\n  }\n}\n', ok: false, code: 'timeouts/invalid-maxtcpqueries' },
  { corefile: '. {\n  timeouts 10s\n}\n', ok: false, code: 'timeouts/wrong-argument-count' },
  { corefile: '. {\n  timeouts\n}\n', ok: false, code: 'timeouts/empty' },
  { corefile: '. {\n  timeouts {\n  }\n}\n', ok: false, code: 'timeouts/empty' },
  { corefile: '. {\n  timeouts {\n    dial 10s\n  }\n}\n', ok: false, code: 'timeouts/unknown-option' },
  { corefile: '. {\n  timeouts {\n    read\n  }\n}\n', ok: false, code: 'timeouts/wrong-argument-count' },
  { corefile: '. {\n  timeouts {\n    read 500ms\n  }\n}\n', ok: false, code: 'timeouts/out-of-range' },
  { corefile: '. {\n  timeouts {\n    read 25h\n  }\n}\n', ok: false, code: 'timeouts/out-of-range' },
  { corefile: '. {\n  timeouts {\n    read soon\n  }\n}\n', ok: false, code: 'timeouts/invalid-duration' },
]);

test('timeouts: bare numbers are seconds', () => {
  assert.deepEqual(configOf<TimeoutsConfig>('. {\n  timeouts {\n    idle 30\n    maxtcpqueries 5\n  }\n}\n', 'timeouts'), { readNanos: undefined, writeNanos: undefined, idleNanos: 30e9, maxTcpQueries: 5 });
});
