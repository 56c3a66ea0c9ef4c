// `corefile resolve` and `corefile test` as a user runs them: arguments in, output and exit status out,
// against the CLI contract of DESIGN.md. The commands run in-process through runCli with captured streams.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../server/src/cli/main.js';
import type { ResolutionResult } from '../../server/src/core/resolve/simulate.js';

const root = resolve(__dirname, '../..');
const examples = join(root, 'examples');
let dir = '';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => '' });
  return { status, stdout, stderr };
}

async function json(args: string[]): Promise<ResolutionResult> {
  const result = await run([...args, '--format', 'json']);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as ResolutionResult;
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'corefile-resolve-'));
  writeFileSync(join(dir, 'Corefile'), 'example.org:53 {\n    hosts {\n        192.0.2.1 www.example.org\n    }\n}\n');
  writeFileSync(
    join(dir, 'coredns.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\n  namespace: kube-system\ndata:\n  Corefile: |\n    example.org:53 {\n        file /etc/coredns/db.example.org\n    }\n  db.example.org: |\n    $ORIGIN example.org.\n    @ 3600 IN SOA ns.example.org. admin.example.org. 1 7200 3600 1209600 300\n    @ 3600 IN NS ns.example.org.\n    ns 3600 IN A 192.0.2.53\n    www 300 IN A 192.0.2.80\n',
  );
  writeFileSync(join(dir, 'fails.dnstest.yaml'), 'corefile: ./Corefile\nqueries:\n  - name: www.example.org.\n    expect: { rcode: NXDOMAIN, answeredBy: hosts }\n  - name: api.example.org.\n    expect: { rcode: NOERROR }\n');
  writeFileSync(join(dir, 'broken.dnstest.yaml'), 'corefile: ./Corefile\nresolver: bionic\n');
  writeFileSync(join(dir, 'cluster.yaml'), 'kind: Service\nmetadata: {name: web, namespace: default}\nspec: {clusterIP: 10.96.1.1}\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('corefile resolve', () => {
  test('--help', async () => {
    const r = await run(['resolve', '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: corefile resolve/);
  });

  test('no arguments: the default scenario as a readable trace', async () => {
    const r = await run(['resolve']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Corefile: \(built-in default, kubeadm\)$/m);
    assert.match(r.stdout, /^;; storefront A {2}\(glibc getaddrinfo\)$/m);
    assert.match(r.stdout, /^ {2}1\. storefront\.default\.svc\.cluster\.local\. A -> NOERROR from kubernetes {2}\[block \.:53\]$/m);
    assert.match(r.stdout, /^;; ANSWER SECTION:\nstorefront\.default\.svc\.cluster\.local\. 30 IN A 10\.96\.14\.20$/m);
  });

  test('names and types from the command line, JSON per the contract', async () => {
    const result = await json(['resolve', 'storefront', 'pg-0.pg', 'aaaa']);
    assert.equal(result.version, 1);
    assert.deepEqual(result.results.map((q) => [q.query.name, q.query.type, q.query.resolver]), [
      ['storefront', 'A', 'glibc'],
      ['pg-0.pg', 'AAAA', 'glibc'],
    ]);
    const first = result.results[0]!;
    assert.deepEqual(first.stub, { nameservers: ['10.96.0.10'], search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], ndots: 5, api: 'getaddrinfo' });
    assert.equal(first.tries[0]?.serverBlock, '.:53');
    assert.deepEqual(first.result.answer, ['storefront.default.svc.cluster.local. 30 IN A 10.96.14.20']);
    assert.equal(first.result.stub, 'success');
    assert.ok(first.tries[0]!.steps.some((s) => s.plugin === 'kubernetes' && s.action === 'answered' && s.range !== undefined));
  });

  test('--resolver musl overrides the scenario', async () => {
    const result = await json(['resolve', '--resolver', 'musl', 'payments']);
    assert.equal(result.results[0]?.query.resolver, 'musl');
  });

  test('--scenario with names replaces its queries', async () => {
    const result = await json(['resolve', '--scenario', join(examples, 'shop.dnstest.yaml'), 'cart']);
    assert.deepEqual(result.results.map((q) => q.query.name), ['cart']);
    assert.equal(result.client.pod, 'shop/web-5f7c9d8b6-xk2lp');
    assert.deepEqual(result.results[0]?.tries.map((t) => t.name), ['cart.shop.svc.cluster.local.']);
  });

  test('--corefile with the coredns ConfigMap: its zone file is mounted under /etc/coredns', async () => {
    const result = await json(['resolve', '--corefile', join(dir, 'coredns.yaml'), 'www.example.org.']);
    const q = result.results[0]!;
    assert.equal(q.tries[0]?.answeredBy, 'file');
    assert.deepEqual(q.result.answer, ['www.example.org. 300 IN A 192.0.2.80']);
    // `Corefile: |` is YAML line 7 (1-based), so the Corefile's first line is line 8: 0-based 7.
    assert.deepEqual(result.corefile.embedded, { line: 7, indent: 4 });
  });

  test('--cluster replaces the demo cluster, and the demo client with it', async () => {
    const result = await json(['resolve', '--cluster', join(dir, 'cluster.yaml'), 'web']);
    assert.deepEqual(result.results[0]?.result.answer, ['web.default.svc.cluster.local. 30 IN A 10.96.1.1']);
    assert.equal(result.client.pod, undefined);
  });

  const usage: Array<{ name: string; args: string[]; stderr: RegExp }> = [
    { name: 'an unknown format', args: ['resolve', '--format', 'xml'], stderr: /--format must be text or json/ },
    { name: 'an unknown resolver', args: ['resolve', '--resolver', 'bionic'], stderr: /--resolver must be glibc or musl/ },
    { name: 'an unreadable Corefile', args: ['resolve', '--corefile', '/nonexistent/Corefile'], stderr: /--corefile: cannot read \/nonexistent\/Corefile: no such file/ },
    { name: 'a YAML without the ConfigMap', args: ['resolve', '--corefile', join(examples, 'cluster.yaml')], stderr: /no ConfigMap with a data\.Corefile/ },
    { name: 'a bad scenario names file and field', args: ['resolve', '--scenario', 'BROKEN'], stderr: /broken\.dnstest\.yaml: resolver: 'bionic' is not a resolver/ },
    { name: 'an unknown option', args: ['resolve', '--frob'], stderr: /unknown option '--frob'/ },
  ];
  for (const row of usage) {
    test(`exit 2: ${row.name}`, async () => {
      const args = row.args.map((a) => (a === 'BROKEN' ? join(dir, 'broken.dnstest.yaml') : a));
      const r = await run(args);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, row.stderr);
    });
  }
});

