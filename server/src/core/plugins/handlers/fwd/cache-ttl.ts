// How CoreDNS's cache classifies a reply and which TTL it writes into it. On a miss the cache does not only
// store the reply: it rewrites the TTL of every record of the reply the client gets to one value, the
// duration it stores the entry for. That duration comes from the smallest TTL in the message, held between
// the configured minimum and maximum (response.Typify, cacheResponseType, dnsutil.MinimalTTLWithMaximum and
// computeTTL in CoreDNS 1.14).
import type { CacheConfig } from '../../cache.js';
import type { DnsMessage, DnsRecord } from '../../../resolve/types.js';
import { isSubdomainOf, namesEqual, typify, type ResponseType } from '../../../resolve/message.js';
import { ttlOf } from './records.js';

/** response.Type: the kinds of reply the cache tells apart (the engine's one Typify). */
export type ReplyKind = ResponseType;

/** The cache's floor for "no records to take a TTL from" and for kinds it does not read TTLs of. */
export const MINIMAL_DEFAULT_TTL = 5;

const NANOSECONDS_PER_SECOND = 1e9;

/** response.Typify followed by cacheResponseType's NODATA reclassification. */
export function classifyReply(msg: DnsMessage): ReplyKind {
  const kind = typify(msg);
  if (kind === 'NoError' && hasSoa(msg) && isNoData(msg)) return 'NoData';
  return kind;
}

function hasSoa(msg: DnsMessage): boolean {
  return msg.authority.some((r) => r.type === 'SOA');
}

/** A NOERROR reply with records in the answer that still do not answer the question (a dangling CNAME chain). */
function isNoData(msg: DnsMessage): boolean {
  return msg.answer.length > 0 && !answersQuestion(msg);
}

/** True when the answer holds the asked type at the end of the CNAME chain that starts at the question name. */
export function answersQuestion(msg: DnsMessage): boolean {
  const q = msg.question[0];
  if (msg.rcode !== 'NOERROR' || !q || msg.answer.length === 0) return false;
  const qtype = q.type.toUpperCase();
  const qclass = q.class.toUpperCase();
  if (qtype === 'ANY') return msg.answer.some((r) => classOk(r, qclass) && namesEqual(r.name, q.name));
  if (qtype === 'CNAME') {
    const target = uniqueCnameTarget(msg.answer, q.name, qclass);
    return target !== undefined && target !== '';
  }
  const terminal = canonicalName(msg.answer, q.name, qclass);
  if (terminal === undefined) return false;
  return msg.answer.some((r) => r.type.toUpperCase() === qtype && classOk(r, qclass) && namesEqual(r.name, terminal));
}

/** A record of the question's class (upper case); a question of class ANY takes every class. */
function classOk(r: DnsRecord, qclass: string): boolean {
  return qclass === 'ANY' || recordClass(r) === qclass;
}

function recordClass(r: DnsRecord): string {
  return r.type === 'OPT' ? 'IN' : (r.class ?? 'IN').toUpperCase();
}

/** The one CNAME target of an owner: '' when it has none, undefined when it has two different ones. */
function uniqueCnameTarget(answer: DnsRecord[], owner: string, qclass: string): string | undefined {
  let target = '';
  for (const r of answer) {
    if (r.type !== 'CNAME' || !classOk(r, qclass) || !namesEqual(r.name, owner)) continue;
    if (target !== '' && !namesEqual(target, r.data)) return undefined;
    target = r.data;
  }
  return target;
}

/** The end of the CNAME chain from `name`; undefined for a loop or an owner with two targets. */
function canonicalName(answer: DnsRecord[], start: string, qclass: string): string | undefined {
  // Every name of the chain but the last owns a CNAME record of its own, so a chain that takes more steps
  // than there are CNAME records has come back to a name it passed: a loop. Counting replaces a set of
  // visited names, and an answer without CNAMEs (the usual case) costs one scan.
  let cnames = 0;
  for (const r of answer) if (r.type === 'CNAME') cnames++;
  let name = start;
  for (let steps = 0; steps <= cnames; steps++) {
    const target = uniqueCnameTarget(answer, name, qclass);
    if (target === undefined) return undefined;
    if (target === '') return name;
    name = target;
  }
  return undefined;
}

/** True when minimalTtl reads the records' TTLs rather than returning the 5-second floor. */
function readsTtls(msg: DnsMessage, kind: ReplyKind): boolean {
  if (kind !== 'NoError' && kind !== 'NameError' && kind !== 'NoData') return false;
  return msg.answer.length + msg.authority.length > 0 || msg.additional.some((r) => r.type !== 'OPT');
}

