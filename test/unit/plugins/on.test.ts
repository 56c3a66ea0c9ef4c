import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OnConfig } from '../../../server/src/core/plugins/on.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('on', [
  { corefile: '. {\n  on startup echo hello\n}\n', ok: true },
  { corefile: '. {\n  on SHUTDOWN /bin/cleanup &\n  on certrenew reload-certs\n}\n', ok: true },
  { corefile: '. {\n  on\n}\n', ok: false, code: 'on/wrong-argument-count' },
  { corefile: '. {\n  on startup\n}\n', ok: false, code: 'on/missing-command' },
  { corefile: '. {\n  on boot echo hi\n}\n', ok: false, code: 'on/unknown-event' },
  { corefile: ". {\n  on startup echo 'open\n}\n", ok: false, code: 'on/invalid-command' },
]);

test('on splits the command like a shell', () => {
  // The Corefile lexer consumes double quotes, so only single quotes reach the shell splitter.
  assert.deepEqual(configOf<OnConfig>(". {\n  on startup echo 'a b' \"c d\"\n}\n", 'on').hooks, [{ event: 'startup', command: 'echo', args: ['a b', 'c', 'd'] }]);
});
