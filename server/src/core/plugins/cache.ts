// The `cache` directive: keeps answers (positive and negative) for a while and serves them again,
// optionally prefetching popular names and serving stale answers. Reads its arguments like CoreDNS
// 1.14's cache setup and refuses exactly what it refuses.
import type { ArgToken } from '../corefile/dispenser.js';
import { normalizeName } from '../corefile/zone.js';
import { MINUTE, parseGoDuration, parseGoInt, SECOND } from './args.js';
import type { PluginModule, SetupContext } from './types.js';
import { argError, zonesFromArgs } from './util/query-a-read.js';
import { cacheHandler } from './handlers/cache.js';

export interface CacheBucket {
  capacity: number;
  /** Maximum TTL, seconds. */
  maxTtl: number;
  /** Minimum TTL, seconds. */
  minTtl: number;
  /** Zones for which this kind of answer is not cached. */
  disabledFor: readonly string[];
}

export interface CacheConfig {
  zones: readonly string[];
  success: CacheBucket;
  denial: CacheBucket;
  prefetch: { amount: number; duration: number; percentage: number };
  /** Undefined when serve_stale is off; durations in nanoseconds. */
  serveStale?: { upTo: number; verify: boolean; verifyTimeout: number; responseTtl: number; recheck: number };
  preferPositive: boolean;
  /** How long SERVFAIL answers are cached, nanoseconds. */
  servfail: number;
  keepTtl: boolean;
}

/** No zone is disabled unless a `disable` option says so; that option assigns a new list. */
const NO_ZONES: readonly string[] = [];

// Most caches write at most a TTL, so their buckets and prefetch settings hold the same few values in every
// block of a large Corefile. Those objects are shared, one per value, as configs are only read once made;
// an option that changes one gives its config its own copy first.
const SUCCESS_BY_TTL = new Map<number, CacheBucket>();
const DENIAL_BY_TTL = new Map<number, CacheBucket>();
const DEFAULT_PREFETCH: CacheConfig['prefetch'] = { amount: 0, duration: MINUTE, percentage: 10 };

/** The shared bucket with the default capacity and minimum TTL and this maximum TTL. */
function sharedBucket(byTtl: Map<number, CacheBucket>, maxTtl: number): CacheBucket {
  let bucket = byTtl.get(maxTtl);
  if (bucket === undefined) {
    if (byTtl.size >= 256) byTtl.clear();
    bucket = { capacity: 10000, maxTtl, minTtl: 5, disabledFor: NO_ZONES };
    byTtl.set(maxTtl, bucket);
  }
  return bucket;
}

/** The configuration before any option: the TTL argument, when written, is both buckets' maximum. */
function defaults(zones: readonly string[], ttl: number | undefined): CacheConfig {
  return {
    zones,
    success: sharedBucket(SUCCESS_BY_TTL, ttl ?? 3600),
    denial: sharedBucket(DENIAL_BY_TTL, ttl ?? 1800),
    prefetch: DEFAULT_PREFETCH,
    preferPositive: false,
    servfail: 5 * SECOND,
    keepTtl: false,
  };
}

const OPTIONS = 'success, denial, prefetch, serve_stale, serve_stale_policy, servfail, disable, keepttl';

