// A cursor over one directive's tokens with the same moves CoreDNS plugins use to read their configuration
// (Next, NextArg, NextLine, NextBlock, RemainingArgs). Plugin modules read their arguments through it so
// that they see exactly the token stream, line breaks and blocks that CoreDNS's setup functions see.
import type { Range } from '../types.js';
import * as tokens from './token.js';
import type { Token } from './token.js';

// Local references to what is used on every token: run as CommonJS (as tsx runs the tests and the benchmark),
// each use of an imported binding is a call through the exporting module's getters.
const { onSameLine, startsNewLine, tokenRange } = tokens;

/** A token after environment substitution, as the plugin sees it. */
export interface ArgToken extends Token {
  /** The value with `{$VAR}` / `{%VAR%}` replaced by the known values. */
  value: string;
  /** Names of placeholders whose value is not known at lint time. */
  unknownEnv: string[];
}

/** The words of a line that has none after the cursor: one shared list, as callers only read it. */
const NO_TOKENS: readonly ArgToken[] = [];

export class Dispenser {
  private cursor = -1;
  private nesting = 0;

  constructor(tokens: readonly ArgToken[]) {
    this.tokens = tokens;
  }

  /** The tokens read; replaced only by restart. */
  tokens: readonly ArgToken[];

  /**
   * Starts over on another token list, as a new dispenser would. The check phase runs tens of thousands of
   * setups one after the other and hands each the same dispenser, rather than making one per setup.
   */
  restart(tokens: readonly ArgToken[]): void {
    this.tokens = tokens;
    this.cursor = -1;
    this.nesting = 0;
  }

  /** Moves to the next token wherever it is. */
  next(): boolean {
    if (this.cursor < this.tokens.length - 1) {
      this.cursor++;
      return true;
    }
    return false;
  }

  /** Moves to the next token only when it is on the same line. */
  nextArg(): boolean {
    if (this.cursor < 0) {
      this.cursor++;
      return true;
    }
    if (this.cursor >= this.tokens.length - 1) return false;
    if (onSameLine(this.tokens[this.cursor]!, this.tokens[this.cursor + 1]!)) {
      this.cursor++;
      return true;
    }
    return false;
  }

  /** Moves to the next token only when it starts a new line. */
  nextLine(): boolean {
    if (this.cursor < 0) {
      this.cursor++;
      return true;
    }
    if (this.cursor >= this.tokens.length - 1) return false;
    if (startsNewLine(this.tokens[this.cursor], this.tokens[this.cursor + 1]!)) {
      this.cursor++;
      return true;
    }
    return false;
  }

  /**
   * Steps through a `{ ... }` block that opens on the current line: true while inside it, false at its
   * closing brace or when there is no block.
   */
  nextBlock(): boolean {
    if (this.nesting > 0) {
      if (!this.next()) return false;
      if (this.val() === '}') {
        this.nesting--;
        return false;
      }
      return true;
    }
    if (!this.nextArg()) return false;
    if (this.val() !== '{') {
      this.cursor--;
      return false;
    }
    if (!this.next()) return false;
    if (this.val() === '}') return false;
    this.nesting++;
    return true;
  }

  /** The current token's value after environment substitution ('' before the start or past the end). */
  val(): string {
    return this.token()?.value ?? '';
  }

  token(): ArgToken | undefined {
    return this.cursor >= 0 && this.cursor < this.tokens.length ? this.tokens[this.cursor] : undefined;
  }

  /** The remaining words on the current line, stopping before a '{'. */
  remainingArgs(): string[] {
    return this.remainingArgTokens().map((t) => t.value);
  }

  remainingArgTokens(): readonly ArgToken[] {
    // The words taken are consecutive tokens, so they are copied out in one piece at the end.
    const tokens = this.tokens;
    const from = this.cursor + 1;
    let end = from;
    while (this.nextArg()) {
      // val() without its checks: past a successful nextArg the cursor is on a token (or, for an empty
      // list, on nothing, which is not a brace either).
      if (tokens[this.cursor]?.value === '{') {
        this.cursor--;
        break;
      }
      end = this.cursor + 1;
    }
    return end === from ? NO_TOKENS : tokens.slice(from, end);
  }

  /** Where the cursor is, for a diagnostic; before the first token, the first token's range. */
  range(): Range {
    const t = this.token() ?? this.tokens[Math.max(0, Math.min(this.cursor, this.tokens.length - 1))];
    return t ? tokenRange(t) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  }

  /** CoreDNS's ArgErr wording, with our advice appended by the caller. */
  argErrorText(): string {
    if (this.val() === '{') return "Unexpected token '{', expecting argument";
    return `Wrong argument count or unexpected line ending after '${this.val()}'`;
  }

  get position(): number {
    return this.cursor;
  }

  set position(value: number) {
    this.cursor = value;
  }

  get blockNesting(): number {
    return this.nesting;
  }
}
