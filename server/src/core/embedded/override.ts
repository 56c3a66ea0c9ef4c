// An `.override` key holds directives that CoreDNS pastes inside the default `.:53` block (AKS and k3s
// import `/etc/coredns/custom/*.override` there). Checked alone they would miss the errors that only exist
// once they join that block (a second `cache`, `kubernetes` or `forward`), so they are analysed inside a
// `.:53 { ... }` block that also holds the default block's directives when the main Corefile is at hand.
import { parseCorefile } from '../corefile/parse.js';
import type { Range } from '../types.js';
import { editorLineStarts, offsetToPosition } from '../text-lines.js';

/** The directives of the default block of a Corefile, with where they start in that Corefile. */
export interface DefaultBlockBody {
  text: string;
  /** Offset of `text` in the Corefile it was cut from. */
  offset: number;
}

export const DEFAULT_KEYS = new Set(['.', '.:53', 'dns://.', 'dns://.:53']);

/** The body of the block serving the root zone on port 53, or undefined when the Corefile has none. */
export function defaultBlockBody(corefile: string): DefaultBlockBody | undefined {
  const tree = parseCorefile(corefile, 'embedded:///Corefile');
  for (const item of tree.items) {
    if (item.kind !== 'block' || item.open === undefined || item.close === undefined) continue;
    if (!item.keys.some((k) => DEFAULT_KEYS.has(k.text))) continue;
    return { text: corefile.slice(item.open.end, item.close.start), offset: item.open.end };
  }
  return undefined;
}

/** A Corefile made of a default block holding the default body (if any) and then the override's text. */
export class OverrideWrapper {
  readonly text: string;
  /** Line of the wrapper where the override's first line is: a position in the override is moved down by it. */
  readonly overrideLine: number;
  private readonly overrideLines: number;
  private readonly bodyLine = 1;

  constructor(override: string, private readonly body: DefaultBlockBody | undefined) {
    const prefix = body === undefined ? '.:53 {\n' : `.:53 {\n${body.text}\n`;
    this.text = `${prefix}${override}\n}\n`;
    this.overrideLine = editorLineStarts(prefix).length - 1;
    this.overrideLines = editorLineStarts(override).length;
  }

  /** The range in the override's own text, or undefined when `r` does not lie inside the override. */
  toOverride(r: Range): Range | undefined {
    const first = this.overrideLine;
    const last = first + this.overrideLines - 1;
    if (r.start.line < first || r.start.line > last || r.end.line > last) return undefined;
    return {
      start: { line: r.start.line - first, character: r.start.character },
      end: { line: r.end.line - first, character: r.end.character },
    };
  }

  /**
   * The range in the main Corefile when `r` lies in the copied default body (related information of a
   * once-per-block error points at the first occurrence there), else undefined.
   */
  toCorefile(r: Range, corefile: string): Range | undefined {
    if (this.body === undefined || r.start.line < this.bodyLine || r.end.line >= this.overrideLine) return undefined;
    const bodyLines = editorLineStarts(this.body.text);
    const toOffset = (line: number, character: number): number | undefined => {
      const start = bodyLines[line - this.bodyLine];
      return start === undefined ? undefined : this.body!.offset + start + character;
    };
    const start = toOffset(r.start.line, r.start.character);
    const end = toOffset(r.end.line, r.end.character);
    if (start === undefined || end === undefined) return undefined;
    const lines = editorLineStarts(corefile);
    return { start: offsetToPosition(lines, start), end: offsetToPosition(lines, end) };
  }
}
