// The whitespace layout of a Corefile. CoreDNS reads a Corefile as tokens and line breaks (a directive ends
// at the end of its line, an option block opens on its directive's line), so this layout never moves a
// token to another line and never touches a token's own characters: it only rewrites the whitespace
// between tokens and comments. Lines are indented by brace depth, tokens on a line are separated by one
// space, runs of blank lines become one, and the text ends with exactly one line break.
import { isGoSpace, lexCorefile } from '../../corefile/lexer.js';
import type { Token } from '../../corefile/token.js';

/** One level of nesting: four spaces, as CoreDNS's own examples are written. */
export const INDENT = '    ';

/** A token or a comment, as written in the source. */
interface Piece {
  start: number;
  end: number;
  /** The characters to write: the source slice (a line comment without its trailing whitespace). */
  text: string;
  token?: Token;
  /**
   * True for a comment that cuts a bare word (`word#comment`): CoreDNS drops only the rest of that word, so
   * the comment must stay glued to the word when more tokens follow on its line, or it would become a
   * comment that swallows them.
   */
  glued: boolean;
}

/**
 * The text laid out. The caller must have checked that the Corefile parses without problems and holds no
 * lone carriage return; the result still goes through the token comparison in guard.ts before use.
 * Returns undefined when the source holds something between tokens that is neither whitespace nor a
 * comment, which would mean the lexer and this layout disagree.
 */
export function layoutCorefile(text: string): string | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const pieces = piecesOf(text, bom.length);
  if (pieces === undefined) return undefined;
  if (pieces.length === 0) return bom;
  const eol = lineBreakOf(text);
  const out: string[] = [bom];
  let depth = 0;
  let lastTokenOnLine: Token | undefined;
  let previousEnd = bom.length;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const breaks = countLineBreaks(text, previousEnd, piece.start);
    if (i > 0 && breaks === 0) {
      const next = pieces[i + 1];
      const nextOnThisLine = next !== undefined && countLineBreaks(text, piece.end, next.start) === 0;
      out.push(piece.glued && nextOnThisLine ? '' : ' ', piece.text);
    } else {
      if (i > 0) {
        out.push(eol);
        // One blank line survives a run of them, except right after a line that opens a block and right
        // before a line that closes one.
        const opensBlock = lastTokenOnLine?.text === '{';
        if (breaks >= 2 && !opensBlock && !isCloseBrace(piece)) out.push(eol);
      }
      lastTokenOnLine = undefined;
      out.push(INDENT.repeat(Math.max(0, depth - leadingCloseBraces(text, pieces, i))), piece.text);
    }
    if (piece.token !== undefined) {
      lastTokenOnLine = piece.token;
      if (piece.token.text === '{') depth++;
      else if (piece.token.text === '}') depth = Math.max(0, depth - 1);
    }
    previousEnd = piece.end;
  }
  out.push(eol);
  return out.join('');
}

/** The line break the file uses: the style of its first line break (`\n` when it has none). */
export function lineBreakOf(text: string): string {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

function isCloseBrace(piece: Piece): boolean {
  return piece.token?.text === '}';
}

/** How many `}` tokens open the line that starts with piece `i`: the line is indented as after them. */
function leadingCloseBraces(text: string, pieces: readonly Piece[], i: number): number {
  let count = 0;
  for (let k = i; k < pieces.length && isCloseBrace(pieces[k]!); k++) {
    count++;
    const next = pieces[k + 1];
    if (next === undefined || countLineBreaks(text, pieces[k]!.end, next.start) > 0) break;
  }
  return count;
}

/** The `\n` between two pieces. Only the gap is scanned, so a file of one long line costs no more than others. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x0a) count++;
  return count;
}

/** The tokens and comments of the text in source order, or undefined if a gap holds anything else. */
function piecesOf(text: string, from: number): Piece[] | undefined {
  const { tokens } = lexCorefile(text, 'format:layout');
  const pieces: Piece[] = [];
  let gapStart = from;
  let afterBareWord = false;
  for (const token of tokens) {
    if (!commentsInGap(text, gapStart, token.start, afterBareWord, pieces)) return undefined;
    pieces.push({ start: token.start, end: token.end, text: text.slice(token.start, token.end), token, glued: false });
    gapStart = token.end;
    afterBareWord = !token.quoted;
  }
  if (!commentsInGap(text, gapStart, text.length, afterBareWord, pieces)) return undefined;
  return pieces;
}

/**
 * Adds the comments found between two tokens. A `#` right after a bare word cuts that word and runs to the
 * next whitespace; any other `#` starts a comment that runs to the end of the line, as in the lexer.
 */
function commentsInGap(text: string, from: number, to: number, afterBareWord: boolean, pieces: Piece[]): boolean {
  let i = from;
  if (afterBareWord && i < to && text.charCodeAt(i) === 0x23) {
    let end = i;
    while (end < to && !isGoSpace(text.charCodeAt(end))) end++;
    pieces.push({ start: i, end, text: text.slice(i, end), glued: true });
    i = end;
  }
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isGoSpace(c)) {
      i++;
      continue;
    }
    if (c !== 0x23) return false;
    let end = text.indexOf('\n', i);
    if (end < 0 || end > to) end = to;
    pieces.push({ start: i, end, text: text.slice(i, end).trimEnd(), glued: false });
    i = end;
  }
  return true;
}
