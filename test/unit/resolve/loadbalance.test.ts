// loadbalance: CNAMEs first, other types, then addresses and MX (whose order is random); `prefer` moves
// addresses in preferred networks first; only NOERROR replies are touched.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

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

describe('loadbalance handler', () => {
  const rows: Array<[string, string, string[]]> = [
    ['loadbalance', 'mixed.example A', ['mixed.example. 60 IN CNAME other.example.', 'mixed.example. 60 IN TXT "x"', 'mixed.example. 60 IN A 192.0.2.1', 'mixed.example. 60 IN A 10.0.0.2']],
    ['loadbalance {\n        prefer 10.1.0.0/16 10.0.0.0/8\n    }', 'v4.example A', ['v4.example. 60 IN A 10.1.0.3', 'v4.example. 60 IN A 10.0.0.2', 'v4.example. 60 IN A 192.0.2.1']],
    ['loadbalance {\n        prefer 10.0.0.0/8\n    }', 'mixed.example A', ['mixed.example. 60 IN CNAME other.example.', 'mixed.example. 60 IN A 10.0.0.2', 'mixed.example. 60 IN A 192.0.2.1', 'mixed.example. 60 IN TXT "x"']],
  ];
  for (const [directive, query, answer] of rows) {
    it(`${directive.split('\n')[0]}${directive.includes('prefer') ? ' prefer' : ''}: ${query}`, () => {
      const a = askOnce(`. {\n    ${directive}\n    forward . 192.0.2.53\n}\n`, query, {}, { upstream });
      assert.deepEqual(a.answer, answer);
      assert.equal(a.answeredBy, 'forward');
      assert.deepEqual(a.actions('loadbalance'), ['modified']);
      assert.match(a.steps.find((s) => s.plugin === 'loadbalance')!.detail, /random/);
    });
  }

  it('leaves replies other than NOERROR alone', () => {
    const a = askOnce('. {\n    loadbalance\n    forward . 192.0.2.53\n}\n', 'bad.example A', {}, { upstream });
    assert.equal(a.rcode, 'SERVFAIL');
    assert.deepEqual(a.actions('loadbalance'), []);
  });
});
