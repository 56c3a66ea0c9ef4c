// The cache plugin in the simulator: every query is a miss, and the reply that passes through gets one TTL
// on every record, the smallest TTL of the message held between the bucket's minimum and maximum. Also the
// reply kinds that decide the bucket (positive, NXDOMAIN, NODATA, SERVFAIL), checked on built messages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Bench } from './support/harness.js';
import { runRows, type Row } from './support/table.js';
import { cacheTtlDecision, classifyReply } from '../../../server/src/core/plugins/handlers/fwd/cache-ttl.js';
import type { CacheConfig } from '../../../server/src/core/plugins/cache.js';
import { newQuery, newReply, parseRecord } from '../../../server/src/core/resolve/message.js';
import type { RcodeName } from '../../../server/src/core/resolve/types.js';

const UPSTREAM = {
  'www.example.com. A': ['www.example.com. 300 IN A 198.51.100.7'],
  'short.example.com. A': ['short.example.com. 2 IN A 198.51.100.2'],
  'zero.example.com. A': ['zero.example.com. 0 IN A 198.51.100.3'],
  'cdn.example.net. A': ['cdn.example.net. 3600 IN CNAME edge.cdn-provider.example.', 'edge.cdn-provider.example. 20 IN A 203.0.113.9'],
  'long.example.com. A': ['long.example.com. 86400 IN A 198.51.100.9'],
  'flaky.example. A': { rcode: 'SERVFAIL' },
};

const ZONE = [
  '$ORIGIN corp.example.',
  '$TTL 3600',
  '@ 7200 IN SOA ns.corp.example. hostmaster.corp.example. 1 7200 3600 1209600 3600',
  '@ IN NS ns',
  'ns IN A 10.0.0.1',
  'www 600 IN A 10.0.0.10',
  '',
].join('\n');

function bench(cacheLines: string): Bench {
  return { corefile: `. {\n    ${cacheLines}\n    forward . 10.0.0.2\n}\n`, upstream: UPSTREAM };
}

function zoneBench(cacheLines: string): Bench {
  return { corefile: `corp.example {\n    ${cacheLines}\n    file /zones/db.corp.example\n}\n`, files: { '/zones/db.corp.example': ZONE } };
}

const rows: Row[] = [
  {
    name: 'a TTL within the default bounds (5–3600) is kept',
    bench: bench('cache'),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 300 IN A 198.51.100.7'],
    says: [/a miss — the simulation starts every query with an empty cache/, /set to 300: the smallest TTL in the reply, within the success bounds 5–3600/, /kept for 300s in the success cache/],
  },
  {
    name: "'cache 30' caps the TTL at 30",
    bench: bench('cache 30'),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 30 IN A 198.51.100.7'],
    says: [/set to 30: the smallest TTL in the reply \(300\) capped at the success maximum 30/],
  },
  {
    name: 'a TTL above the default maximum is cut to 3600',
    bench: bench('cache'),
    query: 'long.example.com A',
    rcode: 'NOERROR',
    answer: ['long.example.com. 3600 IN A 198.51.100.9'],
  },
  {
    name: 'a TTL below the minimum is raised to 5',
    bench: bench('cache'),
    query: 'short.example.com A',
    rcode: 'NOERROR',
    answer: ['short.example.com. 5 IN A 198.51.100.2'],
    says: [/the smallest TTL in the reply \(2\) raised to the success minimum 5/],
  },
  {
    name: 'TTL 0 becomes 5',
    bench: bench('cache 30'),
    query: 'zero.example.com A',
    rcode: 'NOERROR',
    answer: ['zero.example.com. 5 IN A 198.51.100.3'],
  },
  {
    name: 'every record gets the same TTL: a CNAME chain takes the smallest of its TTLs',
    bench: bench('cache'),
    query: 'cdn.example.net A',
    rcode: 'NOERROR',
    answer: ['cdn.example.net. 20 IN CNAME edge.cdn-provider.example.', 'edge.cdn-provider.example. 20 IN A 203.0.113.9'],
  },
  {
    name: "'success CAPACITY TTL MINTTL' sets the positive bounds",
    bench: bench('cache {\n        success 1000 60 10\n    }'),
    query: 'short.example.com A',
    rcode: 'NOERROR',
    answer: ['short.example.com. 10 IN A 198.51.100.2'],
  },
  {
    name: 'a minimum above the maximum: the maximum wins',
    bench: bench('cache 2'),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 2 IN A 198.51.100.7'],
  },
  {
    name: 'a name outside the cache zones passes untouched',
    bench: bench('cache 30 example.org'),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 300 IN A 198.51.100.7'],
    says: [/outside the cached zones \(example\.org\.\)/],
  },
  {
    name: 'an NXDOMAIN without records has nothing to change and is not stored',
    bench: bench('cache 30'),
    query: 'nothing.example.com A',
    rcode: 'NXDOMAIN',
    answer: [],
    says: [/has no records whose TTL could change/, /an NXDOMAIN without an SOA record has no negative TTL and is not stored/],
  },
  {
    name: 'an upstream SERVFAIL passes through and would be kept for the servfail duration',
    bench: bench('cache'),
    query: 'flaky.example A',
    rcode: 'SERVFAIL',
    says: [/kept for 5s in the denial cache/],
  },
  {
    name: "'disable success' keeps the TTL rewrite but stores nothing",
    bench: bench('cache 30 {\n        disable success\n    }'),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 30 IN A 198.51.100.7'],
    says: [/It is not stored: 'disable success' covers \./],
  },
  {
    name: 'options that need earlier queries are named as not simulated',
    bench: bench('cache {\n        prefetch 10\n        serve_stale\n    }'),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    says: [/Not simulated, as they need earlier queries: prefetch .*; serve_stale/],
  },
  {
    name: 'an authoritative NXDOMAIN: the SOA TTL is capped at the denial maximum 1800',
    bench: zoneBench('cache'),
    query: 'missing.corp.example A',
    rcode: 'NXDOMAIN',
    authority: ['corp.example. 1800 IN SOA ns.corp.example. hostmaster.corp.example. 1 7200 3600 1209600 3600'],
    says: [/NXDOMAIN reply passes through.*capped at the denial maximum 1800/, /kept for 1800s in the denial cache/],
  },
  {
    name: 'authoritative NODATA uses the denial bounds too',
    bench: zoneBench('cache {\n        denial 100 60\n    }'),
    query: 'www.corp.example AAAA',
    rcode: 'NOERROR',
    answer: [],
    authority: ['corp.example. 60 IN SOA ns.corp.example. hostmaster.corp.example. 1 7200 3600 1209600 3600'],
    says: [/NODATA reply/],
  },
];

