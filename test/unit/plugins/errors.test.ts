import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorsConfig } from '../../../server/src/core/plugins/errors.js';
import { analyze, configOf, runTable, type PluginCase } from '../../support/plugin-table.js';

const b = (body: string): string => `. {\n${body}\n}\n`;
const c = (line: string): string => b(`  errors {\n    ${line}\n  }`);

const rows: PluginCase[] = [
  { corefile: b('  errors'), ok: true },
  { corefile: b('  errors stdout'), ok: true },
  { corefile: b('  errors stderr'), ok: false, code: 'errors/bad-target' },
  { corefile: b('  errors stdout extra'), ok: false, code: 'errors/wrong-arguments' },
  { corefile: b('  errors\n  errors'), ok: false, code: 'core/once-per-block' },
  { corefile: c('stacktrace'), ok: true },
  { corefile: c('consolidate 30s "^Failed" warning show_first'), ok: true },
  { corefile: c('consolidate 10s .*'), ok: true },
  { corefile: c('consolidate 30s "^Failed" show_first warning'), ok: false, code: 'errors/level-after-show-first' },
  { corefile: c('consolidate 30s "^Failed" info debug'), ok: false, code: 'errors/repeated-level' },
  { corefile: c('consolidate 30s "^Failed" critical'), ok: false, code: 'errors/bad-consolidate-option' },
  { corefile: c('consolidate 30s'), ok: false, code: 'errors/wrong-arguments' },
  { corefile: c('consolidate 30s a b c d'), ok: false, code: 'errors/wrong-arguments' },
  { corefile: c('consolidate 30 ".*"'), ok: false, code: 'errors/bad-duration' },
  { corefile: c('consolidate 30s "(?!x)"'), ok: false, code: 'errors/bad-regex' },
  { corefile: c('verbose'), ok: false, code: 'errors/unknown-option' },
];
runTable('errors', rows);

test('errors config', () => {
  const config = configOf<ErrorsConfig>(c('consolidate 5m "timeout$" info show_first'), 'errors');
  assert.deepEqual(config.consolidate, [{ period: 300e9, pattern: 'timeout$', level: 'info', showFirst: true }]);
});

// Plain `errors` lines share one config; options in another block must not reach it.
test('options change only their own block: the plain config stays plain', () => {
  const corefile = ['a.example {\n  errors\n}', 'b.example {\n  errors {\n    stacktrace\n    consolidate 5m "timeout$"\n  }\n}', 'c.example {\n  errors\n}'].join('\n');
  const [a, b2, c2] = analyze(corefile).blocks.map((block) => block.configs.get('errors') as ErrorsConfig);
  assert.equal(b2!.stacktrace, true);
  assert.equal(b2!.consolidate.length, 1);
  for (const config of [a!, c2!]) assert.deepEqual(config, { stacktrace: false, consolidate: [] });
});
