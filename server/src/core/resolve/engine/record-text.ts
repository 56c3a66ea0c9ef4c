// Records in presentation format, the text dig prints and zone files hold: `owner TTL CLASS TYPE RDATA`.
// Scenarios write upstream answers this way and expect answers this way, so reading and printing follow
// miekg/dns's conventions exactly: absolute names with a trailing dot, IPv6 compressed the Go way,
// character-strings quoted with `\"`, `\\` and `\DDD` escapes, unknown types as `TYPE<n> \# <len> <hex>`.
import type { DnsRecord } from '../types.js';
import { bareName, fqdn } from './names.js';
import { canonicalIpv4, canonicalIpv6 } from './ip-text.js';
import { classCode, classMnemonic, isOpaqueToPacket, normalizeClass, normalizeType, typeCode } from './rr-types.js';

/** A record split into its presentation fields; rdata fields are as written, quotes removed, escapes kept. */
export interface PresentationFields {
  name: string;
  ttl: number;
  class: string;
  type: string;
  rdata: string[];
}

export type RecordRead = { ok: true; record: DnsRecord } | { ok: false; message: string };

interface Word {
  text: string;
  quoted: boolean;
}

/** Splits one record's text into words: quoted strings are one word, `;` starts a comment, parentheses join. */
function splitWords(text: string): Word[] | string {
  const words: Word[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch) || ch === '(' || ch === ')') {
      i++;
      continue;
    }
    if (ch === ';') break;
    let value = '';
    if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) {
          value += text.slice(i, i + 2);
          i += 2;
          continue;
        }
        value += text[i];
        i++;
      }
      if (i >= text.length) return 'a quoted string is not closed';
      i++;
      words.push({ text: value, quoted: true });
      continue;
    }
    while (i < text.length && !/[\s;()"]/.test(text[i]!)) {
      if (text[i] === '\\' && i + 1 < text.length) {
        value += text.slice(i, i + 2);
        i += 2;
        continue;
      }
      value += text[i];
      i++;
    }
    words.push({ text: value, quoted: false });
  }
  return words;
}

const TTL_UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** A TTL as miekg reads it: seconds, or a sum of amounts with s/m/h/d/w units (`1h30m`). */
function readTtl(text: string): number | undefined {
  if (/^[0-9]+$/.test(text)) {
    const value = Number(text);
    return value <= 0xffffffff ? value : undefined;
  }
  const parts = /^(?:[0-9]+[smhdw])+$/i.test(text) ? text.match(/[0-9]+[smhdw]/gi) : null;
  if (!parts) return undefined;
  let total = 0;
  for (const part of parts) total += Number(part.slice(0, -1)) * (TTL_UNITS[part.slice(-1).toLowerCase()] ?? 0);
  return total <= 0xffffffff ? total : undefined;
}

export interface ReadOptions {
  /**
   * The TTL of a record written without one. Without it a TTL is required, as in scenarios; key files
   * and other text CoreDNS reads with miekg's NewRR get its default, 3600.
   */
  defaultTtl?: number;
}

/** Reads one record in presentation format; never throws. Owner names are taken as absolute. */
export function readRecord(text: string, options: ReadOptions = {}): RecordRead {
  const words = splitWords(text);
  if (typeof words === 'string') return { ok: false, message: `${words}: ${text}` };
  if (words.length < 2) return { ok: false, message: `write a record as "owner TTL CLASS TYPE RDATA", not "${text}"` };
  const name = words[0]!.text;
  let ttl: number | undefined;
  let klass: string | undefined;
  let index = 1;
  // TTL and class are each optional and may come in either order, as in a zone file.
  for (let k = 0; k < 2 && index < words.length; k++) {
    const word = words[index]!.text;
    const asTtl = ttl === undefined ? readTtl(word) : undefined;
    if (asTtl !== undefined) {
      ttl = asTtl;
      index++;
      continue;
    }
    if (klass === undefined && classCode(word) !== undefined && typeCode(word) === undefined) {
      klass = word;
      index++;
    }
  }
  const type = words[index]?.text;
  if (type === undefined) return { ok: false, message: `the record "${text}" has no type` };
  ttl ??= options.defaultTtl;
  if (ttl === undefined) return { ok: false, message: `the record "${text}" has no TTL: write "owner TTL CLASS TYPE RDATA"` };
  return recordFromFields({ name, ttl, class: klass ?? 'IN', type, rdata: words.slice(index + 1).map((w) => w.text) });
}

export class RecordSyntaxError extends Error {}

/** Reads one record in presentation format and throws a RecordSyntaxError when it is not one. */
export function parseRecord(text: string): DnsRecord {
  const read = readRecord(text);
  if (!read.ok) throw new RecordSyntaxError(read.message);
  return read.record;
}

