// Addresses in the cluster model are kept in one canonical spelling, the one Go's net.IP.String()
// prints, because CoreDNS indexes services, endpoints and pods by that string: a reverse lookup
// turns 2001:db8:0:0::1 and 2001:db8::1 into the same key, and so must we.
import { parseIp } from '../../corefile/zone.js';

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
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  // RFC 5952: only a run of two or more zero groups is shortened, the leftmost of equal runs wins.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

function isV4Mapped(bytes: readonly number[]): boolean {
  return bytes.length === 16 && bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}
