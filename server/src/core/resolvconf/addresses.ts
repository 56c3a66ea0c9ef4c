// IP address literals as the C libraries read them on a `nameserver` or `sortlist` line. Both glibc
// and musl first try inet_aton, which accepts more than dotted quads (`10.1` is 10.0.0.1, `010.0.0.1`
// is octal 8.0.0.1, `0x7f.1` is hex), and then inet_pton for IPv6. These functions reproduce that
// reading exactly, because a linter that disagrees with the libc about an address is useless.
import { compressIpv6Groups, ipv6Groups } from '../ipv6-text.js';
import { appendAll } from '../append.js';

export interface IpAddress {
  family: 4 | 6;
  /** Canonical text: a dotted quad, or RFC 5952 IPv6 (plus `%scope` as written, when there is one). */
  address: string;
  bytes: number[];
  /** For IPv4: written as four decimal numbers without leading zeros, so no reader can misread it. */
  plainDottedQuad: boolean;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const hexValue = (c: string | undefined): number => (c === undefined ? -1 : '0123456789abcdef'.indexOf(c.toLowerCase()));

/** C's strtoul with base 0 from `i`, where s[i] is a digit. Values above 2^32 are reported as overflow. */
function strtoulBase0(s: string, i: number): { value: number; end: number } {
  let base = 10;
  let j = i;
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && hexValue(s[i + 2]) >= 0) {
    base = 16;
    j = i + 2;
  } else if (s[i] === '0') {
    base = 8;
  }
  let value = 0;
  for (; j < s.length; j++) {
    const d = base === 16 ? hexValue(s[j]) : isDigit(s[j]) ? s.charCodeAt(j) - 48 : -1;
    if (d < 0 || d >= base) break;
    // Past 2^32 the exact value no longer matters: the caller rejects it.
    value = Math.min(value * base + d, 2 ** 40);
  }
  return { value, end: j };
}

/**
 * glibc's __inet_aton_exact (musl's __inet_aton gives the same verdicts): one to four parts separated
 * by dots, each decimal, octal or hex; the last part fills the remaining bytes.
 */
export function inetAton(s: string): IpAddress | undefined {
  const parts: number[] = [];
  let i = 0;
  let last: number;
  for (;;) {
    if (!isDigit(s[i])) return undefined;
    const { value, end } = strtoulBase0(s, i);
    if (value > 0xffffffff) return undefined;
    i = end;
    if (s[i] === '.') {
      if (parts.length > 2 || value > 0xff) return undefined;
      parts.push(value);
      i++;
    } else {
      last = value;
      break;
    }
  }
  if (i !== s.length) return undefined;
  const max = [0xffffffff, 0xffffff, 0xffff, 0xff][parts.length]!;
  if (last > max) return undefined;
  const bytes = [...parts];
  for (let k = 3 - parts.length; k >= 0; k--) bytes.push(Math.floor(last / 256 ** k) % 256);
  return {
    family: 4,
    address: bytes.join('.'),
    bytes,
    plainDottedQuad: /^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/.test(s),
  };
}

