// loop: passes queries on; its start-up probe crashes the server when forward leads back to itself.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce } from './engine-harness.js';

describe('loop handler', () => {
  // Corefile, mounted files → reply expected, loop step action
  const rows: Array<[string, Record<string, string>, boolean, string]> = [
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
  for (const [corefile, files, replies, action] of rows) {
    it(`${corefile.replace(/\n\s*/g, ' ')}${Object.keys(files).length > 0 ? ' with resolv.conf' : ''}`, () => {
      const port = corefile.startsWith('.:5353') ? 5353 : 53;
      const a = askOnce(corefile, 'example.org A', { port }, { files, upstream: { 'example.org. A': ['example.org. 60 IN A 192.0.2.1'] } });
      assert.equal(a.reply !== undefined, replies);
      assert.equal(a.actions('loop')[0], action);
    });
  }
});