type Fields = readonly string[];
type RdataResult = { data: unknown } | string;

function uint(text: string | undefined, max: number): number | undefined {
  if (text === undefined || !/^[0-9]+$/.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
}

/** The bytes of a character-string written with `\X` and `\DDD` escapes. */
export function unescapeCharacterString(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      const digits = /^[0-9]{3}/.exec(text.slice(i + 1));
      if (digits) {
        bytes.push(Number(digits[0]) & 0xff);
        i += 3;
      } else {
        bytes.push(...Buffer.from(text[i + 1]!, 'utf8'));
        i += 1;
      }
      continue;
    }
    bytes.push(...Buffer.from(ch, 'utf8'));
  }
  return bytes;
}

/** A string for ASCII bytes (the common case, easy to read in handlers), a Buffer otherwise. */
function stringOrBuffer(bytes: readonly number[]): string | Buffer {
  return bytes.every((b) => b < 0x80) ? String.fromCharCode(...bytes) : Buffer.from(bytes);
}

/** TXT rdata: each word a character-string; a string longer than 255 bytes is split, as miekg does. */
function txtData(rdata: Fields): Array<string | Buffer> {
  const out: Array<string | Buffer> = [];
  for (const word of rdata) {
    const bytes = unescapeCharacterString(word);
    if (bytes.length === 0) out.push('');
    for (let i = 0; i < bytes.length; i += 255) out.push(stringOrBuffer(bytes.slice(i, i + 255)));
  }
  return out;
}

function hexBuffer(text: string): Buffer | undefined {
  return /^(?:[0-9a-fA-F]{2})*$/.test(text) ? Buffer.from(text, 'hex') : undefined;
}

/** RFC 3597's generic rdata: `\# <length> <hex...>`. */
function genericRdata(rdata: Fields): Buffer | string {
  const length = uint(rdata[1], 0xffff);
  if (rdata[0] !== '\\#' || length === undefined) return 'write its rdata in the generic form \\# LENGTH HEX';
  const bytes = hexBuffer(rdata.slice(2).join(''));
  if (!bytes || bytes.length !== length) return `the generic rdata does not hold ${length} bytes of hex`;
  return bytes;
}

