// any: ANY queries get the RFC 8482 HINFO record; every other type passes on.
import { describe } from 'node:test';
import { runRows, type Row } from './support/table.js';

const cases: Array<[string, string, string[]]> = [
  ['example.org ANY', 'any', ['example.org. 8482 IN HINFO "ANY obsoleted" "See RFC 8482"']],
  ['MiXed.example ANY', 'any', ['MiXed.example. 8482 IN HINFO "ANY obsoleted" "See RFC 8482"']],
  ['example.org A', 'whoami', []],
  ['example.org HINFO', 'whoami', []],
];
const rows = cases.map(([query, answeredBy, answer]): Row => ({ name: `${query} → ${answeredBy}`, query, answeredBy, answer }));

describe('any handler', () => runRows(rows, { plugin: 'any', bench: '. {\n    any\n    whoami\n}\n', expect: { rcode: 'NOERROR' } }));
