// Folding in resolv.conf: runs of two or more consecutive comment lines (a `#` or `;` first on the line,
// which both libcs skip). There are no blocks to fold.
import { editorPositions } from '../../resolvconf/lsp-lines.js';
import { parseResolvConf } from '../../resolvconf/parse.js';
import type { FoldingRegion } from '../folding.js';

export function resolvConfFolds(text: string): FoldingRegion[] {
  const file = parseResolvConf(text);
  const move = editorPositions(text);
  const editorLine = (line: number): number => (move === undefined ? line : move({ line, character: 0 }).line);
  const out: FoldingRegion[] = [];
  let runStart: number | undefined;
  let runEnd = -1;
  const flush = (): void => {
    if (runStart !== undefined && runEnd > runStart) out.push({ startLine: editorLine(runStart), endLine: editorLine(runEnd), kind: 'comment' });
    runStart = undefined;
  };
  for (const line of file.lines) {
    if (line.kind !== 'comment') {
      flush();
      continue;
    }
    runStart ??= line.line;
    runEnd = line.line;
  }
  flush();
  return out;
}
