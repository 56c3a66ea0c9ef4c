// A string built piece by piece where every UTF-16 unit remembers the span of YAML source it came from.
// Decoding a scalar (folding lines, resolving escapes, cutting indentation) changes lengths, so a single
// offset cannot map the embedded Corefile back to the YAML; one span per unit can, exactly.

export class MappedText {
  private readonly parts: string[] = [];
  /** For unit i of the text: where its source starts and ends in the YAML (end exclusive). */
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  /** Copies `source[from, to)` verbatim: unit i comes from YAML offset `base + from + i`. */
  copy(source: string, from: number, to: number, base: number): void {
    if (to <= from) return;
    this.parts.push(source.slice(from, to));
    for (let i = from; i < to; i++) {
      this.starts.push(base + i);
      this.ends.push(base + i + 1);
    }
  }

  /**
   * Adds text that does not appear as such in the source (a folded line break, an escape's result): every
   * unit of it maps to the whole source span that produced it.
   */
  add(text: string, start: number, end: number): void {
    if (text === '') return;
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) {
      this.starts.push(start);
      this.ends.push(end);
    }
  }

  /** Moves every span through `offset` (template masking parses a copy of the YAML whose offsets differ). */
  remap(offset: (masked: number) => number): void {
    for (let i = 0; i < this.starts.length; i++) {
      this.starts[i] = offset(this.starts[i]!);
      this.ends[i] = offset(this.ends[i]!);
    }
  }

  get length(): number {
    return this.starts.length;
  }

  /** The last unit's text, or undefined when empty; block-scalar chomping needs to know if it is a newline. */
  lastChar(): string | undefined {
    const last = this.parts[this.parts.length - 1];
    return last === undefined ? undefined : last[last.length - 1];
  }

  toString(): string {
    return this.parts.join('');
  }
}
