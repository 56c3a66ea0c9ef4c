import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMON_LOG_FORMAT, type LogConfig } from '../../../server/src/core/plugins/log.js';
import { analyze, configOf, runTable, type PluginCase } from '../../support/plugin-table.js';

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

// Blocks whose log line is one rule without a class share one config; a class option in another block with
// the same names and format must not reach them.
test('a class option changes only its own block: shared configs stay as written', () => {
  const corefile = ['a.example {\n  log . {combined}\n}', 'b.example {\n  log . {combined} {\n    class denial\n  }\n}', 'c.example {\n  log . {combined}\n}'].join('\n');
  const [a, b2, c] = analyze(corefile).blocks.map((block) => block.configs.get('log') as LogConfig);
  assert.deepEqual(b2!.rules.map((r) => r.classes), [['denial']]);
  for (const config of [a!, c!]) {
    assert.equal(config.rules.length, 1);
    assert.equal(config.rules[0]!.nameScope, '.');
    assert.ok(config.rules[0]!.format.startsWith(COMMON_LOG_FORMAT));
    assert.deepEqual(config.rules[0]!.classes, ['all']);
  }
});