describe('cache handler', () => runRows(rows, { plugin: 'cache' }));

const DEFAULTS: CacheConfig = {
  zones: ['.'],
  success: { capacity: 10000, maxTtl: 3600, minTtl: 5, disabledFor: [] },
  denial: { capacity: 10000, maxTtl: 1800, minTtl: 5, disabledFor: [] },
  prefetch: { amount: 0, duration: 60e9, percentage: 10 },
  preferPositive: false,
  servfail: 5e9,
  keepTtl: false,
};

interface KindRow {
  name: string;
  rcode: RcodeName;
  qtype?: string;
  answer?: string[];
  authority?: string[];
  kind: string;
  ttl: number;
  stored: boolean;
}

const SOA = 'example.org. 900 IN SOA ns.example.org. hostmaster.example.org. 1 7200 3600 1209600 300';

const kinds: KindRow[] = [
  { name: 'records in the answer: positive', rcode: 'NOERROR', answer: ['a.example.org. 120 IN A 192.0.2.1'], kind: 'NoError', ttl: 120, stored: true },
  { name: 'NOERROR, SOA, no answer: NODATA', rcode: 'NOERROR', authority: [SOA], kind: 'NoData', ttl: 900, stored: true },
  { name: 'NXDOMAIN with SOA', rcode: 'NXDOMAIN', authority: [SOA], kind: 'NameError', ttl: 900, stored: true },
  { name: 'NXDOMAIN without SOA is not stored', rcode: 'NXDOMAIN', kind: 'NameError', ttl: 5, stored: false },
  { name: 'a CNAME to nowhere with SOA counts as NODATA', rcode: 'NOERROR', answer: ['a.example.org. 600 IN CNAME b.example.org.'], authority: [SOA], kind: 'NoData', ttl: 600, stored: true },
  { name: 'a CNAME to nowhere without SOA is positive but not stored', rcode: 'NOERROR', answer: ['a.example.org. 600 IN CNAME b.example.org.'], kind: 'NoError', ttl: 600, stored: false },
  { name: 'a referral takes the 5-second floor', rcode: 'NOERROR', authority: ['sub.example.org. 86400 IN NS ns.sub.example.org.'], kind: 'Delegation', ttl: 5, stored: true },
  { name: 'SERVFAIL uses the servfail duration', rcode: 'SERVFAIL', kind: 'ServerError', ttl: 5, stored: true },
  { name: 'REFUSED is never stored', rcode: 'REFUSED', kind: 'OtherError', ttl: 5, stored: false },
  { name: 'NXDOMAIN with records is another error', rcode: 'NXDOMAIN', answer: ['a.example.org. 600 IN CNAME b.example.org.'], kind: 'OtherError', ttl: 5, stored: false },
  { name: 'a CNAME query is answered by the CNAME itself', rcode: 'NOERROR', qtype: 'CNAME', answer: ['a.example.org. 600 IN CNAME b.example.org.'], authority: [SOA], kind: 'NoError', ttl: 600, stored: true },
];

describe('cache reply kinds and TTLs', () => {
  for (const row of kinds) {
    it(row.name, () => {
      const query = newQuery('a.example.org', row.qtype ?? 'A');
      const reply = newReply(query, row.rcode, { answer: (row.answer ?? []).map(parseRecord), authority: (row.authority ?? []).map(parseRecord) });
      assert.equal(classifyReply(reply), row.kind);
      const decision = cacheTtlDecision(DEFAULTS, reply);
      assert.equal(decision.ttl, row.ttl);
      assert.equal(decision.notStored === undefined, row.stored, decision.notStored);
    });
  }
});
