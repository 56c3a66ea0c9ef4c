// From backend entries to resource records, the way CoreDNS's plugin/backend_lookup.go does it for the
// kubernetes plugin: addresses by family with duplicates dropped, aliases chased (inside the zone by the
// plugin itself, elsewhere through the whole server), SRV weights shared out per priority, PTR, NS and SOA.
import type { DnsMessage, DnsRecord } from '../../../resolve/types.js';
import { hostKind, type BackendResult, type BackendService, type KubernetesBackend, type QueryState } from './backend.js';
import { goParseIp } from './ip.js';
import { absolute, isBelow, joinNames } from './names.js';
import type { NsAddress } from './nsaddrs.js';
import { aRecord, aaaaRecord, addressRecord, cnameRecord, nsRecord, ptrRecord, soaRecord, srvRecord, stringData, txtRecord } from './rr.js';

/** CoreDNS stops following an alias chain after this many links. */
const MAX_CNAME_CHAIN = 10;

/** What CoreDNS uses as SOA serial is the time it last saw an API change; a simulation has no such moment. */
export const SIMULATED_SOA_SERIAL = 0;

export interface AssembleContext {
  backend: KubernetesBackend;
  /** The name server addresses of a zone (nsAddrs). */
  nsAddresses(zone: string): NsAddress[];
  /** A query through the whole server again (plugin/pkg/upstream). */
  lookup(name: string, type: string): DnsMessage;
  /** Records a sentence about an intermediate step (an alias chased) in the trace. */
  note(detail: string): void;
}

export interface Assembled {
  records: DnsRecord[];
  extra: DnsRecord[];
  truncated: boolean;
  /** The backend lookup the records came from: whether the name exists, and what it is. */
  result: BackendResult;
}

function services(ctx: AssembleContext, state: QueryState): BackendResult {
  return ctx.backend.services(state, () => ctx.nsAddresses(state.zone));
}

/**
 * checkForApex: at the zone apex CoreDNS first looks for a special apex.dns entry (never present for
 * kubernetes, whose parser rejects it) and then looks the apex up as itself.
 */
function servicesForAddress(ctx: AssembleContext, state: QueryState): BackendResult {
  if (state.name !== state.zone) return services(ctx, state);
  const apex = services(ctx, { ...state, qname: joinNames('apex.dns', state.zone), name: joinNames('apex.dns', state.zone).toLowerCase() });
  if (!apex.nameError) return apex;
  return services(ctx, state);
}

/** A, AAAA and TXT answers, with ExternalName aliases followed (backend_lookup.go A/AAAA/TXT). */
export function addressOrText(ctx: AssembleContext, state: QueryState, previous: readonly DnsRecord[] = []): Assembled {
  const result = state.qtype === 'TXT' ? services(ctx, state) : servicesForAddress(ctx, state);
  const out: Assembled = { records: [], extra: [], truncated: false, result };
  if (result.nameError) return out;
  const seen = new Set<string>();
  for (const serv of result.services) {
    const kind = hostKind(serv);
    if (kind === 'CNAME') {
      chase(ctx, state, serv, previous, out);
      continue;
    }
    if (kind !== state.qtype) continue;
    const value = kind === 'TXT' ? (serv.text ?? '') : serv.host;
    if (seen.has(value)) continue;
    seen.add(value);
    out.records.push(kind === 'TXT' ? txtRecord(state.qname, serv.ttl, value) : kind === 'A' ? aRecord(state.qname, serv.ttl, goParseIp(value) ?? value) : aaaaRecord(state.qname, serv.ttl, goParseIp(value) ?? value));
  }
  return out;
}

function chase(ctx: AssembleContext, state: QueryState, serv: BackendService, previous: readonly DnsRecord[], out: Assembled): void {
  const target = absolute(serv.host);
  // x CNAME x (or a target below the name itself) would loop: CoreDNS leaves it out.
  if (isBelow(target, state.name)) return;
  const alias = cnameRecord(state.qname, serv.ttl, target);
  if (previous.length > MAX_CNAME_CHAIN) return;
  if (previous.some((r) => r.type === 'CNAME' && stringData(r) === stringData(alias))) return;
  if (isBelow(target, state.zone)) {
    const inner = addressOrText(ctx, { ...state, qname: target, name: target.toLowerCase() }, [...previous, alias]);
    out.truncated ||= inner.truncated;
    if (!inner.result.nameError && inner.records.length > 0) {
      out.records.push(alias, ...inner.records);
      ctx.note(`${state.qname} is an alias for ${target}, inside the zone ${state.zone}: kubernetes resolved it itself (${inner.result.why}).`);
    } else {
      ctx.note(`${state.qname} is an alias for ${target}, inside the zone ${state.zone}, which has no ${state.qtype} records (${inner.result.why}): CoreDNS leaves the alias out of the answer.`);
    }
    return;
  }
  const reply = ctx.lookup(target, state.qtype);
  out.truncated ||= reply.flags.tc;
  out.records.push(alias, ...reply.answer);
  const got = reply.answer.length === 0 ? 'no records' : `${reply.answer.length} record${reply.answer.length === 1 ? '' : 's'}`;
  ctx.note(`${state.qname} is an alias for ${target}, outside the zone: resolved through the whole server again, which answered ${reply.rcode} with ${got}; the alias goes first in the answer either way.`);
}

