// glibc and musl end a resolv.conf line at `\n` only, and the model counts lines that way; an editor also
// ends a line at a lone `\r`. In the rare file that holds one, positions are moved to the editor's lines
// here, once, before they leave the resolv.conf core.
import { editorLineStarts, hasLoneCarriageReturn, lineStarts, offsetToPosition } from '../text-lines.js';
import type { CoreDiagnostic, Position, Range } from '../types.js';

/** Turns (line by `\n`, column) into the editor's position, or undefined when the text holds no lone `\r`. */
export function editorPositions(text: string): ((p: Position) => Position) | undefined {
  return hasLoneCarriageReturn(text) ? moveBetween(lineStarts(text), editorLineStarts(text)) : undefined;
}

/**
 * Turns an editor's position into (line by `\n`, column), the way the model counts, or undefined when the
 * text holds no lone `\r`: the inverse of editorPositions, for a position the editor asks about.
 */
export function modelPositions(text: string): ((p: Position) => Position) | undefined {
  return hasLoneCarriageReturn(text) ? moveBetween(editorLineStarts(text), lineStarts(text)) : undefined;
}

/** Moves a position from one way of counting a text's lines (`from`, line starts) to the other (`to`). */
function moveBetween(from: readonly number[], to: readonly number[]): (p: Position) => Position {
  return (p) => {
    const lineStart = from[p.line];
    return lineStart === undefined ? p : offsetToPosition(to, lineStart + p.character);
  };
}

/** The findings with their ranges on the editor's lines (resolv.conf findings point at no other place). */
export function onEditorLines(text: string, diagnostics: CoreDiagnostic[]): CoreDiagnostic[] {
  const move = editorPositions(text);
  if (move === undefined) return diagnostics;
  const range = (r: Range): Range => ({ start: move(r.start), end: move(r.end) });
  return diagnostics.map((d) => ({ ...d, range: range(d.range) }));
}

/**
 * Runs a feature that reads the model's lines at an editor's position: the position is turned into the
 * model's, and the range of the answer back into the editor's.
 */
export function atModelPosition<T extends { range: Range }>(text: string, position: Position, feature: (p: Position) => T | undefined): T | undefined {
  if (!hasLoneCarriageReturn(text)) return feature(position);
  // Both tables are needed, each way once.
  const model = lineStarts(text);
  const editor = editorLineStarts(text);
  const answer = feature(moveBetween(editor, model)(position));
  const toEditor = moveBetween(model, editor);
  return answer === undefined ? undefined : { ...answer, range: { start: toEditor(answer.range.start), end: toEditor(answer.range.end) } };
}
