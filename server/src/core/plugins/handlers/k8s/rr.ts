// Resource records as the kubernetes family writes them (msg.Service's NewA, NewSRV, ... in CoreDNS), in
// dns-packet's shape: owner names without the trailing dot, class IN.
import type { DnsRecord } from '../../../resolve/types.js';
import { ipFamily } from '../../../resolve/cluster.js';
import { relative } from './names.js';

export function aRecord(owner: string, ttl: number, ip: string): DnsRecord {
  return { name: relative(owner), type: 'A', class: 'IN', ttl, data: ip };
}

export function aaaaRecord(owner: string, ttl: number, ip: string): DnsRecord {
  return { name: relative(owner), type: 'AAAA', class: 'IN', ttl, data: ip };
}

/** An A or AAAA record, whichever the address is (an IPv4-mapped IPv6 address counts as IPv4, like Go's To4). */
export function addressRecord(owner: string, ttl: number, ip: string): DnsRecord {
  return ipFamily(ip) === 4 ? aRecord(owner, ttl, ip) : aaaaRecord(owner, ttl, ip);
}

export function cnameRecord(owner: string, ttl: number, target: string): DnsRecord {
  return { name: relative(owner), type: 'CNAME', class: 'IN', ttl, data: relative(target) };
}

export function ptrRecord(owner: string, ttl: number, target: string): DnsRecord {
  return { name: relative(owner), type: 'PTR', class: 'IN', ttl, data: relative(target) };
}

export function nsRecord(owner: string, ttl: number, target: string): DnsRecord {
  return { name: relative(owner), type: 'NS', class: 'IN', ttl, data: relative(target) };
}

export function srvRecord(owner: string, ttl: number, fields: { priority: number; weight: number; port: number; target: string }): DnsRecord {
  return { name: relative(owner), type: 'SRV', class: 'IN', ttl, data: { ...fields, target: relative(fields.target) } };
}

/** A TXT record; text longer than 255 bytes is cut into 255-byte strings, as msg.Service's split255 does. */
export function txtRecord(owner: string, ttl: number, text: string): DnsRecord {
  const parts: string[] = [];
  if (text.length < 255) parts.push(text);
  else for (let i = 0; i < text.length; i += 255) parts.push(text.slice(i, i + 255));
  return { name: relative(owner), type: 'TXT', class: 'IN', ttl, data: parts };
}

export interface SoaFields {
  mname: string;
  rname: string;
  serial: number;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
}

export function soaRecord(owner: string, ttl: number, fields: SoaFields): DnsRecord {
  return { name: relative(owner), type: 'SOA', class: 'IN', ttl, data: { ...fields, mname: relative(fields.mname), rname: relative(fields.rname) } };
}

/** The record's data when it is a name or an address (A, AAAA, CNAME, PTR, NS). */
export function stringData(record: DnsRecord): string | undefined {
  return 'data' in record && typeof record.data === 'string' ? record.data : undefined;
}
