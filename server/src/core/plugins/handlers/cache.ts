// The cache plugin in the simulator. Every query starts with an empty cache, so each one is a miss: the
// query goes on down the chain and the reply comes back through the cache, which rewrites the TTL of every
// record to the one duration it would keep the entry for. That TTL change is what a client really sees from
// a cache on the first lookup, so it is simulated exactly; hits (TTLs counting down), prefetch and
// serve_stale depend on time and earlier traffic and are only mentioned.
import type { CacheConfig } from '../cache.js';
import type { HandlerSite } from '../types.js';
import type { Handler, HandlerContext, HandlerResult, Next, Request } from '../../resolve/types.js';
import { isSubdomainOf } from '../../resolve/message.js';
import { cacheTtlDecision, type CacheTtlDecision } from './fwd/cache-ttl.js';
import { cloneMessage, sectionsOf, setTtl } from './fwd/records.js';

export function cacheHandler(config: CacheConfig, site: HandlerSite): Handler {
  const at = { range: site.range, uri: site.uri };
  return {
    name: 'cache',
    serve(req: Request, next: Next, ctx: HandlerContext): HandlerResult {
      const q = req.msg.question[0];
      const zone = q ? longestZone(config.zones, q.name) : undefined;
      if (!q || zone === undefined) {
        ctx.step({ plugin: 'cache', action: 'passed', detail: `cache: ${q?.name ?? 'the query'} is outside the cached zones (${config.zones.join(', ') || 'none'}), so the query passes through untouched.`, ...at });
        return next(req);
      }
      ctx.step({ plugin: 'cache', action: 'cache-miss', detail: `cache: a miss — the simulation starts every query with an empty cache, so the query goes on down the chain.${notes(config)}`, ...at });
      // CoreDNS hands a copy of the query on, marked "authenticated data", so upstreams report DNSSEC status.
      const down = cloneMessage(req.msg);
      down.flags.ad = true;
      const result = next({ ...req, msg: down });
      if (!result.reply) {
        // Nothing was written below: the server writes the error itself, outside the cache's writer.
        ctx.step({ plugin: 'cache', action: 'no-effect', detail: `cache: nothing below wrote a reply (${result.rcode}), so there is nothing to cache or to change.`, ...at });
        return result;
      }
      const reply = cloneMessage(result.reply);
      const decision = cacheTtlDecision(config, reply);
      for (const section of sectionsOf(reply)) for (const record of section) setTtl(record, decision.ttl);
      // OPT is hop-by-hop: the cache drops it from the additional section (the server adds its own).
      reply.additional = reply.additional.filter((r) => r.type !== 'OPT');
      // Without DO or AD in the query the client cannot use DNSSEC status, so the AD bit is cleared.
      if (!req.msg.edns?.do && !req.msg.flags.ad) reply.flags.ad = false;
      const records = reply.answer.length + reply.authority.length + reply.additional.length;
      ctx.step({ plugin: 'cache', action: 'modified', detail: explain(decision, records, reply.rcode), ...at });
      return { ...result, reply };
    },
  };
}

/** plugin.Zones.Matches: the longest cached zone that holds the name. */
function longestZone(zones: readonly string[], name: string): string | undefined {
  let best: string | undefined;
  for (const zone of zones) if (isSubdomainOf(name, zone) && (best === undefined || zone.length > best.length)) best = zone;
  return best;
}

function explain(d: CacheTtlDecision, records: number, rcode: string): string {
  const stored = d.notStored === undefined ? `It would be kept for ${d.ttl}s in the ${d.bucket === 'success' ? 'success' : 'denial'} cache.` : `It is not stored: ${d.notStored}.`;
  if (records === 0) return `cache: the ${rcode} reply has no records whose TTL could change; it passes through. ${stored}`;
  const kind = KIND_TEXT[d.kind];
  if (d.bucket === 'servfail') return `cache: the ${kind} reply passes through with every record's TTL set to ${d.ttl}, the servfail duration. ${stored}`;
  let why: string;
  if (!d.fromRecords) why = `CoreDNS takes no TTL from a ${kind} reply and starts from ${d.messageTtl} seconds, within the ${d.bucket} bounds ${d.min}–${d.max}`;
  else if (d.ttl === d.smallestTtl) why = `the smallest TTL in the reply, within the ${d.bucket} bounds ${d.min}–${d.max}`;
  else if (d.ttl === d.max) why = `the smallest TTL in the reply (${d.smallestTtl}) capped at the ${d.bucket} maximum ${d.max}`;
  else why = `the smallest TTL in the reply (${d.smallestTtl}) raised to the ${d.bucket} minimum ${d.min}`;
  return `cache: the ${kind} reply passes through, but every record's TTL (answer, authority and additional) is set to ${d.ttl}: ${why}. ${stored}`;
}

const KIND_TEXT: Record<CacheTtlDecision['kind'], string> = {
  NoError: 'positive',
  NameError: 'NXDOMAIN',
  NoData: 'NODATA',
  ServerError: 'SERVFAIL',
  Delegation: 'referral',
  Meta: 'transfer or notify',
  Update: 'update',
  OtherError: 'error',
};

/** The options whose effect depends on time or earlier queries, said once so nobody expects them here. */
function notes(config: CacheConfig): string {
  const parts: string[] = [];
  if (config.prefetch.amount > 0) parts.push('prefetch refreshes popular entries before they expire');
  if (config.serveStale) parts.push('serve_stale answers from expired entries when the upstream fails');
  if (config.keepTtl) parts.push('keepttl makes hits carry the stored TTL instead of the remaining one');
  if (parts.length === 0) return '';
  return ` Not simulated, as they need earlier queries: ${parts.join('; ')}.`;
}
