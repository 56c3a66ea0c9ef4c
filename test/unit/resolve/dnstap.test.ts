// dnstap: copies traffic to a sink; no effect on the answer.
import { describe } from 'node:test';
import { watcherRows } from './support/common-rows.js';
import { runRows } from './support/table.js';

const rows = watcherRows([
  { name: 'dnstap tcp://10.0.0.5:6000 full', directive: 'dnstap tcp://10.0.0.5:6000 full', says: /10\.0\.0\.5:6000/ },
  { name: 'dnstap /tmp/dnstap.sock', directive: 'dnstap /tmp/dnstap.sock', says: /dnstap\.sock/ },
]);

describe('dnstap handler', () => runRows(rows, { plugin: 'dnstap' }));
