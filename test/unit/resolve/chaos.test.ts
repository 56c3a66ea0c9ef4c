// chaos: CH TXT queries for version, authors and host name; everything else passes on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

describe('chaos handler', () => {
  const rows: Array<[string, string, string, string, string[]]> = [
    // Corefile directive, query, class → answering plugin, answer
    ['chaos', 'version.bind TXT', 'CH', 'chaos', ['version.bind. 0 CH TXT "CoreDNS-1.14.7"']],
    ['chaos', 'VERSION.SERVER TXT', 'CH', 'chaos', ['VERSION.SERVER. 0 CH TXT "CoreDNS-1.14.7"']],
    ['chaos MyDNS-2', 'version.bind TXT', 'CH', 'chaos', ['version.bind. 0 CH TXT "MyDNS-2"']],
    ['chaos v1 zed ann zed', 'authors.bind TXT', 'CH', 'chaos', ['authors.bind. 0 CH TXT "ann"', 'authors.bind. 0 CH TXT "zed"']],
    ['chaos', 'version.bind A', 'CH', 'whoami', []],
    ['chaos', 'version.bind TXT', 'IN', 'whoami', []],
    ['chaos', 'other.bind TXT', 'CH', 'whoami', []],
  ];
  for (const [directive, query, klass, by, answer] of rows) {
    it(`${directive}: ${query} ${klass} → ${by}`, () => {
      const a = askOnce(`. {\n    ${directive}\n    whoami\n}\n`, query, { class: klass });
      assert.deepEqual([a.rcode, a.answeredBy, a.answer], ['NOERROR', by, answer]);
    });
  }

  it('answers authors.bind with the maintainers when none are written', () => {
    const a = askOnce('. {\n    chaos\n}\n', 'authors.bind TXT', { class: 'CH' });
    assert.ok(a.answer.length > 20);
    assert.ok(a.answer.includes('authors.bind. 0 CH TXT "miekg"'));
  });

  it('says the host name is not known to the scenario', () => {
    const a = askOnce('. {\n    chaos\n}\n', 'hostname.bind TXT', { class: 'CH' });
    assert.deepEqual(a.actions('chaos'), ['not-simulated']);
    assert.equal(a.answer.length, 1);
  });
});
