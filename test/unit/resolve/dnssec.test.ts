// dnssec: DNSKEY at a zone apex is answered from the key files; other queries pass on, and signing for DO
// queries is shown as not simulated.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

const KEY = 'example.org. IN DNSKEY 257 3 13 aGVsbG8gd29ybGQgdGhpcyBpcyBhIHRlc3Qga2V5IGZvciBzaW11bGF0aW9u';
const files = {
  '/etc/coredns/Kexample.org.+013+45330.key': `; This is a key-signing key, keyid 45330, for example.org.\n${KEY}\n`,
  '/etc/coredns/Kexample.org.+013+45330.private': 'Private-key-format: v1.3\n',
};

describe('dnssec handler', () => {
  const corefile = 'example.org {\n    dnssec {\n        key file /etc/coredns/Kexample.org.+013+45330\n    }\n    whoami\n}\n';
  // query, DO bit → answering plugin, answer, dnssec step action
  const rows: Array<[string, boolean, string, string[], string]> = [
    ['example.org DNSKEY', false, 'dnssec', ['example.org. 3600 IN DNSKEY 257 3 13 aGVsbG8gd29ybGQgdGhpcyBpcyBhIHRlc3Qga2V5IGZvciBzaW11bGF0aW9u'], 'answered'],
    ['example.org DNSKEY', true, 'dnssec', ['example.org. 3600 IN DNSKEY 257 3 13 aGVsbG8gd29ybGQgdGhpcyBpcyBhIHRlc3Qga2V5IGZvciBzaW11bGF0aW9u'], 'not-simulated'],
    ['www.example.org DNSKEY', false, 'whoami', [], 'no-effect'],
    ['www.example.org A', false, 'whoami', [], 'no-effect'],
    ['www.example.org A', true, 'whoami', [], 'not-simulated'],
  ];
  for (const [query, doBit, by, answer, action] of rows) {
    it(`${query}${doBit ? ' +dnssec' : ''} → ${by}`, () => {
      const a = askOnce(corefile, query, { do: doBit }, { files });
      assert.deepEqual([a.rcode, a.answeredBy, a.answer, a.actions('dnssec')], ['NOERROR', by, answer, [action]]);
    });
  }
});
