import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DnstapConfig } from '../../../server/src/core/plugins/dnstap.js';
import { configOf, runTable, type PluginCase } from '../../support/plugin-table.js';

const b = (body: string): string => `. {\n${body}\n}\n`;

const rows: PluginCase[] = [
  { corefile: b('  dnstap /tmp/dnstap.sock full'), ok: true },
  { corefile: b('  dnstap tcp://127.0.0.1:6000 brief'), ok: true },
  { corefile: b('  dnstap tcp://127.0.0.1:6000 full 8 100'), ok: true },
  { corefile: b('  dnstap tcp://127.0.0.1:6000 full 8 100 x'), ok: true, warnings: ['dnstap/ignored-arguments'] },
  { corefile: b('  dnstap'), ok: false, code: 'dnstap/wrong-arguments' },
  { corefile: b('  dnstap listen'), ok: false, code: 'dnstap/missing-endpoint' },
  { corefile: b('  dnstap tcp://127.0.0.1:6000 full 0'), ok: false, code: 'dnstap/bad-size' },
  { corefile: b('  dnstap tcp://127.0.0.1:6000 full 1025'), ok: false, code: 'dnstap/bad-size' },
  { corefile: b('  dnstap tcp://127.0.0.1:6000 full 1 4097'), ok: false, code: 'dnstap/bad-size' },
  { corefile: b('  dnstap tls://127.0.0.1:6000 {\n    skipverify\n    identity edge-7\n    version 1.0\n    extra "{qname}"\n  }'), ok: true },
  { corefile: b('  dnstap /tmp/a.sock {\n    tls cert.pem key.pem\n  }'), ok: false, code: 'dnstap/tls-not-listener' },
  { corefile: b('  dnstap listen tls://0.0.0.0:6000 {\n    tls /c.pem\n  }'), ok: false, code: 'dnstap/missing-tls-files' },
  { corefile: b('  dnstap listen tls://0.0.0.0:6000 {\n    tls /c.pem /k.pem\n  }'), ok: true, warnings: ['dnstap/file-not-found'] },
  { corefile: b('  dnstap /tmp/a.sock {\n    identity\n  }'), ok: false, code: 'dnstap/wrong-arguments' },
  { corefile: b('  dnstap /tmp/a.sock {\n    format json\n  }'), ok: false, code: 'dnstap/unknown-option' },
  { corefile: b('  dnstap /tmp/a.sock\n  dnstap tcp://127.0.0.1:6000'), ok: true },
];
runTable('dnstap', rows);

test('dnstap config', () => {
  const c = configOf<DnstapConfig>(b('  dnstap listen tcp://0.0.0.0:6000 full 2 3 {\n    identity edge\n  }\n  dnstap unix:///run/tap.sock'), 'dnstap');
  assert.deepEqual(c.sinks.map((s) => [s.listen, s.transport, s.address, s.full, s.writeBuffer, s.queue, s.identity]), [
    [true, 'tcp', '0.0.0.0:6000', true, 2, 3, 'edge'],
    [false, 'unix', '/run/tap.sock', false, 1, 1, undefined],
  ]);
});
