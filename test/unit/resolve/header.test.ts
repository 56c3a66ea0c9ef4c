// header: flags set or cleared on the query before the chain and on the replies written through it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

describe('header handler', () => {
  // header block, query RD → reply flags aa, ra, rd
  const rows: Array<[string, boolean, [boolean, boolean, boolean]]> = [
    ['response set ra', true, [true, true, true]],
    ['response clear aa', true, [false, false, true]],
    ['response set ra aa', false, [true, true, false]],
    // The query rule clears RD before whoami copies it into its reply.
    ['query clear rd', true, [true, false, false]],
    ['query set rd', false, [true, false, true]],
  ];
  for (const [rule, rd, [aa, ra, replyRd]] of rows) {
    it(`${rule} (query RD ${rd ? 'set' : 'clear'})`, () => {
      const a = askOnce(`. {\n    header {\n        ${rule}\n    }\n    whoami\n}\n`, 'example.org A', { rd });
      assert.deepEqual([a.reply?.flags.aa, a.reply?.flags.ra, a.reply?.flags.rd], [aa, ra, replyRd]);
      assert.equal(a.answeredBy, 'whoami');
    });
  }

  it('leaves the server\'s own SERVFAIL alone', () => {
    const a = askOnce('. {\n    header {\n        response set ra\n    }\n    any\n}\n', 'example.org A');
    assert.deepEqual([a.rcode, a.reply?.flags.ra], ['SERVFAIL', false]);
  });
});
