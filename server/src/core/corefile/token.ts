// A Corefile token as CoreDNS's lexer (the coredns/caddy fork) sees it, plus the exact place it was
// written so every diagnostic can point at it. The place is kept as four numbers rather than as an LSP
// Range: a Range is three objects, and a large Corefile has hundreds of thousands of tokens of which only a
// few are ever shown in a diagnostic or an editor feature. tokenRange makes the Range when one is needed.
import type { Position, Range } from '../types.js';

export interface Token {
  /** The token's value as the lexer yields it: quotes removed, `\"` unescaped, env vars not yet replaced. */
  text: string;
  /** Whether the token was written in double quotes. A quoted "{" still acts as a brace, as in CoreDNS. */
  quoted: boolean;
  /** The document the token was read from (the Corefile itself, or an imported file). */
  uri: string;
  /**
   * CoreDNS's line number for the token (0-based here), counting only `\n`. Together with `lineBreaks` it
   * decides whether two tokens are on one line, which is how CoreDNS ends directives.
   */
  line: number;
  /** How many `\n` the token's text holds (only quoted tokens can hold any). */
  lineBreaks: number;
  /** Exact place of the token as written, quotes included (LSP lines and UTF-16 characters); see tokenRange. */
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
  /** UTF-16 offsets of the token in its document, quotes included. */
  start: number;
  end: number;
}

/** Whether `next` continues the line of `prev`, by the rule CoreDNS's dispenser applies (NextArg). */
export function onSameLine(prev: Token, next: Token): boolean {
  return prev.uri === next.uri && prev.line + prev.lineBreaks === next.line;
}

/** Whether `next` starts a new line after `prev` (CoreDNS's isNewLine). */
export function startsNewLine(prev: Token | undefined, next: Token): boolean {
  if (!prev) return true;
  return prev.uri !== next.uri || prev.line + prev.lineBreaks < next.line;
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
  return { start: { line: token.startLine, character: token.startCharacter }, end: { line: token.endLine, character: token.endCharacter } };
}

/** Where a token starts. */
export function tokenStart(token: Token): Position {
  return { line: token.startLine, character: token.startCharacter };
}

/** Where a token ends. */
export function tokenEnd(token: Token): Position {
  return { line: token.endLine, character: token.endCharacter };
}

/** A range that spans from the start of one token to the end of another. */
export function spanRange(first: Token, last: Token): Range {
  return { start: { line: first.startLine, character: first.startCharacter }, end: { line: last.endLine, character: last.endCharacter } };
}
