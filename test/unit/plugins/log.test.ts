import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMON_LOG_FORMAT, type LogConfig } from '../../../server/src/core/plugins/log.js';
import { configOf, runTable, type PluginCase } from '../../support/plugin-table.js';

const b = (body: string): string => `. {\n${body}\n}\n`;

const rows: PluginCase[] = [
  { corefile: b('  log'), ok: true },
  { corefile: b('  log example.org'), ok: true, noWarnings: ['log/format-as-name'] },
  { corefile: b('  log {common}'), ok: true, warnings: ['log/format-as-name'] },
  { corefile: b('  log . {combined}'), ok: true, noWarnings: ['log/format-as-name'] },
  { corefile: b('  log\n  log example.org'), ok: true },
  { corefile: b('  log {\n    class denial error\n  }'), ok: true },
  { corefile: b('  log {\n    class\n  }'), ok: false, code: 'log/wrong-arguments' },
  { corefile: b('  log {\n    class failure\n  }'), ok: false, code: 'log/bad-class' },
  { corefile: b('  log {\n    class Denial\n  }'), ok: false, code: 'log/bad-class' },
  { corefile: b('  log {\n    format json\n  }'), ok: false, code: 'log/unknown-option' },
];
runTable('log', rows);

test('log config', () => {
  const config = configOf<LogConfig>(b('  log a.example b.example "{name} {rcode}" {\n    class error\n  }\n  log'), 'log');
  assert.deepEqual(config.rules, [
    { nameScope: 'a.example.', format: '{name} {rcode}', classes: ['error'] },
    { nameScope: 'b.example.', format: '{name} {rcode}', classes: ['error'] },
    { nameScope: '.', format: COMMON_LOG_FORMAT, classes: ['all'] },
  ]);
});