/** dnsutil.MinimalTTLWithMaximum: the smallest record TTL, at most `maximum`; 5 when nothing tells. */
export function minimalTtl(msg: DnsMessage, kind: ReplyKind, maximum: number): number {
  if (!readsTtls(msg, kind)) return MINIMAL_DEFAULT_TTL;
  // OPT records have no TTL (ttlOf says so), so the sections are read as they are, without copies.
  return smallestTtl(msg.additional, smallestTtl(msg.authority, smallestTtl(msg.answer, maximum)));
}

function smallestTtl(records: readonly DnsRecord[], min: number): number {
  for (const r of records) {
    const ttl = ttlOf(r);
    if (ttl !== undefined && ttl < min) min = ttl;
  }
  return min;
}

/** What the cache does to one reply: the TTL it writes and why, and whether it would keep the entry. */
export interface CacheTtlDecision {
  kind: ReplyKind;
  /** The TTL every record of the reply gets, seconds. */
  ttl: number;
  /** The smallest TTL found in the message (or the 5-second floor), before the bounds were applied. */
  messageTtl: number;
  /** False when messageTtl is the 5-second floor rather than a TTL read from the records. */
  fromRecords: boolean;
  /** The smallest record TTL without any bound, to explain the result; undefined without records. */
  smallestTtl?: number;
  /** Which bucket's bounds applied. */
  bucket: 'success' | 'denial' | 'servfail';
  min: number;
  max: number;
  /** Why the entry would not be stored; undefined when it would be. */
  notStored?: string;
}

/** The TTL the cache gives a reply on a miss (ResponseWriter.WriteMsg) and whether it stores it. */
export function cacheTtlDecision(config: CacheConfig, msg: DnsMessage): CacheTtlDecision {
  const kind = classifyReply(msg);
  let decision: CacheTtlDecision;
  if (kind === 'NameError' || kind === 'NoData') {
    const { minTtl: min, maxTtl: max } = config.denial;
    const messageTtl = minimalTtl(msg, kind, max);
    decision = { kind, ttl: Math.min(Math.max(messageTtl, min), max), messageTtl, fromRecords: true, bucket: 'denial', min, max };
  } else if (kind === 'ServerError') {
    const ttl = Math.floor(config.servfail / NANOSECONDS_PER_SECOND);
    decision = { kind, ttl, messageTtl: ttl, fromRecords: false, bucket: 'servfail', min: ttl, max: ttl };
  } else {
    const { minTtl: min, maxTtl: max } = config.success;
    const messageTtl = minimalTtl(msg, kind, max);
    decision = { kind, ttl: Math.min(Math.max(messageTtl, min), max), messageTtl, fromRecords: true, bucket: 'success', min, max };
  }
  decision.fromRecords = decision.bucket !== 'servfail' && readsTtls(msg, kind);
  if (decision.fromRecords) decision.smallestTtl = minimalTtl(msg, kind, Number.MAX_SAFE_INTEGER);
  const why = whyNotStored(config, msg, decision);
  if (why !== undefined) decision.notStored = why;
  return decision;
}

/** cache.key and ResponseWriter.set: the replies the cache passes on without keeping them. */
function whyNotStored(config: CacheConfig, msg: DnsMessage, d: CacheTtlDecision): string | undefined {
  if (msg.flags.tc) return 'truncated replies are never stored';
  if (d.kind === 'OtherError' || d.kind === 'Meta' || d.kind === 'Update') return `a ${msg.rcode} reply of this kind is never stored`;
  if (d.kind === 'NameError' && !hasSoa(msg)) return 'an NXDOMAIN without an SOA record has no negative TTL and is not stored';
  if (d.kind === 'NoError' && !hasSoa(msg) && isNoData(msg)) return 'a CNAME chain that does not reach the asked type, without an SOA, is not stored';
  if (d.ttl <= 0) return 'its TTL is 0';
  const name = msg.question[0]?.name ?? '.';
  const positive = d.kind === 'NoError' || d.kind === 'Delegation';
  const except = positive ? config.success.disabledFor : config.denial.disabledFor;
  const zone = except.find((z) => isSubdomainOf(name, z));
  if (zone !== undefined) return `'disable ${positive ? 'success' : 'denial'}' covers ${zone}`;
  return undefined;
}
