// Network and DNS-protocol vocabulary the query plugins of group A read their arguments with:
// Go's net.SplitHostPort and net.ParseIP, and miekg/dns's rcode, type, class and opcode mnemonics.
import { parseIp, type ParsedIp } from '../../corefile/zone.js';

export interface HostPort {
  host: string;
  port: string;
}

/**
 * Go's net.SplitHostPort: "host:port", "[v6]:port". Returns undefined where Go returns an error
 * (no port, too many colons, stray brackets). The port may be empty ("10.0.0.1:").
 */
export function splitHostPort(s: string): HostPort | undefined {
  // Most arguments have no port, and indexOf answers that faster than lastIndexOf.
  if (s.indexOf(':') === -1) return undefined;
  const colon = s.lastIndexOf(':');
  let host: string;
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close === -1) return undefined;
    // Only "]:" may follow the closing bracket.
    if (close + 1 !== colon) return undefined;
    host = s.slice(1, close);
    if (host.includes('[') || host.includes(']')) return undefined;
  } else {
    host = s.slice(0, colon);
    if (host.includes(':') || host.includes('[') || host.includes(']')) return undefined;
  }
  const port = s.slice(colon + 1);
  if (port.includes('[') || port.includes(']')) return undefined;
  return { host, port };
}

/** Go's net.ParseIP: a plain IPv4 or IPv6 address, no zone. */
export function isPlainIp(s: string): boolean {
  const ip = parseIp(s);
  return ip !== undefined && ip.zone === '';
}

/** True for 127.0.0.0/8 and ::1 (also the IPv4-mapped form of 127/8). */
export function isLoopbackIp(s: string): boolean {
  const ip = parseIp(s);
  return ip !== undefined && isLoopbackAddress(ip);
}

/** isLoopbackIp for an address already parsed. */
export function isLoopbackAddress(ip: ParsedIp): boolean {
  const b = ip.bytes;
  if (b.length === 4) return b[0] === 127;
  const mapped = zeroUpTo(b, 10) && b[10] === 0xff && b[11] === 0xff;
  if (mapped) return b[12] === 127;
  return zeroUpTo(b, 15) && b[15] === 1;
}

/** True when the first `count` bytes are all zero. */
function zeroUpTo(bytes: readonly number[], count: number): boolean {
  for (let i = 0; i < count; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** miekg/dns StringToRcode (keys upper case), including the historical NOTIMPL spelling. */
export const RCODES: Readonly<Record<string, number>> = {
  NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, NOTIMPL: 4, REFUSED: 5, YXDOMAIN: 6,
  YXRRSET: 7, NXRRSET: 8, NOTAUTH: 9, NOTZONE: 10, DSOTYPENI: 11, BADSIG: 16, BADKEY: 17, BADTIME: 18,
  BADMODE: 19, BADNAME: 20, BADALG: 21, BADTRUNC: 22, BADCOOKIE: 23,
};

/** miekg/dns StringToType: the exact-case mnemonics of record types. */
export const RR_TYPES: readonly string[] = [
  'None', 'A', 'NS', 'MD', 'MF', 'CNAME', 'SOA', 'MB', 'MG', 'MR', 'NULL', 'PTR', 'HINFO', 'MINFO', 'MX', 'TXT',
  'RP', 'AFSDB', 'X25', 'ISDN', 'RT', 'NSAP-PTR', 'SIG', 'KEY', 'PX', 'GPOS', 'AAAA', 'LOC', 'NXT', 'EID',
  'NIMLOC', 'SRV', 'ATMA', 'NAPTR', 'KX', 'CERT', 'DNAME', 'OPT', 'APL', 'DS', 'SSHFP', 'IPSECKEY', 'RRSIG',
  'NSEC', 'DNSKEY', 'DHCID', 'NSEC3', 'NSEC3PARAM', 'TLSA', 'SMIMEA', 'HIP', 'NINFO', 'RKEY', 'TALINK', 'CDS',
  'CDNSKEY', 'OPENPGPKEY', 'CSYNC', 'ZONEMD', 'SVCB', 'HTTPS', 'SPF', 'UINFO', 'UID', 'GID', 'UNSPEC', 'NID',
  'L32', 'L64', 'LP', 'EUI48', 'EUI64', 'NXNAME', 'URI', 'CAA', 'AVC', 'AMTRELAY', 'RESINFO', 'TKEY', 'TSIG',
  'IXFR', 'AXFR', 'MAILB', 'MAILA', 'ANY', 'TA', 'DLV', 'Reserved',
];

const RR_TYPE_SET = new Set(RR_TYPES);

export function isRrType(s: string): boolean {
  return RR_TYPE_SET.has(s);
}

/** miekg/dns StringToClass. */
export const CLASSES: readonly string[] = ['IN', 'CS', 'CH', 'HS', 'NONE', 'ANY'];

/** miekg/dns StringToOpcode. */
export const OPCODES: readonly string[] = ['QUERY', 'IQUERY', 'STATUS', 'NOTIFY', 'UPDATE'];
