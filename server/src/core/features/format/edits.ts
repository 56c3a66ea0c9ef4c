// Text edits: the one shape formatting answers in (LSP's TextEdit as plain data), how a new text becomes
// the smallest single edit of an old one, and how edits are applied (the CLI writes the result).
import { editorLineStarts, lineIndexAt } from '../../text-lines.js';
import type { Position, Range } from '../../types.js';

export interface FormatEdit {
  range: Range;
  newText: string;
}

/**
 * The edit that turns `before` into `after`, with the common start and end left out so that an editor
 * keeps the cursor and the undo step small; none when the texts are equal. A `\r\n` pair is never split.
 */
export function editBetween(before: string, after: string): FormatEdit[] {
  if (before === after) return [];
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && before[prefix - 1] === '\r') prefix--;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (suffix > 0 && before[before.length - suffix] === '\n' && before[before.length - suffix - 1] === '\r') suffix--;
  const lines = editorLineStarts(before);
  return [{
    range: { start: positionAt(lines, prefix), end: positionAt(lines, before.length - suffix) },
    newText: after.slice(prefix, after.length - suffix),
  }];
}

/** Applies edits whose ranges do not overlap, given in positions of `text` as an editor counts lines. */
export function applyEdits(text: string, edits: readonly FormatEdit[]): string {
  const lines = editorLineStarts(text);
  const offsetOf = (p: Position): number => Math.min(text.length, (lines[p.line] ?? text.length) + p.character);
  const sorted = edits
    .map((e) => ({ start: offsetOf(e.range.start), end: offsetOf(e.range.end), newText: e.newText }))
    .sort((x, y) => x.start - y.start);
  const out: string[] = [];
  let at = 0;
  for (const e of sorted) {
    out.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  out.push(text.slice(at));
  return out.join('');
}

function positionAt(lines: readonly number[], offset: number): Position {
  const line = lineIndexAt(lines, offset);
  return { line, character: offset - lines[line]! };
}
