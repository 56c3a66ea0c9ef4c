// How glibc's resolv.conf reader (resolv/res_init.c, res_vinit_1 and res_setoptions) reads one line.
// It works on the raw line the way the C code does, character by character, so that odd input gets
// glibc's answer: a `\r` left by CRLF endings stays part of a value, `ndots: 3` reads 3 across the
// space, `rotatex` is `rotate`, and a bad `sortlist` entry can make glibc loop forever.
import { glibcNameserverAddress, inetAton, type IpAddress } from './addresses.js';
import { glibcStrtolToInt, isCSpace } from './cnumbers.js';
import type { ResolvConfKeyword } from './model.js';
import { glibcFlagByPrefix, type FlagOptionInfo, type NumericOption } from './options.js';
import { span, splitBlank, type Span } from './span.js';

export type GlibcOptionEffect =
  | {
      kind: 'number';
      option: NumericOption;
      span: Span;
      /** The int glibc computed before capping. */
      parsed: number;
      /** The value the resolver uses (after the cap; for ndots, the 4-bit field of _res). */
      value: number;
      capped: boolean;
      hasDigits: boolean;
      /** Where strtol found the number; it can lie beyond the word (`ndots: 3`). */
      numberSpan?: Span;
    }
  | { kind: 'flag'; info: FlagOptionInfo; span: Span; negated: boolean; exact: boolean }
  | { kind: 'ignored'; span: Span; negated: boolean };

export interface GlibcSortEntry {
  span: Span;
  address?: IpAddress;
  /** The mask glibc stores: the written one when it parses, else the classful default. */
  mask?: string;
  maskSpan?: Span;
  maskValid: boolean;
}

export type GlibcLine =
  /** Blank line, comment, or no keyword glibc matches: nothing happens. */
  | { kind: 'none'; keyword?: undefined }
  | { kind: 'domain'; keyword: ResolvConfKeyword; value?: Span }
  | { kind: 'search'; keyword: ResolvConfKeyword; values: Span[] }
  | { kind: 'nameserver'; keyword: ResolvConfKeyword; word?: Span; address?: IpAddress }
  | { kind: 'sortlist'; keyword: ResolvConfKeyword; entries: GlibcSortEntry[]; hangsAt?: number }
  | { kind: 'options'; keyword: ResolvConfKeyword; effects: GlibcOptionEffect[] };

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** glibc's MATCH macro: the keyword at column 1, followed by a space or a tab. */
export function glibcMatches(raw: string, keyword: string): boolean {
  return raw.startsWith(keyword) && isBlank(raw[keyword.length]);
}

function skipBlanks(s: string, i: number): number {
  while (isBlank(s[i])) i++;
  return i;
}

const CAPS: Record<NumericOption, number> = { ndots: 15, timeout: 30, attempts: 5 };

function numberEffect(s: string, start: number, option: NumericOption): GlibcOptionEffect {
  const valueAt = start + option.length + 1;
  const read = glibcStrtolToInt(s, valueAt);
  const cap = CAPS[option];
  const stored = read.value <= cap ? read.value : cap;
  // _res.ndots is a 4-bit field: a negative value keeps its low four bits.
  const value = option === 'ndots' ? (stored >>> 0) & 0xf : stored;
  let end = start;
  while (end < s.length && !isBlank(s[end])) end++;
  return {
    kind: 'number',
    option,
    span: span(s, start, end),
    parsed: read.value,
    value,
    capped: read.value > cap,
    hasDigits: read.hasDigits,
    ...(read.hasDigits ? { numberSpan: span(s, read.start, read.end) } : {}),
  };
}

/**
 * res_setoptions: words separated by spaces and tabs; `ndots:`, `timeout:`, `attempts:` read a number
 * with strtol; other words may start with `-` (clear, 2.41+) and match the flag table by prefix.
 */
