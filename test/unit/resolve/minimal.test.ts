// minimal: positive answers lose their authority and additional sections; denials, delegations and errors
// are passed through whole.
import { describe } from 'node:test';
import { runRows, type Row } from './support/table.js';

const block = (rcode: string, answer: boolean, authority: string): string =>
  `. {\n    minimal\n    template IN A example.org {\n        ${answer ? 'answer "{{ .Name }} 60 IN A 192.0.2.1"\n        ' : ''}authority "${authority}"\n        additional "ns.example.org. 60 IN A 192.0.2.53"\n        rcode ${rcode}\n    }\n}\n`;
const NS = 'example.org. 60 IN NS ns.example.org.';
const SOA = 'example.org. 60 IN SOA ns.example.org. h.example.org. 1 2 3 4 5';
const GLUE = 'ns.example.org. 60 IN A 192.0.2.53';

const rows: Row[] = [
  { name: 'positive answer', bench: block('NOERROR', true, NS), answer: ['www.example.org. 60 IN A 192.0.2.1'], authority: [], additional: [] },
  { name: 'NODATA (SOA in authority)', bench: block('NOERROR', false, SOA), answer: [], authority: [SOA], additional: [GLUE] },
  { name: 'delegation (NS in authority)', bench: block('NOERROR', false, NS), answer: [], authority: [NS], additional: [GLUE] },
  { name: 'NXDOMAIN', bench: block('NXDOMAIN', false, SOA), answer: [], authority: [SOA], additional: [GLUE] },
].map((row) => ({ ...row, query: 'www.example.org A' }));

describe('minimal handler', () => runRows(rows, { plugin: 'minimal', expect: { answeredBy: 'template' } }));
