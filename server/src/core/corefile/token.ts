// A Corefile token as CoreDNS's lexer (the coredns/caddy fork) sees it, plus the exact place it was
// written so every diagnostic can point at it. The place is kept as two offsets into the text the token was
// read from: a large Corefile has hundreds of thousands of tokens, of which only a few are ever shown in a
// diagnostic or an editor feature, so lines and characters (and LSP Ranges, three objects each) are made
// from the offsets when one is needed (tokenRange, tokenStart, tokenEnd).
import { editorLineStarts, hasLoneCarriageReturn, offsetToPosition } from '../text-lines.js';
import type { Position, Range } from '../types.js';

export interface Token {
  /** The token's value as the lexer yields it: quotes removed, `\"` unescaped, env vars not yet replaced. */
  text: string;
  /** Whether the token was written in double quotes. A quoted "{" still acts as a brace, as in CoreDNS. */
  quoted: boolean;
  /** The document the token was read from (the Corefile itself, or an imported file). */
  source: TokenSource;
  /**
   * CoreDNS's line number for the token (0-based here), counting only `\n`. Together with `lineBreaks` it
   * decides whether two tokens are on one line, which is how CoreDNS ends directives.
   */
  line: number;
  /** How many `\n` the token's text holds (only quoted tokens can hold any). */
  lineBreaks: number;
  /** UTF-16 offsets of the token in its document's text, quotes included. */
  start: number;
  end: number;
}

/**
 * A document that tokens were read from: its URI and text, shared by all its tokens. It turns offsets into
 * LSP positions, which count `\r\n`, `\n` and a lone `\r` as line ends (CoreDNS counts only `\n`, see
 * Token.line) and every UTF-16 unit as a character.
 *
 * A token's position is made from its CoreDNS line when the text has no lone `\r` (nearly always): the two
 * ways of counting lines then agree, and only the start of the token's own line has to be found, by searching
 * back from the token. A table of every line's start, which for a large file costs more than the analysis of
 * a few findings, is built only for offsets that are not a token's, for a text with a lone `\r`, or once the
 * searches have read as many characters as the table would (many positions on long lines), so that no text
 * makes positions cost more than twice the table.
 */
export class TokenSource {
  private lineStarts: number[] | undefined = undefined;
  /** Whether the editor's lines are CoreDNS's lines (no lone `\r`); found when first needed. */
  private linesAgree: boolean | undefined = undefined;
  /** How many more characters the searches for a line's start may read before the table is built instead. */
  private searchBudget: number;

  /**
   * Whether any token read from the text may hold an environment placeholder (see mayHoldPlaceholder in
   * env.ts). The lexer sets it once it has read the whole text, having asked each distinct word once; until
   * then, and for a source no lexer read, it is true, so that a reader trusting it never misses a placeholder.
   */
  mayHoldPlaceholders = true;

  constructor(
    readonly uri: string,
    readonly text: string,
  ) {
    this.searchBudget = text.length;
  }

  /** The LSP position of an offset into the text. */
  position(offset: number): Position {
    return offsetToPosition((this.lineStarts ??= editorLineStarts(this.text)), offset);
  }

  /**
   * The LSP position of an offset into the text that lies on CoreDNS line `corednsLine` (a token's start on
   * its `line`, or its end on `line + lineBreaks`).
   */
  positionOnLine(offset: number, corednsLine: number): Position {
    if (this.lineStarts !== undefined || this.searchBudget <= 0 || !(this.linesAgree ??= !hasLoneCarriageReturn(this.text))) return this.position(offset);
    const lineStart = offset === 0 ? 0 : this.text.lastIndexOf('\n', offset - 1) + 1;
    this.searchBudget -= offset - lineStart + 1;
    return { line: corednsLine, character: offset - lineStart };
  }
}

/** Whether `next` continues the line of `prev`, by the rule CoreDNS's dispenser applies (NextArg). */
export function onSameLine(prev: Token, next: Token): boolean {
  return prev.source.uri === next.source.uri && prev.line + prev.lineBreaks === next.line;
}

/** Whether `next` starts a new line after `prev` (CoreDNS's isNewLine). */
export function startsNewLine(prev: Token | undefined, next: Token): boolean {
  if (!prev) return true;
  return prev.source.uri !== next.source.uri || prev.line + prev.lineBreaks < next.line;
}

/** Whether a token is a structural brace. Braces count only as whole tokens, quoted or not. */
export function isOpenBrace(token: Token | undefined): boolean {
  return token !== undefined && token.text === '{';
}

export function isCloseBrace(token: Token | undefined): boolean {
  return token !== undefined && token.text === '}';
}

/** The exact range of a token as written, quotes included: a new object, the caller's to keep. */
export function tokenRange(token: Token): Range {
  return { start: tokenStart(token), end: tokenEnd(token) };
}

/** Where a token starts. */
export function tokenStart(token: Token): Position {
  return token.source.positionOnLine(token.start, token.line);
}

/** Where a token ends: on its last line, after the line breaks a quoted token holds. */
export function tokenEnd(token: Token): Position {
  return token.source.positionOnLine(token.end, token.line + token.lineBreaks);
}

/** A range that spans from the start of one token to the end of another. */
export function spanRange(first: Token, last: Token): Range {
  return { start: tokenStart(first), end: tokenEnd(last) };
}