/** SRV: one record per distinct target and port, weights shared out equally within priority 0. */
export function srvAnswer(ctx: AssembleContext, state: QueryState): Assembled {
  const result = services(ctx, state);
  const out: Assembled = { records: [], extra: [], truncated: false, result };
  if (result.nameError) return out;
  // Every entry counts towards the weight total, even those dropped below (port -1, duplicates).
  const total = 100 * result.services.length;
  const seenRecord = new Set<string>();
  const seenAddress = new Set<string>();
  for (const serv of result.services) {
    if (serv.port === -1) continue;
    let weight = Math.floor((100 / total) * 100);
    if (weight === 0) weight = 1;
    const kind = hostKind(serv);
    // The kubernetes backend drops aliases from SRV lookups, so only addresses arrive here.
    if (kind !== 'A' && kind !== 'AAAA') continue;
    const target = serv.owner;
    const recordKey = `${target}|${serv.port}`;
    if (!seenRecord.has(recordKey)) {
      seenRecord.add(recordKey);
      out.records.push(srvRecord(state.qname, serv.ttl, { priority: 0, weight, port: serv.port & 0xffff, target }));
    }
    const addressKey = `${target}|${serv.host}`;
    if (!seenAddress.has(addressKey)) {
      seenAddress.add(addressKey);
      out.extra.push(addressRecord(target, serv.ttl, goParseIp(serv.host) ?? serv.host));
    }
  }
  return out;
}

/** PTR: every distinct name the backend found for the address. */
export function ptrAnswer(ctx: AssembleContext, state: QueryState): Assembled {
  const result = ctx.backend.reverse(state);
  const out: Assembled = { records: [], extra: [], truncated: false, result };
  if (result.nameError) return out;
  const seen = new Set<string>();
  for (const serv of result.services) {
    if (goParseIp(serv.host) !== undefined || seen.has(serv.host)) continue;
    seen.add(serv.host);
    out.records.push(ptrRecord(state.qname, serv.ttl, serv.host));
  }
  return out;
}

/** CNAME: the first entry, when it is a name (an ExternalName service); no chasing. */
export function cnameAnswer(ctx: AssembleContext, state: QueryState): Assembled {
  const result = services(ctx, state);
  const out: Assembled = { records: [], extra: [], truncated: false, result };
  const first = result.services[0];
  if (!result.nameError && first && goParseIp(first.host) === undefined) out.records.push(cnameRecord(state.qname, first.ttl, absolute(first.host)));
  return out;
}

/** MX: kubernetes has no mail entries, so this only tells NODATA from NXDOMAIN. */
export function mxAnswer(ctx: AssembleContext, state: QueryState): Assembled {
  return { records: [], extra: [], truncated: false, result: services(ctx, state) };
}

/** NS at the apex: one NS per distinct name server name, its addresses in the additional section. */
export function nsAnswer(ctx: AssembleContext, state: QueryState): Assembled {
  const nsName = joinNames('ns.dns', state.zone);
  const result = services(ctx, { ...state, qname: nsName, name: nsName.toLowerCase() });
  const out: Assembled = { records: [], extra: [], truncated: false, result };
  if (result.nameError) return out;
  const seen = new Set<string>();
  for (const serv of result.services) {
    out.extra.push(addressRecord(serv.owner, serv.ttl, serv.host));
    if (seen.has(serv.owner)) continue;
    seen.add(serv.owner);
    out.records.push(nsRecord(state.qname, serv.ttl, serv.owner));
  }
  return out;
}

/** The zone's SOA as CoreDNS builds it: TTL min(ttl, 300), minimum = ttl, fixed timers. */
export function zoneSoa(zone: string, ttl: number): DnsRecord {
  return soaRecord(zone, Math.min(ttl, 300), {
    mname: joinNames('ns.dns', zone),
    rname: joinNames('hostmaster', zone),
    serial: SIMULATED_SOA_SERIAL,
    refresh: 7200,
    retry: 1800,
    expire: 86400,
    minimum: ttl,
  });
}
