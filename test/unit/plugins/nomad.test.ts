import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NomadConfig } from '../../../server/src/core/plugins/nomad.js';
import { analyze, runTable, type PluginCase } from '../../support/plugin-table.js';

const n = (lines: string): string => `service.nomad {\n  nomad {\n${lines}\n  }\n}\n`;

const rows: PluginCase[] = [
  { corefile: '. {\n  nomad\n}\n', ok: true },
  { corefile: n('    address'), ok: false, code: 'nomad/wrong-argument-count' },
  { corefile: n('    ADDRESS http://127.0.0.1:4646 http://10.0.0.2:4646\n    token t\n    filter "Tags contains web"'), ok: true },
  { corefile: n('    token'), ok: false, code: 'nomad/wrong-argument-count' },
  { corefile: n('    filter a b'), ok: false, code: 'nomad/wrong-argument-count' },
  { corefile: n('    ttl 0'), ok: true },
  { corefile: n('    ttl 3601'), ok: false, code: 'nomad/invalid-ttl' },
  { corefile: n('    ttl 10s'), ok: false, code: 'nomad/invalid-ttl' },
  { corefile: n('    ttl'), ok: false, code: 'nomad/wrong-argument-count' },
  { corefile: n('    region global'), ok: false, code: 'nomad/unknown-option' },
];

runTable('nomad', rows);

test('nomad config is read into its typed form', () => {
  const config = analyze('x {\n  nomad service.dc1.nomad {\n    ttl 5\n  }\n}\n').blocks[0]!.configs.get('nomad') as NomadConfig;
  assert.deepEqual(config, { zone: 'service.dc1.nomad', addresses: [], hasToken: false, ttl: 5 });
});
