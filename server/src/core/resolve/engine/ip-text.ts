// Addresses in the text form miekg/dns prints them: dotted IPv4, and IPv6 in Go's net.IP form (lower-case
// hex, leading zeros dropped, the longest run of two or more zero groups written as "::"). An IPv4-mapped
// address in an AAAA record prints as "::ffff:a.b.c.d", which is miekg's AAAA convention.
import { parseIp, parseIpv4 } from '../../corefile/zone.js';
import { compressIpv6Groups, ipv6Groups } from '../../ipv6-text.js';

/** IPv4 text for four bytes. */
export function formatIpv4(bytes: readonly number[]): string {
  return bytes.slice(0, 4).join('.');
}

/** IPv6 text for sixteen bytes, compressed the way Go's net.IP.String does. */
export function formatIpv6(bytes: readonly number[]): string {
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mapped) return `::ffff:${formatIpv4(bytes.slice(12, 16))}`;
  return compressIpv6Groups(ipv6Groups(bytes));
}

/** The canonical text of an IPv4 address, or undefined when the text is not one. */
export function canonicalIpv4(text: string): string | undefined {
  const bytes = parseIpv4(text);
  return bytes ? formatIpv4(bytes) : undefined;
}

/** The canonical IPv6 text of an address written in any IPv6 form, or undefined when it is not one. */
export function canonicalIpv6(text: string): string | undefined {
  if (!text.includes(':')) return undefined;
  const parsed = parseIp(text);
  if (!parsed || parsed.zone !== '' || parsed.bytes.length !== 16) return undefined;
  return formatIpv6(parsed.bytes);
}

/** The address as bytes (4 or 16), or undefined; a zone suffix is refused. */
export function ipBytes(text: string): number[] | undefined {
  const parsed = parseIp(text);
  if (!parsed || parsed.zone !== '') return undefined;
  return parsed.bytes;
}

/**
 * Go's IPNet.Contains: an IPv4 network contains IPv4 addresses and their IPv4-mapped IPv6 forms; an IPv6
 * network contains IPv6 addresses (an IPv4 address is seen as its mapped form).
 */
export function cidrContains(network: { bytes: readonly number[]; prefix: number }, address: string): boolean {
  let ip = ipBytes(address);
  if (!ip) return false;
  if (network.bytes.length === 4 && ip.length === 16) {
    const mapped = ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff;
    if (!mapped) return false;
    ip = ip.slice(12);
  } else if (network.bytes.length === 16 && ip.length === 4) {
    ip = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...ip];
  }
  for (let bit = 0; bit < network.prefix; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((ip[byte] ?? 0) & mask) !== ((network.bytes[byte] ?? 0) & mask)) return false;
  }
  return true;
}
