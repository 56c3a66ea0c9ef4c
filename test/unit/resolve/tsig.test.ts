// tsig: unsigned queries of required types or opcodes in its zones are refused; others pass on.
import { describe } from 'node:test';
import { runRows, type Row } from './support/table.js';

const block = (require: string, zones = ''): string =>
  `example.org {\n    tsig ${zones}{\n        secret xfr.example.org. c2VjcmV0LWtleS1vbmU=\n        ${require}\n    }\n    whoami\n}\n`;

// require line, zones of tsig, query → rcode, answering plugin
const cases: Array<[string, string, string, string, string]> = [
  ['require AXFR IXFR', '', 'example.org A', 'NOERROR', 'whoami'],
  ['require A', '', 'www.example.org A', 'REFUSED', 'tsig'],
  ['require A', '', 'www.example.org AAAA', 'NOERROR', 'whoami'],
  ['require all', '', 'www.example.org TXT', 'REFUSED', 'tsig'],
  ['require none', '', 'www.example.org TXT', 'NOERROR', 'whoami'],
  ['require all', 'sub.example.org ', 'www.example.org A', 'NOERROR', 'whoami'],
  ['require all', 'sub.example.org ', 'a.sub.example.org A', 'REFUSED', 'tsig'],
];
const rows = cases.map(([require, zones, query, rcode, answeredBy]): Row => ({
  name: `${require}${zones ? ` (zone ${zones.trim()})` : ''}: ${query} → ${rcode}`,
  bench: block(require, zones),
  query,
  rcode,
  answeredBy,
}));

describe('tsig handler', () => runRows(rows, { plugin: 'tsig' }));
