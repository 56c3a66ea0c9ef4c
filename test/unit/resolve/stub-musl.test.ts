// musl's stub resolver, one row per rule of resolution-facts.md §3, plus the corners read from musl's
// source (lookup_name.c, res_msend.c, res_query.c, res_mkquery.c, lookup_ipliteral.c). Rows marked
// "glibc differs" have a glibc twin at the end that shows the difference on the same replies.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRow, POD_SHOP, type StubRow } from './stub-fake.js';

const A = (owner: string, ip: string): string => `${owner} 5 IN A ${ip}`;
const NODATA = { rcode: 'NOERROR' as const };
const K8S_EC2 = 'search shop.svc.cluster.local svc.cluster.local cluster.local ec2.internal\nnameserver 10.96.0.10\noptions ndots:5\n';
const NDOTS1 = 'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:1\n';

const rows: StubRow[] = [
  {
    rule: 'a trailing dot: only the name as written',
    conf: K8S_EC2,
    name: 'www.example.com.',
    replies: { 'www.example.com.': { answer: [A('www.example.com', '198.51.100.7')] } },
    tries: ['www.example.com.'],
    status: 'success',
    addresses: ['198.51.100.7'],
  },
  {
    rule: 'dots >= ndots: only the name as written, no fallback to the search list (glibc differs)',
    conf: NDOTS1,
    name: 'ledger.payments',
    replies: { 'ledger.payments.svc.cluster.local.': { answer: [A('ledger.payments.svc.cluster.local', '10.96.22.7')] } },
    tries: ['ledger.payments.'],
    status: 'nxdomain',
    errorName: 'EAI_NONAME',
  },
  {
    rule: 'ndots:0: every name is sent only as written',
    conf: 'search a.example\noptions ndots:0\n',
    name: 'x',
    tries: ['x.'],
    status: 'nxdomain',
    errorName: 'EAI_NONAME',
  },
  {
    rule: 'dots < ndots: each search domain, then the name as written',
    conf: K8S_EC2,
    name: 'www.example.com',
    type: 'AAAA',
    replies: { 'www.example.com.': { answer: ['www.example.com. 300 IN AAAA 2001:db8:100::7'] } },
    tries: ['www.example.com.shop.svc.cluster.local.', 'www.example.com.svc.cluster.local.', 'www.example.com.cluster.local.', 'www.example.com.ec2.internal.', 'www.example.com.'],
    status: 'success',
    addresses: ['2001:db8:100::7'],
  },
  {
    rule: 'NXDOMAIN goes on, addresses stop the walk',
    conf: POD_SHOP,
    name: 'ledger.payments',
    replies: { 'ledger.payments.svc.cluster.local.': { answer: [A('ledger.payments.svc.cluster.local', '10.96.22.7')] } },
    tries: ['ledger.payments.shop.svc.cluster.local.', 'ledger.payments.svc.cluster.local.'],
    status: 'success',
    addresses: ['10.96.22.7'],
  },
  {
    rule: 'NXDOMAIN everywhere: EAI_NONAME',
    conf: 'search a.example b.example\n',
    name: 'x',
    tries: ['x.a.example.', 'x.b.example.', 'x.'],
    status: 'nxdomain',
    errorName: 'EAI_NONAME',
  },
  {
    rule: 'NODATA stops the walk with EAI_NODATA (glibc differs)',
    conf: 'search lab.example corp.example\n',
    name: 'printer',
    replies: { 'printer.lab.example.': NODATA, 'printer.corp.example.': { answer: [A('printer.corp.example', '10.60.3.3')] } },
    tries: ['printer.lab.example.'],
    outcomes: ['nodata'],
    status: 'nodata',
    errorName: 'EAI_NODATA',
  },
  {
    rule: 'a CNAME alone stops the walk with EAI_NODATA',
    conf: 'search payments.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n',
    name: 'gone-partner',
    replies: { 'gone-partner.payments.svc.cluster.local.': { answer: ['gone-partner.payments.svc.cluster.local. 5 IN CNAME api.retired-partner.example.'] } },
    tries: ['gone-partner.payments.svc.cluster.local.'],
    outcomes: ['no-address'],
    status: 'nodata',
    errorName: 'EAI_NODATA',
  },
  {
    rule: 'SERVFAIL stops the walk with EAI_AGAIN (glibc differs)',
    conf: 'search a.example b.example\n',
    name: 'x',
    replies: { 'x.a.example.': { rcode: 'SERVFAIL' }, 'x.b.example.': { answer: [A('x.b.example', '10.0.0.2')] } },
    tries: ['x.a.example.'],
    outcomes: ['servfail'],
    status: 'again',
    errorName: 'EAI_AGAIN',
  },
  {
    rule: 'REFUSED is ignored as a reply: the timeout ends the lookup with EAI_AGAIN',
    conf: 'search a.example b.example\n',
    name: 'x',
    replies: { 'x.a.example.': { rcode: 'REFUSED' }, 'x.': { answer: [A('x', '10.0.0.3')] } },
    tries: ['x.a.example.'],
    outcomes: ['refused'],
    status: 'again',
    errorName: 'EAI_AGAIN',
  },
  {
    rule: 'FORMERR is ignored like REFUSED',
    conf: 'search a.example\n',
    name: 'x',
    replies: { 'x.a.example.': { rcode: 'FORMERR' } },
    tries: ['x.a.example.'],
    outcomes: ['error-rcode'],
    status: 'again',
    errorName: 'EAI_AGAIN',
  },
  {
    rule: 'no reply: EAI_AGAIN',
    conf: 'search a.example\n',
    name: 'x',
    replies: { 'x.a.example.': 'timeout' },
    tries: ['x.a.example.'],
    outcomes: ['no-reply'],
    status: 'again',
    errorName: 'EAI_AGAIN',
  },
  {
    rule: 'an empty NOERROR without AA or RA is plain NODATA to musl (no lame-server check)',
    conf: 'search a.example b.example\n',
    name: 'x',
    replies: { 'x.a.example.': { aa: false, ra: false } },
    tries: ['x.a.example.'],
    outcomes: ['nodata'],
    status: 'nodata',
    errorName: 'EAI_NODATA',
  },
  {
    rule: 'every address of the asked type counts, whoever owns it (glibc differs)',
    conf: 'search a.example\n',
    name: 'web',
    replies: { 'web.a.example.': { answer: [A('other.example', '10.0.0.1')] } },
    tries: ['web.a.example.'],
    status: 'success',
    addresses: ['10.0.0.1'],
  },
  {
    rule: 'at most 48 addresses',
    conf: POD_SHOP,
    name: 'big.example.',
    replies: { 'big.example.': { answer: Array.from({ length: 60 }, (_, i) => A('big.example', `10.1.0.${i + 1}`)) } },
    tries: ['big.example.'],
    status: 'success',
    addresses: Array.from({ length: 48 }, (_, i) => `10.1.0.${i + 1}`),
  },
  // What musl reads from resolv.conf, seen through the walk.
  {
    rule: 'domain is the same as search: every word counts',
    conf: 'domain a.example b.example\n',
    name: 'x',
    tries: ['x.a.example.', 'x.b.example.', 'x.'],
    status: 'nxdomain',
    errorName: 'EAI_NONAME',
  },
  {
    rule: 'a search line of 255 bytes or more is dropped: no search list at all',
    conf: `search shop.svc.cluster.local ${Array.from({ length: 5 }, (_, i) => `team0${i + 1}.division-of-engineering.internal.example.org`).join(' ')}\noptions ndots:5\n`,
    name: 'cart',
    tries: ['cart.'],
    status: 'nxdomain',
    errorName: 'EAI_NONAME',
  },
  {
    rule: 'LOCALDOMAIN is ignored',
    conf: 'search a.example\n',
    env: { LOCALDOMAIN: 'b.example' },
    name: 'x',
    tries: ['x.a.example.', 'x.'],
    status: 'nxdomain',
    errorName: 'EAI_NONAME',
  },
  {
    rule: 'no-tld-query is ignored: the single label goes out last',
    conf: 'search a.example\noptions no-tld-query\n',
    name: 'x',
    tries: ['x.a.example.', 'x.'],
    status: 'nxdomain',
    errorName: 'EAI_NONAME',
  },
  {
    rule: 'a "." entry cannot be appended (two dots): it is skipped',
    conf: 'search a.example . b.example\n',
    name: 'x',
    tries: ['x.a.example.', 'x.b.example.', 'x.'],
    status: 'nxdomain',
    errorName: 'EAI_NONAME',
  },
  {
    rule: 'a search domain that does not fit with the name in 255 bytes is skipped',
    conf: `search ${'d'.repeat(60)} b.example\noptions ndots:15\n`,
    name: `${'x'.repeat(49)}.${'x'.repeat(49)}.${'x'.repeat(49)}.${'x'.repeat(49)}`,
    tries: [`${'x'.repeat(49)}.${'x'.repeat(49)}.${'x'.repeat(49)}.${'x'.repeat(49)}.b.example.`, `${'x'.repeat(49)}.${'x'.repeat(49)}.${'x'.repeat(49)}.${'x'.repeat(49)}.`],
    status: 'nxdomain',
    errorName: 'EAI_NONAME',
  },
  {
    rule: 'two trailing dots: EAI_NONAME without a query',
    conf: POD_SHOP,
    name: 'x..',
    tries: [],
    status: 'nxdomain',
    errorName: 'EAI_NONAME',
  },
  // Other types: res_search is res_query.
  {
    rule: 'SRV gets no search list at all (glibc differs)',
    conf: POD_SHOP,
    name: '_http._tcp.storefront',
    type: 'SRV',
    replies: { '_http._tcp.storefront.shop.svc.cluster.local.': { answer: ['_http._tcp.storefront.shop.svc.cluster.local. 5 IN SRV 0 100 80 storefront.shop.svc.cluster.local.'] } },
    tries: ['_http._tcp.storefront.'],
    status: 'nxdomain',
    errorName: 'HOST_NOT_FOUND',
  },
  {
    rule: 'res_query: NODATA is NO_DATA',
    conf: POD_SHOP,
    name: 'storefront.shop.svc.cluster.local.',
    type: 'TXT',
    replies: { 'storefront.shop.svc.cluster.local.': NODATA },
    tries: ['storefront.shop.svc.cluster.local.'],
    status: 'nodata',
    errorName: 'NO_DATA',
  },
  {
    rule: 'res_query: SERVFAIL is TRY_AGAIN',
    conf: POD_SHOP,
    name: 'flaky.example.',
    type: 'TXT',
    replies: { 'flaky.example.': { rcode: 'SERVFAIL' } },
    tries: ['flaky.example.'],
    status: 'again',
    errorName: 'TRY_AGAIN',
  },
  {
    rule: 'res_query: a CNAME alone is a success',
    conf: POD_SHOP,
    name: 'alias.example.',
    type: 'TXT',
    replies: { 'alias.example.': { answer: ['alias.example. 5 IN CNAME target.example.'] } },
    tries: ['alias.example.'],
    status: 'success',
  },
  {
    rule: 'PTR is a plain res_query',
    conf: POD_SHOP,
    name: '20.14.96.10.in-addr.arpa',
    type: 'PTR',
    replies: { '20.14.96.10.in-addr.arpa.': { answer: ['20.14.96.10.in-addr.arpa. 5 IN PTR storefront.shop.svc.cluster.local.'] } },
    tries: ['20.14.96.10.in-addr.arpa.'],
    status: 'success',
  },
  // Before any query.
  {
    rule: 'an IPv4 literal is answered without a query',
    conf: POD_SHOP,
    name: '10.96.0.1',
    tries: [],
    status: 'success',
    addresses: ['10.96.0.1'],
  },
  {
    rule: 'an IPv4 literal asked for AAAA: EAI_NODATA',
    conf: POD_SHOP,
    name: '10.96.0.1',
    type: 'AAAA',
    tries: [],
    status: 'nodata',
    errorName: 'EAI_NODATA',
  },
  {
    rule: 'timeout:0 sends nothing: EAI_AGAIN',
    conf: 'search a.example\noptions timeout:0\n',
    name: 'x',
    tries: [],
    status: 'again',
    errorName: 'EAI_AGAIN',
  },
  {
    rule: 'attempts:0 divides by zero: the program crashes',
    conf: 'search a.example\noptions attempts:0\n',
    name: 'x',
    tries: [],
    status: 'fail',
    errorName: 'SIGFPE',
  },
];

