// The Corefile lexer. It reproduces the token rules of CoreDNS's Caddyfile lexer exactly (see
// corefile-facts.md §(d)): whitespace separates tokens, `\r` outside quotes is dropped even inside a word,
// `#` at a token's start comments out the rest of the line while `#` inside a word only drops the rest of
// that word, `"` opens a quoted token only at a token's start, inside quotes only `\"` is an escape, and
// an unterminated quote runs to the end of the file. It also records exact LSP positions, which CoreDNS
// does not need but every editor feature does.
import type { Range } from '../types.js';
import type { LexedToken } from './grammar-tokens.js';
import * as tokenTypes from './token-types.js';
import type { Token } from './token.js';

// Local references to what is used on every token: run as CommonJS (as tsx runs the tests and the benchmark),
// each use of an imported binding is a call through the exporting module's getters.
const { typeOfText } = tokenTypes;

export interface Comment {
  range: Range;
  text: string;
}

export interface LexResult {
  tokens: Token[];
  comments: Comment[];
  /** Set when a quoted token is still open at the end of the input. */
  unterminatedQuote?: Token;
}

/** Go's unicode.IsSpace: the Latin-1 spaces plus the Unicode White_Space characters (not the BOM). */
export function isGoSpace(ch: number): boolean {
  switch (ch) {
    case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0x20: case 0x85: case 0xa0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000:
      return true;
    default:
      return ch >= 0x2000 && ch <= 0x200a;
  }
}

/**
 * Tracks the LSP position of an offset. LSP counts `\r\n`, `\n` and a lone `\r` as line ends, while
 * CoreDNS counts only `\n`; both are tracked so that ranges follow the editor and line logic follows CoreDNS.
 */
class Cursor {
  offset = 0;
  line = 0;
  character = 0;
  corednsLine = 0;

  constructor(private readonly text: string) {}

  advance(): void {
    const ch = this.text.charCodeAt(this.offset);
    this.offset++;
    if (ch === 0x0a) {
      this.line++;
      this.character = 0;
      this.corednsLine++;
    } else if (ch === 0x0d) {
      if (this.text.charCodeAt(this.offset) !== 0x0a) {
        this.line++;
        this.character = 0;
      } else {
        this.character++;
      }
    } else {
      this.character++;
    }
  }

  /** Moves over `count` characters that are known to hold no line end: only the column changes. */
  skipPlain(count: number): void {
    this.offset += count;
    this.character += count;
  }

  position(): { line: number; character: number } {
    return { line: this.line, character: this.character };
  }
}

/**
 * Whether a character is printable ASCII after `#` (so neither whitespace, `"` nor `#`): inside a bare word
 * it can only continue the word. Most of a Corefile is made of these, so the lexer scans them without the
 * whitespace and line-end checks.
 */
function isPlainWordChar(ch: number): boolean {
  return ch > 0x23 && ch < 0x7f;
}

export function lexCorefile(input: string, uri: string): LexResult {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  const cur = new Cursor(input);
  if (input.charCodeAt(0) === 0xfeff) cur.advance();
  const n = input.length;

  let unterminatedQuote: Token | undefined;
  const words = new WordTable();

  while (cur.offset < n) {
    const ch = input.charCodeAt(cur.offset);
    if (ch === 0x20 || ch === 0x09) {
      // Indentation comes in runs: skip the whole run at once.
      let end = cur.offset + 1;
      for (let c = input.charCodeAt(end); c === 0x20 || c === 0x09; c = input.charCodeAt(++end));
      cur.skipPlain(end - cur.offset);
      continue;
    }
    if (isGoSpace(ch)) {
      cur.advance();
      continue;
    }
    if (ch === 0x23 /* # */) {
      comments.push(lexLineComment(input, cur));
      continue;
    }
    const startLine = cur.line;
    const startCharacter = cur.character;
    const startOffset = cur.offset;
    const corednsLine = cur.corednsLine;
    if (ch === 0x22 /* " */) {
      cur.advance();
      let value = '';
      let closed = false;
      let escaped = false;
      while (cur.offset < n) {
        const c = input.charCodeAt(cur.offset);
        if (!escaped) {
          if (c === 0x5c /* \ */) {
            escaped = true;
            cur.advance();
            continue;
          }
          if (c === 0x22) {
            cur.advance();
            closed = true;
            break;
          }
        }
        // Only a quote can be escaped: any other escaped character keeps its backslash.
        if (escaped && c !== 0x22) value += '\\';
        value += input[cur.offset];
        escaped = false;
        cur.advance();
      }
      const token = makeToken(value, true, uri, corednsLine, countLineBreaks(value), startLine, startCharacter, cur.line, cur.character, startOffset, cur.offset);
      if (!closed) {
        unterminatedQuote = token;
        // CoreDNS emits the swallowed text as a token only when it is not empty.
        if (value.length > 0) tokens.push(token);
        break;
      }
      tokens.push(token);
      continue;
    }
    // A bare word: runs to the next whitespace. `\r` is skipped without ending the word, and `#` drops
    // the rest of the word (the comment flag lasts only for this token). The value comes from the word
    // table (whose hash of the plain stretch is taken on the way), unless a `\r` inside the word forces
    // building it piece by piece.
    let hash = wordHashStep(1, ch);
    let plainEnd = startOffset + 1;
    for (let c = input.charCodeAt(plainEnd); plainEnd < n && isPlainWordChar(c); c = input.charCodeAt(++plainEnd)) hash = wordHashStep(hash, c);
    cur.skipPlain(plainEnd - startOffset);
    let carriageReturns = false;
    while (cur.offset < n) {
      const c = input.charCodeAt(cur.offset);
      if (c === 0x0d) carriageReturns = true;
      else if (c === 0x23 || isGoSpace(c)) break;
      cur.advance();
    }
    let endOffset = cur.offset;
    let endCharacter = cur.character;
    // A `\r` right before the line break belongs to the line end, not to the word's range.
    while (endOffset > startOffset && input.charCodeAt(endOffset - 1) === 0x0d && input.charCodeAt(cur.offset) === 0x0a && endCharacter > 0) {
      endOffset--;
      endCharacter--;
    }
    const value = carriageReturns ? input.slice(startOffset, endOffset).replace(/\r/g, '') : words.word(input, startOffset, endOffset, endOffset === plainEnd ? hash : wordHash(input, startOffset, endOffset));
    if (cur.offset < n && input.charCodeAt(cur.offset) === 0x23) {
      const commentStart = cur.offset;
      const commentPos = cur.position();
      while (cur.offset < n && !isGoSpace(input.charCodeAt(cur.offset))) cur.advance();
      comments.push({ range: { start: commentPos, end: cur.position() }, text: input.slice(commentStart, cur.offset) });
    }
    // A bare word never holds a `\n`: it is whitespace.
    tokens.push(makeToken(value, false, uri, corednsLine, 0, startLine, startCharacter, cur.line, endCharacter, startOffset, endOffset));
  }
  const result: LexResult = { tokens, comments };
  if (unterminatedQuote) result.unterminatedQuote = unterminatedQuote;
  return result;
}

