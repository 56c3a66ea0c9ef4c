// The file plugin's Zone.Lookup (plugin/file/lookup.go), step for step: walk the name from the origin one
// label at a time looking for zone cuts and wildcard sources, then answer the exact name, a wildcard
// synthesis (RFC 4592, blocked by a closer empty non-terminal), a DNAME substitution, or a negative
// answer with the SOA. CNAMEs are followed inside the zone; a target outside it (or missing from it) is
// resolved through the whole server again, as CoreDNS's upstream.Lookup does.
import type { DnsMessage, DnsRecord } from '../../../resolve/types.js';
import { classOf, makeRecord, rdataOf, targetOf, ttlOf, withOwner } from './rr.js';
import { isBelowOrAt, joinLabels, lowerFqdn, replaceWithAsteriskLabel, splitLabels, type Zone, type ZoneNode } from './zone.js';
import { appendAll } from '../../../append.js';

export type LookupResult = 'success' | 'name-error' | 'delegation' | 'no-data' | 'server-failure';

export interface LookupOutcome {
  answer: DnsRecord[];
  authority: DnsRecord[];
  additional: DnsRecord[];
  result: LookupResult;
  /** What the lookup did, in order, as sentence fragments for the trace. */
  notes: string[];
}

/** Resolves a name through the server again; undefined when nothing was written. */
export type ServerLookup = (name: string, type: string) => DnsMessage | undefined;

/**
 * How many CNAME chases that left the zone are in progress. CoreDNS counts them in the request context
 * (dnsserver.LoopKey) and refuses a lookup nested more than 8 deep; the simulation is synchronous, so a
 * counter around the re-entrant lookups carries the same number into the nested query.
 */
let chaseDepth = 0;

export function lookupInZone(zone: Zone, qnameAnyCase: string, qtype: string, server: ServerLookup): LookupOutcome {
  const qname = lowerFqdn(qnameAnyCase);
  const notes: string[] = [];
  const done = (answer: DnsRecord[], authority: DnsRecord[], additional: DnsRecord[], result: LookupResult): LookupOutcome => ({ answer, authority, additional, result, notes });
  const soa = zone.soa;
  if (!soa) {
    notes.push(`the zone ${zone.origin} has no SOA (it was never loaded)`);
    return done([], [], [], 'server-failure');
  }
  if (qname === zone.origin) {
    if (qtype === 'SOA') return done([soa], [...zone.apexNs], [], 'success');
    if (qtype === 'NS') return done([...zone.apexNs], [], zone.glue(zone.apexNs), 'success');
  }
  if (chaseDepth > 8) {
    notes.push('CNAMEs led back into the zone more than 8 times, so CoreDNS stops (a CNAME loop)');
    return done([], [], [], 'server-failure');
  }

  let found: ZoneNode | undefined;
  let wildNode: ZoneNode | undefined;
  let wildName = '';
  for (let i = 0; ; i++) {
    const { name: parts, shot } = zone.nameFromRight(qname, i);
    if (shot) break;
    found = zone.search(parts);
    if (!found) {
      const wildcard = replaceWithAsteriskLabel(parts);
      const wild = wildcard === '' ? undefined : zone.search(wildcard);
      if (wild) {
        wildNode = wild;
        wildName = wild.name;
      } else if (wildcard !== '' && zone.hasDescendant(wildcard)) {
        wildNode = undefined;
        wildName = wildcard;
      }
      continue;
    }
    const dname = found.rrs.get('DNAME');
    if (dname && dname.length > 0) {
      const synthesized = synthesizeCname(qname, dname[0]!);
      if (synthesized) {
        if (lowerFqdn(synthesized.name) === lowerFqdn(targetOf(synthesized))) {
          notes.push(`the DNAME at ${found.name} maps ${qname} onto itself`);
          return done([], [], [], 'server-failure');
        }
        notes.push(`the DNAME at ${found.name} rewrites ${qname} to ${targetOf(synthesized)}.`);
        if (qtype === 'CNAME') return { ...done([...dname, synthesized], [...zone.apexNs], [], 'success') };
        const chased = externalLookup(zone, qtype, [synthesized], server, notes);
        return { ...chased, answer: [...dname, ...chased.answer] };
      }
    }
    const referral = delegationFrom(zone, found, qname, qtype);
    if (referral) {
      notes.push(`${found.name} is delegated to ${referral.ns.map((r) => `${targetOf(r)}.`).join(', ')}`);
      return done([], referral.ns, referral.glue, 'delegation');
    }
  }

  if (found) {
    const cnames = found.rrs.get('CNAME');
    if (cnames && cnames.length > 0 && qtype !== 'CNAME') return externalLookup(zone, qtype, cnames, server, notes);
    const rrs = found.rrs.get(qtype) ?? [];
    if (rrs.length === 0) {
      notes.push(`${qname} exists in the zone but has no ${qtype} records`);
      return done([], [soa], [], 'no-data');
    }
    return done([...rrs], [...zone.apexNs], additionalFor(zone, rrs), 'success');
  }

  if (wildName !== '' && !closerEmptyNonTerminal(zone, qname, wildName)) {
    if (!wildNode) {
      notes.push(`the wildcard ${wildName} is only an empty non-terminal`);
      return done([], [soa], [], 'no-data');
    }
    notes.push(`synthesized from the wildcard ${wildNode.name}`);
    const cnames = forWildcard(wildNode, 'CNAME', qname);
    if (cnames.length > 0 && qtype !== 'CNAME') return externalLookup(zone, qtype, cnames, server, notes);
    const rrs = forWildcard(wildNode, qtype, qname);
    if (rrs.length === 0) {
      notes.push(`the wildcard has no ${qtype} records`);
      return done([], [soa], [], 'no-data');
    }
    return done(rrs, [...zone.apexNs], additionalFor(zone, rrs), 'success');
  }

  // A name with names below it but no records of its own is an empty non-terminal: NOERROR, no data.
  if (zone.hasDescendant(qname)) {
    notes.push(`${qname} is an empty non-terminal (names exist below it)`);
    return done([], [soa], [], 'success');
  }
  notes.push(`${qname} does not exist in the zone`);
  return done([], [soa], [], 'name-error');
}

