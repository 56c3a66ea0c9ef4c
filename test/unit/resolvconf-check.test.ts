// resolv.conf diagnostics: for each input and libc, the complete list of findings with exact ranges,
// plus the key words of the message that tell the user what to do.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeResolvConf, checkResolvConf, parseResolvConf, type Resolver } from '../../server/src/core/resolvconf/index.js';
import type { CoreDiagnostic } from '../../server/src/core/types.js';

const NS = 'nameserver 10.96.0.10\n';

interface Row {
  name: string;
  text: string;
  resolver: Resolver;
  /** Every finding, in order, as `severity code line:start-line:end`. */
  expect: string[];
  /** Substrings the message of the first finding with this code must contain. */
  says?: Record<string, string[]>;
}

function brief(d: CoreDiagnostic): string {
  const { start, end } = d.range;
  return `${d.severity} ${d.code} ${start.line}:${start.character}-${end.line}:${end.character}`;
}

const rows: Row[] = [
  // Clean files give nothing.
  {
    name: 'a pod resolv.conf is clean (glibc)',
    text: 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    resolver: 'glibc',
    expect: [],
  },
  {
    name: 'a pod resolv.conf is clean (musl)',
    text: 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    resolver: 'musl',
    expect: [],
  },
  // Keywords.
  {
    name: 'unknown keyword with a suggestion',
    text: `${NS}nameservers 1.1.1.1\nserach a\n`,
    resolver: 'glibc',
    expect: ['warning resolvconf/unknown-keyword 1:0-1:11', 'warning resolvconf/unknown-keyword 2:0-2:6'],
    says: { 'resolvconf/unknown-keyword': ['Did you mean `nameserver`?', 'ignore this line'] },
  },
  {
    name: 'keywords are lower case',
    text: `${NS}Search a\n`,
    resolver: 'musl',
    expect: ['warning resolvconf/unknown-keyword 1:0-1:6'],
    says: { 'resolvconf/unknown-keyword': ['lower case', 'Write `search`'] },
  },
  {
    name: 'an option written as a keyword',
    text: `${NS}ndots:5\n`,
    resolver: 'glibc',
    expect: ['warning resolvconf/unknown-keyword 1:0-1:7'],
    says: { 'resolvconf/unknown-keyword': ['`options ndots:5`'] },
  },
  {
    name: 'keyword glued to its value',
    text: 'nameserver:1.1.1.1\n',
    resolver: 'glibc',
    expect: ['warning resolvconf/unknown-keyword 0:0-0:18', 'warning resolvconf/no-nameserver 0:0-0:0'],
    says: { 'resolvconf/unknown-keyword': ['`nameserver 1.1.1.1`'] },
  },
  {
    name: 'OpenBSD lookup keyword',
    text: `${NS}lookup file bind\n`,
    resolver: 'glibc',
    expect: ['warning resolvconf/unknown-keyword 1:0-1:6'],
    says: { 'resolvconf/unknown-keyword': ['nsswitch.conf'] },
  },
  {
    name: 'keyword not at column 1',
    text: `${NS}  search a\n`,
    resolver: 'glibc',
    expect: ['warning resolvconf/indented-keyword 1:2-1:8'],
    says: { 'resolvconf/indented-keyword': ['ignored', 'Remove the leading blanks'] },
  },
  {
    name: 'missing value',
    text: `${NS}nameserver\noptions\n`,
    resolver: 'glibc',
    expect: ['warning resolvconf/missing-value 1:0-1:10', 'warning resolvconf/missing-value 2:0-2:7'],
  },
  {
    name: 'an empty search line clears the list in musl',
    text: `${NS}search a\nsearch\n`,
    resolver: 'musl',
    expect: ['warning resolvconf/search-overridden 1:0-1:6', 'warning resolvconf/missing-value 2:0-2:6'],
    says: { 'resolvconf/missing-value': ['clears the search list in musl'] },
  },
  {
    name: 'an empty search line is ignored by glibc',
    text: `${NS}search a\nsearch\n`,
    resolver: 'glibc',
    expect: ['warning resolvconf/missing-value 2:0-2:6'],
    says: { 'resolvconf/missing-value': ['ignored by glibc'] },
  },
  // Name servers.
  {
    name: 'a host name is not an address',
    text: 'nameserver dns.google\n',
    resolver: 'glibc',
    expect: ['warning resolvconf/no-nameserver 0:0-0:0', 'error resolvconf/invalid-nameserver 0:11-0:21'],
    says: { 'resolvconf/invalid-nameserver': ['host name', 'ignore this line'], 'resolvconf/no-nameserver': ['127.0.0.1'] },
  },
  {
    name: 'an address with a port',
    text: `${NS}nameserver 1.1.1.1:53\n`,
    resolver: 'musl',
    expect: ['error resolvconf/invalid-nameserver 1:11-1:21'],
    says: { 'resolvconf/invalid-nameserver': ['port 53'] },
  },
  {
    name: 'inet_aton shorthand',
    text: 'nameserver 010.0.0.1\n',
    resolver: 'glibc',
    expect: ['warning resolvconf/ambiguous-ipv4 0:11-0:20'],
    says: { 'resolvconf/ambiguous-ipv4': ['8.0.0.1'] },
  },
  {
    name: 'more than three name servers',
    text: 'nameserver 1.1.1.1\nnameserver 2.2.2.2\nnameserver 3.3.3.3\nnameserver 4.4.4.4\nnameserver 5.5.5.5\n',
    resolver: 'glibc',
    expect: ['warning resolvconf/too-many-nameservers 3:11-3:18', 'warning resolvconf/too-many-nameservers 4:11-4:18'],
    says: { 'resolvconf/too-many-nameservers': ['first 3'] },
  },
  {
    name: 'a repeated name server',
    text: 'nameserver 1.1.1.1\nnameserver 1.1.1.1\n',
    resolver: 'musl',
    expect: ['warning resolvconf/duplicate-nameserver 1:11-1:18'],
    says: { 'resolvconf/duplicate-nameserver': ['line 1'] },
  },
  {
    name: 'two addresses on one line',
    text: 'nameserver 1.1.1.1 8.8.8.8\nnameserver 9.9.9.9 # quad nine\n',
    resolver: 'glibc',
    expect: ['warning resolvconf/ignored-values 0:19-0:26'],
    says: { 'resolvconf/ignored-values': ['own nameserver line'] },
  },
  {
    name: 'CRLF drops the name server in glibc',
    text: 'nameserver 1.1.1.1\r\nsearch a b\r\n',
    resolver: 'glibc',
    expect: [
      'warning resolvconf/no-nameserver 0:0-0:0',
      'error resolvconf/carriage-return 0:11-0:18',
      'warning resolvconf/carriage-return 1:9-1:10',
    ],
    says: { 'resolvconf/carriage-return': ['LF line endings'] },
  },
  { name: 'CRLF is harmless for musl', text: 'nameserver 1.1.1.1\r\nsearch a b\r\n', resolver: 'musl', expect: [] },
  {
    name: 'a named scope on a global address',
    text: 'nameserver 2001:db8::1%eth0\n',
    resolver: 'glibc',
    expect: ['warning resolvconf/ignored-scope 0:11-0:27'],
  },
  {
    name: 'musl skips a named scope on a global address',
    text: 'nameserver 2001:db8::1%eth0\n',
    resolver: 'musl',
    expect: ['warning resolvconf/no-nameserver 0:0-0:0', 'error resolvconf/invalid-nameserver 0:11-0:27'],
    says: { 'resolvconf/invalid-nameserver': ['link-local'] },
  },
  { name: 'an empty file', text: '', resolver: 'musl', expect: ['warning resolvconf/no-nameserver 0:0-0:0'] },
  // Search lists.
  {
    name: 'domain and search both present',
    text: `${NS}domain example.com\nsearch a b\n`,
    resolver: 'glibc',
    expect: ['warning resolvconf/search-overridden 1:0-1:6'],
    says: { 'resolvconf/search-overridden': ['line 3'] },
  },
  {
    name: 'domain with several words',
    text: `${NS}domain a b\n`,
    resolver: 'glibc',
    expect: ['warning resolvconf/domain-with-several-values 1:9-1:10'],
    says: { 'resolvconf/domain-with-several-values': ['`search a b`'] },
  },
  {
    name: 'trailing comment on a search line',
    text: `${NS}search a # set by dhcp\n`,
    resolver: 'musl',
    expect: ['warning resolvconf/trailing-comment 1:9-1:22'],
    says: { 'resolvconf/trailing-comment': ['`#`, `set`, `by`, `dhcp`', 'line of its own'] },
  },
  {
    name: 'a trailing comment after domain harms only musl',
    text: `${NS}domain a # x\n`,
    resolver: 'glibc',
    expect: [],
  },
  {
    name: 'invalid search domains',
    text: `${NS}search a..b .c ${'x'.repeat(64)}.d\n`,
    resolver: 'musl',
    expect: [
      'warning resolvconf/invalid-search-domain 1:7-1:11',
      'warning resolvconf/invalid-search-domain 1:12-1:14',
      'warning resolvconf/invalid-search-domain 1:15-1:81',
    ],
  },
  {
    name: 'old glibc kept six search domains',
    text: `${NS}search a b c d e f g\n`,
    resolver: 'glibc',
    expect: ['hint resolvconf/search-list-legacy-limit 1:0-1:6'],
  },
  {
    name: 'a search list that makes glibc abort',
    text: `${NS}search ab ${Array.from({ length: 3 }, () => 'a'.repeat(63)).join('.')}.${'b'.repeat(61)}\n`,
    resolver: 'glibc',
    expect: ['hint resolvconf/search-list-legacy-limit 1:0-1:6', 'error resolvconf/search-aborts-glibc 1:10-1:263'],
    says: { 'resolvconf/search-aborts-glibc': ['abort', 'Shorten'] },
  },
  {
    name: 'musl drops lines of 255 bytes',
    text: `${NS}search ${['a', 'b', 'c', 'd', 'e'].map((c) => c.repeat(60)).join(' ')}\n`,
    resolver: 'musl',
    expect: ['warning resolvconf/line-too-long 1:0-1:6'],
    says: { 'resolvconf/line-too-long': ['longer than 254 bytes', 'has 311', 'no search list'] },
  },
  // Options.
  {
    name: 'unknown options with suggestions',
    text: `${NS}options ndot:3 rotat ndots=2 frobnicate\n`,
    resolver: 'glibc',
    expect: [
      'warning resolvconf/unknown-option 1:8-1:14',
      'warning resolvconf/unknown-option 1:15-1:20',
      'warning resolvconf/unknown-option 1:21-1:28',
      'warning resolvconf/unknown-option 1:29-1:39',
    ],
    says: { 'resolvconf/unknown-option': ['Did you mean `ndots:3`?'] },
  },
  {
    name: 'values above the glibc caps',
    text: `${NS}options ndots:20 timeout:45 attempts:7\n`,
    resolver: 'glibc',
    expect: [
      'warning resolvconf/option-out-of-range 1:8-1:16',
      'warning resolvconf/option-out-of-range 1:17-1:27',
      'warning resolvconf/option-out-of-range 1:28-1:38',
    ],
    says: { 'resolvconf/option-out-of-range': ['caps ndots at 15', 'ndots:15'] },
  },
  {
    name: 'musl has higher caps for timeout and attempts',
    text: `${NS}options ndots:20 timeout:45 attempts:7\n`,
    resolver: 'musl',
    expect: ['warning resolvconf/option-out-of-range 1:8-1:16'],
  },
  {
    name: 'attempts:0 makes glibc send nothing',
    text: `${NS}options attempts:0\n`,
    resolver: 'glibc',
    expect: ['error resolvconf/zero-attempts 1:8-1:18'],
    says: { 'resolvconf/zero-attempts': ['no query', 'attempts:1'] },
  },
  {
    name: 'attempts:0 crashes musl',
    text: `${NS}options attempts:0\n`,
    resolver: 'musl',
    expect: ['error resolvconf/zero-attempts 1:8-1:18'],
    says: { 'resolvconf/zero-attempts': ['divides by zero'] },
  },
  {
    name: 'an overridden attempts:0 does no harm',
    text: `${NS}options attempts:0\noptions attempts:3\n`,
    resolver: 'glibc',
    expect: ['information resolvconf/duplicate-option 1:8-1:18'],
    says: { 'resolvconf/duplicate-option': ['`attempts:3` on line 3'] },
  },
  {
    name: 'timeout:0 stops musl',
    text: `${NS}options timeout:0\n`,
    resolver: 'musl',
    expect: ['error resolvconf/zero-timeout 1:8-1:17'],
  },
  {
    name: 'timeout:0 is one second in glibc',
    text: `${NS}options timeout:0\n`,
    resolver: 'glibc',
    expect: ['information resolvconf/zero-timeout 1:8-1:17'],
  },
  {
    name: 'a value that is not a number',
    text: `${NS}options ndots:x\n`,
    resolver: 'glibc',
    expect: ['warning resolvconf/invalid-option-value 1:8-1:15'],
    says: { 'resolvconf/invalid-option-value': ['ndots:0'] },
  },
  {
    name: 'musl needs a digit after the colon',
    text: `${NS}options ndots:-1\n`,
    resolver: 'musl',
    expect: ['warning resolvconf/invalid-option-value 1:8-1:16'],
    says: { 'resolvconf/invalid-option-value': ['glibc would use 15'] },
  },
  {
    name: 'a blank between colon and number (glibc)',
    text: `${NS}options ndots: 3\n`,
    resolver: 'glibc',
    expect: ['warning resolvconf/space-in-option 1:8-1:16'],
  },
  {
    name: 'a blank between colon and number (musl)',
    text: `${NS}options ndots: 3\n`,
    resolver: 'musl',
    expect: ['warning resolvconf/space-in-option 1:8-1:16'],
    says: { 'resolvconf/space-in-option': ['musl ignores', '`ndots:3`'] },
  },
  {
    name: 'the same option twice on a line',
    text: `${NS}options ndots:2 ndots:4\n`,
    resolver: 'musl',
    expect: ['warning resolvconf/duplicate-option 1:16-1:23'],
    says: { 'resolvconf/duplicate-option': ['glibc uses the last one', 'musl the first'] },
  },
  {
    name: 'removed glibc options',
    text: `${NS}options inet6 ip6-dotint\n`,
    resolver: 'glibc',
    expect: ['warning resolvconf/removed-option 1:8-1:13', 'warning resolvconf/removed-option 1:14-1:24'],
    says: { 'resolvconf/removed-option': ['2.30'] },
  },
  {
    name: 'prefix-matched flags',
    text: `${NS}options rotatex\n`,
    resolver: 'glibc',
    expect: ['warning resolvconf/option-prefix-match 1:8-1:15'],
    says: { 'resolvconf/option-prefix-match': ['`rotate`'] },
  },
  {
    name: 'flags that need a recent glibc',
    text: `${NS}options edns0 trust-ad -rotate\n`,
    resolver: 'glibc',
    expect: ['hint resolvconf/option-needs-newer-glibc 1:14-1:22', 'hint resolvconf/option-needs-newer-glibc 1:23-1:30'],
    says: { 'resolvconf/option-needs-newer-glibc': ['2.31'] },
  },
  {
    name: 'flags musl ignores',
    text: `${NS}options rotate no-aaaa\nsortlist 10.0.0.0\n`,
    resolver: 'musl',
    expect: [
      'information resolvconf/ignored-by-musl 1:8-1:14',
      'information resolvconf/ignored-by-musl 1:15-1:22',
      'information resolvconf/ignored-by-musl 2:0-2:8',
    ],
    says: { 'resolvconf/ignored-by-musl': ['all name servers at once'] },
  },
  {
    name: 'musl finds an option inside another word',
    text: `${NS}options xndots:7\n`,
    resolver: 'musl',
    expect: ['warning resolvconf/option-inside-word 1:8-1:16'],
  },
  {
    name: 'a trailing comment on an options line that changes something',
    text: `${NS}options ndots:2 # rotate\n`,
    resolver: 'glibc',
    expect: ['warning resolvconf/trailing-comment 1:16-1:24'],
    says: { 'resolvconf/trailing-comment': ['applies `rotate`'] },
  },
  {
    name: 'a trailing comment on an options line that changes nothing',
    text: `${NS}options ndots:2 # see docs\n`,
    resolver: 'glibc',
    expect: ['information resolvconf/trailing-comment 1:16-1:26'],
  },
  // sortlist.
  {
    name: 'a sortlist line with CRLF hangs glibc',
    text: `${NS}sortlist 10.0.0.0/255.0.0.0\r\n`,
    resolver: 'glibc',
    expect: ['error resolvconf/sortlist-hang 1:0-1:8'],
    says: { 'resolvconf/sortlist-hang': ['loops forever', 'LF line endings'] },
  },
  {
    name: 'a bad sortlist entry before a slash hangs glibc',
    text: `${NS}sortlist net/24\n`,
    resolver: 'glibc',
    expect: ['warning resolvconf/invalid-sortlist-entry 1:9-1:12', 'error resolvconf/sortlist-hang 1:12-1:13'],
  },
  {
    name: 'bad sortlist entries and masks',
    text: `${NS}sortlist 10.0.0.0/x ::1 ${Array.from({ length: 10 }, (_, i) => `10.${i}.0.0`).join(' ')}\n`,
    resolver: 'glibc',
    expect: [
      'warning resolvconf/invalid-sortlist-entry 1:18-1:19',
      'warning resolvconf/invalid-sortlist-entry 1:20-1:23',
      'warning resolvconf/too-many-sortlist-entries 1:105-1:113',
    ],
    says: { 'resolvconf/invalid-sortlist-entry': ['class-based mask 255.0.0.0'] },
  },
];

