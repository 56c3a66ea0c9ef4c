// The wire form of simulator messages. Encoding goes through dns-packet so that every reply is a message a
// real client could read. dns-packet never compresses names, but miekg/dns (and so CoreDNS) does when a
// reply would not fit otherwise, so the compressed size is computed here with miekg's rules: owner names
// and the names inside NS, CNAME, PTR, MX, SOA, MB, MG, MR and MINFO rdata may point back; every name
// written, compressed or not, becomes a target for later names while it starts below offset 0x4000.
import packet from 'dns-packet';
import type { DnsMessage, DnsRecord, RcodeName } from '../types.js';
import { bareName, utf8Length } from './names.js';
import { normalizeClass, normalizeType, packetClassName, packetTypeName } from './rr-types.js';

const RCODE_NUMBERS: Readonly<Record<RcodeName, number>> = {
  NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5, YXDOMAIN: 6, YXRRSET: 7,
  NXRRSET: 8, NOTAUTH: 9, NOTZONE: 10, BADVERS: 16,
};

const OPCODE_NUMBERS: Readonly<Record<string, number>> = { QUERY: 0, IQUERY: 1, STATUS: 2, NOTIFY: 4, UPDATE: 5 };

/** The numeric rcode (BADVERS is 16: its upper bits travel in the OPT record). */
export function rcodeNumber(rcode: RcodeName): number {
  return RCODE_NUMBERS[rcode];
}

function headerFlags(msg: DnsMessage): number {
  const f = msg.flags;
  return ((OPCODE_NUMBERS[msg.opcode.toUpperCase()] ?? 0) << 11) | (f.aa ? 1 << 10 : 0) | (f.tc ? 1 << 9 : 0) | (f.rd ? 1 << 8 : 0) |
    (f.ra ? 1 << 7 : 0) | (f.ad ? 1 << 5 : 0) | (f.cd ? 1 << 4 : 0) | (rcodeNumber(msg.rcode) & 0xf);
}

/** A record in the spelling dns-packet's encoder wants (types and classes it does not name go by number). */
function toPacketRecord(record: DnsRecord): packet.Answer {
  if (record.type === 'OPT') return record;
  const klass = 'class' in record && typeof record.class === 'string' ? record.class : 'IN';
  return { ...record, type: packetTypeName(record.type), class: packetClassName(klass) } as unknown as packet.Answer;
}

function optRecord(msg: DnsMessage): packet.Answer[] {
  if (!msg.edns) return [];
  const opt: packet.OptAnswer = {
    name: '.',
    type: 'OPT',
    udpPayloadSize: msg.edns.udpSize,
    extendedRcode: rcodeNumber(msg.rcode) >> 4,
    ednsVersion: 0,
    flags: msg.edns.do ? packet.DNSSEC_OK : 0,
    flag_do: msg.edns.do,
    // dns-packet writes any option that carries its bytes; the casts name the option by number.
    options: msg.edns.options.map((o) => ({ code: o.code, data: Buffer.from(o.data) }) as unknown as packet.PacketOpt),
  };
  return [opt];
}

/** The message in dns-packet's shape. */
export function toPacket(msg: DnsMessage): packet.Packet {
  return {
    type: msg.response ? 'response' : 'query',
    id: msg.id,
    flags: headerFlags(msg),
    questions: msg.question.map((q) => ({ name: bareName(q.name), type: packetTypeName(q.type), class: packetClassName(q.class) }) as unknown as packet.Question),
    answers: msg.answer.map(toPacketRecord),
    authorities: msg.authority.map(toPacketRecord),
    additionals: [...msg.additional.filter((r) => r.type !== 'OPT').map(toPacketRecord), ...optRecord(msg)],
  };
}

/** The message as wire bytes (uncompressed, as dns-packet writes it). */
export function encodeMessage(msg: DnsMessage): Uint8Array {
  return packet.encode(toPacket(msg));
}

