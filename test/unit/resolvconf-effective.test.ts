// What glibc and musl end up using after reading a resolv.conf: one row per rule of
// resolution-facts.md §2 (glibc) and §3 (musl), plus the corner cases read from their sources.
// The expected values were checked against the real glibc 2.36 and musl 1.2.3 readers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  effectiveConfig,
  parseResolvConf,
  type EffectiveResolvConf,
  type ResolverEnv,
} from '../../server/src/core/resolvconf/index.js';

type Expect = Partial<Omit<EffectiveResolvConf, 'origin' | 'resolver'>>;

interface Row {
  rule: string;
  text: string;
  env?: ResolverEnv;
  glibc: Expect;
  /** Omitted when musl reads the file the same way as glibc for the fields listed. */
  musl?: Expect;
}

const rows: Row[] = [
  // §2/§3: keywords only at column 1, followed by a blank.
  { rule: 'an indented keyword is ignored', text: ' nameserver 1.1.1.1\n', glibc: { nameservers: ['127.0.0.1'], defaultNameserver: true } },
  { rule: 'a tab after the keyword works', text: 'nameserver\t1.1.1.1\n', glibc: { nameservers: ['1.1.1.1'], defaultNameserver: false } },
  { rule: 'keyword glued to its value is ignored', text: 'nameserver:1.1.1.1\n', glibc: { nameservers: ['127.0.0.1'] } },
  { rule: 'keywords are case-sensitive', text: 'Nameserver 1.1.1.1\nSEARCH a\n', glibc: { nameservers: ['127.0.0.1'], search: [] } },
  {
    rule: '# and ; start comments at line start',
    text: '# nameserver 1.1.1.1\n; nameserver 2.2.2.2\nnameserver 3.3.3.3\n',
    glibc: { nameservers: ['3.3.3.3'] },
  },
  { rule: 'text after the address is ignored', text: 'nameserver 1.1.1.1 # primary\n', glibc: { nameservers: ['1.1.1.1'] } },
  // domain / search: the last line wins.
  { rule: 'search after domain wins', text: 'domain c\nsearch a b\n', glibc: { search: ['a', 'b'], searchSource: 'search' } },
  { rule: 'domain after search wins', text: 'search a b\ndomain c\n', glibc: { search: ['c'], searchSource: 'domain' } },
  {
    rule: 'domain keeps one word in glibc, all words in musl',
    text: 'domain x y\n',
    glibc: { search: ['x'], searchSource: 'domain' },
    musl: { search: ['x', 'y'], searchSource: 'domain' },
  },
  { rule: 'no search line: empty list without a host name', text: 'nameserver 1.1.1.1\n', glibc: { search: [], searchSource: 'none' } },
  {
    rule: 'glibc falls back to the domain of the host name',
    text: 'nameserver 1.1.1.1\n',
    env: { hostname: 'node1.example.com' },
    glibc: { search: ['example.com'], searchSource: 'hostname' },
    musl: { search: [], searchSource: 'none' },
  },
  { rule: 'no de-duplication of the search list', text: 'search a a\n', glibc: { search: ['a', 'a'] } },
  {
    rule: 'no limit of six search domains',
    text: 'search a b c d e f g h\n',
    glibc: { search: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] },
  },
  {
    rule: 'domain without a value is skipped by glibc',
    text: 'search a\ndomain\nsearch \n',
    glibc: { search: ['a'] },
    musl: { search: [], searchSource: 'none' },
  },
  {
    rule: 'musl: a final `search` without line break is not a keyword line',
    text: 'search a\nsearch',
    glibc: { search: ['a'] },
  },
  {
    rule: 'no end-of-line comments in search lines',
    text: 'search a b # comment\n',
    glibc: { search: ['a', 'b', '#', 'comment'] },
  },
  // nameserver: three are used, 127.0.0.1 when none.
  {
    rule: 'only the first three name servers are used',
    text: 'nameserver 1.1.1.1\nnameserver 2.2.2.2\nnameserver 3.3.3.3\nnameserver 4.4.4.4\n',
    glibc: { nameservers: ['1.1.1.1', '2.2.2.2', '3.3.3.3'] },
  },
  { rule: 'no nameserver means 127.0.0.1', text: 'search a\n', glibc: { nameservers: ['127.0.0.1'], defaultNameserver: true } },
  {
    rule: 'an invalid address does not take a slot',
    text: 'nameserver dns.google\nnameserver 1.1.1.1\nnameserver 2.2.2.2\nnameserver 3.3.3.3\n',
    glibc: { nameservers: ['1.1.1.1', '2.2.2.2', '3.3.3.3'] },
  },
  {
    rule: 'inet_aton forms: short, octal, hex',
    text: 'nameserver 10.1\nnameserver 010.0.0.1\nnameserver 0x7f.1\n',
    glibc: { nameservers: ['10.0.0.1', '8.0.0.1', '127.0.0.1'], defaultNameserver: false },
  },
  {
    rule: 'out-of-range parts are not addresses',
    text: 'nameserver 256.1.1.1\nnameserver 1.2.3.4.5\nnameserver 1.0x1000000\nnameserver 1.0xffffff\n',
    glibc: { nameservers: ['1.255.255.255'] },
  },
  {
    rule: 'IPv6 addresses, canonical form',
    text: 'nameserver ::FFFF:1.2.3.4\nnameserver 2001:DB8:0:0:0:0:0:1\nnameserver fe80::1%eth0\n',
    glibc: { nameservers: ['::ffff:1.2.3.4', '2001:db8::1', 'fe80::1%eth0'] },
  },
  {
    rule: 'a named scope on a global address: glibc drops the scope, musl the server',
    text: 'nameserver 2001:db8::1%eth0\nnameserver 2001:db8::2%7\n',
    glibc: { nameservers: ['2001:db8::1', '2001:db8::2%7'] },
    musl: { nameservers: ['2001:db8::2%7'] },
  },
  {
    rule: 'malformed IPv6 literals are skipped',
    text: 'nameserver 1::2::3\nnameserver :1\nnameserver 1:\nnameserver 12345::1\nnameserver 1:2:3:4:5:6:7:8:9\n',
    glibc: { nameservers: ['127.0.0.1'], defaultNameserver: true },
  },
  // options: defaults, caps, later lines override.
  { rule: 'defaults', text: 'nameserver 1.1.1.1\n', glibc: { ndots: 1, timeout: 5, attempts: 2 } },
  {
    rule: 'caps: glibc 15/30/5, musl 15/60/10',
    text: 'options ndots:20 timeout:99 attempts:12\n',
    glibc: { ndots: 15, timeout: 30, attempts: 5 },
    musl: { ndots: 15, timeout: 60, attempts: 10 },
  },
  {
    rule: 'values between the two caps',
    text: 'options timeout:45 attempts:7\n',
    glibc: { timeout: 30, attempts: 5 },
    musl: { timeout: 45, attempts: 7 },
  },
  { rule: 'later options lines override', text: 'options ndots:2 timeout:3\noptions ndots:3\n', glibc: { ndots: 3, timeout: 3 } },
  {
    rule: 'glibc flags; musl ignores them all',
    text: 'options rotate edns0 single-request single-request-reopen no-tld-query use-vc no-reload trust-ad no-aaaa strict-error\n',
    glibc: {
      rotate: true,
      edns0: true,
      singleRequest: true,
      singleRequestReopen: true,
      noTldQuery: true,
      useVc: true,
      noReload: true,
      trustAd: true,
      noAaaa: true,
      strictError: true,
    },
    musl: {
      rotate: false,
      edns0: false,
      singleRequest: false,
      singleRequestReopen: false,
      noTldQuery: false,
      useVc: false,
      noReload: false,
      trustAd: false,
      noAaaa: false,
      strictError: false,
    },
  },
  { rule: 'no_tld_query is the old spelling', text: 'options no_tld_query\n', glibc: { noTldQuery: true }, musl: { noTldQuery: false } },
  { rule: '-flag clears a flag (glibc 2.41+)', text: 'options rotate edns0\noptions -rotate\n', glibc: { rotate: false, edns0: true }, musl: { edns0: false } },
  {
    rule: 'inet6 and unknown words change nothing',
    text: 'options inet6 debug ip6-dotint frobnicate\n',
    glibc: { ndots: 1, timeout: 5, attempts: 2, rotate: false, edns0: false },
  },
  { rule: 'glibc matches flags by prefix', text: 'options rotatex edns0foo\n', glibc: { rotate: true, edns0: true }, musl: { rotate: false, edns0: false } },
  {
    rule: 'single-request-reopen is not mistaken for single-request',
    text: 'options single-request-reopen\n',
    glibc: { singleRequestReopen: true, singleRequest: false },
    musl: { singleRequestReopen: false },
  },
  // Numbers: strtol in glibc, a leading digit in musl.
  { rule: 'glibc reads across a blank, musl does not', text: 'options ndots: 3\n', glibc: { ndots: 3 }, musl: { ndots: 1 } },
  {
    rule: 'no number: glibc reads 0, musl keeps the default',
    text: 'options ndots:abc timeout:x attempts:\n',
    glibc: { ndots: 0, timeout: 0, attempts: 0 },
    musl: { ndots: 1, timeout: 5, attempts: 2 },
  },
  {
    rule: 'negative numbers: glibc keeps 4 bits of ndots',
    text: 'options ndots:-1 timeout:-1 attempts:-1\n',
    glibc: { ndots: 15, timeout: -1, attempts: -1 },
    musl: { ndots: 1, timeout: 5, attempts: 2 },
  },
  { rule: 'ndots:-2 is 14 in glibc', text: 'options ndots:-2\n', glibc: { ndots: 14 }, musl: { ndots: 1 } },
  { rule: 'a huge ndots is capped', text: 'options ndots:99999999999999999999999\n', glibc: { ndots: 15 } },
  { rule: 'trailing garbage after the number', text: 'options ndots:5x timeout:007\n', glibc: { ndots: 5, timeout: 7 } },
  { rule: 'musl ignores timeout:.5, glibc reads 0', text: 'options timeout:.5\n', glibc: { timeout: 0 }, musl: { timeout: 5 } },
  {
    rule: 'same option twice on a line: glibc the last, musl the first',
    text: 'options ndots:2 ndots:4\n',
    glibc: { ndots: 4 },
    musl: { ndots: 2 },
  },
  { rule: 'musl finds ndots: inside another word', text: 'options xndots:7\n', glibc: { ndots: 1 }, musl: { ndots: 7 } },
  {
    rule: 'no end-of-line comments on options lines',
    text: 'options ndots:2 # rotate ndots:4\n',
    glibc: { ndots: 4, rotate: true },
    musl: { ndots: 2, rotate: false },
  },
  // Environment (glibc only).
  {
    rule: 'LOCALDOMAIN replaces the file search list',
    text: 'search a\n',
    env: { LOCALDOMAIN: 'x y' },
    glibc: { search: ['x', 'y'], searchSource: 'LOCALDOMAIN' },
    musl: { search: ['a'], searchSource: 'search' },
  },
  {
    rule: 'an empty LOCALDOMAIN is one empty (root) entry',
    text: 'search a\n',
    env: { LOCALDOMAIN: '' },
    glibc: { search: [''] },
    musl: { search: ['a'] },
  },
  { rule: 'LOCALDOMAIN with a leading blank', text: 'search a\n', env: { LOCALDOMAIN: ' x  y' }, glibc: { search: ['', 'x', 'y'] }, musl: { search: ['a'] } },
  {
    rule: 'RES_OPTIONS is read after the file',
    text: 'options ndots:5 rotate\n',
    env: { RES_OPTIONS: 'ndots:2 -rotate edns0' },
    glibc: { ndots: 2, rotate: false, edns0: true },
    musl: { ndots: 5, rotate: false, edns0: false },
  },
  // musl's line buffer.
  { rule: 'musl keeps a 254-byte line', text: `search ${'a'.repeat(247)}\n`, glibc: { search: ['a'.repeat(247)] } },
  {
    rule: 'musl drops a line of 255 bytes',
    text: `search x\nsearch ${'a'.repeat(248)}\n`,
    glibc: { search: ['a'.repeat(248)] },
    musl: { search: ['x'] },
  },
  {
    rule: 'musl counts bytes, not characters',
    text: `search ${'é'.repeat(124)}\n`,
    glibc: { search: ['é'.repeat(124)] },
    musl: { search: [] },
  },
  {
    rule: 'musl drops a long last line without line break too',
    text: `nameserver 1.1.1.1\nsearch ${'a'.repeat(248)}`,
    glibc: { search: ['a'.repeat(248)] },
    musl: { search: [] },
  },
  // CRLF line endings: glibc keeps the `\r`, musl treats it as white space.
  {
    rule: 'CRLF: glibc drops the nameserver and keeps \\r in the last search domain',
    text: 'nameserver 1.2.3.4\r\nsearch a b\r\noptions ndots:3\r\n',
    glibc: { nameservers: ['127.0.0.1'], search: ['a', 'b\r'], ndots: 3 },
    musl: { nameservers: ['1.2.3.4'], search: ['a', 'b'], ndots: 3 },
  },
  // sortlist: glibc only.
  {
    rule: 'sortlist entries with written and class-based masks',
    text: 'sortlist 10.0.0.0/255.0.0.0 192.168.1.0 ;comment\nsortlist 1.2.3.4 130.155.160.0&255.255.240.0\n',
    glibc: {
      sortlist: [
        { address: '10.0.0.0', mask: '255.0.0.0' },
        { address: '192.168.1.0', mask: '255.255.255.0' },
        { address: '1.2.3.4', mask: '255.0.0.0' },
        { address: '130.155.160.0', mask: '255.255.240.0' },
      ],
    },
    musl: { sortlist: [] },
  },
  {
    rule: 'glibc keeps ten sortlist entries',
    text: `sortlist ${Array.from({ length: 12 }, (_, i) => `10.0.${i}.0`).join(' ')}\n`,
    glibc: { sortlist: Array.from({ length: 10 }, (_, i) => ({ address: `10.0.${i}.0`, mask: '255.0.0.0' })) },
    musl: { sortlist: [] },
  },
];

