// Folding ranges: exact regions the editor can collapse. A Corefile folds its server blocks, snippets and
// option blocks by their braces (the closing brace stays visible) and its runs of comment lines; a
// resolv.conf folds its runs of comment lines; Kubernetes YAML folds the same regions of each embedded
// Corefile, on the YAML lines that hold them. The language configuration already folds by indentation;
// these ranges follow the braces, so a block written with odd indentation still folds right.
import type { DocumentInput } from '../service.js';
import { corefileFoldSpans, type FoldSpan } from './folding/corefile.js';
import { resolvConfFolds } from './folding/resolvconf.js';
import { yamlFolds } from './folding/yaml.js';

export interface FoldingRegion {
  /** First line of the region; it stays visible when folded. */
  startLine: number;
  /** Last line hidden by the fold. */
  endLine: number;
  /** `comment` for a run of comment lines; undefined for a block. */
  kind?: 'comment';
}

/** The document's folding ranges, sorted by start line; empty for anything not understood. Never throws. */
export function foldingRanges(doc: DocumentInput): FoldingRegion[] {
  try {
    switch (doc.language) {
      case 'corefile':
        return finish(corefileFoldSpans(doc.text).map((span) => regionOf(span, span.start.line, span.end.line)));
      case 'resolvconf':
        return finish(resolvConfFolds(doc.text));
      case 'yaml':
        return finish(yamlFolds(doc.text));
    }
  } catch {
    // Folding is a convenience: a failure in it must never cost the user the server.
    return [];
  }
}

/**
 * The region a span gives once its lines are known (in the Corefile, or mapped to the YAML): a block
 * folds from its opening brace's line to the line before its closing brace, so the brace stays in view;
 * an unclosed block and a comment run fold to their last line.
 */
export function regionOf(span: FoldSpan, startLine: number, endLine: number): FoldingRegion | undefined {
  const last = span.kind === 'block' && span.closed ? endLine - 1 : endLine;
  if (last <= startLine) return undefined;
  return span.kind === 'comment' ? { startLine, endLine: last, kind: 'comment' } : { startLine, endLine: last };
}

/**
 * Sorted by start line, one region per start line (the widest: an editor keeps only one there), without
 * the regions that could not be placed.
 */
function finish(regions: ReadonlyArray<FoldingRegion | undefined>): FoldingRegion[] {
  const byStart = new Map<number, FoldingRegion>();
  for (const r of regions) {
    if (r === undefined) continue;
    const seen = byStart.get(r.startLine);
    if (seen === undefined || seen.endLine < r.endLine) byStart.set(r.startLine, r);
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}