/** Elem.TypeForWildcard: the wildcard's records of a type, with the query name as owner. */
function forWildcard(node: ZoneNode, type: string, qname: string): DnsRecord[] {
  return (node.rrs.get(type) ?? []).map((rr) => withOwner(rr, bare(qname)));
}

/** delegationFromElem: a zone cut's NS set and glue, except for a DS query at the cut itself. */
function delegationFrom(zone: Zone, node: ZoneNode, qname: string, qtype: string): { ns: DnsRecord[]; glue: DnsRecord[] } | undefined {
  const ns = node.rrs.get('NS');
  if (!ns || ns.length === 0 || (qtype === 'DS' && node.name === qname)) return undefined;
  return { ns: [...ns], glue: zone.glue(ns) };
}

/** findDelegation: the first zone cut between the apex (exclusive) and the name. */
function findDelegation(zone: Zone, name: string, qtype: string, exact: ZoneNode | undefined): { ns: DnsRecord[]; glue: DnsRecord[] } | undefined {
  for (let i = 1; ; i++) {
    const { name: part, shot } = zone.nameFromRight(name, i);
    if (shot) return undefined;
    if (part === name) return exact ? delegationFrom(zone, exact, name, qtype) : undefined;
    const node = zone.search(part);
    if (!node) continue;
    const cut = delegationFrom(zone, node, name, qtype);
    if (cut) return cut;
  }
}

/**
 * externalLookup: follows a CNAME chain inside the zone (at most 8 more links), and hands a target that
 * the zone does not hold to the server. The rcode of that lookup becomes the answer's rcode (RFC 6604).
 */
function externalLookup(zone: Zone, qtype: string, start: DnsRecord[], server: ServerLookup, notes: string[]): LookupOutcome {
  const rrs = [...start];
  const origin = zone.origin;
  const ns = (): DnsRecord[] => [...zone.apexNs];
  // Looks at one CNAME target: a zone cut above it gives a referral, a target the zone does not hold goes
  // to the server; otherwise the walk continues at the target's node.
  const visit = (target: string): { node: ZoneNode } | { outcome: LookupOutcome } => {
    const node = zone.search(target);
    const cut = findDelegation(zone, target, qtype, node);
    if (cut) {
      notes.push(`the CNAME target ${target} lies below a delegation`);
      return { outcome: { answer: rrs, authority: cut.ns, additional: cut.glue, result: 'delegation', notes } };
    }
    if (!node || qtype === 'NS' || (qtype === 'SOA' && target === origin)) {
      const outside = !isBelowOrAt(target, origin);
      const { records, result, rcode } = resolveThroughServer(server, target, qtype);
      notes.push(`the CNAME target ${target} is ${outside ? 'outside the zone' : 'not in the zone'}: resolved through the server again (${rcode})`);
      appendAll(rrs, records);
      const authority = result === 'name-error' || result === 'no-data' ? [zone.soa!] : ns();
      return { outcome: { answer: rrs, authority, additional: additionalFor(zone, rrs), result, notes } };
    }
    return { node };
  };
  let target = lowerFqdn(targetOf(start[0]!));
  // The names passed through on the way, for the trace.
  const via: string[] = [];
  let step = visit(target);
  if ('outcome' in step) return step.outcome;
  for (let links = 0; ; ) {
    const cnames = step.node.rrs.get('CNAME');
    if (!cnames || cnames.length === 0) break;
    appendAll(rrs, cnames);
    via.push(target);
    target = lowerFqdn(targetOf(cnames[0]!));
    step = visit(target);
    if ('outcome' in step) return step.outcome;
    links++;
    if (links > 8) {
      notes.push('the CNAME chain inside the zone is longer than 8 links, so CoreDNS stops following it');
      return { answer: rrs, authority: ns(), additional: additionalFor(zone, rrs), result: 'success', notes };
    }
  }
  const targets = step.node.rrs.get(qtype) ?? [];
  appendAll(rrs, targets);
  const through = via.length > 0 ? ` through ${via.join(', ')}` : '';
  notes.push(`followed the CNAME${through} to ${target} inside the zone${targets.length === 0 ? `, which has no ${qtype} records` : ''}`);
  return { answer: rrs, authority: ns(), additional: additionalFor(zone, rrs), result: 'success', notes };
}

