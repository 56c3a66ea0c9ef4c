// What CoreDNS's scrub writer does to every reply on its way out: copy the client's EDNS0 (buffer size, DO
// bit) into the reply, then make the reply fit the client's buffer by dropping records and setting TC, the
// way miekg/dns's Msg.Truncate does. Without this, sizes and the TC bit in the simulator would be made up.
import type { ClientInfo, DnsMessage, DnsRecord } from '../types.js';
import { CompressedLength, messageSize, optLength } from './wire.js';

/** The smallest buffer a DNS client must accept (RFC 1035), and the largest message at all. */
const MIN_MSG_SIZE = 512;
const MAX_MSG_SIZE = 65535;

/** The buffer the client offers: TCP takes any message, UDP the EDNS0 size but at least 512 bytes. */
export function clientBufferSize(query: DnsMessage, transport: ClientInfo['transport']): number {
  if (transport === 'tcp') return MAX_MSG_SIZE;
  return Math.max(query.edns?.udpSize ?? 0, MIN_MSG_SIZE);
}

/** Copies the query's EDNS0 onto the reply when the query had one (request.SizeAndDo). */
export function sizeAndDo(query: DnsMessage, reply: DnsMessage): void {
  if (!query.edns) return;
  if (reply.edns) {
    // The reply keeps its own options (an upstream's, or an EDE), takes the client's size, and its flags
    // are cleared except for the DO bit the client set.
    reply.edns = { udpSize: query.edns.udpSize, do: query.edns.do, options: reply.edns.options };
    return;
  }
  reply.edns = { udpSize: query.edns.udpSize, do: query.edns.do, options: [] };
}

export interface TruncateOutcome {
  /** Records dropped from answer, authority and additional. */
  dropped: number;
  /** The size of the reply after truncation (compressed when it had to be). */
  size: number;
}

/** Drops the records that do not fit `size` bytes and sets TC when any was dropped (Msg.Truncate). */
export function truncate(reply: DnsMessage, size: number): TruncateOutcome {
  const budget = Math.max(size, MIN_MSG_SIZE);
  const plain = messageSize(reply, false);
  if (plain <= budget) return { dropped: 0, size: plain };
  const limit = budget - optLength(reply);
  const counter = new CompressedLength();
  for (const q of reply.question) counter.addQuestion(q);
  const fit: Fit = { counter, limit, full: false, dropped: 0 };
  reply.answer = keepFitting(fit, reply.answer);
  reply.authority = keepFitting(fit, reply.authority);
  reply.additional = keepFitting(fit, reply.additional);
  const dropped = fit.dropped;
  if (dropped > 0) reply.flags.tc = true;
  return { dropped, size: messageSize(reply) };
}

/** The state of a truncation across the sections: the length so far, and whether the budget is used up. */
interface Fit {
  counter: CompressedLength;
  limit: number;
  full: boolean;
  dropped: number;
}

/** The leading records of a section that still fit; once one does not, nothing after it is kept. */
function keepFitting(fit: Fit, records: DnsRecord[]): DnsRecord[] {
  const kept: DnsRecord[] = [];
  for (const r of records) {
    if (fit.full) break;
    fit.counter.addRecord(r);
    if (fit.counter.length > fit.limit) {
      fit.full = true;
      break;
    }
    kept.push(r);
    if (fit.counter.length === fit.limit) fit.full = true;
  }
  fit.dropped += records.length - kept.length;
  return kept;
}

/** Both steps of the scrub writer, in CoreDNS's order. */
export function scrub(query: DnsMessage, reply: DnsMessage, transport: ClientInfo['transport']): TruncateOutcome {
  sizeAndDo(query, reply);
  return truncate(reply, clientBufferSize(query, transport));
}