describe('corefile test', () => {
  test('the examples pass', async () => {
    const r = await run(['test', examples]);
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /^ok {4}.*shop\.dnstest\.yaml: storefront A$/m);
    assert.match(r.stdout, /^13 passed, 0 failed\n$/m);
  });

  test('a mismatch prints what differed and exits 1', async () => {
    const r = await run(['test', join(dir, 'fails.dnstest.yaml')]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^FAIL {2}.*fails\.dnstest\.yaml: www\.example\.org\. A\n {6}rcode: expected NXDOMAIN, got NOERROR\n/m);
    assert.match(r.stdout, /^ {8}www\.example\.org\. A -> NOERROR from hosts \[block example\.org\.:53\]$/m);
    assert.match(r.stdout, /^FAIL {2}.*api\.example\.org\. A\n/m);
    assert.match(r.stdout, /0 passed, 2 failed\n$/);
  });

  const usage: Array<{ name: string; args: string[]; stderr: RegExp }> = [
    { name: 'no scenario', args: ['test'], stderr: /name at least one scenario/ },
    { name: 'a missing file', args: ['test', '/nonexistent.dnstest.yaml'], stderr: /cannot read \/nonexistent\.dnstest\.yaml/ },
    { name: 'a broken scenario', args: ['test', 'BROKEN'], stderr: /resolver: 'bionic' is not a resolver/ },
  ];
  for (const row of usage) {
    test(`exit 2: ${row.name}`, async () => {
      const r = await run(row.args.map((a) => (a === 'BROKEN' ? join(dir, 'broken.dnstest.yaml') : a)));
      assert.equal(r.status, 2);
      assert.match(r.stderr, row.stderr);
    });
  }
});
