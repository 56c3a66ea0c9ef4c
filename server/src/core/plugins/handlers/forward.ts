// The forward plugin in the simulator. Each `forward` line of a block is one forwarder, and they form a
// chain in Corefile order: a line whose FROM does not cover the name (or whose `except` does) hands the
// query to the next line, the last line to the next plugin. A line that takes the query asks its upstreams
// (the scenario's answers stand in for them) and passes the reply on exactly as received, error codes
// included; `failover` tries another upstream of the same line, `next RCODE` and `next_on_nodata` hand the
// query to the following forward line (Forward.ServeDNS and setup in CoreDNS 1.14).
import type { FileHost } from '../../host.js';
import type { ForwardConfig, ForwardStanza } from '../forward.js';
import type { HandlerSite } from '../types.js';
import type { Handler, HandlerContext, HandlerResult, Next, Request } from '../../resolve/types.js';
import { isSubdomainOf, namesEqual, newReply, rcodeNumber } from '../../resolve/message.js';
import { tokenRange } from '../../corefile/token.js';
import { forwardTargets, type TargetList } from './fwd/forward-targets.js';
import { pickReply, type ForwardPick, type UpstreamReply } from './fwd/forward-pick.js';

export function forwardHandler(config: ForwardConfig, site: HandlerSite): Handler {
  // Where each line is written, for the trace: made once, as every query may point at it.
  const places = config.stanzas.map((s) => ({ range: tokenRange(s.directive), uri: site.uri }));
  // Files are read once per world, as CoreDNS reads them once at startup.
  const targetCache = new WeakMap<FileHost, TargetList[]>();
  const targetsFor = (files: FileHost): TargetList[] => {
    let lists = targetCache.get(files);
    if (!lists) {
      lists = config.stanzas.map((s) => forwardTargets(s, files));
      targetCache.set(files, lists);
    }
    return lists;
  };
  return {
    name: 'forward',
    serve(req: Request, next: Next, ctx: HandlerContext): HandlerResult {
      const q = req.msg.question[0];
      if (!q) return { rcode: 'FORMERR' };
      const lists = targetsFor(ctx.world.files);
      for (let i = 0; i < config.stanzas.length; i++) {
        const stanza = config.stanzas[i]!;
        const at = places[i]!;
        const hasNextLine = i + 1 < config.stanzas.length;
        const onward = hasNextLine ? 'the next forward line' : 'the next plugin';
        const head = `forward ${describeFrom(stanza)}`;
        const refusal = whyNotForwarded(stanza, q.name);
        if (refusal !== undefined) {
          ctx.step({ plugin: 'forward', action: 'passed', detail: `${head}: ${refusal}, so the query goes to ${onward}.`, ...at });
          if (hasNextLine) continue;
          return next(req);
        }
        const list = lists[i]!;
        if (list.targets.length === 0) {
          const why = list.notes.length > 0 ? ` (${list.notes.join('; ')})` : '';
          ctx.step({ plugin: 'forward', action: 'error', detail: `${head}: no upstream address is left to ask${why}; CoreDNS would refuse to start with such a line, and a forwarder with no upstream answers SERVFAIL.`, ...at });
          return { rcode: 'SERVFAIL', answeredBy: 'forward' };
        }
        const replies: UpstreamReply[] = list.targets.map((target) => ({ target, ...ctx.world.upstream.answer(target.key, q.name, q.type) }));
        const pick = pickReply(stanza.policy, stanza.failover, replies, rcodeNumber);
        const chosen = pick.chosen;
        const handOn = handsOn(stanza, chosen, hasNextLine);
        ctx.step({ plugin: 'forward', action: 'forwarded', detail: askedSentence(head, stanza, list, pick, handOn), ...at });
        if (handOn) continue;
        // The upstream's reply goes to the client as it came: its records untouched, its rcode kept. The
        // servers behind forward are recursive resolvers, so the reply carries "recursion available".
        const reply = newReply(req.msg, chosen.rcode, { answer: chosen.answer.map((r) => ({ ...r })) });
        reply.flags.ra = true;
        return { rcode: 'NOERROR', reply, answeredBy: 'forward' };
      }
      // A block without a usable forward line (every line refused by setup) passes the query on.
      return next(req);
    },
  };
}

/** Forward.match and isAllowedDomain: FROM must cover the name; `except` zones are left out, FROM itself never. */
function whyNotForwarded(stanza: ForwardStanza, name: string): string | undefined {
  if (!isSubdomainOf(name, stanza.from)) return `${name} is not under ${stanza.from}`;
  if (namesEqual(name, stanza.from)) return undefined;
  const except = stanza.except.find((zone) => isSubdomainOf(name, zone));
  if (except !== undefined) return `${name} is under ${except}, which 'except' leaves out`;
  return undefined;
}

/** `next RCODE` and `next_on_nodata` hand the query on only when another forward line follows. */
function handsOn(stanza: ForwardStanza, reply: UpstreamReply, hasNextLine: boolean): string | undefined {
  if (!hasNextLine) return undefined;
  const code = rcodeNumber(reply.rcode);
  if (stanza.next.includes(code)) return `'next ${reply.rcode}' hands the query to the next forward line`;
  if (stanza.nextOnNodata && reply.rcode === 'NOERROR' && reply.answer.length === 0) return `'next_on_nodata' hands the empty answer on to the next forward line`;
  return undefined;
}

function describeFrom(stanza: ForwardStanza): string {
  const tos = stanza.upstreams.map((u) => u.text);
  const shown = tos.length > 3 ? [...tos.slice(0, 3), '…'] : tos;
  return [stanza.from, ...shown].join(' ');
}

function askedSentence(head: string, stanza: ForwardStanza, list: TargetList, pick: ForwardPick, handOn: string | undefined): string {
  const chosen = pick.chosen;
  const under = stanza.except.length > 0 ? `the name is under '${stanza.from}' and not under ${stanza.except.join(', ')}` : `the name is under '${stanza.from}'`;
  const skipped = pick.skipped.map((s) => `${s.target.label} replied ${s.rcode}, which 'failover' skips; `).join('');
  const notes = list.notes.length > 0 ? ` ${capitalise(list.notes.join('; '))}.` : '';
  const result = describeReply(chosen);
  let tail = ' The reply goes back unchanged.';
  if (handOn) tail = ` ${capitalise(handOn)}.`;
  else if (stanza.next.includes(rcodeNumber(chosen.rcode))) tail = ` 'next ${chosen.rcode}' has no effect, as no forward line follows this one; the reply goes back unchanged.`;
  else if (stanza.nextOnNodata && chosen.rcode === 'NOERROR' && chosen.answer.length === 0) tail = " 'next_on_nodata' has no effect, as no forward line follows this one; the reply goes back unchanged.";
  return `${head}: ${under}, ${skipped}asked ${chosen.target.label} (${pick.policyText}); it replied ${result}.${tail}${notes}`;
}

function describeReply(r: Pick<UpstreamReply, 'rcode' | 'answer'>): string {
  if (r.rcode !== 'NOERROR') return r.rcode;
  if (r.answer.length === 0) return 'NOERROR with no records (NODATA)';
  return `NOERROR with ${r.answer.length} record${r.answer.length === 1 ? '' : 's'}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
