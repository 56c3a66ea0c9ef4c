import { appendAll } from '../append.js';
// Domain-name and reverse-zone helpers with the exact semantics CoreDNS inherits from miekg/dns
// (IsDomainName, Fqdn, IsSubDomain, CountLabel), Go's net.ParseCIDR and CoreDNS's classless
// reverse-zone expansion (plugin/pkg/cidr). Everything here is pure and never throws.

/** Why a name fails miekg/dns's IsDomainName. */
export type DomainNameFault =
  | 'empty'
  | 'leading-dot'
  | 'empty-label'
  | 'label-too-long'
  | 'too-long'
  | 'trailing-backslash';

/** The outcome of checking a name; on failure start/end point at the offending characters of the input. */
export type DomainNameCheck =
  | { ok: true; labels: number }
  | { ok: false; fault: DomainNameFault; start: number; end: number };

/** miekg/dns measures names in octets, so every length rule works on the UTF-8 bytes. */
interface Utf8Text {
  bytes: number[];
  /** offsets[b] is the string offset of the character that byte b belongs to; offsets[bytes.length] is the string length. */
  offsets: number[];
}

function utf8(s: string): Utf8Text {
  const bytes: number[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) ?? 0;
    const units = cp > 0xffff ? 2 : 1;
    // A lone surrogate cannot be encoded; like TextEncoder we count it as U+FFFD (three octets).
    const isLoneSurrogate = cp >= 0xd800 && cp <= 0xdfff;
    const width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 || isLoneSurrogate ? 3 : 4;
    for (let k = 0; k < width; k++) {
      bytes.push(k === 0 && width === 1 ? cp : 0x80);
      offsets.push(i);
    }
    i += units;
  }
  offsets.push(s.length);
  return { bytes, offsets };
}

/** Whether every character of s is ASCII, so that its octets are its UTF-16 code units. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * How a name is written, found in one pass so that the checks of a zone need not each scan it again:
 * ASCII without capitals (nearly every zone), ASCII with capitals, or not ASCII at all.
 */
export type NameForm = 'ascii-lower' | 'ascii' | 'other';

export function nameForm(s: string): NameForm {
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return 'other';
    if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  return upper ? 'ascii' : 'ascii-lower';
}

/** Length of s in octets, the unit CoreDNS's "zone is too long" rule counts. */
export function octetLength(s: string): number {
  return isAscii(s) ? s.length : utf8(s).bytes.length;
}