function rdataFor(type: string, r: Fields): RdataResult {
  const need = (n: number, shape: string): string | undefined => (r.length === n ? undefined : `${type} rdata is "${shape}"`);
  switch (type) {
    case 'A': {
      const ip = r.length === 1 ? canonicalIpv4(r[0]!) : undefined;
      return ip === undefined ? 'A rdata is one IPv4 address' : { data: ip };
    }
    case 'AAAA': {
      const ip = r.length === 1 ? canonicalIpv6(r[0]!) : undefined;
      return ip === undefined ? 'AAAA rdata is one IPv6 address' : { data: ip };
    }
    case 'CNAME': case 'DNAME': case 'NS': case 'PTR':
      return need(1, 'TARGET.') ?? { data: bareName(r[0]!) };
    case 'MX': {
      const preference = uint(r[0], 0xffff);
      if (r.length !== 2 || preference === undefined) return 'MX rdata is "PREFERENCE EXCHANGE."';
      return { data: { preference, exchange: bareName(r[1]!) } };
    }
    case 'SRV': {
      const [priority, weight, port] = [uint(r[0], 0xffff), uint(r[1], 0xffff), uint(r[2], 0xffff)];
      if (r.length !== 4 || priority === undefined || weight === undefined || port === undefined) return 'SRV rdata is "PRIORITY WEIGHT PORT TARGET."';
      return { data: { priority, weight, port, target: bareName(r[3]!) } };
    }
    case 'TXT':
      return r.length === 0 ? 'TXT rdata is one or more "strings"' : { data: txtData(r) };
    case 'SOA': {
      const times = r.slice(2).map((t) => readTtl(t));
      if (r.length !== 7 || times.some((t) => t === undefined)) return 'SOA rdata is "MNAME. RNAME. SERIAL REFRESH RETRY EXPIRE MINIMUM"';
      const [serial, refresh, retry, expire, minimum] = times as number[];
      return { data: { mname: bareName(r[0]!), rname: bareName(r[1]!), serial, refresh, retry, expire, minimum } };
    }
    case 'HINFO':
      return need(2, '"CPU" "OS"') ?? { data: { cpu: r[0]!, os: r[1]! } };
    case 'CAA': {
      const flags = uint(r[0], 255);
      if (r.length !== 3 || flags === undefined) return 'CAA rdata is "FLAGS TAG "VALUE""';
      return { data: { flags, tag: r[1]!, value: r[2]!, issuerCritical: (flags & 128) !== 0 } };
    }
    case 'NAPTR': {
      const [order, preference] = [uint(r[0], 0xffff), uint(r[1], 0xffff)];
      if (r.length !== 6 || order === undefined || preference === undefined) return 'NAPTR rdata is "ORDER PREFERENCE "FLAGS" "SERVICES" "REGEXP" REPLACEMENT."';
      return { data: { order, preference, flags: r[2]!, services: r[3]!, regexp: r[4]!, replacement: bareName(r[5]!) } };
    }
    case 'DS': {
      const [keyTag, algorithm, digestType] = [uint(r[0], 0xffff), uint(r[1], 255), uint(r[2], 255)];
      const digest = hexBuffer(r.slice(3).join(''));
      if (r.length < 4 || keyTag === undefined || algorithm === undefined || digestType === undefined || !digest) return 'DS rdata is "KEYTAG ALGORITHM DIGESTTYPE HEX"';
      return { data: { keyTag, algorithm, digestType, digest } };
    }
    case 'SSHFP': {
      const [algorithm, hash] = [uint(r[0], 255), uint(r[1], 255)];
      if (r.length < 3 || algorithm === undefined || hash === undefined || !hexBuffer(r.slice(2).join(''))) return 'SSHFP rdata is "ALGORITHM TYPE HEX"';
      return { data: { algorithm, hash, fingerprint: r.slice(2).join('').toUpperCase() } };
    }
    case 'TLSA': {
      const [usage, selector, matchingType] = [uint(r[0], 255), uint(r[1], 255), uint(r[2], 255)];
      const certificate = hexBuffer(r.slice(3).join(''));
      if (r.length < 4 || usage === undefined || selector === undefined || matchingType === undefined || !certificate) return 'TLSA rdata is "USAGE SELECTOR MATCHINGTYPE HEX"';
      return { data: { usage, selector, matchingType, certificate } };
    }
    case 'DNSKEY': {
      const [flags, protocol, algorithm] = [uint(r[0], 0xffff), uint(r[1], 255), uint(r[2], 255)];
      if (r.length < 4 || flags === undefined || protocol !== 3 || algorithm === undefined) return 'DNSKEY rdata is "FLAGS 3 ALGORITHM BASE64KEY"';
      return { data: { flags, algorithm, key: Buffer.from(r.slice(3).join(''), 'base64') } };
    }
    case 'RP':
      return need(2, 'MBOX. TXT.') ?? { data: { mbox: bareName(r[0]!), txt: bareName(r[1]!) } };
    case 'NSEC': {
      const types = r.slice(1).map((t) => normalizeType(t));
      if (r.length < 1 || types.some((t) => t === undefined)) return 'NSEC rdata is "NEXT. TYPE..."';
      return { data: { nextDomain: bareName(r[0]!), rrtypes: types as string[] } };
    }
  }
  return 'no reader';
}

/** Builds a record from presentation fields (a zone file's or a scenario's); never throws. */
export function recordFromFields(fields: PresentationFields): RecordRead {
  const type = normalizeType(fields.type);
  if (type === undefined) return { ok: false, message: `"${fields.type}" is not a record type` };
  const klass = normalizeClass(fields.class);
  if (klass === undefined) return { ok: false, message: `"${fields.class}" is not a record class` };
  const base = { name: bareName(fields.name), ttl: fields.ttl, class: klass };
  if (fields.rdata[0] === '\\#' || isOpaqueToPacket(type)) {
    const data = genericRdata(fields.rdata);
    if (typeof data === 'string') return { ok: false, message: `${type}: ${data}` };
    // dns-packet keeps these types' rdata as raw bytes; a structured type given as \# is kept raw too
    // only when dns-packet would also keep it raw, so that every record stays encodable.
    if (!isOpaqueToPacket(type)) return { ok: false, message: `${type}: write its rdata in its own presentation form, not \\#` };
    return { ok: true, record: { ...base, type, data } as unknown as DnsRecord };
  }
  const rdata = rdataFor(type, fields.rdata);
  if (typeof rdata === 'string') return { ok: false, message: `${rdata}: ${fields.name} ${type} ${fields.rdata.join(' ')}` };
  return { ok: true, record: { ...base, type, data: rdata.data } as unknown as DnsRecord };
}