function setup(ctx: SetupContext): CacheConfig {
  const { d } = ctx;
  // The block's zones are only read, here and by the simulator, so a cache without zone arguments
  // shares the block's list instead of copying it (below too).
  // The framework hands over only the first `cache` of a block (it reports the others itself).
  if (!d.next()) return defaults(ctx.block.zones, undefined);
  const args = d.remainingArgTokens();
  // The zones start after the TTL argument when there is one.
  let zonesFrom = 0;
  let ttl: number | undefined;
  const first = args[0];
  if (first && !ctx.isUnknown(first)) {
    const written = parseGoInt(first.value);
    if (written !== undefined) {
      zonesFrom = 1;
      if (written <= 0) {
        ctx.report('error', 'cache/bad-ttl', `The cache TTL must be a positive number of seconds; CoreDNS refuses ${first.value}. Write e.g. 'cache 30', or remove the cache line to turn caching off.`, first);
      } else {
        ttl = written;
      }
    } else if (parseGoDuration(first.value) !== undefined) {
      ctx.report('warning', 'cache/ttl-as-zone', `'${first.value}' is not a whole number, so CoreDNS takes it for a zone name and caches only names under '${first.value}.', with the default TTL. The TTL is plain seconds: write 'cache ${Math.round((parseGoDuration(first.value) ?? 0) / SECOND) || 30}'.`, first);
    }
  } else if (first) {
    zonesFrom = 1;
  }
  const config = defaults(zonesFrom < args.length ? zonesFromArgs(ctx, 'cache', args, zonesFrom) : ctx.block.zones, ttl);
  let serveStaleSeen = false;
  let policyToken: ArgToken | undefined;
  while (d.nextBlock()) {
    const option = d.token()!;
    const values = d.remainingArgTokens();
    const known = values.every((v) => !ctx.isUnknown(v));
    switch (option.value) {
      case 'success':
      case 'denial':
        if (values.length === 0) argError(ctx, 'cache', `Write e.g. '${option.value} 10000 ${option.value === 'success' ? 3600 : 1800} 5' (capacity, maximum TTL, minimum TTL).`, option);
        else if (known && option.value === 'success') config.success = readBucket(ctx, config.success, values);
        else if (known) config.denial = readBucket(ctx, config.denial, values);
        break;
      case 'prefetch':
        if (values.length === 0 || values.length > 3) argError(ctx, 'cache', "Write 'prefetch AMOUNT [DURATION [PERCENTAGE%]]', e.g. 'prefetch 10 1m 20%'.", values[3] ?? option);
        else if (known) readPrefetch(ctx, config, values);
        break;
      case 'serve_stale':
        serveStaleSeen = true;
        if (known) readServeStale(ctx, config, values);
        break;
      case 'serve_stale_policy':
        if (policyToken) {
          ctx.report('error', 'cache/repeated-option', 'serve_stale_policy may appear only once; CoreDNS refuses a second one. Remove it.', option);
          break;
        }
        policyToken = option;
        if (values.length !== 1) argError(ctx, 'cache', "Write 'serve_stale_policy prefer_positive'.", values[1] ?? option);
        else if (known && values[0]!.value.toLowerCase() !== 'prefer_positive') {
          ctx.report('error', 'cache/bad-stale-policy', `Unknown serve_stale_policy '${values[0]!.value}'; CoreDNS refuses it. The only policy is prefer_positive.`, values[0]);
        } else config.preferPositive = true;
        break;
      case 'servfail':
        if (values.length !== 1) argError(ctx, 'cache', "Write 'servfail DURATION', e.g. 'servfail 5s'.", values[1] ?? option);
        else if (known) {
          const v = duration(ctx, values[0]!, 'servfail 5s');
          if (v !== undefined && v > 5 * MINUTE) {
            ctx.report('error', 'cache/servfail-too-long', 'SERVFAIL answers may be cached for at most 5 minutes (RFC 2308); CoreDNS refuses longer. Write e.g. servfail 30s.', values[0]);
          } else if (v !== undefined) config.servfail = v;
        }
        break;
      case 'disable':
        if (values.length === 0) argError(ctx, 'cache', "Write 'disable success|denial [ZONES...]'.", option);
        else if (known) readDisable(ctx, config, values);
        break;
      case 'keepttl':
        if (values.length !== 0) argError(ctx, 'cache', "'keepttl' takes no value; write it alone.", values[0]);
        else config.keepTtl = true;
        break;
      default:
        ctx.report('error', 'cache/unknown-option', `Unknown cache option '${option.value}'; CoreDNS refuses to start. Options are: ${OPTIONS}.`, option);
    }
  }
  if (policyToken && !serveStaleSeen) {
    ctx.report('error', 'cache/policy-without-serve-stale', 'serve_stale_policy only works together with serve_stale, and CoreDNS refuses it alone. Add a serve_stale line, or remove the policy.', policyToken);
  }
  return config;
}

function integer(ctx: SetupContext, token: ArgToken, what: string): number | undefined {
  const n = parseGoInt(token.value);
  if (n === undefined) ctx.report('error', 'cache/bad-number', `${what} must be a whole number; CoreDNS refuses '${token.value}'.`, token);
  return n;
}

function duration(ctx: SetupContext, token: ArgToken, example: string): number | undefined {
  const v = parseGoDuration(token.value);
  if (v === undefined) {
    ctx.report('error', 'cache/bad-duration', `'${token.value}' is not a duration; CoreDNS refuses it. Write a Go duration with a unit, e.g. '${example}'.`, token);
    return undefined;
  }
  if (v < 0) {
    ctx.report('error', 'cache/bad-duration', `A negative duration is refused by CoreDNS ('${token.value}'). Write e.g. '${example}'.`, token);
    return undefined;
  }
  return v;
}

