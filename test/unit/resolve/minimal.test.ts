// minimal: positive answers lose their authority and additional sections; denials, delegations and errors
// are passed through whole.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

describe('minimal handler', () => {
  const block = (rcode: string, answer: boolean, authority: string): string =>
    `. {\n    minimal\n    template IN A example.org {\n        ${answer ? 'answer "{{ .Name }} 60 IN A 192.0.2.1"\n        ' : ''}authority "${authority}"\n        additional "ns.example.org. 60 IN A 192.0.2.53"\n        rcode ${rcode}\n    }\n}\n`;
  // Corefile → sizes of answer, authority and additional after minimal
  const rows: Array<[string, string, [number, number, number]]> = [
    ['positive answer', block('NOERROR', true, 'example.org. 60 IN NS ns.example.org.'), [1, 0, 0]],
    ['NODATA (SOA in authority)', block('NOERROR', false, 'example.org. 60 IN SOA ns.example.org. h.example.org. 1 2 3 4 5'), [0, 1, 1]],
    ['delegation (NS in authority)', block('NOERROR', false, 'example.org. 60 IN NS ns.example.org.'), [0, 1, 1]],
    ['NXDOMAIN', block('NXDOMAIN', false, 'example.org. 60 IN SOA ns.example.org. h.example.org. 1 2 3 4 5'), [0, 1, 1]],
  ];
  for (const [label, corefile, sizes] of rows) {
    it(label, () => {
      const a = askOnce(corefile, 'www.example.org A');
      assert.deepEqual([a.answer.length, a.authority.length, a.additional.length], sizes);
      assert.equal(a.answeredBy, 'template');
    });
  }
});