/** Quotes a character-string with miekg's escapes. */
export function quoteCharacterString(value: string | Uint8Array): string {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  let out = '"';
  for (const b of bytes) {
    if (b === 0x22 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b < 0x20 || b > 0x7e) out += `\\${b.toString().padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out}"`;
}

function hex(value: unknown): string {
  return Buffer.isBuffer(value) || value instanceof Uint8Array ? Buffer.from(value).toString('hex') : String(value ?? '');
}

function num(value: unknown, fallback = 0): string {
  return typeof value === 'number' ? String(value) : String(fallback);
}

function field(data: unknown, key: string): unknown {
  return typeof data === 'object' && data !== null && !Buffer.isBuffer(data) ? (data as Record<string, unknown>)[key] : undefined;
}

function name(value: unknown): string {
  return fqdn(typeof value === 'string' ? value : '.');
}

/** The rdata of a record in presentation format. */
export function formatRdata(record: DnsRecord): string {
  // Fields are read with field(d, key) directly: a helper closure here would be created for every record.
  const type = normalizeType(record.type) ?? record.type;
  const d: unknown = 'data' in record ? record.data : undefined;
  switch (type) {
    case 'A':
      // Addresses built by the simulator are already canonical; only unusual text is parsed again.
      return typeof d === 'string' ? (/^[1-9]?[0-9]{1,2}(?:\.[1-9]?[0-9]{1,2}){3}$/.test(d) ? d : (canonicalIpv4(d) ?? d)) : '';
    case 'AAAA':
      return typeof d === 'string' ? (canonicalIpv6(d) ?? d) : '';
    case 'CNAME': case 'DNAME': case 'NS': case 'PTR':
      return name(d);
    case 'MX':
      return `${num(field(d, 'preference'))} ${name(field(d, 'exchange'))}`;
    case 'SRV':
      return `${num(field(d, 'priority'))} ${num(field(d, 'weight'))} ${num(field(d, 'port'))} ${name(field(d, 'target'))}`;
    case 'TXT': {
      const parts = Array.isArray(d) ? d : [d];
      return parts.map((p) => quoteCharacterString(typeof p === 'string' || p instanceof Uint8Array ? p : '')).join(' ');
    }
    case 'SOA':
      return [name(field(d, 'mname')), name(field(d, 'rname')), num(field(d, 'serial')), num(field(d, 'refresh')), num(field(d, 'retry')),
        num(field(d, 'expire')), num(field(d, 'minimum'))].join(' ');
    case 'HINFO':
      return `${quoteCharacterString(String(field(d, 'cpu') ?? ''))} ${quoteCharacterString(String(field(d, 'os') ?? ''))}`;
    case 'CAA': {
      const flags = typeof field(d, 'flags') === 'number' ? (field(d, 'flags') as number) : field(d, 'issuerCritical') ? 128 : 0;
      return `${flags} ${String(field(d, 'tag') ?? '')} ${quoteCharacterString(String(field(d, 'value') ?? ''))}`;
    }
    case 'NAPTR':
      return [num(field(d, 'order')), num(field(d, 'preference')), quoteCharacterString(String(field(d, 'flags') ?? '')),
        quoteCharacterString(String(field(d, 'services') ?? '')), quoteCharacterString(String(field(d, 'regexp') ?? '')), name(field(d, 'replacement'))].join(' ');
    case 'DS':
      return `${num(field(d, 'keyTag'))} ${num(field(d, 'algorithm'))} ${num(field(d, 'digestType'))} ${hex(field(d, 'digest')).toUpperCase()}`;
    case 'SSHFP':
      return `${num(field(d, 'algorithm'))} ${num(field(d, 'hash'))} ${String(field(d, 'fingerprint') ?? '').toUpperCase()}`;
    case 'TLSA':
      return `${num(field(d, 'usage'))} ${num(field(d, 'selector'))} ${num(field(d, 'matchingType'))} ${hex(field(d, 'certificate'))}`;
    case 'DNSKEY': {
      const key = field(d, 'key');
      return `${num(field(d, 'flags'))} 3 ${num(field(d, 'algorithm'))} ${key instanceof Uint8Array ? Buffer.from(key).toString('base64') : ''}`;
    }
    case 'RP':
      return `${name(field(d, 'mbox'))} ${name(field(d, 'txt'))}`;
    case 'NSEC': {
      const types = field(d, 'rrtypes');
      return [name(field(d, 'nextDomain')), ...(Array.isArray(types) ? types.map(String) : [])].join(' ');
    }
  }
  const bytes = d instanceof Uint8Array ? d : new Uint8Array();
  return `\\# ${bytes.length} ${hex(bytes)}`.trimEnd();
}

/** A record as one line of presentation format: `owner. TTL CLASS TYPE RDATA`, fields separated by spaces. */
export function formatRecord(record: DnsRecord): string {
  const type = normalizeType(record.type) ?? record.type;
  const ttl = 'ttl' in record && typeof record.ttl === 'number' ? record.ttl : 0;
  const klassCode = classCode('class' in record && typeof record.class === 'string' ? record.class : 'IN') ?? 1;
  return `${fqdn(record.name)} ${ttl} ${classMnemonic(klassCode)} ${type} ${formatRdata(record)}`;
}
