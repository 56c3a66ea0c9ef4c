import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { K8sExternalConfig } from '../../../server/src/core/plugins/k8s_external.js';
import { analyze, runTable, type PluginCase } from '../../support/plugin-table.js';

const block = (lines: string, args = 'example.org'): string => `. {\n  kubernetes cluster.local\n  k8s_external ${args} {\n${lines}\n  }\n}\n`;

const rows: PluginCase[] = [
  { corefile: '. {\n  kubernetes cluster.local\n  k8s_external example.org\n}\n', ok: true },
  { corefile: '. {\n  k8s_external example.org\n}\n', ok: false, code: 'k8s_external/needs-kubernetes' },
  { corefile: block('    ttl 30\n    apex ns\n    headless\n    fallthrough'), ok: true },
  { corefile: block('    ttl 3601'), ok: false, code: 'k8s_external/invalid-ttl' },
  { corefile: block('    ttl -1'), ok: false, code: 'k8s_external/invalid-ttl' },
  { corefile: block('    ttl abc'), ok: false, code: 'k8s_external/invalid-ttl' },
  { corefile: block('    ttl'), ok: false, code: 'k8s_external/wrong-argument-count' },
  { corefile: block('    apex'), ok: false, code: 'k8s_external/wrong-argument-count' },
  { corefile: block('    headless yes'), ok: false, code: 'k8s_external/unknown-option' },
  { corefile: block('    wildcard'), ok: false, code: 'k8s_external/unknown-option' },
  { corefile: '. {\n  kubernetes cluster.local\n  k8s_external a.org\n  k8s_external b.org\n}\n', ok: true },
];

runTable('k8s_external', rows);

test('k8s_external config is read into its typed form', () => {
  const config = analyze(block('    ttl 30\n    headless')).blocks[0]!.configs.get('k8s_external') as K8sExternalConfig;
  assert.deepEqual(config, { zones: ['example.org.'], ttl: 30, apex: 'dns', headless: true, fallthrough: [] });
});
