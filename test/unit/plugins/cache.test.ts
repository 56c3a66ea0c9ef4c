import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CacheConfig } from '../../../server/src/core/plugins/cache.js';
import { analyze, configOf, runTable, type PluginCase } from '../../support/plugin-table.js';

const b = (body: string, key = 'example.org'): string => `${key} {\n${body}\n}\n`;
const opt = (option: string): string => b(`  cache {\n    ${option}\n  }`);

const rows: PluginCase[] = [
  { corefile: b('  cache'), ok: true },
  { corefile: b('  cache 300'), ok: true },
  { corefile: b('  cache 0'), ok: false, code: 'cache/bad-ttl' },
  { corefile: b('  cache -30'), ok: false, code: 'cache/bad-ttl' },
  { corefile: b('  cache 30s'), ok: true, warnings: ['cache/ttl-as-zone'] },
  { corefile: b('  cache 30 a.example.org x:'), ok: true, warnings: ['cache/ignored-zone'] },
  { corefile: b('  cache 30\n  cache 60'), ok: false, code: 'core/once-per-block' },
  { corefile: opt('success 5000 600 10'), ok: true },
  { corefile: opt('success 5000 600 10 99'), ok: true },
  { corefile: opt('success'), ok: false, code: 'cache/wrong-arguments' },
  { corefile: opt('success many'), ok: false, code: 'cache/bad-number' },
  { corefile: opt('success 5000 0'), ok: false, code: 'cache/bad-ttl' },
  { corefile: opt('success 5000 60 -1'), ok: false, code: 'cache/bad-ttl' },
  { corefile: opt('success 5000 60 -0'), ok: true },
  { corefile: opt('denial 2000 120 5'), ok: true },
  { corefile: opt('denial 2000 0'), ok: false, code: 'cache/bad-ttl' },
  { corefile: opt('prefetch 5 10m 20%'), ok: true },
  { corefile: opt('prefetch'), ok: false, code: 'cache/wrong-arguments' },
  { corefile: opt('prefetch 1 1m 20% x'), ok: false, code: 'cache/wrong-arguments' },
  { corefile: opt('prefetch -1'), ok: false, code: 'cache/bad-prefetch' },
  { corefile: opt('prefetch 1 ten'), ok: false, code: 'cache/bad-duration' },
  { corefile: opt('prefetch 1 1m 20'), ok: false, code: 'cache/bad-prefetch' },
  { corefile: opt('prefetch 1 1m 95%'), ok: false, code: 'cache/bad-prefetch' },
  { corefile: opt('serve_stale'), ok: true },
  { corefile: opt('serve_stale 1h immediate'), ok: true },
  { corefile: opt('serve_stale 1h immediate 30s 10s'), ok: true },
  { corefile: opt('serve_stale 1h immediate 30s 10s 5s'), ok: false, code: 'cache/wrong-arguments' },
  { corefile: opt('serve_stale 1h verify 1s 30s 10s'), ok: true },
  { corefile: opt('serve_stale 1h verify 1s 30s 10s 5s'), ok: false, code: 'cache/wrong-arguments' },
  { corefile: opt('serve_stale 1h later'), ok: false, code: 'cache/bad-stale-mode' },
  { corefile: opt('serve_stale -1h'), ok: false, code: 'cache/bad-duration' },
  { corefile: opt('serve_stale 1h immediate 1500ms'), ok: false, code: 'cache/bad-stale-ttl' },
  { corefile: opt('serve_stale 1h immediate 30s 6m'), ok: false, code: 'cache/bad-stale-recheck' },
  { corefile: opt('serve_stale\n    serve_stale_policy prefer_positive'), ok: true },
  { corefile: opt('serve_stale\n    serve_stale_policy prefer_fresh'), ok: false, code: 'cache/bad-stale-policy' },
  { corefile: opt('serve_stale_policy prefer_positive'), ok: false, code: 'cache/policy-without-serve-stale' },
  { corefile: opt('serve_stale\n    serve_stale_policy prefer_positive\n    serve_stale_policy prefer_positive'), ok: false, code: 'cache/repeated-option' },
  { corefile: opt('servfail 10s'), ok: true },
  { corefile: opt('servfail 0'), ok: true },
  { corefile: opt('servfail 6m'), ok: false, code: 'cache/servfail-too-long' },
  { corefile: opt('servfail'), ok: false, code: 'cache/wrong-arguments' },
  { corefile: opt('disable success'), ok: true },
  { corefile: opt('disable denial a.example.org'), ok: true },
  { corefile: opt('disable both'), ok: false, code: 'cache/bad-disable' },
  { corefile: opt('disable'), ok: false, code: 'cache/wrong-arguments' },
  { corefile: opt('keepttl'), ok: true },
  { corefile: opt('keepttl yes'), ok: false, code: 'cache/wrong-arguments' },
  { corefile: opt('bogus 1'), ok: false, code: 'cache/unknown-option' },
];

runTable('cache', rows);

test('cache config', () => {
  const c = configOf<CacheConfig>(b('  cache 600 a.example.org {\n    denial 100 60\n    prefetch 5 10m 20%\n    serve_stale 2h verify 1s\n  }'), 'cache');
  assert.deepEqual(c.zones, ['a.example.org.']);
  assert.equal(c.success.maxTtl, 600);
  assert.deepEqual([c.denial.capacity, c.denial.maxTtl, c.denial.minTtl], [100, 60, 5]);
  assert.deepEqual(c.prefetch, { amount: 5, duration: 600e9, percentage: 20 });
  assert.equal(c.serveStale?.verify, true);
  assert.equal(c.serveStale?.upTo, 7200e9);
  const d = configOf<CacheConfig>(b('  cache'), 'cache');
  assert.deepEqual(d.zones, ['example.org.']);
  assert.equal(d.success.maxTtl, 3600);
});

// Buckets and prefetch settings are shared between configs that hold the same values; an option that
// changes one must change only its own block's config.
test('an option changes only its own block: shared buckets are copied first', () => {
  const corefile = [
    'a.example {\n  cache 30\n}',
    'b.example {\n  cache 30 {\n    success 500 20 1\n    denial 700\n    prefetch 3 2m 30%\n    disable success c.example\n  }\n}',
    'd.example {\n  cache 30\n}',
    'e.example {\n  cache\n}',
  ].join('\n');
  const blocks = analyze(corefile).blocks;
  const [a, b2, d, e] = blocks.map((block) => block.configs.get('cache') as CacheConfig);
  const plain = (ttl: number, minTtl = 5) => ({ capacity: 10000, maxTtl: ttl, minTtl, disabledFor: [] });
  assert.deepEqual(b2!.success, { capacity: 500, maxTtl: 20, minTtl: 1, disabledFor: ['c.example.'] });
  assert.deepEqual(b2!.denial, { capacity: 700, maxTtl: 30, minTtl: 5, disabledFor: [] });
  assert.deepEqual(b2!.prefetch, { amount: 3, duration: 120e9, percentage: 30 });
  for (const c of [a!, d!]) {
    assert.deepEqual(c.success, plain(30));
    assert.deepEqual(c.denial, plain(30));
    assert.deepEqual(c.prefetch, { amount: 0, duration: 60e9, percentage: 10 });
  }
  assert.deepEqual([e!.success, e!.denial], [plain(3600), plain(1800)]);
});
