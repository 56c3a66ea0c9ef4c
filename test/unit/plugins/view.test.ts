import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ViewConfig } from '../../../server/src/core/plugins/view.js';
import { analyze, runTable, type PluginCase } from '../../support/plugin-table.js';

const block = (lines: string, head = 'v'): string => `example.test {\n  view ${head} {\n${lines}\n  }\n  whoami\n}\n`;

const rows: PluginCase[] = [
  { corefile: '.:1053 {\n  view everyone\n  whoami\n}\n', ok: true },
  { corefile: 'example.test {\n  view\n  whoami\n}\n', ok: false, code: 'view/wrong-argument-count' },
  { corefile: 'example.test {\n  view a b\n  whoami\n}\n', ok: false, code: 'view/wrong-argument-count' },
  { corefile: 'dns://.:5353 {\n  view a\n  view b\n}\n', ok: false, code: 'core/once-per-block' },
  { corefile: block("    expr incidr(client_ip(), '10.0.0.0/8')"), ok: true },
  { corefile: block("    expr name() matches '^abc\\\\..*\\\\.example\\\\.com\\\\.$'"), ok: true },
  { corefile: block("    expr type() in ['A', 'AAAA']\n    expr metadata('geoip/country/code') == 'NL'"), ok: true },
  { corefile: block("    expr \"incidr(client_ip(), '192.168.0.0/16') || do()\""), ok: true },
  { corefile: block('    expr name() =='), ok: false, code: 'view/invalid-expression' },
  { corefile: block("    expr geo_country() == 'NL'"), ok: false, code: 'view/invalid-expression' },
  { corefile: block('    expr'), ok: false, code: 'view/invalid-expression' },
  { corefile: block('    expr type() == "A"'), ok: false, code: 'view/invalid-expression' },
  { corefile: block("    expr port() == 53"), ok: false, code: 'view/invalid-expression' },
  { corefile: block("    expr group('a') == 'x'"), ok: false, code: 'view/invalid-expression' },
  { corefile: block('    expr {$VIEW_EXPR}'), ok: true },
  { corefile: block('    match x'), ok: false, code: 'view/unknown-option' },
];

runTable('view', rows);

test('a double-quoted string literal gets a hint about the Corefile stripping quotes', () => {
  const error = analyze(block('    expr type() == "A"')).diagnostics.find((d) => d.code === 'view/invalid-expression');
  assert.ok(error);
  assert.match(error.message, /unknown name A/);
  assert.match(error.message, /single quotes/);
});

test('view config is read into its typed form', () => {
  const config = analyze(block("    expr incidr(client_ip(), '10.0.0.0/8')\n    expr do()", 'internal')).blocks[0]!.configs.get('view') as ViewConfig;
  assert.deepEqual(config, { name: 'internal', exprs: ["incidr(client_ip(), '10.0.0.0/8')", 'do()'] });
});