export function glibcOptions(s: string, from = 0): GlibcOptionEffect[] {
  const effects: GlibcOptionEffect[] = [];
  let i = from;
  while (i < s.length) {
    i = skipBlanks(s, i);
    if (i >= s.length) break;
    const start = i;
    const numeric = (['ndots', 'timeout', 'attempts'] as const).find((n) => s.startsWith(`${n}:`, i));
    if (numeric) {
      effects.push(numberEffect(s, start, numeric));
    } else {
      const negated = s[i] === '-';
      const nameStart = negated ? i + 1 : i;
      let end = nameStart;
      while (end < s.length && !isBlank(s[end])) end++;
      const word = s.slice(nameStart, end);
      const info = glibcFlagByPrefix(s.slice(nameStart));
      if (info) effects.push({ kind: 'flag', info, span: span(s, start, end), negated, exact: word === info.word });
      else effects.push({ kind: 'ignored', span: span(s, start, end), negated });
    }
    while (i < s.length && !isBlank(s[i])) i++;
  }
  return effects;
}

const isSortMask = (c: string | undefined): boolean => c === '/' || c === '&';
const isAscii = (c: string): boolean => c.charCodeAt(0) < 128;

function classfulMask(address: IpAddress): string {
  const first = address.bytes[0]!;
  if ((first & 0x80) === 0) return '255.0.0.0';
  if ((first & 0xc0) === 0x80) return '255.255.0.0';
  return '255.255.255.0';
}

/**
 * The sortlist loop. glibc does not advance when a word starts with `/`, `&`, a non-ASCII byte or a
 * white-space character other than space and tab (a `\r`): it then loops forever. `hangsAt` marks it.
 */
function glibcSortlist(s: string, from: number): { entries: GlibcSortEntry[]; hangsAt?: number } {
  const entries: GlibcSortEntry[] = [];
  let cp = from;
  for (;;) {
    cp = skipBlanks(s, cp);
    if (cp >= s.length || s[cp] === ';') return { entries };
    const netStart = cp;
    while (cp < s.length && !isSortMask(s[cp]) && s[cp] !== ';' && isAscii(s[cp]!) && !isCSpace(s[cp])) cp++;
    if (cp === netStart) return { entries, hangsAt: cp };
    const address = inetAton(s.slice(netStart, cp));
    if (!address) {
      entries.push({ span: span(s, netStart, cp), maskValid: false });
      continue;
    }
    if (!isSortMask(s[cp])) {
      entries.push({ span: span(s, netStart, cp), address, mask: classfulMask(address), maskValid: true });
      continue;
    }
    cp++;
    const maskStart = cp;
    while (cp < s.length && s[cp] !== ';' && isAscii(s[cp]!) && !isCSpace(s[cp])) cp++;
    const mask = inetAton(s.slice(maskStart, cp));
    entries.push({
      span: span(s, netStart, cp),
      address,
      mask: mask ? mask.address : classfulMask(address),
      maskSpan: span(s, maskStart, cp),
      maskValid: mask !== undefined,
    });
  }
}

/** What glibc makes of one raw line (without its `\n`). */
export function interpretGlibcLine(raw: string): GlibcLine {
  if (raw.startsWith('#') || raw.startsWith(';')) return { kind: 'none' };
  if (glibcMatches(raw, 'domain')) {
    const start = skipBlanks(raw, 6);
    if (start >= raw.length) return { kind: 'domain', keyword: 'domain' };
    let end = start;
    while (end < raw.length && !isBlank(raw[end])) end++;
    return { kind: 'domain', keyword: 'domain', value: span(raw, start, end) };
  }
  if (glibcMatches(raw, 'search')) {
    return { kind: 'search', keyword: 'search', values: splitBlank(raw, 6) };
  }
  if (glibcMatches(raw, 'nameserver')) {
    const start = skipBlanks(raw, 10);
    let end = start;
    while (end < raw.length && !isBlank(raw[end])) end++;
    if (end === start) return { kind: 'nameserver', keyword: 'nameserver' };
    const word = span(raw, start, end);
    const address = glibcNameserverAddress(word.text);
    return { kind: 'nameserver', keyword: 'nameserver', word, ...(address ? { address } : {}) };
  }
  if (glibcMatches(raw, 'sortlist')) {
    return { kind: 'sortlist', keyword: 'sortlist', ...glibcSortlist(raw, 8) };
  }
  if (glibcMatches(raw, 'options')) {
    return { kind: 'options', keyword: 'options', effects: glibcOptions(raw, 7) };
  }
  return { kind: 'none' };
}