/** doLookup: the server's reply mapped to a lookup result; a reply never written counts as success. */
function resolveThroughServer(server: ServerLookup, target: string, qtype: string): { records: DnsRecord[]; result: LookupResult; rcode: string } {
  chaseDepth++;
  let reply: DnsMessage | undefined;
  try {
    reply = server(target, qtype);
  } finally {
    chaseDepth--;
  }
  if (!reply) return { records: [], result: 'success', rcode: 'no reply' };
  const records = reply.answer;
  switch (reply.rcode) {
    case 'NXDOMAIN':
      return { records, result: 'name-error', rcode: 'NXDOMAIN' };
    case 'SERVFAIL':
      return { records, result: 'server-failure', rcode: 'SERVFAIL' };
    case 'NOERROR':
      return { records, result: records.length === 0 ? 'no-data' : 'success', rcode: records.length === 0 ? 'NOERROR, no records' : 'NOERROR' };
    default:
      // CoreDNS only distinguishes NXDOMAIN, SERVFAIL and NOERROR; any other code counts as success.
      return { records, result: 'success', rcode: reply.rcode };
  }
}

/** additionalProcessing: A and AAAA of in-zone MX and SRV targets, each target once. */
function additionalFor(zone: Zone, answer: readonly DnsRecord[]): DnsRecord[] {
  const extra: DnsRecord[] = [];
  const seen = new Set<string>();
  for (const rr of answer) {
    let target: string | undefined;
    if (rr.type === 'SRV') target = (rdataOf(rr) as { target: string }).target;
    else if (rr.type === 'MX') target = (rdataOf(rr) as { exchange: string }).exchange;
    if (target === undefined || !isBelowOrAt(target, zone.origin)) continue;
    const key = lowerFqdn(target);
    if (seen.has(key)) continue;
    seen.add(key);
    const node = zone.search(key);
    if (!node) continue;
    extra.push(...(node.rrs.get('A') ?? []), ...(node.rrs.get('AAAA') ?? []));
  }
  return extra;
}

/** closerENTExists: an empty non-terminal between the wildcard's parent and qname blocks the wildcard. */
function closerEmptyNonTerminal(zone: Zone, qname: string, wildName: string): boolean {
  if (!wildName.startsWith('*.')) return false;
  const parent = wildName.slice(2);
  const labels = splitLabels(qname);
  for (let i = 1; i < labels.length; i++) {
    const name = joinLabels(labels.slice(i));
    if (name === parent || !isBelowOrAt(name, parent)) return false;
    if (zone.hasDescendant(name)) return true;
  }
  return false;
}

/** synthesizeCNAME (RFC 6672): qname strictly below the DNAME owner, the owner suffix replaced. */
function synthesizeCname(qname: string, dname: DnsRecord): DnsRecord | undefined {
  const owner = lowerFqdn(dname.name);
  if (!isBelowOrAt(qname, owner) || qname === owner) return undefined;
  const q = splitLabels(qname);
  const keep = q.slice(0, q.length - splitLabels(owner).length);
  const target = joinLabels([...keep, ...splitLabels(targetOf(dname))]);
  return makeRecord(bare(qname), 'CNAME', classOf(dname), ttlOf(dname), bare(target));
}

function bare(name: string): string {
  return name === '.' ? '.' : name.replace(/\.$/, '');
}