/** The bucket as the option changes it: a copy, as the one given may be shared. */
function readBucket(ctx: SetupContext, shared: CacheBucket, values: readonly ArgToken[]): CacheBucket {
  const bucket = { ...shared };
  const [capToken, ttlToken, minToken] = values;
  const cap = integer(ctx, capToken!, 'The capacity');
  if (cap !== undefined) bucket.capacity = cap;
  if (ttlToken) {
    const ttl = integer(ctx, ttlToken, 'The TTL (seconds)');
    if (ttl !== undefined && ttl <= 0) ctx.report('error', 'cache/bad-ttl', `The maximum TTL must be a positive number of seconds; CoreDNS refuses ${ttlToken.value}. Write e.g. 300.`, ttlToken);
    else if (ttl !== undefined) bucket.maxTtl = ttl;
  }
  if (minToken) {
    const min = integer(ctx, minToken, 'The minimum TTL (seconds)');
    if (min !== undefined && min < 0) ctx.report('error', 'cache/bad-ttl', `The minimum TTL cannot be negative; CoreDNS refuses ${minToken.value}. Write 0 or more.`, minToken);
    else if (min !== undefined) bucket.minTtl = min;
  }
  return bucket;
}

function readPrefetch(ctx: SetupContext, config: CacheConfig, values: readonly ArgToken[]): void {
  // The settings may be shared (see sharedBucket): the config gets its own copy before a change.
  config.prefetch = { ...config.prefetch };
  const [amountToken, durationToken, pctToken] = values;
  const amount = integer(ctx, amountToken!, 'The prefetch amount');
  if (amount !== undefined && amount < 0) ctx.report('error', 'cache/bad-prefetch', `The prefetch amount cannot be negative; CoreDNS refuses ${amountToken!.value}. Write e.g. 'prefetch 10'.`, amountToken);
  else if (amount !== undefined) config.prefetch.amount = amount;
  if (durationToken) {
    const v = parseGoDuration(durationToken.value);
    if (v === undefined) ctx.report('error', 'cache/bad-duration', `'${durationToken.value}' is not a duration; CoreDNS refuses it. Write e.g. 'prefetch 10 1m'.`, durationToken);
    else config.prefetch.duration = v;
  }
  if (pctToken) {
    const text = pctToken.value;
    const n = text.endsWith('%') ? parseGoInt(text.slice(0, -1)) : undefined;
    if (n === undefined || n < 10 || n > 90) {
      ctx.report('error', 'cache/bad-prefetch', `The prefetch percentage must be a whole number from 10 to 90 followed by '%'; CoreDNS refuses '${text}'. Write e.g. '20%'.`, pctToken);
    } else config.prefetch.percentage = n;
  }
}

function readServeStale(ctx: SetupContext, config: CacheConfig, values: readonly ArgToken[]): void {
  const stale = { upTo: 3600 * SECOND, verify: false, verifyTimeout: 0, responseTtl: 0, recheck: 0 };
  config.serveStale = stale;
  if (values.length > 5) {
    argError(ctx, 'cache', "Write 'serve_stale [DURATION [immediate|verify ...]]'.", values[5]);
    return;
  }
  const [upTo, mode, third, fourth, fifth] = values;
  if (upTo) {
    const v = duration(ctx, upTo, 'serve_stale 1h');
    if (v !== undefined) stale.upTo = v;
  }
  if (mode) {
    const m = mode.value.toLowerCase();
    if (m !== 'immediate' && m !== 'verify') {
      ctx.report('error', 'cache/bad-stale-mode', `The serve_stale refresh mode must be immediate or verify; CoreDNS refuses '${mode.value}'.`, mode);
      return;
    }
    stale.verify = m === 'verify';
  }
  if (!third) return;
  if (stale.verify) {
    const t = duration(ctx, third, 'serve_stale 1h verify 1s');
    if (t !== undefined) stale.verifyTimeout = t;
    if (fourth) stale.responseTtl = responseTtl(ctx, fourth) ?? 0;
    if (fifth) stale.recheck = recheck(ctx, fifth) ?? 0;
    return;
  }
  if (fifth) {
    argError(ctx, 'cache', "In immediate mode serve_stale takes at most DURATION immediate RESPONSE_TTL RECHECK.", fifth);
    return;
  }
  stale.responseTtl = responseTtl(ctx, third) ?? 0;
  if (fourth) stale.recheck = recheck(ctx, fourth) ?? 0;
}

function responseTtl(ctx: SetupContext, token: ArgToken): number | undefined {
  const v = duration(ctx, token, '30s');
  if (v === undefined) return undefined;
  if (v % SECOND !== 0) {
    ctx.report('error', 'cache/bad-stale-ttl', `The serve_stale response TTL must be a whole number of seconds; CoreDNS refuses '${token.value}'. Write e.g. '30s'.`, token);
    return undefined;
  }
  if (v / SECOND > 4294967295) {
    ctx.report('error', 'cache/bad-stale-ttl', `The serve_stale response TTL is beyond the DNS TTL range; CoreDNS refuses '${token.value}'.`, token);
    return undefined;
  }
  return v;
}

