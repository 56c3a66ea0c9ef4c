// loadbalance: reorders the records of successful replies (plugin/loadbalance). The real order is random
// (round_robin) or weighted at random (weighted); the simulator keeps each group in the order it came and
// says the order is random, so answers must be compared as sets. The grouping, which is deterministic, is
// applied: CNAMEs first, then other types, then addresses, then MX; `prefer` then puts addresses in the
// preferred networks first.
import type { DnsMessage, DnsRecord, Handler } from '../../resolve/types.js';
import { cidrContains, copyMessage } from '../../resolve/message.js';
import { parseCidr } from '../../corefile/zone.js';
import type { LoadbalanceConfig } from '../loadbalance.js';
import type { HandlerSite } from '../types.js';

type Group = 'cname' | 'address' | 'mx' | 'rest';

function groupOf(r: DnsRecord): Group {
  if (r.type === 'CNAME') return 'cname';
  if (r.type === 'A' || r.type === 'AAAA') return 'address';
  if (r.type === 'MX') return 'mx';
  return 'rest';
}

function partition(records: readonly DnsRecord[]): Record<Group, DnsRecord[]> {
  const out: Record<Group, DnsRecord[]> = { cname: [], address: [], mx: [], rest: [] };
  for (const r of records) out[groupOf(r)].push(r);
  return out;
}

/** The round-robin order with the shuffle left out: CNAME, rest, addresses, MX. */
function roundRobinGroups(records: readonly DnsRecord[]): DnsRecord[] {
  if (records.length <= 1) return [...records];
  const g = partition(records);
  return [...g.cname, ...g.rest, ...g.address, ...g.mx];
}

/** The weighted order with the random pick left out: unchanged without addresses, else as round robin. */
function weightedGroups(records: readonly DnsRecord[]): DnsRecord[] {
  const g = partition(records);
  if (g.address.length === 0) return [...records];
  return [...g.cname, ...g.rest, ...g.address, ...g.mx];
}

/** `prefer`: CNAME, addresses in the preferred networks (in network order) then the others, MX, rest. */
function preferOrder(records: readonly DnsRecord[], networks: ReadonlyArray<{ bytes: number[]; prefix: number }>): DnsRecord[] {
  const g = partition(records);
  const seen = new Set<number>();
  const matched: DnsRecord[] = [];
  for (const network of networks) {
    g.address.forEach((r, i) => {
      if (seen.has(i) || (r.type !== 'A' && r.type !== 'AAAA')) return;
      if (cidrContains(network, r.data)) {
        matched.push(r);
        seen.add(i);
      }
    });
  }
  const unmatched = g.address.filter((_, i) => !seen.has(i));
  return [...g.cname, ...matched, ...unmatched, ...g.mx, ...g.rest];
}

export function loadbalanceHandler(config: LoadbalanceConfig, site: HandlerSite): Handler {
  const networks = config.prefer.map((c) => parseCidr(c)).filter((n): n is NonNullable<typeof n> => n !== undefined);
  return {
    name: 'loadbalance',
    serve(req, next, ctx) {
      const result = next(req);
      const reply = result.reply;
      if (!reply || reply.rcode !== 'NOERROR') return result;
      const qtype = reply.question[0]?.type;
      if (qtype === 'AXFR' || qtype === 'IXFR') return result;
      const out: DnsMessage = copyMessage(reply);
      const weighted = config.policy === 'weighted';
      if (weighted) {
        // The weighted policy reorders the answer and additional sections of A, AAAA and SRV replies,
        // each only when it holds addresses.
        if (qtype === 'A' || qtype === 'AAAA' || qtype === 'SRV') {
          out.answer = weightedGroups(out.answer);
          out.additional = weightedGroups(out.additional);
        }
      } else {
        out.answer = roundRobinGroups(out.answer);
        out.authority = roundRobinGroups(out.authority);
        out.additional = roundRobinGroups(out.additional);
      }
      if (networks.length > 0) {
        out.answer = preferOrder(out.answer, networks);
        out.additional = preferOrder(out.additional, networks);
      }
      const addresses = out.answer.filter((r) => groupOf(r) === 'address').length;
      const how = weighted ? `the first address is picked at random, weighted by ${config.weightFile ?? 'the weight file'}` : 'addresses (and MX records) are shuffled at random';
      ctx.step({
        plugin: 'loadbalance',
        action: 'modified',
        detail: `loadbalance reorders the reply: CNAMEs first, ${how}${networks.length > 0 ? `, then addresses in ${config.prefer.join(', ')} are moved first` : ''}. ${addresses > 1 ? 'The order shown is one of the possible orders: compare the answer as a set.' : 'With one address the order cannot change.'}`,
        range: site.range,
        uri: site.uri,
      });
      return { ...result, reply: out };
    },
  };
}
