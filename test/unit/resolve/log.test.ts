// log: writes a log line per query; no effect on the answer.
import { describe } from 'node:test';
import { watcherRows } from './support/common-rows.js';
import { runRows } from './support/table.js';

const rows = watcherRows([
  { directive: 'log' },
  { directive: 'log . "{type} {name} {rcode}"', query: 'example.org MX' },
  { directive: 'log {\n        class denial error\n    }' },
]);

describe('log handler', () => runRows(rows, { plugin: 'log' }));
