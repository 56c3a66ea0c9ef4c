// chaos: CH TXT queries for version, authors and host name; everything else passes on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './support/harness.js';
import { runRows, type Row } from './support/table.js';

const block = (directive: string): string => `. {\n    ${directive}\n    whoami\n}\n`;

// Corefile directive, query, class → answering plugin, answer
const cases: Array<[string, string, string, string, string[]]> = [
  ['chaos', 'version.bind TXT', 'CH', 'chaos', ['version.bind. 0 CH TXT "CoreDNS-1.14.7"']],
  ['chaos', 'VERSION.SERVER TXT', 'CH', 'chaos', ['VERSION.SERVER. 0 CH TXT "CoreDNS-1.14.7"']],
  ['chaos MyDNS-2', 'version.bind TXT', 'CH', 'chaos', ['version.bind. 0 CH TXT "MyDNS-2"']],
  ['chaos v1 zed ann zed', 'authors.bind TXT', 'CH', 'chaos', ['authors.bind. 0 CH TXT "ann"', 'authors.bind. 0 CH TXT "zed"']],
  ['chaos', 'version.bind A', 'CH', 'whoami', []],
  ['chaos', 'version.bind TXT', 'IN', 'whoami', []],
  ['chaos', 'other.bind TXT', 'CH', 'whoami', []],
];

const rows: Row[] = [
  ...cases.map(([directive, query, klass, answeredBy, answer]): Row => ({
    name: `${directive}: ${query} ${klass} → ${answeredBy}`,
    bench: block(directive),
    query,
    ask: { class: klass },
    rcode: 'NOERROR',
    answeredBy,
    answer,
  })),
  {
    name: 'says the host name is not known to the scenario',
    bench: '. {\n    chaos\n}\n',
    query: 'hostname.bind TXT',
    ask: { class: 'CH' },
    actions: ['not-simulated'],
    answerCount: 1,
  },
];

describe('chaos handler', () => {
  runRows(rows, { plugin: 'chaos' });

  it('answers authors.bind with the maintainers when none are written', () => {
    const a = askOnce('. {\n    chaos\n}\n', 'authors.bind TXT', { class: 'CH' });
    assert.ok(a.answer.length > 20);
    assert.ok(a.answer.includes('authors.bind. 0 CH TXT "miekg"'));
  });
});
