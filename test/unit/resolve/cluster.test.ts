// The cluster model: what CoreDNS keeps of each Kubernetes object, and the indexes the kubernetes
// handler asks. One row per rule of resolution-facts.md §4 and plugin/kubernetes/object/*.go.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildClusterModel, clusterFromText, parseClusterText, type ClusterModel } from '../../../server/src/core/resolve/cluster.js';

const ns = (name: string): object => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const svc = (namespace: string, name: string, spec: object, status?: object): object => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace },
  spec,
  ...(status ? { status } : {}),
});
const slice = (namespace: string, service: string, endpoints: object[], ports: object[] = [], extra: object = {}): object => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: `${service}-abcde`, namespace, labels: { 'kubernetes.io/service-name': service } },
  addressType: 'IPv4',
  endpoints,
  ports,
  ...extra,
});
const pod = (namespace: string, name: string, status: object, metadata: object = {}): object => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, ...metadata },
  status,
});

interface Row {
  rule: string;
  objects: unknown[];
  check: (model: ClusterModel) => unknown;
  expect: unknown;
  problems?: RegExp[];
}

const rows: Row[] = [
  {
    rule: 'clusterIPs wins over clusterIP and keeps both families in order',
    objects: [svc('a', 'dual', { clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1', 'fd00:0:0::1'] })],
    check: (m) => m.service('a', 'dual')?.clusterIPs,
    expect: ['10.0.0.1', 'fd00::1'],
  },
  {
    rule: 'clusterIP alone is used when clusterIPs is absent',
    objects: [svc('a', 'one', { clusterIP: '10.0.0.2' })],
    check: (m) => m.service('a', 'one')?.clusterIPs,
    expect: ['10.0.0.2'],
  },
  {
    rule: 'clusterIP None makes a service headless',
    objects: [svc('a', 'hl', { clusterIP: 'None' })],
    check: (m) => [m.service('a', 'hl')?.headless, m.service('a', 'hl')?.clusterIPs],
    expect: [true, []],
  },
  {
    rule: 'ExternalName keeps its target and has no cluster IP',
    objects: [svc('a', 'ext', { type: 'ExternalName', externalName: 'db.example.org' })],
    check: (m) => [m.service('a', 'ext')?.type, m.service('a', 'ext')?.externalName, m.service('a', 'ext')?.headless],
    expect: ['ExternalName', 'db.example.org', false],
  },
  {
    rule: 'ports keep name, number and protocol; protocol defaults to TCP',
    objects: [svc('a', 'p', { clusterIP: '10.0.0.3', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { port: '8080' }] })],
    check: (m) => m.service('a', 'p')?.ports,
    expect: [
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: '', port: 8080, protocol: 'TCP' },
    ],
  },
  {
    rule: 'external IPs come first, then load-balancer ingress ip or hostname',
    objects: [
      svc('a', 'lb', { type: 'LoadBalancer', clusterIP: '10.0.0.4', externalIPs: ['192.0.2.1'] }, { loadBalancer: { ingress: [{ ip: '198.51.100.1' }, { hostname: 'lb.example.net' }] } }),
    ],
    check: (m) => m.service('a', 'lb')?.externalIPs,
    expect: ['192.0.2.1', '198.51.100.1', 'lb.example.net'],
  },
  {
    rule: 'service lookup ignores letter case',
    objects: [svc('Shop', 'Front', { clusterIP: '10.0.0.5' })],
    check: (m) => m.service('shop', 'front')?.name,
    expect: 'Front',
  },
  {
    rule: 'endpoints: absent ready counts as ready, ready false is left out, slice order kept',
    objects: [
      svc('d', 'pg', { clusterIP: 'None' }),
      slice('d', 'pg', [
        { addresses: ['10.1.0.1'], hostname: 'pg-0', conditions: { ready: true } },
        { addresses: ['10.1.0.2'], conditions: { ready: false } },
        { addresses: ['10.1.0.3'] },
      ]),
    ],
    check: (m) => m.endpointsOf(m.service('d', 'pg')!).map((e) => [e.ip, e.hostname]),
    expect: [
      ['10.1.0.1', 'pg-0'],
      ['10.1.0.3', ''],
    ],
  },
  {
    rule: 'not-ready endpoints stay visible for explanations',
    objects: [svc('d', 'pg', { clusterIP: 'None' }), slice('d', 'pg', [{ addresses: ['10.1.0.2'], conditions: { ready: false } }])],
    check: (m) => m.allEndpointsOf(m.service('d', 'pg')!).map((e) => [e.ip, e.ready]),
    expect: [['10.1.0.2', false]],
  },
  {
    rule: 'an endpoint carries its pod name, shorter than 64 characters only',
    objects: [
      svc('d', 's', { clusterIP: 'None' }),
      slice('d', 's', [
        { addresses: ['10.1.0.4'], targetRef: { kind: 'Pod', name: 'web-1' } },
        { addresses: ['10.1.0.5'], targetRef: { kind: 'Pod', name: 'x'.repeat(64) } },
      ]),
    ],
    check: (m) => m.endpointsOf(m.service('d', 's')!).map((e) => e.podName),
    expect: ['web-1', ''],
  },
  {
    rule: 'an endpoint carries the ports of its slice',
    objects: [svc('d', 's', { clusterIP: 'None' }), slice('d', 's', [{ addresses: ['10.1.0.6'] }], [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'x' }])],
    check: (m) => m.endpointsOf(m.service('d', 's')!)[0]?.ports,
    expect: [
      { name: 'http', port: 80, protocol: 'TCP' },
      { name: 'x', port: -1, protocol: 'TCP' },
    ],
  },
  {
    rule: 'several addresses of one endpoint each become an entry',
    objects: [svc('d', 's', { clusterIP: 'None' }), slice('d', 's', [{ addresses: ['10.1.0.7', '10.1.0.8'], hostname: 'h' }])],
    check: (m) => m.endpointsOf(m.service('d', 's')!).map((e) => `${e.hostname}:${e.ip}`),
    expect: ['h:10.1.0.7', 'h:10.1.0.8'],
  },
  {
    rule: 'a slice without the service-name label is left out',
    objects: [
      svc('d', 's', { clusterIP: 'None' }),
      { kind: 'EndpointSlice', metadata: { name: 'orphan', namespace: 'd' }, addressType: 'IPv4', endpoints: [{ addresses: ['10.1.0.9'] }] },
    ],
    check: (m) => m.endpointsByIp('10.1.0.9').length,
    expect: 0,
    problems: [/kubernetes\.io\/service-name/],
  },
  {
    rule: 'an FQDN slice is left out',
    objects: [slice('d', 's', [{ addresses: ['db.example.org'] }], [], { addressType: 'FQDN' })],
    check: (m) => m.endpointsByIp('db.example.org').length,
    expect: 0,
    problems: [/FQDN/],
  },
  {
    rule: 'legacy Endpoints: addresses are ready, notReadyAddresses are not',
    objects: [
      svc('d', 'old', { clusterIP: 'None' }),
      {
        kind: 'Endpoints',
        metadata: { name: 'old', namespace: 'd' },
        subsets: [{ addresses: [{ ip: '10.2.0.1', hostname: 'a' }], notReadyAddresses: [{ ip: '10.2.0.2' }], ports: [{ name: 'p', port: 1 }] }],
      },
    ],
    check: (m) => [m.endpointsOf(m.service('d', 'old')!).map((e) => e.ip), m.allEndpointsOf(m.service('d', 'old')!).length],
    expect: [['10.2.0.1'], 2],
  },
  {
    rule: 'legacy Endpoints are ignored for a service that has slices',
    objects: [
      svc('d', 's', { clusterIP: 'None' }),
      { kind: 'Endpoints', metadata: { name: 's', namespace: 'd' }, subsets: [{ addresses: [{ ip: '10.2.0.9' }] }] },
      slice('d', 's', [{ addresses: ['10.2.0.8'] }]),
    ],
    check: (m) => m.endpointsOf(m.service('d', 's')!).map((e) => e.ip),
    expect: ['10.2.0.8'],
  },
  {
    rule: 'pods are indexed by status.podIP in any spelling',
    objects: [pod('a', 'p6', { phase: 'Running', podIP: 'fd00:0::5', podIPs: [{ ip: 'fd00::5' }] })],
    check: (m) => m.podsByIp('fd00:0:0:0:0:0:0:5').map((p) => p.name),
    expect: ['p6'],
  },
  {
    rule: 'pods are indexed by podIP only, not the second family',
    objects: [pod('a', 'p', { phase: 'Running', podIP: '10.3.0.1', podIPs: [{ ip: '10.3.0.1' }, { ip: 'fd00::31' }] })],
    check: (m) => [m.podsByIp('10.3.0.1').length, m.podsByIp('fd00::31').length],
    expect: [1, 0],
  },
  {
    rule: 'finished and deleted pods are not seen',
    objects: [
      pod('a', 'done', { phase: 'Succeeded', podIP: '10.3.0.2' }),
      pod('a', 'failed', { phase: 'Failed', podIP: '10.3.0.3' }),
      pod('a', 'going', { phase: 'Running', podIP: '10.3.0.4' }, { deletionTimestamp: '2026-01-01T00:00:00Z' }),
      pod('a', 'pending', { phase: 'Pending', podIP: '10.3.0.5' }),
    ],
    check: (m) => m.pods().map((p) => p.name),
    expect: ['pending'],
  },
  {
    rule: 'reverse indexes: cluster IP, external IP and ready endpoint IP',
    objects: [
      svc('a', 's', { clusterIP: '10.0.0.9', externalIPs: ['192.0.2.9'] }),
      slice('a', 's', [{ addresses: ['10.4.0.1'] }, { addresses: ['10.4.0.2'], conditions: { ready: false } }]),
    ],
    check: (m) => [m.servicesByClusterIp('10.0.0.9').length, m.servicesByExternalIp('192.0.2.9').length, m.endpointsByIp('10.4.0.1').length, m.endpointsByIp('10.4.0.2').length],
    expect: [1, 1, 1, 0],
  },
  {
    rule: 'declared namespaces, and namespaces implied by the objects in them',
    objects: [ns('default'), svc('shop', 's', { clusterIP: '10.0.0.10' })],
    check: (m) => m.namespaces().map((n) => [n.name, n.declared]),
    expect: [
      ['default', true],
      ['shop', false],
    ],
  },
  {
    rule: 'a List is opened, other kinds are skipped',
    objects: [{ apiVersion: 'v1', kind: 'List', items: [ns('x'), { kind: 'ConfigMap', metadata: { name: 'c', namespace: 'x' } }] }],
    check: (m) => m.namespaces().map((n) => n.name),
    expect: ['x'],
  },
  {
    rule: 'a service without a namespace is reported and left out',
    objects: [{ kind: 'Service', metadata: { name: 'lost' }, spec: { clusterIP: '10.0.0.11' } }],
    check: (m) => m.services().length,
    expect: 0,
    problems: [/Service lost has no metadata\.namespace/],
  },
  {
    rule: 'a ClusterIP service without any address is reported',
    objects: [svc('a', 'nip', {})],
    check: (m) => m.service('a', 'nip')?.clusterIPs,
    expect: [],
    problems: [/Service a\/nip has no cluster IP/],
  },
];

