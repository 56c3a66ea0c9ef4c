// tsig: unsigned queries of required types or opcodes in its zones are refused; others pass on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

describe('tsig handler', () => {
  const block = (require: string, zones = ''): string =>
    `example.org {\n    tsig ${zones}{\n        secret xfr.example.org. c2VjcmV0LWtleS1vbmU=\n        ${require}\n    }\n    whoami\n}\n`;
  const rows: Array<[string, string, string, string]> = [
    [block('require AXFR IXFR'), 'example.org A', 'NOERROR', 'whoami'],
    [block('require A'), 'www.example.org A', 'REFUSED', 'tsig'],
    [block('require A'), 'www.example.org AAAA', 'NOERROR', 'whoami'],
    [block('require all'), 'www.example.org TXT', 'REFUSED', 'tsig'],
    [block('require none'), 'www.example.org TXT', 'NOERROR', 'whoami'],
    [block('require all', 'sub.example.org '), 'www.example.org A', 'NOERROR', 'whoami'],
    [block('require all', 'sub.example.org '), 'a.sub.example.org A', 'REFUSED', 'tsig'],
  ];
  for (const [corefile, query, rcode, by] of rows) {
    it(`${corefile.match(/require [^\n]*/)![0]}${corefile.includes('tsig sub') ? ' (zone sub.example.org)' : ''}: ${query} → ${rcode}`, () => {
      const a = askOnce(corefile, query);
      assert.deepEqual([a.rcode, a.answeredBy], [rcode, by]);
    });
  }
});
