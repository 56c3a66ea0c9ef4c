// dnssec: DNSKEY at a zone apex is answered from the key files; other queries pass on, and signing for DO
// queries is shown as not simulated.
import { describe } from 'node:test';
import { runRows, type Row } from './support/table.js';

const KEY = 'example.org. IN DNSKEY 257 3 13 aGVsbG8gd29ybGQgdGhpcyBpcyBhIHRlc3Qga2V5IGZvciBzaW11bGF0aW9u';
const bench = {
  corefile: 'example.org {\n    dnssec {\n        key file /etc/coredns/Kexample.org.+013+45330\n    }\n    whoami\n}\n',
  files: {
    '/etc/coredns/Kexample.org.+013+45330.key': `; This is a key-signing key, keyid 45330, for example.org.\n${KEY}\n`,
    '/etc/coredns/Kexample.org.+013+45330.private': 'Private-key-format: v1.3\n',
  },
};

// query, DO bit → answering plugin, answer, dnssec step action
const cases: Array<[string, boolean, string, string[], string]> = [
  ['example.org DNSKEY', false, 'dnssec', ['example.org. 3600 IN DNSKEY 257 3 13 aGVsbG8gd29ybGQgdGhpcyBpcyBhIHRlc3Qga2V5IGZvciBzaW11bGF0aW9u'], 'answered'],
  ['example.org DNSKEY', true, 'dnssec', ['example.org. 3600 IN DNSKEY 257 3 13 aGVsbG8gd29ybGQgdGhpcyBpcyBhIHRlc3Qga2V5IGZvciBzaW11bGF0aW9u'], 'not-simulated'],
  ['www.example.org DNSKEY', false, 'whoami', [], 'no-effect'],
  ['www.example.org A', false, 'whoami', [], 'no-effect'],
  ['www.example.org A', true, 'whoami', [], 'not-simulated'],
];
const rows = cases.map(([query, doBit, answeredBy, answer, action]): Row => ({
  name: `${query}${doBit ? ' +dnssec' : ''} → ${answeredBy}`,
  query,
  ask: { do: doBit },
  rcode: 'NOERROR',
  answeredBy,
  answer,
  actions: [action],
}));

describe('dnssec handler', () => runRows(rows, { plugin: 'dnssec', bench }));
