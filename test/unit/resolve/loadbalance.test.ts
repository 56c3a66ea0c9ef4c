// loadbalance: CNAMEs first, other types, then addresses and MX (whose order is random); `prefer` moves
// addresses in preferred networks first; only NOERROR replies are touched.
import { describe } from 'node:test';
import type { Bench } from './support/harness.js';
import { runRows, type Row } from './support/table.js';

const upstream = {
  'mixed.example. A': [
    'mixed.example. 60 IN A 192.0.2.1',
    'mixed.example. 60 IN CNAME other.example.',
    'mixed.example. 60 IN TXT "x"',
    'mixed.example. 60 IN A 10.0.0.2',
  ],
  'v4.example. A': ['v4.example. 60 IN A 192.0.2.1', 'v4.example. 60 IN A 10.0.0.2', 'v4.example. 60 IN A 10.1.0.3'],
  'bad.example. A': { rcode: 'SERVFAIL' },
};
const bench = (directive: string): Bench => ({ corefile: `. {\n    ${directive}\n    forward . 192.0.2.53\n}\n`, upstream });

// directive, query → answer in the order loadbalance leaves it
const cases: Array<[string, string, string[]]> = [
  ['loadbalance', 'mixed.example A', ['mixed.example. 60 IN CNAME other.example.', 'mixed.example. 60 IN TXT "x"', 'mixed.example. 60 IN A 192.0.2.1', 'mixed.example. 60 IN A 10.0.0.2']],
  ['loadbalance {\n        prefer 10.1.0.0/16 10.0.0.0/8\n    }', 'v4.example A', ['v4.example. 60 IN A 10.1.0.3', 'v4.example. 60 IN A 10.0.0.2', 'v4.example. 60 IN A 192.0.2.1']],
  ['loadbalance {\n        prefer 10.0.0.0/8\n    }', 'mixed.example A', ['mixed.example. 60 IN CNAME other.example.', 'mixed.example. 60 IN A 10.0.0.2', 'mixed.example. 60 IN A 192.0.2.1', 'mixed.example. 60 IN TXT "x"']],
];

const rows: Row[] = [
  ...cases.map(([directive, query, answer]): Row => ({
    name: `${directive.split('\n')[0]}${directive.includes('prefer') ? ' prefer' : ''}: ${query}`,
    bench: bench(directive),
    query,
    answer,
    answeredBy: 'forward',
    actions: ['modified'],
    says: [/random/],
  })),
  { name: 'leaves replies other than NOERROR alone', bench: bench('loadbalance'), query: 'bad.example A', rcode: 'SERVFAIL', actions: [] },
];

describe('loadbalance handler', () => runRows(rows, { plugin: 'loadbalance' }));
