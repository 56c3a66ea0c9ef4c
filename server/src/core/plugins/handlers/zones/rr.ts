// Typed access to the parts of a record the zone handlers read. dns-packet's Answer type is a union that
// includes the OPT pseudo-record, which has no rdata, TTL or class, so these helpers say what they expect.
import type { DnsRecord } from '../../../resolve/types.js';

/** The rdata of a record (a string for names and addresses, an object for structured types). */
export function rdataOf(rr: DnsRecord): unknown {
  return (rr as { data?: unknown }).data;
}

/** The name a CNAME, DNAME, NS or PTR record points at, without a trailing dot. */
export function targetOf(rr: DnsRecord): string {
  return String(rdataOf(rr));
}

export function ttlOf(rr: DnsRecord): number {
  return (rr as { ttl?: number }).ttl ?? 0;
}

export function classOf(rr: DnsRecord): string {
  return (rr as { class?: string }).class ?? 'IN';
}

/** A copy of a record with a new owner name (wildcard synthesis, template answers). */
export function withOwner(rr: DnsRecord, name: string): DnsRecord {
  return { ...rr, name } as DnsRecord;
}

/** Builds a record from its parts; the cast is where dns-packet's union is narrowed to one member. */
export function makeRecord(name: string, type: string, klass: string, ttl: number, data: unknown): DnsRecord {
  return { name, type, class: klass, ttl, data } as unknown as DnsRecord;
}
