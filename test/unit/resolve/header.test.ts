// header: flags set or cleared on the query before the chain and on the replies written through it.
import { describe } from 'node:test';
import { runRows, type Row } from './support/table.js';

// header rule, query RD → reply flags aa, ra, rd
const cases: Array<[string, boolean, [boolean, boolean, boolean]]> = [
  ['response set ra', true, [true, true, true]],
  ['response clear aa', true, [false, false, true]],
  ['response set ra aa', false, [true, true, false]],
  // The query rule clears RD before whoami copies it into its reply.
  ['query clear rd', true, [true, false, false]],
  ['query set rd', false, [true, false, true]],
];

const rows: Row[] = [
  ...cases.map(([rule, rd, [aa, ra, replyRd]]): Row => ({
    name: `${rule} (query RD ${rd ? 'set' : 'clear'})`,
    bench: `. {\n    header {\n        ${rule}\n    }\n    whoami\n}\n`,
    query: 'example.org A',
    ask: { rd },
    flags: { aa, ra, rd: replyRd },
    answeredBy: 'whoami',
  })),
  {
    name: 'leaves the server\'s own SERVFAIL alone',
    bench: '. {\n    header {\n        response set ra\n    }\n    any\n}\n',
    query: 'example.org A',
    rcode: 'SERVFAIL',
    flags: { ra: false },
  },
];

describe('header handler', () => runRows(rows, { plugin: 'header' }));
