import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubernetesConfig } from '../../../server/src/core/plugins/kubernetes.js';
import { parseLabelSelector } from '../../../server/src/core/plugins/util/query-b-labels.js';
import { analyze, runTable, type PluginCase } from '../../support/plugin-table.js';

const k = (body: string, key = 'cluster.local'): string => `${key} {\n  kubernetes ${body}\n}\n`;
const opt = (lines: string, zones = 'cluster.local'): string => `. {\n  kubernetes ${zones} {\n${lines}\n  }\n}\n`;

const rows: PluginCase[] = [
  { corefile: k(''), ok: true },
  { corefile: k('cluster.local in-addr.arpa ip6.arpa', '.'), ok: true },
  { corefile: k('in-addr.arpa ip6.arpa', '.'), ok: true },
  { corefile: k('10.in-addr.arpa', '.'), ok: false, code: 'kubernetes/no-forward-zone' },
  { corefile: k('10.0.0.0/8', '.'), ok: false, code: 'kubernetes/no-forward-zone' },
  { corefile: k('other.local'), ok: true, warnings: ['kubernetes/zone-outside-block'] },
  { corefile: k('x: cluster.local', '.'), ok: true, warnings: ['kubernetes/ignored-zone'] },
  { corefile: opt('    endpoint http://127.0.0.1:8080\n    pods verified'), ok: true },
  { corefile: opt('    pods'), ok: false, code: 'kubernetes/wrong-argument-count' },
  { corefile: opt('    pods Verified'), ok: false, code: 'kubernetes/invalid-pods-mode' },
  { corefile: opt('    endpoint'), ok: false, code: 'kubernetes/wrong-argument-count' },
  { corefile: opt('    endpoint http://a:1 http://b:1'), ok: true, warnings: ['kubernetes/extra-endpoints'] },
  { corefile: opt('    namespaces'), ok: false, code: 'kubernetes/wrong-argument-count' },
  { corefile: opt('    namespaces default kube-system'), ok: true },
  { corefile: opt('    tls cert key'), ok: false, code: 'kubernetes/wrong-argument-count' },
  { corefile: opt('    tls /c /k /ca'), ok: true, warnings: ['kubernetes/file-not-found'] },
  { corefile: opt('    endpoint_pod_names yes'), ok: false, code: 'kubernetes/wrong-argument-count' },
  { corefile: opt('    labels app=coredns,tier!=cache'), ok: false, code: 'kubernetes/invalid-label-selector' },
  { corefile: opt('    labels app=coredns, tier notin (cache)'), ok: true },
  { corefile: opt('    labels'), ok: false, code: 'kubernetes/wrong-argument-count' },
  { corefile: opt('    namespace_labels team=dns'), ok: true },
  { corefile: opt('    namespace_labels team>3'), ok: false, code: 'kubernetes/invalid-label-selector' },
  { corefile: opt('    namespaces a\n    namespace_labels team=dns'), ok: false, code: 'kubernetes/namespaces-and-namespace-labels' },
  { corefile: opt('    ttl -1'), ok: false, code: 'kubernetes/invalid-ttl' },
  { corefile: opt('    ttl 3601'), ok: false, code: 'kubernetes/invalid-ttl' },
  { corefile: opt('    ttl 5s'), ok: false, code: 'kubernetes/invalid-ttl' },
  { corefile: opt('    ttl'), ok: false, code: 'kubernetes/wrong-argument-count' },
  { corefile: opt('    ttl 0'), ok: true },
  { corefile: opt('    noendpoints\n    zonal'), ok: false, code: 'kubernetes/zonal-with-noendpoints' },
  { corefile: opt('    zonal'), ok: true },
  { corefile: opt('    fallthrough in-addr.arpa'), ok: true },
  { corefile: opt('    ignore'), ok: true },
  { corefile: opt('    ignore empty_service'), ok: true },
  { corefile: opt('    ignore headless'), ok: false, code: 'kubernetes/invalid-ignore' },
  { corefile: opt('    kubeconfig'), ok: false, code: 'kubernetes/wrong-argument-count' },
  { corefile: opt('    kubeconfig /etc/kube.conf ctx'), ok: true, warnings: ['kubernetes/file-not-found'] },
  { corefile: opt('    kubeconfig /etc/kube.conf'), ok: true, files: { '/etc/kube.conf': 'x' } },
  { corefile: opt('    multicluster clusterset.local', 'cluster.local clusterset.local'), ok: true },
  { corefile: opt('    multicluster clusterset.local'), ok: false, code: 'kubernetes/multicluster-zone-not-served' },
  { corefile: opt('    startup_timeout 10s'), ok: true },
  { corefile: opt('    startup_timeout 10'), ok: false, code: 'kubernetes/invalid-startup-timeout' },
  { corefile: opt('    apiserver_qps 20.5\n    apiserver_burst 40\n    apiserver_max_inflight 0'), ok: true },
  { corefile: opt('    apiserver_qps -1'), ok: false, code: 'kubernetes/invalid-number' },
  { corefile: opt('    apiserver_burst x'), ok: false, code: 'kubernetes/invalid-number' },
  { corefile: opt('    apiserver_max_inflight 1 2'), ok: false, code: 'kubernetes/wrong-argument-count' },
  { corefile: opt('    upstream'), ok: false, code: 'version/option-removed' },
  { corefile: opt('    resyncperiod 10s'), ok: false, code: 'version/option-removed' },
  { corefile: '. {\n  kubernetes cluster.local\n  kubernetes other.local\n}\n', ok: false, code: 'core/once-per-block' },
];

runTable('kubernetes', rows);

test('kubernetes config is read into its typed form', () => {
  const analysis = analyze(opt('    pods verified\n    ttl 30\n    fallthrough in-addr.arpa\n    labels app in (web, api)', 'cluster.local 10.0.0.0/8'));
  const config = analysis.blocks[0]!.configs.get('kubernetes') as KubernetesConfig;
  assert.deepEqual(config.zones, ['cluster.local.', '10.in-addr.arpa.']);
  assert.equal(config.primaryZone, 'cluster.local.');
  assert.equal(config.pods, 'verified');
  assert.equal(config.ttl, 30);
  assert.deepEqual(config.fallthrough, ['in-addr.arpa.']);
  assert.deepEqual(config.labels, [{ key: 'app', operator: 'in', values: ['api', 'web'] }]);
});

const selectors: Array<[string, boolean]> = [
  ['a=b', true], ['a==b', true], ['a', true], ['!a', true], ['a in (x,y)', true], ['a notin ()', true],
  ['x in (foo,,baz),y,z notin ()', true], ['example.com/app=web', true], ['a!=b', false], ['a>1', false],
  ['a=', true], ['!a=b', false], ['a b', false], ['a in x', false], ['Bad_/x=y', false], ['-a=b', false],
  ['a=b,', false], ['a=-b', false], ['in in (in)', true],
];
for (const [text, ok] of selectors) {
  test(`label selector '${text}' is ${ok ? 'accepted' : 'refused'}`, () => assert.equal(parseLabelSelector(text).ok, ok));
}
