// errors: only logs; the answer is the next plugin's, and the trace says the plugin had no effect.
import { describe } from 'node:test';
import { watcherRows } from './support/common-rows.js';
import { runRows, type Row } from './support/table.js';

const rows: Row[] = [
  ...watcherRows([
    { directive: 'errors' },
    { directive: 'errors {\n        consolidate 5m ".* i/o timeout$" warning\n    }' },
  ]),
  { name: 'does not change an error', bench: '. {\n    errors\n    any\n}\n', query: 'example.org A', rcode: 'SERVFAIL', answeredBy: 'any' },
];

describe('errors handler', () => runRows(rows, { plugin: 'errors' }));
