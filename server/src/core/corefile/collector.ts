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

  /** The items from `from` to the end, as a new array (see listOf); they leave the buffer. */
  take(from: number): T[] {
    const out = listOf(this.items, from, this.length);
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

/**
 * `items[from, to)` as a list of the syntax tree. Lists of up to twelve items (in the corpus, 97% of the
 * directives' token lists, and a forward line with two upstreams and a block) are written as array literals:
 * V8 learns from a literal's site that its arrays live long and allocates them directly where long-lived
 * objects go, whereas a sliced array starts young and is copied by the next collection. Measured on the
 * 100 000-line bench file, this halves what the garbage collector copies during a parse. (An empty list is
 * a new empty literal too, not one shared constant: a frozen constant would make every `for...of` over
 * tree lists fall off V8's fast path, and a shared mutable one could be changed by mistake.)
 */
export function listOf<T>(items: readonly T[], from: number, to: number): T[] {
  switch (to - from) {
    case 0: return [];
    case 1: return [items[from]!];
    case 2: return [items[from]!, items[from + 1]!];
    case 3: return [items[from]!, items[from + 1]!, items[from + 2]!];
    case 4: return [items[from]!, items[from + 1]!, items[from + 2]!, items[from + 3]!];
    case 5: return [items[from]!, items[from + 1]!, items[from + 2]!, items[from + 3]!, items[from + 4]!];
    case 6: return [items[from]!, items[from + 1]!, items[from + 2]!, items[from + 3]!, items[from + 4]!, items[from + 5]!];
    case 7: return [items[from]!, items[from + 1]!, items[from + 2]!, items[from + 3]!, items[from + 4]!, items[from + 5]!, items[from + 6]!];
    case 8: return [items[from]!, items[from + 1]!, items[from + 2]!, items[from + 3]!, items[from + 4]!, items[from + 5]!, items[from + 6]!, items[from + 7]!];
    case 9: return [items[from]!, items[from + 1]!, items[from + 2]!, items[from + 3]!, items[from + 4]!, items[from + 5]!, items[from + 6]!, items[from + 7]!, items[from + 8]!];
    case 10: return [items[from]!, items[from + 1]!, items[from + 2]!, items[from + 3]!, items[from + 4]!, items[from + 5]!, items[from + 6]!, items[from + 7]!, items[from + 8]!, items[from + 9]!];
    case 11: return [items[from]!, items[from + 1]!, items[from + 2]!, items[from + 3]!, items[from + 4]!, items[from + 5]!, items[from + 6]!, items[from + 7]!, items[from + 8]!, items[from + 9]!, items[from + 10]!];
    case 12: return [items[from]!, items[from + 1]!, items[from + 2]!, items[from + 3]!, items[from + 4]!, items[from + 5]!, items[from + 6]!, items[from + 7]!, items[from + 8]!, items[from + 9]!, items[from + 10]!, items[from + 11]!];
    default: return items.slice(from, to);
  }
}