/** A comment at the start of a token: it runs to the end of the line. */
function lexLineComment(input: string, cur: Cursor): Comment {
  const start = cur.position();
  const startOffset = cur.offset;
  // Only `\n` ends it: CoreDNS skips a lone `\r` without leaving the comment.
  let lineEnd = input.indexOf('\n', startOffset);
  if (lineEnd < 0) lineEnd = input.length;
  let carriageReturn = false;
  for (let i = startOffset; i < lineEnd && !carriageReturn; i++) carriageReturn = input.charCodeAt(i) === 0x0d;
  if (!carriageReturn) {
    // The common case: no `\r` in the comment, so it is one stretch of one LSP line.
    cur.skipPlain(lineEnd - startOffset);
    return { range: { start, end: cur.position() }, text: input.slice(startOffset, lineEnd) };
  }
  let end = start;
  let endOffset = startOffset;
  while (cur.offset < lineEnd) {
    const c = input.charCodeAt(cur.offset);
    cur.advance();
    if (c !== 0x0d) {
      end = cur.position();
      endOffset = cur.offset;
    }
  }
  return { range: { start, end }, text: input.slice(startOffset, endOffset) };
}

/**
 * The words of one document, each kept once. A Corefile repeats a few words (directive and option names,
 * `.`, braces, small numbers) thousands of times; taking them from this table instead of slicing a new
 * string for every token means a large file's tokens share a few thousand strings, which the garbage
 * collector then has no need to copy and scan at every collection while the parse runs.
 */
class WordTable {
  private readonly words: Array<string | undefined> = new Array<string | undefined>(WORD_TABLE_SIZE).fill(undefined);
  private readonly hashes = new Int32Array(WORD_TABLE_SIZE);

  /** The word `input[start, end)` whose wordHash is `hash`, shared with earlier tokens of the same text. */
  word(input: string, start: number, end: number, hash: number): string {
    const length = end - start;
    // Longer words are mostly unique (names, addresses), and V8 slices them as views of the input anyway.
    if (length > MAX_SHARED_WORD) return input.slice(start, end);
    const slot = (hash ^ (hash >>> 15)) & (WORD_TABLE_SIZE - 1);
    const known = this.words[slot];
    if (known !== undefined && this.hashes[slot] === hash && known.length === length && sameChars(known, input, start)) return known;
    const word = input.slice(start, end);
    this.words[slot] = word;
    this.hashes[slot] = hash;
    return word;
  }
}

/** One step of the word table's hash (a word's hash starts at 1). */
function wordHashStep(hash: number, ch: number): number {
  return (Math.imul(hash, 31) + ch) | 0;
}

function wordHash(input: string, start: number, end: number): number {
  let hash = 1;
  for (let i = start; i < end; i++) hash = wordHashStep(hash, input.charCodeAt(i));
  return hash;
}

/** Whether `input` holds `word` at `start` (compared in place, with no string built). */
function sameChars(word: string, input: string, start: number): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== input.charCodeAt(start + i)) return false;
  return true;
}

const WORD_TABLE_SIZE = 4096;
const MAX_SHARED_WORD = 24;

function countLineBreaks(text: string): number {
  let lineBreaks = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineBreaks++;
  return lineBreaks;
}

const NO_VARIABLES: string[] = [];

/**
 * Every token is built here, with one shape: V8 then keeps every token of every document alike, and
 * learns from this one site that tokens live long (it allocates them where long-lived objects go).
 */
function makeToken(
  text: string,
  quoted: boolean,
  uri: string,
  line: number,
  lineBreaks: number,
  startLine: number,
  startCharacter: number,
  endLine: number,
  endCharacter: number,
  startOffset: number,
  endOffset: number,
): LexedToken {
  // One literal with its place as plain numbers: one object per token (an LSP Range would be three more).
  return {
    text, quoted, uri, line, lineBreaks,
    startLine, startCharacter, endLine, endCharacter,
    start: startOffset, end: endOffset,
    tokenTypeIdx: typeOfText(text).tokenTypeIdx!, image: text, value: text, unknownEnv: NO_VARIABLES,
  };
}