/** glibc's inet_pton4: strict dotted quad, no leading zeros (used inside IPv6 literals). */
function inetPton4Strict(s: string): number[] | undefined {
  if (!/^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/.test(s)) return undefined;
  const bytes = s.split('.').map(Number);
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

/** inet_pton(AF_INET6): eight hex groups of up to four digits, one `::`, an optional trailing IPv4. */
export function inetPton6(s: string): number[] | undefined {
  if (s.length === 0) return undefined;
  let src = 0;
  if (s[0] === ':') {
    if (s[1] !== ':') return undefined;
    src = 1;
  }
  const out: number[] = [];
  let compressAt = -1;
  let curtok = src;
  let digits = 0;
  let val = 0;
  let sawV4 = false;
  while (src < s.length) {
    const ch = s[src++]!;
    const d = hexValue(ch);
    if (d >= 0) {
      if (digits === 4) return undefined;
      val = (val << 4) | d;
      digits++;
      continue;
    }
    if (ch === ':') {
      curtok = src;
      if (digits === 0) {
        if (compressAt >= 0) return undefined;
        compressAt = out.length;
        continue;
      }
      if (src === s.length) return undefined;
      if (out.length + 2 > 16) return undefined;
      out.push(val >> 8, val & 0xff);
      digits = 0;
      val = 0;
      continue;
    }
    if (ch === '.' && out.length + 4 <= 16) {
      const v4 = inetPton4Strict(s.slice(curtok));
      if (!v4) return undefined;
      appendAll(out, v4);
      digits = 0;
      sawV4 = true;
      break;
    }
    return undefined;
  }
  if (!sawV4 && digits > 0) {
    if (out.length + 2 > 16) return undefined;
    out.push(val >> 8, val & 0xff);
  }
  if (compressAt >= 0) {
    if (out.length === 16) return undefined;
    const zeros = new Array<number>(16 - out.length).fill(0);
    out.splice(compressAt, 0, ...zeros);
  }
  return out.length === 16 ? out : undefined;
}

/** RFC 5952 text for 16 bytes: lower case, longest zero run (two groups or more) compressed. */
export function formatIPv6(bytes: number[]): string {
  const groups = ipv6Groups(bytes);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${bytes.slice(12).join('.')}`;
  }
  return compressIpv6Groups(groups);
}

function ipv6(bytes: number[], scope: string | undefined): IpAddress {
  const text = formatIPv6(bytes);
  return { family: 6, address: scope === undefined ? text : `${text}%${scope}`, bytes, plainDottedQuad: false };
}

/** fe80::/10 and the link-local multicast scope ffx2::, the only addresses musl lets carry an interface name. */
export function isLinkLocal(bytes: number[]): boolean {
  return (bytes[0] === 0xfe && (bytes[1]! & 0xc0) === 0x80) || (bytes[0] === 0xff && (bytes[1]! & 0x0f) === 0x02);
}

/** Interface-local multicast (ff01::/16 style), which glibc also lets carry an interface name. */
function isNodeLocalMulticast(bytes: number[]): boolean {
  return bytes[0] === 0xff && (bytes[1]! & 0x0f) === 0x01;
}

/**
 * The scope glibc keeps from `%scope` (__inet6_scopeid_pton): an interface name on a link-local or
 * node-local address (the interface is assumed to exist), or a decimal number up to 2^32-1. Anything
 * else is dropped without a word, and the server is used without a scope.
 */
export function glibcScope(bytes: number[], scope: string): string | undefined {
  if ((isLinkLocal(bytes) || isNodeLocalMulticast(bytes)) && /^[^\s/%]+$/.test(scope) && !/^\d/.test(scope)) return scope;
  if (/^\d+$/.test(scope) && BigInt(scope) <= 0xffffffffn) return scope;
  return undefined;
}

/**
 * A `nameserver` address as glibc reads it: inet_aton, else IPv6 with an optional `%scope` whose
 * errors glibc ignores "for backwards compatibility".
 */
export function glibcNameserverAddress(word: string): IpAddress | undefined {
  const v4 = inetAton(word);
  if (v4) return v4;
  const percent = word.indexOf('%');
  const bytes = inetPton6(percent < 0 ? word : word.slice(0, percent));
  if (!bytes) return undefined;
  return ipv6(bytes, percent < 0 ? undefined : glibcScope(bytes, word.slice(percent + 1)));
}

/**
 * A `nameserver` address as musl reads it: inet_aton, else IPv6 where a `%scope` must be a number, or
 * an interface name on a link-local address. Whether the interface exists is a fact of the host; it is
 * assumed to exist here.
 */
export function muslNameserverAddress(word: string): IpAddress | undefined {
  const v4 = inetAton(word);
  if (v4) return v4;
  const percent = word.indexOf('%');
  const cut = percent >= 0 && percent < 64;
  const bytes = inetPton6(cut ? word.slice(0, percent) : word);
  if (!bytes) return undefined;
  if (!cut) return ipv6(bytes, undefined);
  const scope = word.slice(percent + 1);
  const numeric = /^\d+$/.test(scope);
  if (numeric && BigInt(scope) > 0xffffffffn) return undefined;
  if (!numeric && (scope === '' || !isLinkLocal(bytes))) return undefined;
  return ipv6(bytes, scope);
}
