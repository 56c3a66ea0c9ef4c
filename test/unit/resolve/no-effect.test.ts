// Plugins in the query chain whose effect a simulated client cannot see: each leaves one step in the trace
// that says why, on its own line of the Corefile, and the answer is what the plugins after them give.
import { describe } from 'node:test';
import { watcherRows } from './support/common-rows.js';
import { runRows } from './support/table.js';

const cases: Array<{ plugin: string; directive: string; action: string }> = [
  { plugin: 'prometheus', directive: 'prometheus :9153', action: 'no-effect' },
  { plugin: 'cancel', directive: 'cancel 2s', action: 'no-effect' },
  { plugin: 'nsid', directive: 'nsid edge-1', action: 'no-effect' },
  { plugin: 'bufsize', directive: 'bufsize 1232', action: 'no-effect' },
  { plugin: 'shed', directive: 'shed', action: 'no-effect' },
  { plugin: 'geoip', directive: 'geoip /db/GeoLite2-City.mmdb', action: 'not-simulated' },
];

// The step says why in a sentence, not a bare word: more than 20 characters.
const SENTENCE = /.{21}/;

const rows = watcherRows(cases.map((c) => ({ ...c, name: `${c.plugin}: ${c.action}, and whoami still answers`, says: SENTENCE })))
  .map((row) => ({ ...row, lines: [1] }));

describe('plugins whose effect a client cannot see', () => runRows(rows, { ask: { client: { ip: '10.1.2.3' } } }));
