// The part of ServeDNS that file, auto and secondary share once they know which zone a query belongs to
// (plugin/file/file.go, plugin/auto/auto.go): refuse transfers, look the name up, hand an empty NXDOMAIN
// or no-data answer to the next plugin when fallthrough covers it, and otherwise write the authoritative
// reply with the rcode the lookup result calls for.
import { newReply } from '../../../resolve/message.js';
import type { HandlerContext, HandlerResult, Next, RcodeName, Request } from '../../../resolve/types.js';
import type { HandlerSite } from '../../types.js';
import { count, fallsThrough, questionOf, stepper } from './common.js';
import { lookupInZone, type LookupOutcome } from './lookup.js';
import type { Zone } from './zone.js';

export interface ZoneServeOptions {
  plugin: string;
  /** fallthrough zones; empty when the plugin has none (auto never falls through). */
  fallthrough: readonly string[];
  /** Where the zone's data came from, for the trace ("the zone file /etc/coredns/db.example.org"). */
  source: string;
  /**
   * file keeps AA on a referral whose answer holds an in-zone CNAME chain; auto clears AA on every
   * referral (plugin/auto/auto.go).
   */
  referralKeepsAaWithAnswer: boolean;
}

export function serveZone(zone: Zone, req: Request, next: Next, ctx: HandlerContext, site: HandlerSite, options: ZoneServeOptions): HandlerResult {
  const { plugin } = options;
  const step = stepper(ctx, plugin, site);
  const q = questionOf(req);
  const missing = zone.unreadable.length > 0 ? `; ${count(zone.unreadable.length, 'record')} of it cannot be represented by the simulator and ${zone.unreadable.length === 1 ? 'is' : 'are'} left out: ${zone.unreadable.join(', ')}` : '';
  const where = `${plugin} is authoritative for ${zone.origin} (${options.source}${missing})`;
  if (q.type === 'AXFR' || q.type === 'IXFR') {
    step('refused', `${where}, but zone transfers are only served by the transfer plugin, which this block does not configure for them: REFUSED.`);
    return { rcode: 'REFUSED', answeredBy: plugin };
  }
  const outcome = lookupInZone(zone, q.name, q.type, (name, type) => ctx.lookup(name, type));
  const how = outcome.notes.length > 0 ? `: ${outcome.notes.join('; ')}` : '';
  if (outcome.answer.length === 0 && (outcome.result === 'name-error' || outcome.result === 'success') && fallsThrough(options.fallthrough, q.name)) {
    const what = outcome.result === 'name-error' ? 'NXDOMAIN' : 'an empty answer';
    step('fell-through', `${end(`${where}${how}`)} Its fallthrough covers ${q.name}, so instead of ${what} the query goes to the next plugin.`);
    return next(req);
  }
  if (outcome.result === 'server-failure' && outcome.answer.length === 0) {
    step('error', `${end(`${where}${how}`)} SERVFAIL.`);
    return { rcode: 'SERVFAIL', answeredBy: plugin };
  }
  const { rcode, aa, sentence } = describe(outcome, options.referralKeepsAaWithAnswer);
  const reply = newReply(req.msg, rcode, { answer: outcome.answer, authority: outcome.authority, additional: outcome.additional, aa });
  step('answered', `${end(`${where}${how}`)} ${sentence}`);
  return { rcode: 'NOERROR', reply, answeredBy: plugin };
}

/** The written reply's rcode and AA bit for a lookup result, and a sentence saying what the client gets. */
function describe(outcome: LookupOutcome, referralKeepsAa: boolean): { rcode: RcodeName; aa: boolean; sentence: string } {
  const records = count(outcome.answer.length, 'record');
  const extra = outcome.additional.length > 0 ? ` and ${count(outcome.additional.length, 'address record')} in the additional section` : '';
  switch (outcome.result) {
    case 'name-error':
      return { rcode: 'NXDOMAIN', aa: true, sentence: outcome.answer.length > 0 ? `NXDOMAIN with the CNAME chain (${records}) and the SOA.` : 'NXDOMAIN with the SOA in the authority section.' };
    case 'no-data':
      return { rcode: 'NOERROR', aa: true, sentence: outcome.answer.length > 0 ? `NOERROR with the CNAME chain (${records}) and the SOA: the target has no such records.` : 'NOERROR with no records (NODATA) and the SOA in the authority section.' };
    case 'delegation':
    {
      const aa = referralKeepsAa && outcome.answer.length > 0;
      return {
        rcode: 'NOERROR',
        aa,
        sentence: `A referral: NOERROR with ${outcome.answer.length > 0 ? `the CNAME chain (${records})` : 'no answer'}, the NS records in the authority section${outcome.additional.length > 0 ? ' and their glue' : ''}${aa ? '' : ', not authoritative (AA off)'}.`,
      };
    }
    case 'server-failure':
      return { rcode: 'SERVFAIL', aa: true, sentence: `SERVFAIL with the CNAME chain (${records}), the rcode of the target's lookup.` };
    case 'success':
      return { rcode: 'NOERROR', aa: true, sentence: outcome.answer.length > 0 ? `NOERROR with ${records}${extra}.` : 'NOERROR with no records: an empty non-terminal, the SOA in the authority section.' };
  }
}

/** Ends a sentence with one full stop, also when it ends with an absolute name. */
function end(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}
