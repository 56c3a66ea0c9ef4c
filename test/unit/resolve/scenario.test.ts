// Scenario files: what a *.dnstest.yaml turns into, and the errors a user sees for bad input. Files are
// served by an in-memory host; paths inside the scenario are relative to /s/.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryHost } from '../../../server/src/core/host.js';
import { formatRecord } from '../../../server/src/core/resolve/message.js';
import { loadScenario, type Expectation, type Scenario } from '../../../server/src/core/resolve/scenario.js';
import { checkExpect, type QueryResultJson, type TryJson } from '../../../server/src/core/resolve/simulate.js';
import { defaultScenario, clusterDnsAddress, podResolvConf } from '../../../server/src/core/resolve/default-scenario.js';

const COREFILE = '.:53 {\n    forward . 10.0.0.2\n}\n';
const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
    .:53 {
        file /etc/coredns/db.example.org example.org
    }
  db.example.org: |
    $ORIGIN example.org.
`;

function load(scenario: string, files: Record<string, string> = {}): ReturnType<typeof loadScenario> {
  return loadScenario('/s/t.dnstest.yaml', memoryHost({ '/s/t.dnstest.yaml': scenario, '/s/Corefile': COREFILE, ...files }));
}

function ok(scenario: string, files: Record<string, string> = {}): Scenario {
  const result = load(scenario, files);
  if (!result.ok) assert.fail(result.errors.join('\n'));
  return result.scenario;
}

interface Row {
  what: string;
  scenario: string;
  files?: Record<string, string>;
  check: (s: Scenario) => unknown;
  expect: unknown;
}

const rows: Row[] = [
  { what: 'the Corefile is read relative to the scenario', scenario: 'corefile: ./Corefile\n', check: (s) => [s.corefile.text, s.corefile.path], expect: [COREFILE, '/s/Corefile'] },
  {
    what: 'a ConfigMap YAML gives data.Corefile and mounts its other keys under /etc/coredns',
    scenario: 'corefile: ./coredns.yaml\n',
    files: { '/s/coredns.yaml': CONFIGMAP },
    check: (s) => [s.corefile.text.split('\n')[1]?.trim(), s.corefile.embedded, s.files.readFile('/etc/coredns/db.example.org')],
    expect: ['file /etc/coredns/db.example.org example.org', { line: 7, indent: 4 }, '$ORIGIN example.org.\n'],
  },
  { what: 'no resolvConf: the default pod one is used later', scenario: 'corefile: ./Corefile\n', check: (s) => s.resolvConf, expect: undefined },
  { what: 'resolvConf is read', scenario: 'corefile: ./Corefile\nresolvConf: r.conf\n', files: { '/s/r.conf': 'nameserver 1.1.1.1\n' }, check: (s) => s.resolvConf?.text, expect: 'nameserver 1.1.1.1\n' },
  { what: 'resolver defaults to glibc', scenario: 'corefile: ./Corefile\n', check: (s) => s.resolver, expect: 'glibc' },
  { what: 'resolver musl', scenario: 'corefile: ./Corefile\nresolver: musl\n', check: (s) => s.resolver, expect: 'musl' },
  { what: 'env LOCALDOMAIN and RES_OPTIONS', scenario: 'corefile: ./Corefile\nenv: { LOCALDOMAIN: a b, RES_OPTIONS: "ndots:2" }\n', check: (s) => s.env, expect: { LOCALDOMAIN: 'a b', RES_OPTIONS: 'ndots:2' } },
  { what: 'clientIP is kept in canonical form', scenario: 'corefile: ./Corefile\nclientIP: fd00:0::7\n', check: (s) => s.clientIP, expect: 'fd00::7' },
  {
    what: 'the cluster is read',
    scenario: 'corefile: ./Corefile\ncluster: k.yaml\n',
    files: { '/s/k.yaml': 'kind: Service\nmetadata: {name: a, namespace: n}\nspec: {clusterIP: 10.0.0.1}\n' },
    check: (s) => s.cluster.service('n', 'a')?.clusterIPs,
    expect: ['10.0.0.1'],
  },
  {
    what: 'mounts map the Corefile path to a scenario file',
    scenario: 'corefile: ./Corefile\nmounts:\n  /etc/coredns/db.x: ./zones/db.x\n',
    files: { '/s/zones/db.x': 'zone' },
    check: (s) => s.files.readFile('/etc/coredns/db.x'),
    expect: 'zone',
  },
  {
    what: 'a mounted directory brings all its files',
    scenario: 'corefile: ./Corefile\nmounts:\n  /zones: ./zones\n',
    files: { '/s/zones/db.a': 'a', '/s/zones/sub/db.b': 'b' },
    check: (s) => [s.files.readFile('/zones/db.a'), s.files.readFile('/zones/sub/db.b')],
    expect: ['a', 'b'],
  },
  {
    what: 'upstream: key present gives the records',
    scenario: 'corefile: ./Corefile\nupstream:\n  "api.github.com. A": ["api.github.com. 60 IN A 140.82.112.5"]\n',
    check: (s) => {
      const a = s.upstream.answer('10.0.0.2:53', 'API.github.com.', 'A');
      return [a.rcode, a.answer.map(formatRecord)];
    },
    expect: ['NOERROR', ['api.github.com. 60 IN A 140.82.112.5']],
  },
  {
    what: 'upstream: same name, other type gives NODATA',
    scenario: 'corefile: ./Corefile\nupstream:\n  "api.github.com A": ["api.github.com. 60 IN A 140.82.112.5"]\n',
    check: (s) => s.upstream.answer('10.0.0.2:53', 'api.github.com.', 'AAAA'),
    expect: { rcode: 'NOERROR', answer: [] },
  },
  { what: 'upstream: unknown name gives NXDOMAIN', scenario: 'corefile: ./Corefile\nupstream: {}\n', check: (s) => s.upstream.answer('10.0.0.2:53', 'x.example.', 'A'), expect: { rcode: 'NXDOMAIN', answer: [] } },
  {
    what: 'upstream: an rcode value',
    scenario: 'corefile: ./Corefile\nupstream:\n  "flaky.example. A": { rcode: SERVFAIL }\n',
    check: (s) => s.upstream.answer('10.0.0.2:53', 'flaky.example.', 'A'),
    expect: { rcode: 'SERVFAIL', answer: [] },
  },
  {
    what: 'upstreamByServer answers for its target, upstream for the others',
    scenario: 'corefile: ./Corefile\nupstream:\n  "a.example. A": ["a.example. 1 IN A 192.0.2.1"]\nupstreamByServer:\n  10.9.9.9:\n    "a.example. A": ["a.example. 1 IN A 192.0.2.9"]\n',
    check: (s) => [...s.upstream.answer('10.9.9.9:53', 'a.example.', 'A').answer, ...s.upstream.answer('dns://10.0.0.2', 'a.example.', 'A').answer].map(formatRecord),
    expect: ['a.example. 1 IN A 192.0.2.9', 'a.example. 1 IN A 192.0.2.1'],
  },
  {
    what: 'queries: strings and objects, type defaults to A, expect records are canonical',
    scenario:
      'corefile: ./Corefile\nqueries:\n  - storefront\n  - api.github.com aaaa\n  - name: x.\n    type: SRV\n    expect: { rcode: nxdomain, tries: [x], answer: ["x.  5 in A 10.0.0.1"] }\n',
    check: (s) => s.queries,
    expect: [
      { name: 'storefront', type: 'A' },
      { name: 'api.github.com', type: 'AAAA' },
      { name: 'x.', type: 'SRV', expect: { rcode: 'NXDOMAIN', tries: ['x.'], answer: ['x. 5 IN A 10.0.0.1'] } },
    ],
  },
];

describe('scenario files', () => {
  for (const row of rows) {
    it(row.what, () => assert.deepEqual(row.check(ok(row.scenario, row.files)), row.expect));
  }
});

const bad: Array<{ what: string; scenario: string; files?: Record<string, string>; error: RegExp }> = [
  { what: 'not YAML', scenario: 'corefile: [\n', error: /^\/s\/t\.dnstest\.yaml: not valid YAML/ },
  { what: 'not a mapping', scenario: '- a\n', error: /a scenario is a YAML mapping/ },
  { what: 'corefile missing', scenario: 'queries: [a]\n', error: /corefile: missing/ },
  { what: 'corefile unreadable', scenario: 'corefile: ./nope\n', error: /corefile: cannot read '\.\/nope' \(looked for \/s\/nope\)/ },
  { what: 'YAML without a ConfigMap', scenario: 'corefile: ./x.yaml\n', files: { '/s/x.yaml': 'kind: Service\n' }, error: /no ConfigMap with a data\.Corefile/ },
  { what: 'unknown field', scenario: 'corefile: ./Corefile\nresolvconf: x\n', error: /resolvconf: unknown field/ },
  { what: 'bad resolver', scenario: 'corefile: ./Corefile\nresolver: bionic\n', error: /resolver: 'bionic' is not a resolver/ },
  { what: 'bad env key', scenario: 'corefile: ./Corefile\nenv: { HOSTALIASES: x }\n', error: /env\.HOSTALIASES: the resolvers read only/ },
  { what: 'bad clientIP', scenario: 'corefile: ./Corefile\nclientIP: pod-a\n', error: /clientIP: 'pod-a' is not an IP address/ },
  { what: 'bad upstream key', scenario: 'corefile: ./Corefile\nupstream: { "a.example.": [] }\n', error: /upstream\."a\.example\.": write the key as "NAME TYPE"/ },
  { what: 'bad upstream record', scenario: 'corefile: ./Corefile\nupstream: { "a. A": ["a. IN A"] }\n', error: /upstream\."a\. A"\[0\]:/ },
  { what: 'bad upstream rcode', scenario: 'corefile: ./Corefile\nupstream: { "a. A": { rcode: BROKEN } }\n', error: /upstream\."a\. A": write a list of records, or \{ rcode: X \}/ },
  { what: 'bad query type', scenario: 'corefile: ./Corefile\nqueries: ["a BOGUS"]\n', error: /queries\[0\]: 'BOGUS' is not a record type/ },
  { what: 'query without name', scenario: 'corefile: ./Corefile\nqueries: [{ type: A }]\n', error: /queries\[0\]\.name: the name to look up is missing/ },
  { what: 'bad expect rcode', scenario: 'corefile: ./Corefile\nqueries: [{ name: a, expect: { rcode: OK } }]\n', error: /queries\[0\]\.expect\.rcode: 'OK' is not an rcode/ },
  { what: 'unknown expect field', scenario: 'corefile: ./Corefile\nqueries: [{ name: a, expect: { answers: [] } }]\n', error: /queries\[0\]\.expect\.answers: unknown field/ },
  { what: 'unreadable mount', scenario: 'corefile: ./Corefile\nmounts: { /etc/x: ./x }\n', error: /mounts\."\/etc\/x": cannot read '\.\/x'/ },
];

describe('scenario errors name the file and the field', () => {
  for (const row of bad) {
    it(row.what, () => {
      const result = load(row.scenario, row.files);
      assert.equal(result.ok, false);
      if (!result.ok) assert.ok(result.errors.some((e) => row.error.test(e) && e.startsWith('/s/t.dnstest.yaml: ')), result.errors.join('\n'));
    });
  }
  it('cluster problems are warnings, not errors', () => {
    const result = load('corefile: ./Corefile\ncluster: k.yaml\n', { '/s/k.yaml': 'kind: Service\nmetadata: {name: lost}\n' });
    assert.equal(result.ok, true);
    if (result.ok) assert.match(result.warnings[0] ?? '', /cluster: Service lost has no metadata\.namespace/);
  });
});

describe('default scenario', () => {
  const s = defaultScenario();
  it('has the kube-dns address as the pod nameserver', () => assert.equal(clusterDnsAddress(s.cluster), '10.96.0.10'));
  it('builds the pod resolv.conf of a namespace', () =>
    assert.equal(podResolvConf('default', 'cluster.local', '10.96.0.10').text, 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n'));
  it('has a ClusterIP, a headless and an ExternalName service with endpoints', () => {
    const kinds = s.cluster.services().map((svc) => `${svc.name}:${svc.headless ? 'headless' : svc.type}:${s.cluster.endpointsOf(svc).length}`);
    assert.deepEqual(kinds, ['kubernetes:ClusterIP:0', 'kube-dns:ClusterIP:2', 'storefront:ClusterIP:2', 'pg:headless:2', 'payments:ExternalName:0']);
  });
  it('the client is a known pod', () => assert.equal(s.cluster.podsByIp(s.clientIP ?? '').length, 1));
});

describe('checkExpect compares only what expect names', () => {
  const tryOf = (name: string, rcode: string, answeredBy: string, answer: string[] = []): TryJson => ({
    name, type: 'A', serverBlock: '.:53', answeredBy, rcode, answer, authority: [], additional: [], steps: [], outcome: 'success', why: '',
  });
  const result = (tries: TryJson[]): QueryResultJson => ({
    query: { name: 'web', type: 'A', resolver: 'glibc' },
    stub: { nameservers: [], search: [], ndots: 5, api: 'getaddrinfo' },
    tries,
    result: { rcode: tries.at(-1)?.rcode ?? null, answeredBy: tries.at(-1)?.answeredBy ?? null, answer: tries.at(-1)?.answer ?? [], stub: 'success', addresses: [], explanation: [] },
  });
  const a1 = 'web.ns.svc.cluster.local. 5 IN A 10.0.0.1';
  const a2 = 'web.ns.svc.cluster.local. 5 IN A 10.0.0.2';
  const walk = result([tryOf('web.ns.svc.cluster.local.', 'NXDOMAIN', 'kubernetes'), tryOf('WEB.svc.cluster.local.', 'NOERROR', 'kubernetes', [a1, a2])]);
  const rows: Array<{ what: string; expect: Expectation | undefined; mismatches: RegExp[] }> = [
    { what: 'no expect, nothing to check', expect: undefined, mismatches: [] },
    { what: 'tries match without regard to letter case', expect: { tries: ['web.ns.svc.cluster.local.', 'web.svc.cluster.local.'] }, mismatches: [] },
    { what: 'tries in another order differ', expect: { tries: ['web.svc.cluster.local.', 'web.ns.svc.cluster.local.'] }, mismatches: [/^tries: expected \[web\.svc/] },
    { what: 'rcode and answeredBy are those of the last try', expect: { rcode: 'NOERROR', answeredBy: 'kubernetes' }, mismatches: [] },
    { what: 'a wrong rcode', expect: { rcode: 'NXDOMAIN' }, mismatches: [/^rcode: expected NXDOMAIN, got NOERROR$/] },
    { what: 'a wrong plugin', expect: { answeredBy: 'forward' }, mismatches: [/^answeredBy: expected forward, got kubernetes$/] },
    { what: 'answer in order', expect: { answer: [a1, a2] }, mismatches: [] },
    { what: 'answer in another order differs', expect: { answer: [a2, a1] }, mismatches: [/^answer: expected\n {2}web.*10\.0\.0\.2\n.*\ngot\n/] },
    { what: 'answerSet in any order', expect: { answerSet: [a2, a1] }, mismatches: [] },
    { what: 'answerSet with a missing record', expect: { answerSet: [a1] }, mismatches: [/^answerSet: expected \(in any order\)/] },
    { what: 'an empty answer expected', expect: { answer: [] }, mismatches: [/^answer: expected no records\ngot\n/] },
  ];
  for (const row of rows) {
    it(row.what, () => {
      const got = checkExpect(walk, row.expect);
      assert.equal(got.length, row.mismatches.length, got.join('\n'));
      row.mismatches.forEach((re, i) => assert.match(got[i]!, re));
    });
  }
  it('nothing sent: rcode cannot match', () => assert.deepEqual(checkExpect(result([]), { rcode: 'NOERROR' }), ['rcode: expected NOERROR, got no query sent']));
});
