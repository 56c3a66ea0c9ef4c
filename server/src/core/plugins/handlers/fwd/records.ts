// Record and message edits shared by the forward, cache and rewrite handlers. CoreDNS's plugins change
// replies in place (TTLs, owner names, names inside records); here every edit works on a copy, so a reply
// another plugin still holds (an upstream answer, a zone's records) is never changed behind its back.
import type { DnsMessage, DnsRecord } from '../../../resolve/types.js';
import { bareName, fqdn } from '../../../resolve/message.js';

/** A copy of a record whose object-valued data can be edited without touching the original. */
export function cloneRecord(record: DnsRecord): DnsRecord {
  if (record.type === 'OPT') return { ...record, options: [...record.options] };
  const data: unknown = record.data;
  if (data === null || typeof data !== 'object' || data instanceof Uint8Array) return { ...record };
  if (Array.isArray(data)) return { ...record, data: [...data] } as DnsRecord;
  return { ...record, data: { ...(data as object) } } as DnsRecord;
}

/** A copy of a message with its own question, sections, records and EDNS data. */
export function cloneMessage(msg: DnsMessage): DnsMessage {
  const copy: DnsMessage = {
    ...msg,
    flags: { ...msg.flags },
    question: msg.question.map((q) => ({ ...q })),
    answer: msg.answer.map(cloneRecord),
    authority: msg.authority.map(cloneRecord),
    additional: msg.additional.map(cloneRecord),
  };
  if (msg.edns) copy.edns = { ...msg.edns, options: msg.edns.options.map((o) => ({ ...o })) };
  return copy;
}

/** The record's TTL; an OPT pseudo-record has none (its TTL field carries EDNS flags). */
export function ttlOf(record: DnsRecord): number | undefined {
  if (record.type === 'OPT') return undefined;
  return record.ttl ?? 0;
}

/** Sets the TTL of a record in place; OPT pseudo-records are left alone. */
export function setTtl(record: DnsRecord, ttl: number): void {
  if (record.type !== 'OPT') record.ttl = ttl;
}

/** Every record of the three sections, authority first as CoreDNS's response reverter walks them. */
export function sectionsOf(msg: DnsMessage): DnsRecord[][] {
  return [msg.authority, msg.answer, msg.additional];
}

/**
 * The domain name a record carries in its data, absolute, for the record types whose "value" CoreDNS's
 * rewrite may change: SRV, MX, CNAME, NS, DNAME, NAPTR replacement, SOA primary server and PTR.
 */
export function valueNameOf(record: DnsRecord): string | undefined {
  switch (record.type) {
    case 'CNAME':
    case 'NS':
    case 'DNAME':
    case 'PTR':
      return fqdn(record.data);
    case 'SRV':
      return fqdn(record.data.target);
    case 'MX':
      return fqdn(record.data.exchange);
    case 'NAPTR':
      return fqdn(record.data.replacement);
    case 'SOA':
      return fqdn(record.data.mname);
    default:
      return undefined;
  }
}

/** Replaces the name inside a record's data (see valueNameOf), given absolute; stored without the dot. */
export function setValueName(record: DnsRecord, name: string): void {
  const bare = bareName(name);
  switch (record.type) {
    case 'CNAME':
    case 'NS':
    case 'DNAME':
    case 'PTR':
      record.data = bare;
      return;
    case 'SRV':
      record.data = { ...record.data, target: bare };
      return;
    case 'MX':
      record.data = { ...record.data, exchange: bare };
      return;
    case 'NAPTR':
      record.data = { ...record.data, replacement: bare };
      return;
    case 'SOA':
      record.data = { ...record.data, mname: bare };
      return;
    default:
  }
}

/** The owner name of a record, absolute with its trailing dot, as CoreDNS compares it. */
export function ownerOf(record: DnsRecord): string {
  return fqdn(record.name);
}

/** Sets a record's owner from an absolute name (records keep names without the trailing dot). */
export function setOwner(record: DnsRecord, name: string): void {
  record.name = bareName(name);
}
