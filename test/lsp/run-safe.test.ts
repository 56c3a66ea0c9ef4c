// runSafe turns a failing handler into a log line and a harmless answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSafe } from '../../server/src/lsp/run-safe.js';

const cases: Array<{ name: string; work: () => unknown; expected: unknown; logged: boolean }> = [
  { name: 'a value passes through', work: () => 42, expected: 42, logged: false },
  { name: 'a resolved promise passes through', work: () => Promise.resolve('ok'), expected: 'ok', logged: false },
  { name: 'a throw becomes the fallback', work: () => { throw new Error('boom'); }, expected: 'fallback', logged: true },
  { name: 'a rejection becomes the fallback', work: () => Promise.reject(new Error('boom')), expected: 'fallback', logged: true },
  { name: 'a thrown non-error becomes the fallback', work: () => { throw 'boom'; }, expected: 'fallback', logged: true },
];

for (const c of cases) {
  test(`runSafe: ${c.name}`, async () => {
    const lines: string[] = [];
    const result = await runSafe({ error: (message: string) => lines.push(message) }, 'the test handler', 'fallback', c.work);
    assert.equal(result, c.expected);
    assert.equal(lines.length, c.logged ? 1 : 0);
    if (c.logged) assert.match(lines[0]!, /the test handler failed: .*boom/);
  });
}

test('runSafe: a console that throws does not escape', async () => {
  const result = await runSafe({ error: () => { throw new Error('console gone'); } }, 'x', 'fallback', () => { throw new Error('boom'); });
  assert.equal(result, 'fallback');
});
