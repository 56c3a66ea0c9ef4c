// loop: passes queries on; its start-up probe crashes the server when forward leads back to itself.
import { describe } from 'node:test';
import { runRows, type Row } from './support/table.js';

// Corefile, mounted files → reply expected, first loop step action
const cases: Array<[string, Record<string, string>, boolean, string]> = [
  ['. {\n    loop\n    whoami\n}\n', {}, true, 'no-effect'],
  ['. {\n    loop\n    forward . 127.0.0.1\n}\n', {}, false, 'error'],
  ['. {\n    loop\n    forward . 127.0.0.1:5353\n}\n', {}, true, 'no-effect'],
  ['.:5353 {\n    loop\n    forward . 127.0.0.1:5353\n}\n', {}, false, 'error'],
  ['. {\n    loop\n    forward . /etc/resolv.conf\n}\n', { '/etc/resolv.conf': 'nameserver 127.0.0.53\n' }, false, 'error'],
  ['. {\n    loop\n    forward . /etc/resolv.conf\n}\n', { '/etc/resolv.conf': 'nameserver 10.0.0.2\n' }, true, 'no-effect'],
  // Only one of two upstreams loops: CoreDNS may or may not exit, the trace says so.
  ['. {\n    loop\n    forward . 127.0.0.1 10.0.0.2\n}\n', {}, true, 'no-effect'],
  ['example.org {\n    loop\n    forward . 127.0.0.1\n}\n. {\n    whoami\n}\n', {}, false, 'error'],
];

// The query goes to the Corefile's first listener (port 5353 for the `.:5353` block).
const rows = cases.map(([corefile, files, replied, action]): Row => ({
  name: `${corefile.replace(/\n\s*/g, ' ')}${Object.keys(files).length > 0 ? ' with resolv.conf' : ''}`,
  bench: { corefile, files, upstream: { 'example.org. A': ['example.org. 60 IN A 192.0.2.1'] } },
  query: 'example.org A',
  replied,
  firstAction: action,
}));

describe('loop handler', () => runRows(rows, { plugin: 'loop' }));
