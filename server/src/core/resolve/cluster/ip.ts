// Addresses in the cluster model are kept in one canonical spelling, the one Go's net.IP.String()
// prints, because CoreDNS indexes services, endpoints and pods by that string: a reverse lookup
// turns 2001:db8:0:0::1 and 2001:db8::1 into the same key, and so must we.
import { parseIp } from '../../corefile/zone.js';
import { compressIpv6Groups, ipv6Groups } from '../../ipv6-text.js';

/** The canonical text of an address (dotted IPv4, RFC 5952 IPv6), or undefined when it is not one. */
export function canonicalIp(text: string): string | undefined {
  const trimmed = text.trim();
  const parsed = parseIp(trimmed);
  if (!parsed || parsed.zone !== '') return undefined;
  // The IPv4 parser accepts only plain decimal fields without leading zeros, which is already the
  // canonical spelling: the text is returned as it is instead of being printed again.
  if (parsed.bytes.length === 4) return trimmed;
  return formatIpBytes(parsed.bytes);
}

/** True when the text is an IPv4 or IPv6 address. */
export function isIp(text: string): boolean {
  return canonicalIp(text) !== undefined;
}

/** 4 for IPv4, 6 for IPv6 (an IPv4-mapped IPv6 address counts as IPv4, as Go's To4 sees it). */
export function ipFamily(text: string): 4 | 6 | undefined {
  const parsed = parseIp(text.trim());
  if (!parsed) return undefined;
  if (parsed.bytes.length === 4 || isV4Mapped(parsed.bytes)) return 4;
  return 6;
}

/** Go's net.IP.String(): IPv4 and IPv4-mapped IPv6 as dotted quads, other IPv6 with the longest zero run as "::". */
export function formatIpBytes(bytes: readonly number[]): string {
  if (bytes.length === 4) return bytes.join('.');
  if (isV4Mapped(bytes)) return bytes.slice(12).join('.');
  return compressIpv6Groups(ipv6Groups(bytes));
}

function isV4Mapped(bytes: readonly number[]): boolean {
  return bytes.length === 16 && bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}