/** Where rdata holds names miekg/dns compresses, and the bytes of fixed fields before each. */
const COMPRESSED_RDATA: Readonly<Record<string, (data: unknown) => Array<{ before: number; name: string }>>> = {
  NS: (d) => [{ before: 0, name: String(d) }],
  CNAME: (d) => [{ before: 0, name: String(d) }],
  PTR: (d) => [{ before: 0, name: String(d) }],
  MB: (d) => [{ before: 0, name: String(d) }],
  MG: (d) => [{ before: 0, name: String(d) }],
  MR: (d) => [{ before: 0, name: String(d) }],
  MX: (d) => [{ before: 2, name: String(prop(d, 'exchange')) }],
  SOA: (d) => [{ before: 0, name: String(prop(d, 'mname')) }, { before: 0, name: String(prop(d, 'rname')) }],
  MINFO: (d) => [{ before: 0, name: String(prop(d, 'rmail')) }, { before: 0, name: String(prop(d, 'email')) }],
};

function prop(data: unknown, key: string): unknown {
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
}

/**
 * Uncompressed wire length of a name: each label's bytes plus its length byte, plus the root byte. For a
 * name of n labels written with n-1 dots that is its byte length plus 2; the root alone takes 1 byte.
 */
function nameLength(name: string): number {
  // Measured in place: one trailing dot is the root label's place, not a byte of its own.
  const dotted = name.endsWith('.');
  if (name.length === (dotted ? 1 : 0)) return 1;
  return utf8Length(name) + (dotted ? 1 : 2);
}

/** Follows miekg's compression map over a message, name by name, in wire order. */
class Compressor {
  private readonly targets = new Set<string>();

  /** The bytes a name takes at `offset`; registers its suffixes as targets. */
  write(name: string, offset: number, compress: boolean): number {
    const bare = bareName(name);
    if (bare === '.') return 1;
    let size = 0;
    // Each suffix on a label boundary is the rest of the text after a dot, so no labels are split and joined.
    for (let start = 0; ; ) {
      const suffix = start === 0 ? bare : bare.slice(start);
      if (this.targets.has(suffix)) {
        if (compress) return size + 2;
      } else if (offset + size < 0x4000) {
        this.targets.add(suffix);
      }
      const dot = bare.indexOf('.', start);
      size += utf8Length(dot === -1 ? suffix : bare.slice(start, dot)) + 1;
      if (dot === -1) break;
      start = dot + 1;
    }
    return size + 1;
  }
}

/** The full length of one record as dns-packet encodes it (owner, fixed fields, rdata). */
function recordLength(record: packet.Answer): number {
  return packet.encodingLength({ answers: [record] }) - 12;
}

/**
 * Counts compressed wire lengths the way miekg/dns's len functions do, record by record, so truncation
 * can stop at the first record that does not fit.
 */
export class CompressedLength {
  private readonly compressor = new Compressor();
  /** Bytes counted so far, starting with the 12-byte header. */
  length = 12;

  /** Adds a question (name, type, class) and returns its length. */
  addQuestion(question: { name: string }): number {
    const size = this.compressor.write(bareName(question.name), this.length, true) + 4;
    this.length += size;
    return size;
  }

  /** Adds a record and returns its compressed length. */
  addRecord(record: DnsRecord): number {
    const wire = toPacketRecord(record);
    // Owner, type, class, TTL and rdata length, then the rdata: counted, not encoded.
    const full = nameLength(wire.name) + 10 + rdataLength(record);
    const owner = this.compressor.write(wire.name, this.length, true);
    let rdataOffset = this.length + owner + 10;
    let saved = nameLength(wire.name) - owner;
    const names = wire.type === 'OPT' ? [] : (COMPRESSED_RDATA[wire.type]?.('data' in wire ? wire.data : undefined) ?? []);
    for (const entry of names) {
      rdataOffset += entry.before;
      const written = this.compressor.write(entry.name, rdataOffset, true);
      saved += nameLength(entry.name) - written;
      rdataOffset += written;
    }
    this.length += full - saved;
    return full - saved;
  }
}

/** The length of the EDNS0 OPT record a message carries (0 without EDNS0): root name, fixed fields, options. */
export function optLength(msg: DnsMessage): number {
  if (!msg.edns) return 0;
  return 11 + msg.edns.options.reduce((n, o) => n + 4 + o.data.length, 0);
}

