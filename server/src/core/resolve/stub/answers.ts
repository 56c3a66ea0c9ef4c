// Which addresses of a reply each libc hands to the application. glibc follows the question name through
// the CNAME records in answer order and keeps only A/AAAA records owned by the name it currently expects;
// musl keeps every record of the asked type, whoever owns it, up to its 48-address buffer.
import type { DnsRecord } from '../types.js';
import { sameName } from './names.js';

/** musl's MAXADDRS: getaddrinfo never returns more addresses than this. */
export const MUSL_MAX_ADDRESSES = 48;

function recordClass(r: DnsRecord): string {
  return 'class' in r && r.class !== undefined ? r.class : 'IN';
}

function textData(r: DnsRecord): string | undefined {
  return 'data' in r && typeof r.data === 'string' ? r.data : undefined;
}

/**
 * nss_dns getanswer_r: records of another class are skipped; a CNAME, whoever owns it, moves the expected
 * owner to its target; an address of the asked type counts only when its owner is the expected name.
 */
export function glibcAddresses(question: string, type: 'A' | 'AAAA', answer: DnsRecord[]): string[] {
  let expected = question;
  const out: string[] = [];
  for (const r of answer) {
    if (recordClass(r) !== 'IN') continue;
    const data = textData(r);
    if (data === undefined) continue;
    if (r.type === 'CNAME') expected = data;
    else if (r.type === type && sameName(r.name, expected)) out.push(data);
  }
  return out;
}

/** musl's dns_parse_callback: every record of the asked type, no owner check. */
export function muslAddresses(type: 'A' | 'AAAA', answer: DnsRecord[]): string[] {
  const out: string[] = [];
  for (const r of answer) {
    const data = textData(r);
    if (r.type === type && data !== undefined && out.length < MUSL_MAX_ADDRESSES) out.push(data);
  }
  return out;
}

/** "2 A records", "1 answer record". */
export function countPhrase(n: number, what: string): string {
  return `${n} ${what} record${n === 1 ? '' : 's'}`;
}
