// erratic: fixed A/AAAA answers; every Nth query (counting from 0 for the server's life) dropped, delayed or
// truncated; other types SERVFAIL.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ask, serverFor } from './support/harness.js';
import { runRows, type Row } from './support/table.js';

const block = (options: string): string => `. {\n    erratic {\n${options.split('\n').map((o) => `        ${o}\n`).join('')}    }\n}\n`;

// erratic option, query → rcode, answer (each on a fresh server, so the query is number 0)
const cases: Array<[string, string, string, string[]]> = [
  ['drop 0', 'example.org A', 'NOERROR', ['example.org. 0 IN A 192.0.2.53']],
  ['drop 0', 'example.org AAAA', 'NOERROR', ['example.org. 0 IN AAAA 2001:db8::53']],
  ['drop 0', 'example.org TXT', 'SERVFAIL', []],
  ['drop 1', 'example.org A', 'no reply', []],
  ['drop 1', 'example.org TXT', 'no reply', []],
];

const rows: Row[] = [
  ...cases.map(([option, query, rcode, answer]): Row => ({ name: `${option}: ${query} → ${rcode}`, bench: block(option), query, rcode, answer })),
  { name: 'answers 30 A records with large', bench: block('drop 0\nlarge'), query: 'x A', ask: { client: { transport: 'tcp' } }, answerCount: 30 },
];

describe('erratic handler', () => {
  runRows(rows, { plugin: 'erratic', expect: { answeredBy: 'erratic' } });

  // The counter lives as long as the server: these ask one server several times.
  it('drops every second query by default, starting with the first', () => {
    const server = serverFor('. {\n    erratic\n}\n');
    const rcodes = [0, 1, 2, 3].map(() => ask(server, 'example.org A').rcode);
    assert.deepEqual(rcodes, ['no reply', 'NOERROR', 'no reply', 'NOERROR']);
  });

  it('sets TC where the query number has no bit in common with the truncate amount', () => {
    const server = serverFor(block('drop 0\ntruncate 2'));
    const tc = [0, 1, 2, 3].map(() => ask(server, 'example.org A').reply?.flags.tc);
    assert.deepEqual(tc, [true, true, false, false]);
  });
});
