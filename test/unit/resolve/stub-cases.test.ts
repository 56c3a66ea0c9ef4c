// The stub-glibc-* and stub-musl-* cases of ../shared/cases/resolution: their resolv.conf, resolver,
// environment and query are read in place, and the walk must send exactly the names the real libc sent
// (`expect.tries`). The replies CoreDNS gave each name are not in the case files; they are written here by
// hand from each case's Corefile, cluster.yaml and upstream table, with the reasoning next to them. The
// full engine runs these cases end to end in the scenario tests; this test pins the stub walk alone.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { resolveName, type StubStatus } from '../../../server/src/core/resolve/stub/index.js';
import { sharedAvailable, sharedDir } from '../../support/shared.js';
import { config, fakeSend, type FakeTable } from './stub-fake.js';

interface CaseAnswers {
  replies: FakeTable;
  status: StubStatus;
  errorName?: string;
}

const A = (owner: string, ip: string, ttl = 5): string => `${owner} ${ttl} IN A ${ip}`;
const NX = { rcode: 'NXDOMAIN' as const };

// Replies per case. Every case uses the demo cluster (namespaces default, kube-system, shop, payments,
// data, tools) and, unless noted, the Corefile `.:53 { kubernetes cluster.local ...; forward . 192.0.2.53 }`.
const answers: Record<string, CaseAnswers> = {
  'stub-glibc-002': {
    replies: {
      // Under cluster.local none of these names is a service: kubernetes answers NXDOMAIN.
      'www.example.com.shop.svc.cluster.local.': NX,
      'www.example.com.svc.cluster.local.': NX,
      'www.example.com.cluster.local.': NX,
      // Forwarded; the upstream table has no such name.
      'www.example.com.ec2.internal.': NX,
      'www.example.com.': { answer: [A('www.example.com', '198.51.100.7', 300)], ra: true },
    },
    status: 'success',
  },
  'stub-glibc-003': {
    replies: { 'www.example.com.': { answer: [A('www.example.com', '198.51.100.7', 300)], ra: true } },
    status: 'success',
  },
  'stub-glibc-005': {
    replies: {
      // Read as endpoint "ledger" of service "payments" in namespace shop: no such service.
      'ledger.payments.shop.svc.cluster.local.': NX,
      'ledger.payments.svc.cluster.local.': { answer: [A('ledger.payments.svc.cluster.local', '10.96.22.7')] },
    },
    status: 'success',
  },
  'stub-glibc-008': {
    replies: { 'www.example.com.': { answer: [A('www.example.com', '198.51.100.7', 300)], ra: true } },
    status: 'success',
  },
  'stub-glibc-014': {
    // `domain lab.example` after `search corp.example`: the list is [lab.example]; both names are forwarded
    // and absent upstream.
    replies: { 'intranet.lab.example.': NX, 'intranet.': NX },
    status: 'nxdomain',
    errorName: 'EAI_NONAME',
  },
  'stub-glibc-020': {
    // LOCALDOMAIN puts payments.svc.cluster.local first.
    replies: { 'ledger.payments.svc.cluster.local.': { answer: [A('ledger.payments.svc.cluster.local', '10.96.22.7')] } },
    status: 'success',
  },
  'stub-glibc-022': {
    replies: {
      // db.lab.example has `printer IN TXT "moved"` only: the file plugin answers NODATA (authoritative).
      'printer.lab.example.': { rcode: 'NOERROR' },
      'printer.corp.example.': { answer: [A('printer.corp.example', '10.60.3.3', 300)] },
    },
    status: 'success',
  },
  'stub-glibc-024': {
    // Corefile `cluster.local:53 { kubernetes cluster.local }` only: other names match no block and the
    // server itself answers REFUSED.
    replies: {
      'nosuchthing.shop.svc.cluster.local.': NX,
      'nosuchthing.ec2.internal.': { rcode: 'REFUSED', aa: false },
      'nosuchthing.': { rcode: 'REFUSED', aa: false },
    },
    status: 'again',
    errorName: 'EAI_AGAIN',
  },
  'stub-glibc-025': {
    replies: {
      // `dangling IN CNAME missing.corp.example.` points at a name the zone lacks: NXDOMAIN with the CNAME.
      'dangling.corp.example.': { rcode: 'NXDOMAIN', answer: ['dangling.corp.example. 300 IN CNAME missing.corp.example.'] },
      'dangling.': NX,
    },
    status: 'nxdomain',
    errorName: 'EAI_NONAME',
  },
  'stub-musl-002': {
    // ndots:1 and one dot: only `ledger.payments.`, forwarded and absent upstream.
    replies: { 'ledger.payments.': NX },
    status: 'nxdomain',
    errorName: 'EAI_NONAME',
  },
  'stub-musl-003': {
    // v6only has only an IPv6 ClusterIP: kubernetes answers A with NODATA.
    replies: { 'v6only.shop.svc.cluster.local.': { rcode: 'NOERROR' } },
    status: 'nodata',
    errorName: 'EAI_NODATA',
  },
  'stub-musl-007': {
    replies: { 'www.example.com.': { answer: [A('www.example.com', '198.51.100.7', 300)], ra: true } },
    status: 'success',
  },
  'stub-musl-012': {
    // The search line is longer than 255 bytes, so musl has no search list: only `cart.`, forwarded, absent.
    replies: { 'cart.': NX },
    status: 'nxdomain',
    errorName: 'EAI_NONAME',
  },
  'stub-musl-014': {
    // ExternalName gone-partner → api.retired-partner.example, which the upstream does not know: the
    // CNAME comes back alone with NOERROR.
    replies: { 'gone-partner.payments.svc.cluster.local.': { answer: ['gone-partner.payments.svc.cluster.local. 5 IN CNAME api.retired-partner.example.'] } },
    status: 'nodata',
    errorName: 'EAI_NODATA',
  },
  'stub-musl-015': {
    replies: {
      'www.example.com.shop.svc.cluster.local.': NX,
      'www.example.com.svc.cluster.local.': NX,
      'www.example.com.cluster.local.': NX,
      'www.example.com.ec2.internal.': NX,
      'www.example.com.': { answer: ['www.example.com. 300 IN AAAA 2001:db8:100::7'], ra: true },
    },
    status: 'success',
  },
};