/** miekg/dns IsFqdn: ends in a dot that is not itself escaped by an odd run of backslashes. */
export function isFqdn(s: string): boolean {
  if (!s.endsWith('.')) return false;
  let backslashes = 0;
  for (let i = s.length - 2; i >= 0 && s[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** miekg/dns Fqdn: appends the root dot unless the name already ends in an unescaped one. */
export function toFqdn(s: string): string {
  return isFqdn(s) ? s : `${s}.`;
}

/**
 * Go's strings.ToLower maps each code point on its own. JavaScript's toLowerCase looks at context
 * (final sigma) and may grow a character (U+0130 becomes "i" plus a combining dot), so we lower one
 * code point at a time and keep only the first code point of the result, which is what Go gives.
 */
export function goToLower(s: string): string {
  return goToLowerInForm(s, nameForm(s));
}

/** goToLower for a text whose form (nameForm) is known. */
function goToLowerInForm(s: string, form: NameForm): string {
  // ASCII has no context rules and no growing characters: the plain lowering is Go's. Names are nearly
  // always written in lower case already, and then the text itself is the answer (no copy is made).
  if (form === 'ascii-lower') return s;
  if (form === 'ascii') return s.toLowerCase();
  let out = '';
  for (const ch of s) {
    const lowered = ch.toLowerCase();
    out += String.fromCodePoint(lowered.codePointAt(0) ?? 0);
  }
  return out;
}

/**
 * CoreDNS's plugin.Name(...).Normalize(): fully qualified, then lowercased. Lowering first gives the same
 * name (lowering never makes or removes a dot or a backslash) and scans the text as written, rather than
 * a joined string the engine would first have to copy into one piece.
 */
export function normalizeName(s: string): string {
  return toFqdn(goToLowerInForm(s, nameForm(s)));
}

/** normalizeName for a text whose form (nameForm) is known. */
export function normalizeNameInForm(s: string, form: NameForm): string {
  return toFqdn(goToLowerInForm(s, form));
}

function isDigit(b: number | undefined): boolean {
  return b !== undefined && b >= 0x30 && b <= 0x39;
}

/**
 * miekg/dns IsDomainName with the reason for a refusal. The walk is the library's own: the name is
 * made fully qualified, a backslash escapes one octet or a \DDD triple, labels may hold at most 63
 * octets and the whole name at most 256 octets of wire form. Almost any other character is legal.
 */
export function checkDomainName(s: string): DomainNameCheck {
  return checkDomainNameInForm(s, nameForm(s));
}

/** checkDomainName for a text whose form (nameForm) is known. */
export function checkDomainNameInForm(s: string, form: NameForm): DomainNameCheck {
  if (s.length === 0) return { ok: false, fault: 'empty', start: 0, end: 0 };
  // The walk reads the fully qualified name: the text itself, plus a root dot when it lacks one. Names are
  // nearly always ASCII: their octets are then their code units, and that dot needs no new string.
  const fqdnLength = isFqdn(s) ? s.length : s.length + 1;
  if (form !== 'other') return walkDomainName(s, fqdnLength, undefined);
  return walkDomainName(s, fqdnLength, utf8(toFqdn(s)));
}

/**
 * Octet i of the fully qualified name: from the UTF-8 encoding when there is one, else the ASCII code unit
 * of s, or the root dot just past s when the name is made fully qualified.
 */
function octetAt(s: string, fqdnLength: number, encoded: Utf8Text | undefined, i: number): number | undefined {
  if (encoded) return encoded.bytes[i];
  if (i < s.length) return s.charCodeAt(i);
  return i < fqdnLength ? 0x2e : undefined;
}

/** The offset in s of the character that octet b belongs to (clamped to s). */
function offsetOf(s: string, encoded: Utf8Text | undefined, b: number): number {
  if (encoded) return Math.min(encoded.offsets[Math.min(b, encoded.bytes.length)] ?? s.length, s.length);
  return Math.min(b, s.length);
}

function walkDomainName(s: string, fqdnLength: number, encoded: Utf8Text | undefined): DomainNameCheck {
  const length = encoded ? encoded.bytes.length : fqdnLength;
  const maxWire = 256;
  let off = 0;
  let begin = 0;
  let labels = 0;
  let wasDot = false;
  let escape = false;
  let lastBackslash = 0;
  for (let i = 0; i < length; i++) {
    const b = octetAt(s, fqdnLength, encoded, i);
    if (b === 0x5c) {
      escape = !escape;
      lastBackslash = i;
      if (off + 1 > maxWire) return { ok: false, fault: 'too-long', start: 0, end: s.length };
      if (isDigit(octetAt(s, fqdnLength, encoded, i + 1)) && isDigit(octetAt(s, fqdnLength, encoded, i + 2)) && isDigit(octetAt(s, fqdnLength, encoded, i + 3))) {
        i += 3;
        begin += 3;
      } else {
        i++;
        begin++;
      }
      wasDot = false;
    } else if (b === 0x2e) {
      escape = false;
      if (i === 0 && length > 1) return { ok: false, fault: 'leading-dot', start: 0, end: 1 };
      if (wasDot) return { ok: false, fault: 'empty-label', start: offsetOf(s, encoded, i - 1), end: offsetOf(s, encoded, i + 1) };
      wasDot = true;
      const labelLength = i - begin;
      if (labelLength >= 64) {
        // begin was advanced once per escape, so the label's text starts at the previous dot.
        const labelStart = lastDotBefore(s, fqdnLength, encoded, i) + 1;
        return { ok: false, fault: 'label-too-long', start: offsetOf(s, encoded, labelStart), end: offsetOf(s, encoded, i) };
      }
      off += 1 + labelLength;
      if (off > maxWire) return { ok: false, fault: 'too-long', start: 0, end: s.length };
      labels++;
      begin = i + 1;
    } else {
      escape = false;
      wasDot = false;
    }
  }
  if (escape) return { ok: false, fault: 'trailing-backslash', start: offsetOf(s, encoded, lastBackslash), end: offsetOf(s, encoded, lastBackslash + 1) };
  return okWithLabels(labels);
}

/** The answers for accepted names, one per label count, shared: accepting a name then allocates nothing. */
const OK_BY_LABELS: Array<DomainNameCheck & { ok: true }> = [];

function okWithLabels(labels: number): DomainNameCheck {
  let ok = OK_BY_LABELS[labels];
  if (ok === undefined) ok = OK_BY_LABELS[labels] = Object.freeze({ ok: true as const, labels });
  return ok;
}

/** The byte index of the separating dot before index i, or -1 (escaped dots are skipped). */
function lastDotBefore(s: string, fqdnLength: number, encoded: Utf8Text | undefined, i: number): number {
  for (let j = i - 1; j >= 0; j--) {
    if (octetAt(s, fqdnLength, encoded, j) !== 0x2e) continue;
    let backslashes = 0;
    for (let k = j - 1; k >= 0 && octetAt(s, fqdnLength, encoded, k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) return j;
  }
  return -1;
}

/** miekg/dns IsDomainName: would CoreDNS accept s as a zone name? */
export function isDomainName(s: string): boolean {
  return checkDomainName(s).ok;
}

/**
 * The labels of a name from left to right, without the root. A dot preceded by an odd number of
 * backslashes is part of its label, as in miekg/dns NextLabel.
 */
export function splitLabels(name: string): string[] {
  const fqdn = toFqdn(name);
  if (fqdn === '.') return [];
  const labels: string[] = [];
  let start = 0;
  for (let i = 0; i < fqdn.length - 1; i++) {
    if (fqdn[i] !== '.') continue;
    let backslashes = 0;
    for (let k = i - 1; k >= 0 && fqdn[k] === '\\'; k--) backslashes++;
    if (backslashes % 2 === 1) continue;
    labels.push(fqdn.slice(start, i));
    start = i + 1;
  }
  labels.push(fqdn.slice(start, fqdn.length - 1));
  return labels;
}

/** Number of labels (miekg/dns CountLabel): the root has none; the empty string has none either. */
export function labelCount(name: string): number {
  return name === '' ? 0 : splitLabels(name).length;
}

/** Whether a name has any label: only the root and the empty name (the root once made fully qualified) have none. */
function hasLabels(name: string): boolean {
  return name !== '' && name !== '.';
}

/** Where the labels of a name end: before its root dot when it is fully qualified, else at its end. */
function labelsEnd(name: string): number {
  return isFqdn(name) ? name.length - 1 : name.length;
}

/**
 * The start of the label that ends at `end`: just after the separating dot before it (as splitLabels cuts),
 * or 0. Dots and backslashes are ASCII, so the name's code units serve as its octets here.
 */
function labelStart(name: string, end: number): number {
  return lastDotBefore(name, name.length, undefined, end) + 1;
}

/** miekg/dns compares labels octet by octet, folding only ASCII letters. */
function asciiFold(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

function sameLabel(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let i = 0; i < aEnd - aStart; i++) if (asciiFold(a.charCodeAt(aStart + i)) !== asciiFold(b.charCodeAt(bStart + i))) return false;
  return true;
}

/**
 * Is child equal to parent or below it, on label boundaries (miekg/dns IsSubDomain)? Both names are
 * made fully qualified first, so "www.example.org" is under "example.org.". Everything is under ".".
 * The labels are compared from the right in place: plugins ask this for every zone of every block, and
 * splitting both names into lists of labels made most of the garbage of those checks.
 */
export function isSubdomain(child: string, parent: string): boolean {
  // Everything is under the root; no need to look at the child.
  if (!hasLabels(parent)) return true;
  if (!hasLabels(child)) return false;
  let parentEnd = labelsEnd(parent);
  let childEnd = labelsEnd(child);
  for (;;) {
    const parentStart = labelStart(parent, parentEnd);
    const childStart = labelStart(child, childEnd);
    if (!sameLabel(parent, parentStart, parentEnd, child, childStart, childEnd)) return false;
    // The parent's leftmost label matched: every one of its labels did.
    if (parentStart === 0) return true;
    // The child has fewer labels than the parent.
    if (childStart === 0) return false;
    parentEnd = parentStart - 1;
    childEnd = childStart - 1;
  }
}

/**
 * CoreDNS's dnsutil.IsReverse: true when the name ends in ".in-addr.arpa." or ".ip6.arpa." WITH the
 * leading dot. The bare apexes "in-addr.arpa." and "ip6.arpa." therefore count as forward zones,
 * which is why `kubernetes in-addr.arpa ip6.arpa` has a usable primary zone.
 */
export function isReverseZone(name: string): boolean {
  return reverseZoneFamily(name) !== undefined;
}

/** 4 for a name under ".in-addr.arpa.", 6 under ".ip6.arpa.", otherwise undefined (same suffix rule). */
export function reverseZoneFamily(name: string): 4 | 6 | undefined {
  if (name.endsWith('.in-addr.arpa.')) return 4;
  if (name.endsWith('.ip6.arpa.')) return 6;
  return undefined;
}

/** An address as Go's netip.ParseAddr reads it: 4 bytes for IPv4, 16 for IPv6 (with its zone, if any). */
export interface ParsedIp {
  bytes: number[];
  zone: string;
}

/** netip's IPv4 rule: exactly four decimal fields 0..255, no leading zeros, nothing else. */
export function parseIpv4(s: string): number[] | undefined {
  const value = ipv4Value(s);
  return value < 0 ? undefined : [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

/**
 * The address of an IPv4 text (netip's rule, as parseIpv4) as one unsigned 32-bit number, or -1 when the
 * text is not one. Nothing is allocated: callers that only ask whether, or which /8, need no list of bytes.
 */
export function ipv4Value(s: string): number {
  // One pass over the characters: each dot-separated field is 1-3 ASCII digits, without a leading zero
  // unless it is "0", at most 255; exactly four fields.
  let address = 0;
  let fields = 0;
  let value = 0;
  let digits = 0;
  let leadingZero = false;
  for (let i = 0; i <= s.length; i++) {
    const ch = i < s.length ? s.charCodeAt(i) : 0x2e;
    if (ch === 0x2e) {
      if (digits === 0 || fields === 4 || (leadingZero && digits > 1) || value > 255) return -1;
      address = address * 256 + value;
      fields++;
      value = 0;
      digits = 0;
      continue;
    }
    if (ch < 0x30 || ch > 0x39 || digits === 3) return -1;
    if (digits === 0) leadingZero = ch === 0x30;
    value = value * 10 + (ch - 0x30);
    digits++;
  }
  return fields === 4 ? address : -1;
}

/** netip's IPv6 rule: up to eight groups of 1-4 hex digits, one "::", an optional trailing IPv4 and %zone. */
function parseIpv6(input: string): ParsedIp | undefined {
  let s = input;
  let zone = '';
  const percent = s.indexOf('%');
  if (percent !== -1) {
    zone = s.slice(percent + 1);
    s = s.slice(0, percent);
    if (zone === '') return undefined;
  }
  const head: number[] = [];
  const tail: number[] = [];
  const doubleColon = s.indexOf('::');
  if (doubleColon !== -1 && s.indexOf('::', doubleColon + 1) !== -1) return undefined;
  const parts = doubleColon === -1 ? [s] : [s.slice(0, doubleColon), s.slice(doubleColon + 2)];
  for (let p = 0; p < parts.length; p++) {
    const target = p === 0 ? head : tail;
    if (parts[p] === '') continue;
    const groups = parts[p].split(':');
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g];
      const isLast = p === parts.length - 1 && g === groups.length - 1;
      if (isLast && group.includes('.')) {
        const v4 = parseIpv4(group);
        if (!v4) return undefined;
        appendAll(target, v4);
      } else {
        if (!/^[0-9A-Fa-f]{1,4}$/.test(group)) return undefined;
        const value = parseInt(group, 16);
        target.push(value >> 8, value & 0xff);
      }
    }
  }
  const used = head.length + tail.length;
  if (doubleColon === -1 ? used !== 16 : used > 14) return undefined;
  const bytes = [...head, ...new Array<number>(16 - used).fill(0), ...tail];
  return { bytes, zone };
}

/** Go's netip.ParseAddr: the first '.' or ':' decides the family. */
export function parseIp(s: string): ParsedIp | undefined {
  // The three characters that decide are ASCII, so scanning code units finds the same first one.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e) {
      const v4 = parseIpv4(s);
      return v4 ? { bytes: v4, zone: '' } : undefined;
    }
    if (c === 0x3a) return parseIpv6(s);
    if (c === 0x25) return undefined;
  }
  return undefined;
}

/** A network as Go's net.ParseCIDR returns it: host bits cleared. */
export interface ParsedCidr {
  family: 4 | 6;
  /** The network address, 4 or 16 bytes, host bits cleared. */
  bytes: number[];
  prefix: number;
}

/**
 * Go's net.ParseCIDR: "ADDR/LEN" where ADDR has no zone and LEN is decimal (leading zeros allowed)
 * within 0..32 or 0..128. Host bits are dropped, so 10.0.0.1/8 is 10.0.0.0/8.
 */
export function parseCidr(s: string): ParsedCidr | undefined {
  const slash = s.indexOf('/');
  if (slash === -1) return undefined;
  const ip = parseIp(s.slice(0, slash));
  const mask = s.slice(slash + 1);
  if (!ip || ip.zone !== '' || !/^[0-9]+$/.test(mask)) return undefined;
  const bits = ip.bytes.length * 8;
  // Go's dtoi allows leading zeros ("/08" is /8) and gives up only far above any valid length,
  // so comparing the decimal value with the address size is the whole rule.
  const prefix = Number(mask);
  if (prefix > bits) return undefined;
  const bytes = ip.bytes.map((byte, i) => {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    return byte & ((0xff << (8 - keep)) & 0xff);
  });
  return { family: bits === 32 ? 4 : 6, bytes, prefix };
}

/**
 * The reverse zones CoreDNS serves for a CIDR (plugin/pkg/cidr Split + Reverse), or undefined when
 * Go's ParseCIDR refuses the text. IPv4 works on octet boundaries, IPv6 on nibble boundaries: a
 * prefix between boundaries is rounded UP and the network split into the sub-networks at that
 * length (10.0.0.0/17 gives 128 zones, 2001:db8::/33 gives 8). An IPv4-mapped IPv6 network of
 * /96 or longer is printed by Go as IPv4, so CoreDNS treats it as IPv4 and so do we.
 */
export function reverseZonesForCidr(text: string): string[] | undefined {
  const cidr = parseCidr(text);
  if (!cidr) return undefined;
  let { family, bytes, prefix } = cidr;
  const v4Mapped = bytes.length === 16 && bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (family === 6 && v4Mapped && prefix >= 96) {
    family = 4;
    bytes = bytes.slice(12);
    prefix -= 96;
  }
  const digits = family === 4 ? bytes : bytes.flatMap((b) => [b >> 4, b & 0x0f]);
  const digitBits = family === 4 ? 8 : 4;
  const suffix = family === 4 ? 'in-addr.arpa.' : 'ip6.arpa.';
  const rounded = Math.ceil(prefix / digitBits) * digitBits;
  const count = 2 ** (rounded - prefix);
  const used = rounded / digitBits;
  const zones: string[] = [];
  for (let k = 0; k < count; k++) {
    // The extra bits all fall inside the last kept digit, whose low bits are zero in the network.
    const kept = digits.slice(0, used);
    if (used > 0) kept[used - 1] += k;
    const labels = kept.reverse().map((d) => (family === 4 ? String(d) : d.toString(16)));
    zones.push([...labels, suffix].join('.'));
  }
  return zones;
}
