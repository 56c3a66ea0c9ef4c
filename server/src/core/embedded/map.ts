// Maps positions in an embedded Corefile (the decoded text of one YAML scalar) to positions in the YAML
// file. Every feature that speaks in ranges (diagnostics now, hover and the rest later) goes through here,
// so the mapping is written once.
import type { Position, Range } from '../types.js';
import type { MappedText } from './mapped-text.js';
import { editorLineStarts, offsetToPosition } from '../text-lines.js';

export class PositionMap {
  /** The embedded Corefile's text. */
  readonly text: string;
  private readonly textLines: number[];

  /**
   * @param mapped the decoded scalar with a source span per unit
   * @param yamlLines line starts of the YAML file
   * @param emptyAt YAML offset that stands for every position when the scalar is empty
   */
  constructor(
    private readonly mapped: MappedText,
    private readonly yamlLines: number[],
    private readonly emptyAt: number,
  ) {
    this.text = mapped.toString();
    this.textLines = editorLineStarts(this.text);
  }

  /** The range in the YAML file that holds the embedded text's range. */
  toYaml(r: Range): Range {
    const start = this.offsetOf(r.start);
    const end = Math.max(start, this.offsetOf(r.end));
    const yamlStart = this.startOf(start);
    const yamlEnd = end === start ? yamlStart : Math.max(yamlStart, this.mapped.ends[end - 1]!);
    return { start: offsetToPosition(this.yamlLines, yamlStart), end: offsetToPosition(this.yamlLines, yamlEnd) };
  }

  /**
   * The position in the embedded text for a YAML position, or undefined when the YAML position is not part
   * of this text (another key, or source the decoding drops such as a block scalar's indentation). A
   * position just after a unit maps to the position after it, so a cursor at the end of a word finds it.
   */
  fromYaml(p: Position): Position | undefined {
    const line = this.yamlLines[p.line];
    if (line === undefined) return undefined;
    const offset = line + p.character;
    const { starts, ends } = this.mapped;
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0 || starts[0]! > offset) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    if (offset < ends[lo]!) return offsetToPosition(this.textLines, lo);
    if (offset === ends[lo]!) return offsetToPosition(this.textLines, lo + 1);
    return undefined;
  }

  private offsetOf(p: Position): number {
    if (p.line >= this.textLines.length) return this.text.length;
    const lineStart = this.textLines[p.line]!;
    const lineEnd = p.line + 1 < this.textLines.length ? this.textLines[p.line + 1]! - 1 : this.text.length;
    return Math.min(lineStart + Math.max(0, p.character), lineEnd);
  }

  /** The YAML offset where the unit at `offset` begins; the end of the text maps to the last unit's end. */
  private startOf(offset: number): number {
    if (offset < this.mapped.length) return this.mapped.starts[offset]!;
    return this.mapped.length > 0 ? this.mapped.ends[this.mapped.length - 1]! : this.emptyAt;
  }
}
