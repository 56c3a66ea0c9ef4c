// glibc and musl end a resolv.conf line at `\n` only, and the model counts lines that way; an editor also
// ends a line at a lone `\r`. In the rare file that holds one, positions are moved to the editor's lines
// here, once, before they leave the resolv.conf core.
import type { CoreDiagnostic, Position, Range } from '../types.js';

/** Turns (line by `\n`, column) into the editor's position, or undefined when the text holds no lone `\r`. */
export function editorPositions(text: string): ((p: Position) => Position) | undefined {
  if (!/\r(?!\n)/.test(text)) return undefined;
  const physicalStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) physicalStarts.push(i + 1);
  // Where each editor line starts: after `\n`, after `\r\n`, and after a lone `\r`.
  const editorStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) editorStarts.push(i + 1);
  }
  return (p) => {
    const lineStart = physicalStarts[p.line];
    if (lineStart === undefined) return p;
    const offset = lineStart + p.character;
    let lo = 0;
    let hi = editorStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (editorStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - editorStarts[lo]! };
  };
}

/** The findings with their ranges on the editor's lines (resolv.conf findings point at no other place). */
export function onEditorLines(text: string, diagnostics: CoreDiagnostic[]): CoreDiagnostic[] {
  const move = editorPositions(text);
  if (move === undefined) return diagnostics;
  const range = (r: Range): Range => ({ start: move(r.start), end: move(r.end) });
  return diagnostics.map((d) => ({ ...d, range: range(d.range) }));
}