describe('cluster model', () => {
  for (const row of rows) {
    it(row.rule, () => {
      const { model, problems } = buildClusterModel(row.objects);
      assert.deepEqual(row.check(model), row.expect);
      assert.equal(problems.length, row.problems?.length ?? 0, problems.join('\n'));
      row.problems?.forEach((re, i) => assert.match(problems[i]!, re));
    });
  }
});

describe('cluster text', () => {
  const texts: Array<{ form: string; text: string; services: number; problems: number }> = [
    {
      form: 'kind: List as kubectl prints it',
      text: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a, namespace: n}\n  spec: {clusterIP: 10.0.0.1}\n',
      services: 1,
      problems: 0,
    },
    {
      form: 'several YAML documents',
      text: 'kind: Service\nmetadata: {name: a, namespace: n}\nspec: {clusterIP: 10.0.0.1}\n---\nkind: Service\nmetadata: {name: b, namespace: n}\nspec: {clusterIP: 10.0.0.2}\n---\n',
      services: 2,
      problems: 0,
    },
    {
      form: 'JSON',
      text: '{"kind":"List","items":[{"kind":"Service","metadata":{"name":"a","namespace":"n"},"spec":{"clusterIP":"10.0.0.1"}}]}',
      services: 1,
      problems: 0,
    },
    { form: 'broken YAML is reported, not thrown', text: 'kind: [unclosed\n', services: 0, problems: 1 },
  ];
  for (const row of texts) {
    it(row.form, () => {
      const { model, problems } = clusterFromText(row.text);
      assert.equal(model.services().length, row.services);
      assert.equal(problems.length, row.problems, problems.join('\n'));
    });
  }
  it('parseClusterText returns one value per non-empty document', () => {
    assert.equal(parseClusterText('a: 1\n---\n---\nb: 2\n').objects.length, 2);
  });
});
