import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoadbalanceConfig } from '../../../server/src/core/plugins/loadbalance.js';
import { configOf, runTable, type PluginCase } from '../../support/plugin-table.js';

const b = (body: string): string => `. {\n${body}\n}\n`;
const weights = (text: string): Record<string, string> => ({ '/etc/w': text });

const rows: PluginCase[] = [
  { corefile: b('  loadbalance'), ok: true },
  { corefile: b('  loadbalance round_robin'), ok: true },
  { corefile: b('  loadbalance round_robin extra'), ok: false, code: 'loadbalance/wrong-arguments' },
  { corefile: b('  loadbalance random'), ok: false, code: 'loadbalance/unknown-policy' },
  { corefile: b('  loadbalance\n  loadbalance round_robin'), ok: true },
  { corefile: b('  loadbalance {\n    prefer 10.0.0.0/8 2001:db8::/32\n  }'), ok: true },
  { corefile: b('  loadbalance {\n    prefer 10.0.0.0/33\n  }'), ok: false, code: 'loadbalance/bad-cidr' },
  { corefile: b('  loadbalance {\n    prefer 10.0.0.1\n  }'), ok: false, code: 'loadbalance/bad-cidr' },
  { corefile: b('  loadbalance {\n    order 1\n  }'), ok: false, code: 'loadbalance/unknown-option' },
  { corefile: b('  loadbalance weighted'), ok: false, code: 'loadbalance/missing-weight-file' },
  { corefile: b('  loadbalance weighted /etc/w /etc/x'), ok: false, code: 'loadbalance/wrong-arguments' },
  { corefile: b('  loadbalance weighted /etc/w'), ok: true, warnings: ['loadbalance/file-not-found'] },
  { corefile: b('  loadbalance weighted /etc/w {\n    reload 10s\n  }'), ok: true, files: weights('www.example.org\n10.0.0.1 100\n10.0.0.2 10\n') },
  { corefile: b('  loadbalance weighted /etc/w {\n    reload 10\n  }'), ok: false, code: 'loadbalance/bad-duration', files: weights('') },
  { corefile: b('  loadbalance weighted /etc/w {\n    reload\n  }'), ok: false, code: 'loadbalance/wrong-arguments', files: weights('') },
  { corefile: b('  loadbalance weighted /etc/w {\n    prefer 10.0.0.0/8\n  }'), ok: false, code: 'loadbalance/unknown-option', files: weights('') },
  { corefile: b('  loadbalance weighted /etc/w'), ok: false, code: 'loadbalance/bad-weight-file', files: weights('10.0.0.1 5\n') },
  { corefile: b('  loadbalance weighted /etc/w'), ok: false, code: 'loadbalance/bad-weight-file', files: weights('www.example.org\n10.0.0.1 0\n') },
  { corefile: b('  loadbalance weighted /etc/w'), ok: false, code: 'loadbalance/bad-weight-file', files: weights('www.example.org\n10.0.0.1\n') },
];
runTable('loadbalance', rows);

test('loadbalance config', () => {
  const c = configOf<LoadbalanceConfig>(b('  loadbalance weighted /etc/w {\n    reload 0\n  }'), 'loadbalance', weights('a.example\n10.0.0.1 3\n'));
  assert.deepEqual(c, { policy: 'weighted', weightFile: '/etc/w', reload: 0, prefer: [] });
});
