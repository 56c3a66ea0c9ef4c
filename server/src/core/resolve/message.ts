// DNS messages for the simulator: building queries and replies the way miekg/dns's SetQuestion and SetReply
// do, reading and printing records in presentation format, and their wire form through dns-packet. Every
// other part of the engine builds messages through these functions so that all of them stay encodable.
import type { DnsMessage, DnsRecord, RcodeName } from './types.js';
import { fqdn } from './engine/names.js';
import { normalizeClass, normalizeType } from './engine/rr-types.js';

export { fqdn, bareName, namesEqual, isSubdomainOf, labelsOf, matchZone } from './engine/names.js';
export { typify, classify, type ResponseType, type ResponseClass } from './engine/typify.js';
export { parseRecord, readRecord, recordFromFields, formatRecord, formatRdata, quoteCharacterString, RecordSyntaxError } from './engine/record-text.js';
export type { PresentationFields, ReadOptions, RecordRead } from './engine/record-text.js';
export { encodeMessage, decodeMessage, messageSize, rcodeNumber } from './engine/wire.js';
export { normalizeType, normalizeClass, typeCode, typeMnemonic, classCode, classMnemonic } from './engine/rr-types.js';
export { canonicalIpv4, canonicalIpv6, formatIpv4, formatIpv6, ipBytes, cidrContains } from './engine/ip-text.js';

export interface QueryOptions {
  /** Message id; 0 when not given (the simulator needs no randomness to match replies). */
  id?: number;
  /** Recursion desired; stub resolvers set it, so it defaults to true. */
  rd?: boolean;
  /** Adds an EDNS0 OPT record advertising this UDP size. */
  udpSize?: number;
  /** The DNSSEC OK bit; implies EDNS0 (1232 bytes, dig's default, unless udpSize says otherwise). */
  do?: boolean;
  /** The query class; IN when not given. */
  class?: string;
}

/** The EDNS0 buffer size dig advertises by default since DNS Flag Day 2020. */
const DEFAULT_EDNS_SIZE = 1232;

/** A query with one question, the name made absolute, like miekg's SetQuestion. */
export function newQuery(name: string, type: string, options: QueryOptions = {}): DnsMessage {
  const msg: DnsMessage = {
    id: options.id ?? 0,
    response: false,
    opcode: 'QUERY',
    rcode: 'NOERROR',
    flags: { aa: false, tc: false, rd: options.rd ?? true, ra: false, ad: false, cd: false },
    question: [{ name: fqdn(name), type: normalizeType(type) ?? type.toUpperCase(), class: normalizeClass(options.class ?? 'IN') ?? 'IN' }],
    answer: [],
    authority: [],
    additional: [],
  };
  if (options.udpSize !== undefined || options.do === true) {
    msg.edns = { udpSize: options.udpSize ?? DEFAULT_EDNS_SIZE, do: options.do ?? false, options: [] };
  }
  return msg;
}

export interface ReplyOptions {
  answer?: DnsRecord[];
  authority?: DnsRecord[];
  additional?: DnsRecord[];
  /** The authoritative-answer bit. */
  aa?: boolean;
}

/**
 * A reply to `query` like miekg's SetReply: same id, opcode and question, RD and CD copied. RA is not set,
 * as CoreDNS's own answers leave it clear; EDNS0 is added by the server when it writes the reply, the way
 * CoreDNS's scrub writer does.
 */
export function newReply(query: DnsMessage, rcode: RcodeName, options: ReplyOptions = {}): DnsMessage {
  return {
    id: query.id,
    response: true,
    opcode: query.opcode,
    rcode,
    flags: { aa: options.aa ?? false, tc: false, rd: query.flags.rd, ra: false, ad: false, cd: query.flags.cd },
    question: query.question.map((q) => ({ ...q })),
    answer: [...(options.answer ?? [])],
    authority: [...(options.authority ?? [])],
    additional: [...(options.additional ?? [])],
  };
}

/** A deep-enough copy of a message for a plugin that changes it (rewrite, dns64, minimal...). */
export function copyMessage(msg: DnsMessage): DnsMessage {
  const copy: DnsMessage = {
    ...msg,
    flags: { ...msg.flags },
    question: msg.question.map((q) => ({ ...q })),
    answer: msg.answer.map((r) => ({ ...r }) as DnsRecord),
    authority: msg.authority.map((r) => ({ ...r }) as DnsRecord),
    additional: msg.additional.map((r) => ({ ...r }) as DnsRecord),
  };
  if (msg.edns) copy.edns = { ...msg.edns, options: [...msg.edns.options] };
  return copy;
}

/** The first question, which every query the simulator handles has. */
export function questionOf(msg: DnsMessage): { name: string; type: string; class: string } {
  return msg.question[0] ?? { name: '.', type: 'A', class: 'IN' };
}
