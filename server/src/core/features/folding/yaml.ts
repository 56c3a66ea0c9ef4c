// Folding inside Kubernetes YAML: the regions of each embedded Corefile, with their braces and comment
// lines mapped to the YAML lines that hold them (a folded scalar's lines are not the Corefile's lines,
// so each end is mapped, never a line count). A region that starts or ends on a line a template decides
// is left out. The YAML's own structure is folded by the editor's YAML support, not here.
import type { Position } from '../../types.js';
import { regionOf, type FoldingRegion } from '../folding.js';
import { embeddedSource } from '../symbols/embedded-source.js';
import { foldSpansOfTree } from './corefile.js';
import { anyTreeFor, embeddedFor } from '../shared-parse.js';

export function yamlFolds(yaml: string): Array<FoldingRegion | undefined> {
  const out: Array<FoldingRegion | undefined> = [];
  for (const embedded of embeddedFor(yaml)) {
    const source = embeddedSource(embedded);
    const tree = anyTreeFor(source.text);
    const lineOf = (p: Position): number | undefined => source.toYaml({ start: p, end: p })?.start.line;
    for (const span of foldSpansOfTree(tree, source.text)) {
      const start = lineOf(span.start);
      const end = lineOf(span.end);
      if (start === undefined || end === undefined || source.uncertain(start) || source.uncertain(end)) continue;
      out.push(regionOf(span, start, end));
    }
  }
  return out;
}
