// Lines of a text by offset. The C libraries and CoreDNS end a line at `\n` only; an editor also ends one at
// `\r\n` and at a lone `\r`. Both tables are built the same way, and positions are found in them by one
// binary search.
import type { Position } from './types.js';

/** What ends a line for an editor, for splitting a text into the lines it shows (see editorLineStarts). */
export const EDITOR_LINE_END = /\r\n|\r|\n/;

/**
 * Whether the text holds a `\r` with no `\n` after it: a line end for an editor, but not for CoreDNS, glibc
 * or musl, which end lines at `\n` only. Where there is none, the two ways of counting lines agree.
 */
export function hasLoneCarriageReturn(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 0x0a) return true;
  }
  return false;
}

/** Offsets of the first character of each line, where lines end at `\n`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Offsets of the first character of each line as an editor counts them (`\n`, `\r\n` and a lone `\r`).
 * Line ends are found with the engine's string search rather than a loop over every character, which on a
 * large Corefile is several times faster (a token's position is made from this table, see TokenSource).
 */
export function editorLineStarts(text: string): number[] {
  const starts = [0];
  let lineFeed = text.indexOf('\n');
  let carriageReturn = text.indexOf('\r');
  while (lineFeed >= 0 || carriageReturn >= 0) {
    if (carriageReturn >= 0 && (lineFeed < 0 || carriageReturn < lineFeed)) {
      // A \r ends a line unless a \n follows it, which ends the line instead.
      if (text.charCodeAt(carriageReturn + 1) !== 0x0a) starts.push(carriageReturn + 1);
      carriageReturn = text.indexOf('\r', carriageReturn + 1);
    } else {
      starts.push(lineFeed + 1);
      lineFeed = text.indexOf('\n', lineFeed + 1);
    }
  }
  return starts;
}

/** The index of the line that holds `offset` in a table of line starts. */
export function lineIndexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function offsetToPosition(starts: readonly number[], offset: number): Position {
  const line = lineIndexAt(starts, offset);
  return { line, character: offset - starts[line]! };
}
