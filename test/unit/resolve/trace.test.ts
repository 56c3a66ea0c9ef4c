// trace: reports spans; no effect on the answer.
import { describe } from 'node:test';
import { watcherRows } from './support/common-rows.js';
import { runRows } from './support/table.js';

const rows = watcherRows([
  { name: 'trace', directive: 'trace', says: /zipkin/ },
  { name: 'trace datadog localhost:8126', directive: 'trace datadog localhost:8126', says: /datadog/ },
]);

describe('trace handler', () => runRows(rows, { plugin: 'trace' }));