function pick(config: EffectiveResolvConf, expect: Expect): Expect {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(expect)) out[key] = (config as unknown as Record<string, unknown>)[key];
  return out as Expect;
}

describe('resolv.conf effective configuration', () => {
  for (const row of rows) {
    it(`glibc: ${row.rule}`, () => {
      const config = effectiveConfig(parseResolvConf(row.text), 'glibc', row.env ?? {});
      assert.equal(config.resolver, 'glibc');
      assert.deepEqual(pick(config, row.glibc), row.glibc);
    });
    it(`musl: ${row.rule}`, () => {
      const expect = { ...row.glibc, ...(row.musl ?? {}) };
      const config = effectiveConfig(parseResolvConf(row.text), 'musl', row.env ?? {});
      assert.equal(config.resolver, 'musl');
      assert.deepEqual(pick(config, expect), expect);
    });
  }

  it('records where each value came from', () => {
    const file = parseResolvConf('nameserver 1.1.1.1\nsearch a b\noptions timeout:3 ndots:2\nnameserver 2.2.2.2\n');
    for (const resolver of ['glibc', 'musl'] as const) {
      const { origin } = effectiveConfig(file, resolver);
      assert.deepEqual(origin.nameservers, [
        { start: { line: 0, character: 11 }, end: { line: 0, character: 18 } },
        { start: { line: 3, character: 11 }, end: { line: 3, character: 18 } },
      ]);
      assert.deepEqual(origin.search, { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } });
      assert.deepEqual(origin.ndots, { start: { line: 2, character: 18 }, end: { line: 2, character: 25 } });
      assert.deepEqual(origin.timeout, { start: { line: 2, character: 8 }, end: { line: 2, character: 17 } });
      assert.equal(origin.attempts, undefined);
    }
  });

  it('RES_OPTIONS values have no place in the file', () => {
    const config = effectiveConfig(parseResolvConf('options ndots:5\n'), 'glibc', { RES_OPTIONS: 'ndots:2' });
    assert.equal(config.ndots, 2);
    assert.equal(config.origin.ndots, undefined);
  });
});