describe('resolv.conf diagnostics', () => {
  for (const row of rows) {
    it(`${row.resolver}: ${row.name}`, () => {
      const diagnostics = checkResolvConf(parseResolvConf(row.text), row.resolver);
      assert.deepEqual(diagnostics.map(brief), row.expect);
      for (const [code, fragments] of Object.entries(row.says ?? {})) {
        const d = diagnostics.find((x) => x.code === code);
        assert.ok(d, `no ${code}`);
        for (const fragment of fragments) assert.ok(d.message.includes(fragment), `${code}: "${d.message}" lacks "${fragment}"`);
      }
    });
  }

  it('every code is area/kebab-case and every message ends with a sentence', () => {
    const all = rows.flatMap((row) => checkResolvConf(parseResolvConf(row.text), row.resolver));
    assert.ok(all.length > 50);
    for (const d of all) {
      assert.match(d.code, /^resolvconf\/[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.match(d.message, /[.?]$/);
    }
  });
});

// The C libraries end lines at `\n` only, an editor also at a lone `\r`: findings after one must land on
// the editor's line (found by test/unit/robustness.test.ts).
describe('a lone carriage return', () => {
  const cases: Array<{ name: string; text: string; expect: string[] }> = [
    {
      name: 'the words after it are on the next editor line',
      text: 'nameserver 1.2.3.4\ndomain foo.\rcom\nsearch bar.com\n',
      expect: ['warning resolvconf/search-overridden 1:0-1:6', 'warning resolvconf/domain-with-several-values 2:0-2:3'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const found = analyzeResolvConf(c.text, 'glibc').diagnostics;
      assert.deepEqual(found.map(brief), c.expect);
    });
  }
});
