// A reusable buffer for building arrays of exactly the size they end up with. The syntax tree of a large
// Corefile holds hundreds of thousands of short lists (a directive's words, a block's lines); an array
// grown by push from empty reserves room for 17 elements at once, so these lists are collected here and
// copied out once complete. Collectors nest like a stack: a rule notes the length when it starts and takes
// everything from there when it ends, after any nested rule has taken its own part.
export class Collector<T> {
  private items: T[] = [];
  /** How many items the buffer holds (the array behind it may be longer). */
  length = 0;

  push(item: T): void {
    this.items[this.length++] = item;
  }

  at(index: number): T {
    return this.items[index]!;
  }

  /**
   * The items from `from` to the end, as a new array; they leave the buffer. Nothing at all gives the one
   * shared empty list: most of a tree's lists of blocks and arguments are empty, and the tree is never
   * changed once built (the list is frozen, so a change would fail loudly rather than leak into other nodes).
   */
  take(from: number): T[] {
    const count = this.length - from;
    if (count === 0) return NOTHING as T[];
    const out = this.items.slice(from, this.length);
    this.length = from;
    return out;
  }

  /** Drops the items from `from` on. */
  truncate(from: number): void {
    if (from < this.length) this.length = from;
  }

  /** Forgets every item, so that the buffer does not keep the last document's objects alive. */
  reset(): void {
    this.items = [];
    this.length = 0;
  }
}

const NOTHING: readonly never[] = Object.freeze([]);
