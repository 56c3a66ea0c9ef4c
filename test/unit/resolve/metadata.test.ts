// metadata: makes plugin values available; no effect on the answer.
import { describe } from 'node:test';
import { watcherRows } from './support/common-rows.js';
import { runRows } from './support/table.js';

const rows = watcherRows([
  { directive: 'metadata' },
  { directive: 'metadata example.org', query: 'www.example.org AAAA' },
]);

describe('metadata handler', () => runRows(rows, { plugin: 'metadata' }));
