// Name handling both stub resolvers share: counting dots, writing a name absolute, and the checks each
// libc makes before it can put a name into a query. A name that fails these checks is never sent, so it
// never becomes a try.

import { fqdn, utf8Length } from '../engine/names.js';

/** Length in bytes, as C counts it. */
export function byteLength(s: string): number {
  return utf8Length(s);
}

/** Both libcs count every dot of the name as written, a trailing one included. */
export function countDots(name: string): number {
  let dots = 0;
  for (let i = name.indexOf('.'); i !== -1; i = name.indexOf('.', i + 1)) dots++;
  return dots;
}

export function hasTrailingDot(name: string): boolean {
  return name.endsWith('.');
}

/** The name as it travels on the wire, written absolute. The root stays `.`. */
export const absolute = fqdn;

/** "1 dot", "2 dots". */
export function dotsPhrase(dots: number): string {
  return dots === 1 ? '1 dot' : `${dots} dots`;
}

/** "ndots:5 and only 1 dot in "a.b"", "ndots:5 and no dot in "a"": the start of the sentence about the walk. */
export function fewDotsPhrase(ndots: number, dots: number, name: string): string {
  return dots === 0 ? `ndots:${ndots} and no dot in "${name}"` : `ndots:${ndots} and only ${dotsPhrase(dots)} in "${name}"`;
}

/**
 * Why a name (without its trailing dot) cannot be encoded as a DNS name, or undefined when it can. The
 * labels are measured in one pass over the text, as every name a stub builds goes through here.
 */
function labelProblem(body: string): string | undefined {
  if (ASCII_ONLY.test(body)) return asciiLabelProblem(body);
  let wire = 1;
  let start = 0;
  let bytes = 0;
  const n = body.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? body.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      // The end of a label: at a dot, or at the end of the name.
      if (bytes === 0) return 'it has an empty label';
      if (bytes > 63) return `the label "${body.slice(start, i).slice(0, 20)}…" is longer than 63 bytes`;
      wire += bytes + 1;
      start = i + 1;
      bytes = 0;
    } else if (c < 0x80) {
      bytes += 1;
    } else if (c < 0x800) {
      bytes += 2;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (body.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else {
      bytes += 3;
    }
  }
  if (wire > 255) return 'it is longer than 255 bytes on the wire';
  return undefined;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** labelProblem for a name of ASCII characters only, where a label's bytes are its characters. */
function asciiLabelProblem(body: string): string | undefined {
  let wire = 1;
  for (let start = 0; ; ) {
    const dot = body.indexOf('.', start);
    const end = dot === -1 ? body.length : dot;
    const bytes = end - start;
    if (bytes === 0) return 'it has an empty label';
    if (bytes > 63) return `the label "${body.slice(start, end).slice(0, 20)}…" is longer than 63 bytes`;
    wire += bytes + 1;
    if (dot === -1) break;
    start = dot + 1;
  }
  if (wire > 255) return 'it is longer than 255 bytes on the wire';
  return undefined;
}

/**
 * glibc (res_mkquery through ns_name_pton): `.` is the root; otherwise one trailing dot is allowed, every
 * label needs 1 to 63 bytes and the whole name at most 255 bytes in wire form. Backslash escapes are read
 * as plain characters here; names in a cluster never use them.
 */
export function glibcEncodingProblem(raw: string): string | undefined {
  if (raw === '.') return undefined;
  if (raw === '') return 'it is empty';
  const body = raw.endsWith('.') ? raw.slice(0, -1) : raw;
  return labelProblem(body);
}

/**
 * musl (__res_mkquery): one trailing dot is dropped, another one is refused, at most 253 bytes remain,
 * and every label needs 1 to 63 bytes. An empty name (or `.`) is the root.
 */
export function muslEncodingProblem(raw: string): string | undefined {
  const body = raw.endsWith('.') ? raw.slice(0, -1) : raw;
  if (body.endsWith('.')) return 'it ends with two dots';
  if (byteLength(body) > 253) return 'it is longer than 253 bytes';
  if (body === '') return undefined;
  return labelProblem(body);
}

/**
 * glibc's res_hnok, which nss_dns applies to the name before getaddrinfo sends anything: printable ASCII
 * without blanks, encodable, every label made of letters, digits, `-` and `_`, and no `-` at the very
 * start. A name that fails is "not found" without a single query.
 */
export function glibcHostnameProblem(name: string): string | undefined {
  // Code units suffice: a character outside ASCII has every one of its code units above 0x7e.
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code <= 0x20 || code > 0x7e) return 'it contains a blank, a control character or a non-ASCII character';
  }
  if (name.includes('\\')) return 'it contains a backslash';
  const encoding = glibcEncodingProblem(name);
  if (encoding) return encoding;
  if (name === '.') return undefined;
  if (name.startsWith('-')) return 'it starts with "-"';
  if (!/^[0-9A-Za-z_.-]*$/.test(name)) return 'host names may only hold letters, digits, "-" and "_"';
  return undefined;
}

/** DNS names compare without regard to ASCII letter case and to one trailing dot. */
export function sameName(a: string, b: string): boolean {
  return comparable(a) === comparable(b);
}

function comparable(s: string): string {
  return (s.endsWith('.') && s !== '.' ? s.slice(0, -1) : s).toLowerCase();
}
