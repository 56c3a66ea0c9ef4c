import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Dns64Config } from '../../../server/src/core/plugins/dns64.js';
import { configOf, runTable, type PluginCase } from '../../support/plugin-table.js';

const b = (body: string): string => `. {\n${body}\n}\n`;

const rows: PluginCase[] = [
  { corefile: b('  dns64'), ok: true },
  { corefile: b('  dns64 64:ff9b::/96'), ok: true },
  { corefile: b('  dns64 2001:db8::/32'), ok: true },
  { corefile: b('  dns64 2001:db8::/44'), ok: false, code: 'dns64/bad-prefix-length' },
  { corefile: b('  dns64 64:ff9b::/104'), ok: false, code: 'dns64/bad-prefix-length' },
  { corefile: b('  dns64 10.0.0.0/8'), ok: false, code: 'dns64/bad-prefix' },
  { corefile: b('  dns64 64:ff9b::'), ok: false, code: 'dns64/bad-prefix' },
  { corefile: b('  dns64 a b'), ok: false, code: 'dns64/wrong-arguments' },
  { corefile: b('  dns64 {\n    prefix 64:ff9b:1::/48\n    translate_all\n    allow_ipv4\n  }'), ok: true },
  { corefile: b('  dns64 {\n    prefix\n  }'), ok: false, code: 'dns64/missing-prefix' },
  { corefile: b('  dns64 {\n    nat64\n  }'), ok: false, code: 'dns64/unknown-option' },
  { corefile: b('  dns64 64:ff9b::/96 {\n    translate_all\n  }'), ok: true, warnings: ['dns64/block-ignored'] },
];
runTable('dns64', rows);

test('dns64 config', () => {
  assert.deepEqual(configOf<Dns64Config>(b('  dns64 {\n    prefix 64:ff9b:1::/48\n    translate_all\n  }'), 'dns64'), { prefix: '64:ff9b:1::/48', translateAll: true, allowIpv4: false });
  // The block after a prefix argument is not read as options.
  assert.equal(configOf<Dns64Config>(b('  dns64 64:ff9b::/96 {\n    translate_all\n  }'), 'dns64').translateAll, false);
});
