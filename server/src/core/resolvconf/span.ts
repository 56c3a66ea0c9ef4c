// A piece of one line, by column, as the libc emulations report it. Columns count UTF-16 code units
// of the raw line (which may end with the `\r` of a CRLF line), so they map to LSP ranges directly.
import type { Range } from '../types.js';
import type { ResolvConfLine } from './model.js';

export interface Span {
  start: number;
  end: number;
  /** The text as the libc holds it (it may end with `\r`). */
  text: string;
}

export function span(s: string, start: number, end: number): Span {
  return { start, end, text: s.slice(start, end) };
}

/** The LSP range of a span; the `\r` of a CRLF ending is left out, as editors do not show it. */
export function spanRange(line: ResolvConfLine, s: Pick<Span, 'start' | 'end'>): Range {
  const max = line.text.length;
  const start = Math.min(s.start, max);
  const end = Math.max(start, Math.min(s.end, max));
  return { start: { line: line.line, character: start }, end: { line: line.line, character: end } };
}

/** Splits at the separators glibc uses inside a line: spaces and tabs only. */
export function splitBlank(s: string, from: number): Span[] {
  const out: Span[] = [];
  let i = from;
  while (i < s.length) {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
    const start = i;
    while (i < s.length && s[i] !== ' ' && s[i] !== '\t') i++;
    if (i > start) out.push(span(s, start, i));
  }
  return out;
}
