// Which upstream's reply one `forward` line passes on. With `policy sequential` the order is fixed; with
// random and round_robin it is not (a fresh random order per query, or a rotation that depends on every
// query before this one), so the simulation never claims to know which upstream was asked. It asks every
// upstream of the scenario, works out every reply the client could get, and says whether the pick matters.
// `failover RCODE...` skips a reply with one of those codes and asks the next upstream in the order, until
// the last one, whose reply is taken whatever it is (Forward.ServeDNS in CoreDNS 1.14).
import type { ForwardPolicy } from '../../forward.js';
import type { DnsRecord, RcodeName } from '../../../resolve/types.js';
import { formatRecord } from '../../../resolve/message.js';
import type { ForwardTarget } from './forward-targets.js';

export interface UpstreamReply {
  target: ForwardTarget;
  rcode: RcodeName;
  answer: DnsRecord[];
}

export interface ForwardPick {
  /** The reply the simulation passes on. */
  chosen: UpstreamReply;
  /** Upstreams asked before the chosen one and skipped by `failover` (sequential order only). */
  skipped: UpstreamReply[];
  /** The sentence in parentheses after "asked X": the policy and whether the pick changes the answer. */
  policyText: string;
  /** True when different picks give the client different replies. */
  depends: boolean;
}

/** A reply's identity for comparison: the rcode and the records in presentation format, in order. */
export function replyText(r: Pick<UpstreamReply, 'rcode' | 'answer'>): string {
  return [r.rcode, ...r.answer.map(formatRecord)].join('\n');
}

/** Decides the reply a stanza passes on, given every upstream's reply in list order. */
export function pickReply(policy: ForwardPolicy, failover: readonly number[], replies: UpstreamReply[], rcodeNumber: (r: RcodeName) => number): ForwardPick {
  const n = replies.length;
  if (policy === 'sequential' || n === 1) {
    const skipped: UpstreamReply[] = [];
    let chosen = replies[0]!;
    for (let i = 0; i < n; i++) {
      chosen = replies[i]!;
      if (!failover.includes(rcodeNumber(chosen.rcode)) || i === n - 1) break;
      skipped.push(chosen);
    }
    const policyText = n === 1 ? 'the only upstream' : `policy ${policy}: the upstreams are always tried in the order written`;
    return { chosen, skipped, policyText, depends: false };
  }
  // Any upstream can come first. A reply that failover skips reaches the client only when every upstream
  // gives such a reply (the last one asked is taken), so the possible outcomes are the non-skipped replies,
  // or all replies when there is none.
  const usable = failover.length > 0 ? replies.filter((r) => !failover.includes(rcodeNumber(r.rcode))) : replies;
  const possible = usable.length > 0 ? usable : replies;
  const distinct = new Set(possible.map(replyText));
  const depends = distinct.size > 1;
  const how = policy === 'random' ? `policy random: any of ${n} upstreams could be asked` : `policy round_robin: the ${n} upstreams take turns, so which one gets this query depends on the queries before it`;
  let verdict: string;
  if (!depends && possible.length === n) verdict = 'all answer the same here';
  else if (!depends) verdict = `every order ends with the same reply here, as failover skips ${n - possible.length} of them`;
  else verdict = `they answer differently, so the answer depends on the pick; the simulation shows ${possible[0]!.target.key}'s`;
  return { chosen: possible[0]!, skipped: [], policyText: `${how}; ${verdict}`, depends };
}
