// Reads the `upstream` and `upstreamByServer` fields of a scenario into lookup tables. Keys are
// "NAME TYPE"; values are records in presentation format or `{ rcode: X }`.
import { isObj } from '../cluster/fields.js';
import { normalizeType, readRecord } from '../message.js';
import type { DnsRecord, UpstreamValue } from '../types.js';
import { isRcode, RCODES } from './queries.js';
import { absoluteLower, upstreamTargetKey, type UpstreamMap } from './upstream.js';

export function readUpstream(value: unknown, field: string, errors: string[]): UpstreamMap {
  const map: UpstreamMap = new Map();
  if (value === undefined || value === null) return map;
  if (!isObj(value)) {
    errors.push(`${field}: write a mapping from "NAME TYPE" to records or { rcode: X }`);
    return map;
  }
  for (const [key, entry] of Object.entries(value)) {
    const where = `${field}."${key}"`;
    const words = key.trim().split(/\s+/);
    if (words.length !== 2) {
      errors.push(`${where}: write the key as "NAME TYPE", for example "api.github.com. A"`);
      continue;
    }
    const type = normalizeType(words[1]!);
    if (!type) {
      errors.push(`${where}: '${words[1]}' is not a record type`);
      continue;
    }
    const read = readValue(entry, where, errors);
    if (!read) continue;
    const name = absoluteLower(words[0]!);
    const types = map.get(name) ?? new Map<string, UpstreamValue>();
    types.set(type, read);
    map.set(name, types);
  }
  return map;
}

function readValue(entry: unknown, where: string, errors: string[]): UpstreamValue | undefined {
  if (entry === null) return { records: [] };
  if (isObj(entry)) {
    const rcode = typeof entry.rcode === 'string' ? entry.rcode.toUpperCase() : '';
    if (Object.keys(entry).length === 1 && isRcode(rcode)) return { rcode };
    errors.push(`${where}: write a list of records, or { rcode: X } with X one of ${RCODES.join(', ')}`);
    return undefined;
  }
  const texts = typeof entry === 'string' ? [entry] : entry;
  if (!Array.isArray(texts)) {
    errors.push(`${where}: write a list of records such as "api.github.com. 60 IN A 140.82.112.5"`);
    return undefined;
  }
  const records: DnsRecord[] = [];
  texts.forEach((text: unknown, i) => {
    if (typeof text !== 'string') {
      errors.push(`${where}[${i}]: write the record as a string "owner TTL CLASS TYPE RDATA"`);
      return;
    }
    const read = readRecord(text);
    if (read.ok) records.push(read.record);
    else errors.push(`${where}[${i}]: ${read.message}`);
  });
  return { records };
}

export function readUpstreamByServer(value: unknown, errors: string[]): Map<string, UpstreamMap> {
  const out = new Map<string, UpstreamMap>();
  if (value === undefined || value === null) return out;
  if (!isObj(value)) {
    errors.push('upstreamByServer: write a mapping from a forward target ("10.0.0.2:53") to an upstream map');
    return out;
  }
  for (const [target, entry] of Object.entries(value)) {
    const key = upstreamTargetKey(target);
    if (!key) {
      errors.push(`upstreamByServer."${target}": write the forward target as IP or IP:PORT`);
      continue;
    }
    out.set(key, readUpstream(entry, `upstreamByServer."${target}"`, errors));
  }
  return out;
}