interface Scenario {
  resolvConf?: string;
  resolver?: 'glibc' | 'musl';
  env?: { LOCALDOMAIN?: string; RES_OPTIONS?: string };
  queries?: Array<string | { name: string; type?: string; expect?: { tries?: string[]; rcode?: string } }>;
}

function stubCases(): string[] {
  const root = join(sharedDir, 'cases', 'resolution');
  return readdirSync(root)
    .filter((d) => /^stub-(glibc|musl)-/.test(d))
    .flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith('.dnstest.yaml')).map((f) => join(root, d, f)));
}

const available = sharedAvailable();

describe('shared stub cases: the names sent', { skip: available ? false : '../shared is not present' }, () => {
  const files = available ? stubCases() : [];
  it('there are stub cases to check', () => assert.ok(files.length > 0));
  for (const file of files) {
    const id = file.split('/').at(-2)!;
    it(id, () => {
      const scenario = parse(readFileSync(file, 'utf8')) as Scenario;
      const hand = answers[id];
      assert.ok(hand, `${id}: write the replies of this case into the answers table`);
      const resolver = scenario.resolver ?? 'glibc';
      const text = scenario.resolvConf ? readFileSync(join(dirname(file), scenario.resolvConf), 'utf8') : '';
      for (const q of scenario.queries ?? []) {
        if (typeof q === 'string' || !q.expect?.tries) continue;
        const { send } = fakeSend(hand.replies);
        const result = resolveName({ name: q.name, type: q.type ?? 'A', resolver, config: config(text, resolver, scenario.env ?? {}), send });
        const why = result.tries.map((t) => `${t.name} ${t.rcode}: ${t.why}`).join('\n');
        assert.deepEqual(result.tries.map((t) => t.name), q.expect.tries, why);
        if (q.expect.rcode) assert.equal(result.tries.at(-1)?.rcode, q.expect.rcode, why);
        assert.equal(result.status, hand.status, why);
        assert.equal(result.errorName, hand.errorName, why);
      }
    });
  }
});