/** The uncompressed rdata length of the common types, computed directly; others through dns-packet. */
function rdataLength(record: DnsRecord): number {
  switch (record.type) {
    case 'A': return 4;
    case 'AAAA': return 16;
    case 'CNAME': case 'DNAME': case 'NS': case 'PTR': return nameLength(record.data);
    case 'MX': return 2 + nameLength(record.data.exchange);
    case 'SRV': return 6 + nameLength(record.data.target);
    case 'SOA': return nameLength(record.data.mname) + nameLength(record.data.rname) + 20;
    case 'TXT': {
      const parts = Array.isArray(record.data) ? record.data : [record.data];
      return parts.reduce((n: number, p) => n + 1 + (typeof p === 'string' ? utf8Length(p) : p.length), 0);
    }
    default: {
      const wire = toPacketRecord(record);
      return recordLength(wire) - nameLength(wire.name) - 10;
    }
  }
}

/**
 * The size of the message on the wire. With `compress` (the default) names are compressed the way miekg/dns
 * compresses them; without it, the size is the uncompressed encoding dns-packet writes.
 */
export function messageSize(msg: DnsMessage, compress = true): number {
  if (!compress) {
    let size = 12 + optLength(msg);
    for (const q of msg.question) size += nameLength(q.name) + 4;
    for (const section of [msg.answer, msg.authority, msg.additional]) {
      for (const r of section) if (r.type !== 'OPT') size += nameLength(r.name) + 10 + rdataLength(r);
    }
    return size;
  }
  const counter = new CompressedLength();
  for (const q of msg.question) counter.addQuestion(q);
  for (const r of [...msg.answer, ...msg.authority, ...msg.additional]) if (r.type !== 'OPT') counter.addRecord(r);
  return counter.length + optLength(msg);
}

/** Reads wire bytes back into a simulator message (for tests and for bytes from outside). */
export function decodeMessage(bytes: Uint8Array): DnsMessage {
  const d = packet.decode(Buffer.from(bytes));
  const rcode = d.flags === undefined ? 0 : d.flags & 0xf;
  const opt = (d.additionals ?? []).find((r): r is packet.OptAnswer => r.type === 'OPT');
  const fullRcode = rcode | ((opt?.extendedRcode ?? 0) << 4);
  const rcodeName = (Object.entries(RCODE_NUMBERS).find(([, n]) => n === fullRcode)?.[0] ?? 'SERVFAIL') as RcodeName;
  const opcode = Object.entries(OPCODE_NUMBERS).find(([, n]) => n === ((d.flags ?? 0) >> 11) % 16)?.[0] ?? 'QUERY';
  const withDot = (name: string): string => (name === '.' || name === '' ? '.' : `${name}.`);
  const message: DnsMessage = {
    id: d.id ?? 0,
    response: d.flag_qr,
    opcode,
    rcode: rcodeName,
    flags: { aa: d.flag_aa, tc: d.flag_tc, rd: d.flag_rd, ra: d.flag_ra, ad: d.flag_ad, cd: d.flag_cd },
    question: (d.questions ?? []).map((q) => ({ name: withDot(q.name), type: fromPacketName(String(q.type), 'TYPE'), class: fromPacketName(String(q.class ?? 'IN'), 'CLASS') })),
    answer: (d.answers ?? []).map(fromPacketRecord),
    authority: (d.authorities ?? []).map(fromPacketRecord),
    additional: (d.additionals ?? []).filter((r) => r.type !== 'OPT').map(fromPacketRecord),
  };
  if (opt) {
    message.edns = {
      udpSize: opt.udpPayloadSize,
      do: opt.flag_do,
      options: opt.options.map((o) => ({ code: typeof o.code === 'number' ? o.code : 0, data: new Uint8Array(o.data ?? Buffer.alloc(0)) })),
    };
  }
  return message;
}

function fromPacketName(name: string, prefix: 'TYPE' | 'CLASS'): string {
  const spelled = prefix === 'TYPE' ? normalizeType(name) : normalizeClass(name);
  return spelled ?? (name.startsWith('UNKNOWN_') ? `${prefix}${name.slice(8)}` : name);
}

function fromPacketRecord(record: packet.Answer): DnsRecord {
  if (record.type === 'OPT') return record;
  const type = fromPacketName(String(record.type), 'TYPE');
  const klass = fromPacketName(String(record.class ?? 'IN'), 'CLASS');
  const { flush: _flush, ...rest } = record;
  return { ...rest, type, class: klass } as unknown as DnsRecord;
}