/** The same replies through glibc, where the two libcs part ways. */
const glibcTwins: StubRow[] = [
  {
    rule: 'dots >= ndots: glibc falls back to the search list',
    conf: NDOTS1,
    name: 'ledger.payments',
    replies: { 'ledger.payments.svc.cluster.local.': { answer: [A('ledger.payments.svc.cluster.local', '10.96.22.7')] } },
    tries: ['ledger.payments.', 'ledger.payments.shop.svc.cluster.local.', 'ledger.payments.svc.cluster.local.'],
    status: 'success',
    addresses: ['10.96.22.7'],
  },
  {
    rule: 'NODATA: glibc goes on',
    conf: 'search lab.example corp.example\n',
    name: 'printer',
    replies: { 'printer.lab.example.': NODATA, 'printer.corp.example.': { answer: [A('printer.corp.example', '10.60.3.3')] } },
    tries: ['printer.lab.example.', 'printer.corp.example.'],
    status: 'success',
    addresses: ['10.60.3.3'],
  },
  {
    rule: 'SERVFAIL: glibc goes on',
    conf: 'search a.example b.example\n',
    name: 'x',
    replies: { 'x.a.example.': { rcode: 'SERVFAIL' }, 'x.b.example.': { answer: [A('x.b.example', '10.0.0.2')] } },
    tries: ['x.a.example.', 'x.b.example.'],
    status: 'success',
    addresses: ['10.0.0.2'],
  },
  {
    rule: 'addresses of another owner: glibc takes none',
    conf: 'search a.example\n',
    name: 'web',
    replies: { 'web.a.example.': { answer: [A('other.example', '10.0.0.1')] } },
    tries: ['web.a.example.'],
    status: 'nodata',
    errorName: 'EAI_NODATA',
  },
  {
    rule: 'SRV: glibc walks the search list',
    conf: POD_SHOP,
    name: '_http._tcp.storefront',
    type: 'SRV',
    replies: { '_http._tcp.storefront.shop.svc.cluster.local.': { answer: ['_http._tcp.storefront.shop.svc.cluster.local. 5 IN SRV 0 100 80 storefront.shop.svc.cluster.local.'] } },
    tries: ['_http._tcp.storefront.shop.svc.cluster.local.'],
    status: 'success',
  },
];

describe('musl stub resolver', () => {
  for (const row of rows) it(row.rule, () => void checkRow('musl', row));

  it('explains the walk in sentences', () => {
    const result = checkRow('musl', rows.find((r) => r.rule.startsWith('NODATA stops'))!);
    assert.match(result.tries[0]!.why, /NODATA.*musl stops here/);
    assert.ok(result.explanation.some((e) => /musl 1\.2\.3 and older report EAI_NONAME/.test(e)));
  });
});

describe('glibc on the same replies, where musl differs', () => {
  for (const row of glibcTwins) it(row.rule, () => void checkRow('glibc', row));
});
