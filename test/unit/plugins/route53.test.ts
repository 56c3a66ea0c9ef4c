import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Route53Config } from '../../../server/src/core/plugins/route53.js';
import { analyze, runTable, type PluginCase } from '../../support/plugin-table.js';

const r = (lines: string, zones = 'example.org.:Z1'): string => `example.org {\n  route53 ${zones} {\n${lines}\n  }\n}\n`;

const rows: PluginCase[] = [
  { corefile: 'example.org {\n  route53 example.org.:Z1 example.org.:Z2\n}\n', ok: true },
  { corefile: 'example.org {\n  route53 example.org.:\n}\n', ok: false, code: 'route53/invalid-zone' },
  { corefile: 'example.org {\n  route53 example.org.\n}\n', ok: false, code: 'route53/invalid-zone' },
  { corefile: 'example.org {\n  route53 example.org.:Z1 example.org.:Z1\n}\n', ok: false, code: 'route53/conflicting-zone' },
  { corefile: r('    refresh -5s'), ok: false, code: 'route53/invalid-refresh' },
  { corefile: r('    refresh 0'), ok: false, code: 'route53/invalid-refresh' },
  { corefile: r('    refresh 300'), ok: true },
  { corefile: r('    refresh soon'), ok: false, code: 'route53/invalid-refresh' },
  { corefile: r('    refresh'), ok: false, code: 'route53/wrong-argument-count' },
  { corefile: r('    aws_access_key AKIAONLY'), ok: false, code: 'route53/invalid-access-key' },
  { corefile: r('    aws_access_key AKIA SECRET'), ok: true, warnings: ['route53/deprecated-access-key'] },
  { corefile: r('    aws_endpoint'), ok: false, code: 'route53/wrong-argument-count' },
  { corefile: r('    credentials default /root/.aws/credentials\n    fallthrough\n    upstream'), ok: true },
  { corefile: r('    credentials'), ok: false, code: 'route53/wrong-argument-count' },
  { corefile: r('    region eu-west-1'), ok: false, code: 'route53/unknown-option' },
];

runTable('route53', rows);

test('route53 config is read into its typed form', () => {
  const config = analyze(r('    refresh 5m')).blocks[0]!.configs.get('route53') as Route53Config;
  assert.deepEqual(config, { zones: [{ zone: 'example.org.', hostedZoneId: 'Z1' }], refresh: 300e9, fallthrough: [] });
});
