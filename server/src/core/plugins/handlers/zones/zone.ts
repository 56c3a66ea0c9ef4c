// A loaded zone as CoreDNS's file plugin keeps it (plugin/file/zone.go Insert, tree/): the SOA and the
// apex NS set kept apart, every other record in a tree keyed by owner name. Names are compared without
// letter case, and CoreDNS lower-cases owners and most target names on insert (SRV records excepted), so
// the answers show those names in lower case whatever the zone file wrote.
import { recordFromFields, type RecordRead } from '../../../resolve/engine/record-text.js';
import type { DnsRecord } from '../../../resolve/types.js';
import type { ZoneRecord } from '../../util/zonefile.js';
import { targetOf } from './rr.js';

/** The records of one owner name, by type mnemonic. */
export interface ZoneNode {
  /** The owner, lower-case, fully qualified. */
  name: string;
  rrs: Map<string, DnsRecord[]>;
}

/** Rdata positions CoreDNS lower-cases on insert (plugin/file/zone.go Insert). */
const LOWERED_FIELDS: Readonly<Record<string, readonly number[]>> = { NS: [0], SOA: [0, 1], CNAME: [0], MX: [1] };

export class Zone {
  /** The origin, lower-case, fully qualified. */
  readonly origin: string;
  readonly originLabels: number;
  soa: DnsRecord | undefined;
  readonly apexNs: DnsRecord[] = [];
  private readonly nodes = new Map<string, ZoneNode>();
  /** Every name that has at least one stored name strictly below it. */
  private readonly enclosers = new Set<string>();
  /** Records CoreDNS would serve but the simulator cannot represent (a rdata form it does not read). */
  readonly unreadable: string[] = [];

  constructor(origin: string) {
    this.origin = lowerFqdn(origin);
    this.originLabels = labelCount(this.origin);
  }

  /** Builds a zone from the records a zone-file read produced, in file order. */
  static fromRecords(origin: string, records: readonly ZoneRecord[]): Zone {
    const zone = new Zone(origin);
    for (const record of records) zone.insert(record);
    return zone;
  }

  /** Zone.Insert: the SOA and apex NS go to the apex, everything else into the tree. */
  insert(record: ZoneRecord): void {
    const owner = record.type === 'SRV' ? record.name : record.name.toLowerCase();
    const read = toDnsRecord(record, true);
    if (!read.ok) {
      this.unreadable.push(`${record.name} ${record.type} (${read.message})`);
      return;
    }
    const rr = read.record;
    if (record.type === 'SOA') {
      // CoreDNS keeps the last SOA it reads as the zone's SOA, wherever its owner is.
      this.soa = rr;
      return;
    }
    const key = owner.toLowerCase();
    if (record.type === 'NS' && key === this.origin) {
      this.apexNs.push(rr);
      return;
    }
    let node = this.nodes.get(key);
    if (!node) {
      node = { name: key, rrs: new Map() };
      this.nodes.set(key, node);
      for (const ancestor of strictAncestors(key)) this.enclosers.add(ancestor);
    }
    const list = node.rrs.get(record.type);
    if (list) list.push(rr);
    else node.rrs.set(record.type, [rr]);
  }

  /** The node of exactly this name (any case), if the tree holds it. */
  search(name: string): ZoneNode | undefined {
    return this.nodes.get(name.toLowerCase());
  }

  /**
   * The file plugin's hasDescendant: true when `name` is not itself in the tree but a name below it is,
   * i.e. it is an empty non-terminal (tree.Next returns the name itself when present, hence the first test).
   */
  hasDescendant(name: string): boolean {
    const key = name.toLowerCase();
    return !this.nodes.has(key) && this.enclosers.has(key);
  }

  /**
   * nameFromRight: the origin for i = 0, then the origin with i more labels of qname; `shot` once i
   * goes past the whole name (or qname has fewer labels than the origin).
   */
  nameFromRight(qname: string, i: number): { name: string; shot: boolean } {
    if (i <= 0) return { name: this.origin, shot: false };
    const labels = splitLabels(qname);
    const keep = this.originLabels + i;
    if (keep > labels.length) return { name: qname, shot: true };
    return { name: joinLabels(labels.slice(labels.length - keep)), shot: false };
  }

  /** tree.Glue: A then AAAA of every NS target that lies below the NS owner. */
  glue(nsRecords: readonly DnsRecord[]): DnsRecord[] {
    const out: DnsRecord[] = [];
    for (const ns of nsRecords) {
      const target = targetOf(ns);
      if (!isBelowOrAt(target, ns.name)) continue;
      const node = this.search(lowerFqdn(target));
      if (!node) continue;
      out.push(...(node.rrs.get('A') ?? []), ...(node.rrs.get('AAAA') ?? []));
    }
    return out;
  }
}

/**
 * A zone-file record as a simulator record. With `asInserted`, names are lower-cased the way the file
 * plugin's Zone.Insert does (the owner except for SRV, and the targets of NS, SOA, CNAME and MX).
 */
export function toDnsRecord(record: ZoneRecord, asInserted: boolean): RecordRead {
  const owner = asInserted && record.type !== 'SRV' ? record.name.toLowerCase() : record.name;
  const lowered = asInserted ? (LOWERED_FIELDS[record.type] ?? []) : [];
  const rdata = record.rdata.map((field, i) => (lowered.includes(i) ? field.toLowerCase() : unquote(field)));
  return recordFromFields({ name: owner, ttl: record.ttl, class: record.class, type: record.type, rdata });
}

/** A quoted presentation field without its quotes (the record reader wants the bare text). */
function unquote(field: string): string {
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1) : field;
}

export function lowerFqdn(name: string): string {
  const lower = name.toLowerCase();
  if (lower === '' || lower === '.') return '.';
  return lower.endsWith('.') ? lower : `${lower}.`;
}

/** Labels of an absolute name, leftmost first; an escaped dot does not split. */
export function splitLabels(name: string): string[] {
  const labels: string[] = [];
  let current = '';
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]!;
    if (ch === '\\' && i + 1 < name.length) {
      current += ch + name[i + 1];
      i++;
      continue;
    }
    if (ch === '.') {
      if (current !== '') labels.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (current !== '') labels.push(current);
  return labels;
}

export function joinLabels(labels: readonly string[]): string {
  return labels.length === 0 ? '.' : `${labels.join('.')}.`;
}

export function labelCount(name: string): number {
  return splitLabels(name).length;
}

/** dns.IsSubDomain(parent, child): child is parent or below it, on label boundaries, without case. */
export function isBelowOrAt(child: string, parent: string): boolean {
  const c = splitLabels(child.toLowerCase());
  const p = splitLabels(parent.toLowerCase());
  if (p.length > c.length) return false;
  for (let i = 1; i <= p.length; i++) if (c[c.length - i] !== p[p.length - i]) return false;
  return true;
}

/** The names strictly above `name`, up to and including the root. */
function strictAncestors(name: string): string[] {
  const labels = splitLabels(name);
  const out: string[] = [];
  for (let i = 1; i <= labels.length; i++) out.push(joinLabels(labels.slice(i)));
  return out;
}

/** dns.NextLabel-based wildcard: the leftmost label replaced by `*`; '' for a single-label name or the root. */
export function replaceWithAsteriskLabel(name: string): string {
  const labels = splitLabels(name);
  if (labels.length < 2) return '';
  return joinLabels(['*', ...labels.slice(1)]);
}