function recheck(ctx: SetupContext, token: ArgToken): number | undefined {
  const v = duration(ctx, token, '10s');
  if (v !== undefined && v > 5 * MINUTE) {
    ctx.report('error', 'cache/bad-stale-recheck', `The serve_stale failure recheck may be at most 5 minutes; CoreDNS refuses '${token.value}'.`, token);
    return undefined;
  }
  return v;
}

function readDisable(ctx: SetupContext, config: CacheConfig, values: readonly ArgToken[]): void {
  const [kind, ...zoneTokens] = values;
  const zones = zoneTokens.length > 0 ? zoneTokens.map((z) => normalizeName(z.value)) : ['.'];
  // The buckets may be shared (see sharedBucket): the changed one is a copy.
  if (kind!.value === 'success') config.success = { ...config.success, disabledFor: zones };
  else if (kind!.value === 'denial') config.denial = { ...config.denial, disabledFor: zones };
  else ctx.report('error', 'cache/bad-disable', `disable takes 'success' or 'denial' first; CoreDNS refuses '${kind!.value}'. Write e.g. 'disable denial example.org'.`, kind);
}

export const cache: PluginModule<CacheConfig> = {
  name: 'cache',
  setupOnly: false,
  repeat: 'once',
  docs: {
    summary: 'Keeps DNS answers in memory and answers repeated questions from there.',
    behaviour:
      'A query for a name in its zones that is in the cache is answered directly, with the TTL counted down. Otherwise the query passes to the next plugin and the reply is stored: positive answers in the success cache, NXDOMAIN and NODATA in the denial cache, SERVFAIL briefly. Queries outside its zones pass untouched.',
    syntax: ['cache [TTL] [ZONES...]', 'cache [TTL] [ZONES...] {\n    success CAPACITY [TTL [MINTTL]]\n    denial CAPACITY [TTL [MINTTL]]\n    prefetch AMOUNT [[DURATION] [PERCENTAGE%]]\n    serve_stale [DURATION] [REFRESH_MODE]\n    serve_stale_policy prefer_positive\n    servfail DURATION\n    disable success|denial [ZONES...]\n    keepttl\n}'],
    arguments: [
      { name: 'TTL', syntax: 'TTL', description: 'Upper limit, in plain seconds, for how long any answer is kept. A value with a unit such as 30s is not a TTL: it is read as a zone name.', default: '3600 for answers, 1800 for denials', values: 'whole number greater than 0' },
      { name: 'ZONES', syntax: 'ZONES...', description: 'Only answers for names in these zones are cached.', default: "the server block's zones" },
    ],
    options: [
      { name: 'success', syntax: 'success CAPACITY [TTL [MINTTL]]', description: 'Size of the positive cache and the TTL bounds (seconds) applied to stored answers.', default: '10000 3600 5' },
      { name: 'denial', syntax: 'denial CAPACITY [TTL [MINTTL]]', description: 'Same for NXDOMAIN and NODATA answers.', default: '10000 1800 5' },
      { name: 'prefetch', syntax: 'prefetch AMOUNT [[DURATION] [PERCENTAGE%]]', description: 'An entry asked for AMOUNT times within DURATION is refreshed in the background once only PERCENTAGE of its TTL is left.', default: 'off; 1m and 10% when enabled', values: 'PERCENTAGE 10%..90%' },
      { name: 'serve_stale', syntax: 'serve_stale [DURATION [immediate|verify [TIMEOUT|RESPONSE_TTL [...]]]]', description: 'Keeps serving expired entries for up to DURATION when upstreams fail; immediate answers stale at once and refreshes behind it, verify asks upstream first.', default: '1h immediate' },
      { name: 'serve_stale_policy', syntax: 'serve_stale_policy prefer_positive', description: 'While serving stale, prefer an older positive answer over a fresher negative one. Needs serve_stale.' },
      { name: 'servfail', syntax: 'servfail DURATION', description: 'How long SERVFAIL answers are cached; 0 turns it off.', default: '5s', values: '0 to 5m' },
      { name: 'disable', syntax: 'disable success|denial [ZONES...]', description: 'Do not cache that kind of answer for these zones (all zones when none are given).' },
      { name: 'keepttl', syntax: 'keepttl', description: 'Answer from the cache with the original TTL instead of the remaining one.' },
    ],
    examples: ['. {\n    cache 30\n    forward . 10.0.0.1\n}', '. {\n    cache {\n        success 5000 600 10\n        prefetch 10 1m 20%\n        serve_stale 1h\n    }\n    forward . 10.0.0.1\n}'],
  },
  setup,
  handler: cacheHandler,
};
