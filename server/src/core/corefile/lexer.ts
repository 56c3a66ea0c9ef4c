// The Corefile lexer. It reproduces the token rules of CoreDNS's Caddyfile lexer exactly (see
// corefile-facts.md §(d)): whitespace separates tokens, `\r` outside quotes is dropped even inside a word,
// `#` at a token's start comments out the rest of the line while `#` inside a word only drops the rest of
// that word, `"` opens a quoted token only at a token's start, inside quotes only `\"` is an escape, and
// an unterminated quote runs to the end of the file. It also records where each token and comment is
// written, as offsets from which its TokenSource makes the LSP positions every editor feature needs.
import type { Range } from '../types.js';
import { mayHoldPlaceholder } from './env.js';
import * as grammarTokens from './grammar-tokens.js';
import type { GrammarInput, LexedToken } from './grammar-tokens.js';
import * as tokenTypes from './token-types.js';
import { TokenSource, type Token } from './token.js';

// Local references to what is used on every token: run as CommonJS (as tsx runs the tests and the benchmark),
// each use of an imported binding is a call through the exporting module's getters.
const { typeOfText } = tokenTypes;
const { GrammarInputBuilder } = grammarTokens;
type GrammarInputBuilder = grammarTokens.GrammarInputBuilder;


/**
 * A comment, from its `#` to its last character that is not a `\r`, kept as offsets into its document's text
 * like a token: its text and range are made when asked (commentText, commentRange), as few of a large
 * Corefile's comments are ever shown.
 */
export interface Comment {
  source: TokenSource;
  start: number;
  end: number;
}

/** The comment as written, `#` included. */
export function commentText(comment: Comment): string {
  return comment.source.text.slice(comment.start, comment.end);
}

/** Where the comment is written: a new object, the caller's to keep. */
export function commentRange(comment: Comment): Range {
  return { start: comment.source.position(comment.start), end: comment.source.position(comment.end) };
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
 * Whether a character is printable ASCII after `#` (so neither whitespace, `"` nor `#`): inside a bare word
 * it can only continue the word. Most of a Corefile is made of these, so the lexer scans them without the
 * whitespace and line-end checks. (Past the end of the input charCodeAt gives NaN, which is none of these.)
 */
function isPlainWordChar(ch: number): boolean {
  return ch > 0x23 && ch < 0x7f;
}

/** Lexes a document. */
export function lexCorefile(input: string, uri: string): LexResult {
  return lex(input, uri, undefined);
}

/**
 * Lexes a document and builds the grammar's input on the way, so that parseCorefile need not walk all the
 * tokens a second time (toGrammarTokens does that for token lists that come from elsewhere).
 */
export function lexForGrammar(input: string, uri: string): { lexed: LexResult; grammar: GrammarInput } {
  const grammar = new GrammarInputBuilder(Math.ceil(input.length / CHARS_PER_GRAMMAR_TOKEN));
  const lexed = lex(input, uri, grammar);
  return { lexed, grammar: grammar.finish() };
}

/**
 * The lexer's state, for the rare paths: quoted tokens, comments, `\r`, spaces other than space, tab and
 * `\n`, and words with a character outside printable ASCII. The main loop of lex keeps its place in local
 * variables, which V8 can hold in registers, and hands it over through this object only to those paths.
 *
 * CoreDNS counts only `\n` as a line end (corednsLine, which decides what shares a line). Where the editor's
 * current line starts (`\r\n`, `\n` and a lone `\r` end one) is tracked too, for the one rule that needs it:
 * a word's trailing `\r` is trimmed from its range only back to the start of that line (see lexWordEnd).
 */
class LexState {
  offset = 0;
  lineStart = 0;
  corednsLine = 0;
  /** How many of `tokens` are filled (the array is made larger than that, then trimmed). */
  tokenCount = 0;
  unterminatedQuote: Token | undefined = undefined;

  constructor(
    readonly input: string,
    readonly source: TokenSource,
    readonly tokens: Token[],
    readonly comments: Comment[],
    readonly words: WordTable,
    readonly grammar: GrammarInputBuilder | undefined,
  ) {}

  /** Moves over one character. */
  advance(): void {
    const ch = this.input.charCodeAt(this.offset++);
    if (ch === 0x0a) {
      this.corednsLine++;
      this.lineStart = this.offset;
    } else if (ch === 0x0d && this.input.charCodeAt(this.offset) !== 0x0a) {
      this.lineStart = this.offset;
    }
  }

  addToken(token: Token): void {
    this.tokens[this.tokenCount++] = token;
    if (this.grammar !== undefined) this.grammar.add(token);
  }
}

function lex(input: string, uri: string, grammar: GrammarInputBuilder | undefined): LexResult {
  // Room for the tokens a file of this size usually has, made at once: a large file has hundreds of
  // thousands, and growing the array a token at a time would copy it again and again.
  const tokens = new Array<Token>(Math.ceil(input.length / CHARS_PER_TOKEN));
  let tokenCount = 0;
  const comments: Comment[] = [];
  const words = new WordTable(input);
  const source = new TokenSource(uri, input);
  const state = new LexState(input, source, tokens, comments, words, grammar);
  const n = input.length;
  // A BOM at the start is no token, but it is a character of the first line.
  let offset = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineStart = 0;
  let corednsLine = 0;

  while (offset < n) {
    let ch = input.charCodeAt(offset);
    if (ch === 0x0a) {
      // A line break, and with it the next line's indentation.
      corednsLine++;
      lineStart = ++offset;
      for (ch = input.charCodeAt(offset); ch === 0x20 || ch === 0x09; ch = input.charCodeAt(++offset));
      continue;
    }
    if (ch === 0x20 || ch === 0x09) {
      // Indentation comes in runs: skip the whole run at once.
      do ch = input.charCodeAt(++offset);
      while (ch === 0x20 || ch === 0x09);
      continue;
    }
    const start = offset;
    let hash = 1;
    if (isPlainWordChar(ch)) {
      // A bare word, whose word-table hash is taken on the way. Most words are made of printable ASCII only
      // and end at a space, a tab, a line break or the end of the input; any other end takes the rare path.
      hash = wordHashStep(hash, ch);
      for (ch = input.charCodeAt(++offset); isPlainWordChar(ch); ch = input.charCodeAt(++offset)) hash = wordHashStep(hash, ch);
      if (ch === 0x20 || ch === 0x0a || ch === 0x09 || offset >= n) {
        const text = words.word(start, offset, hash);
        const token = makeToken(text, false, source, corednsLine, 0, start, offset, typeOfText(text).tokenTypeIdx!);
        tokens[tokenCount++] = token;
        if (grammar !== undefined) grammar.add(token);
        continue;
      }
    }
    state.offset = offset;
    state.lineStart = lineStart;
    state.corednsLine = corednsLine;
    state.tokenCount = tokenCount;
    if (start === offset) lexRare(state);
    else lexWordEnd(state, start, hash);
    offset = state.offset;
    lineStart = state.lineStart;
    corednsLine = state.corednsLine;
    tokenCount = state.tokenCount;
  }
  tokens.length = tokenCount;
  source.mayHoldPlaceholders = words.placeholders;
  const result: LexResult = { tokens, comments };
  if (state.unterminatedQuote) result.unterminatedQuote = state.unterminatedQuote;
  return result;
}

/** What starts at a character the main loop does not handle: a space, a comment, a quoted token or a word. */
function lexRare(state: LexState): void {
  const ch = state.input.charCodeAt(state.offset);
  if (isGoSpace(ch)) state.advance();
  else if (ch === 0x23 /* # */) lexLineComment(state);
  else if (ch === 0x22 /* " */) lexQuoted(state);
  else lexWordEnd(state, state.offset, 1);
}

/**
 * The rest of a bare word that started at `start`, from the end of its plain stretch (`state.offset`, whose
 * hash is `plainHash`) to the next whitespace. `\r` is skipped without ending the word, and `#` drops the
 * rest of the word (the comment flag lasts only for this token). The value comes from the word table,
 * unless a `\r` inside the word forces building it piece by piece.
 */
function lexWordEnd(state: LexState, start: number, plainHash: number): void {
  const input = state.input;
  const n = input.length;
  const plainEnd = state.offset;
  const corednsLine = state.corednsLine;
  let carriageReturns = false;
  while (state.offset < n) {
    const c = input.charCodeAt(state.offset);
    if (c === 0x0d) carriageReturns = true;
    else if (c === 0x23 || isGoSpace(c)) break;
    state.advance();
  }
  let endOffset = state.offset;
  // A `\r` right before the line break belongs to the line end, not to the word's range; the range never
  // ends before the start of the editor line its end is on.
  while (endOffset > start && endOffset > state.lineStart && input.charCodeAt(endOffset - 1) === 0x0d && input.charCodeAt(state.offset) === 0x0a) endOffset--;
  const value = carriageReturns ? state.words.note(input.slice(start, endOffset).replace(/\r/g, '')) : state.words.word(start, endOffset, endOffset === plainEnd ? plainHash : wordHash(input, start, endOffset));
  if (state.offset < n && input.charCodeAt(state.offset) === 0x23) {
    const commentStart = state.offset;
    while (state.offset < n && !isGoSpace(input.charCodeAt(state.offset))) state.advance();
    state.comments.push(makeComment(state.source, commentStart, state.offset));
  }
  // A bare word never holds a `\n`: it is whitespace.
  state.addToken(makeToken(value, false, state.source, corednsLine, 0, start, endOffset, typeOfText(value).tokenTypeIdx!));
}

/** A quoted token: inside quotes only `\"` is an escape, and an unterminated quote runs to the end. */
function lexQuoted(state: LexState): void {
  const input = state.input;
  const n = input.length;
  const startOffset = state.offset;
  const corednsLine = state.corednsLine;
  state.advance();
  let value = '';
  let closed = false;
  let escaped = false;
  while (state.offset < n) {
    const c = input.charCodeAt(state.offset);
    if (!escaped) {
      if (c === 0x5c /* \ */) {
        escaped = true;
        state.advance();
        continue;
      }
      if (c === 0x22) {
        state.advance();
        closed = true;
        break;
      }
    }
    // Only a quote can be escaped: any other escaped character keeps its backslash.
    if (escaped && c !== 0x22) value += '\\';
    value += input[state.offset];
    escaped = false;
    state.advance();
  }
  const token = makeToken(state.words.note(value), true, state.source, corednsLine, countLineBreaks(value), startOffset, state.offset, typeOfText(value).tokenTypeIdx!);
  if (!closed) {
    state.unterminatedQuote = token;
    // CoreDNS emits the swallowed text as a token only when it is not empty.
    if (value.length > 0) state.addToken(token);
    return;
  }
  state.addToken(token);
}

/** A comment at the start of a token: it runs to the end of the line. */
function lexLineComment(state: LexState): void {
  const input = state.input;
  const startOffset = state.offset;
  // Only `\n` ends it: CoreDNS skips a lone `\r` without leaving the comment.
  let lineEnd = input.indexOf('\n', startOffset);
  if (lineEnd < 0) lineEnd = input.length;
  let carriageReturn = false;
  for (let i = startOffset; i < lineEnd && !carriageReturn; i++) carriageReturn = input.charCodeAt(i) === 0x0d;
  if (!carriageReturn) {
    // The common case: no `\r` in the comment, so it is one stretch of one LSP line.
    state.offset = lineEnd;
    state.comments.push(makeComment(state.source, startOffset, lineEnd));
    return;
  }
  // The comment ends at its last character that is not a `\r`.
  let endOffset = startOffset;
  while (state.offset < lineEnd) {
    const c = input.charCodeAt(state.offset);
    state.advance();
    if (c !== 0x0d) endOffset = state.offset;
  }
  state.comments.push(makeComment(state.source, startOffset, endOffset));
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
  /**
   * Whether a word of the document may hold an environment placeholder. Each word is asked when it enters the
   * table (a word found in the table was asked then), so a document's words are scanned for `{$`, `{%` and
   * the add-on marker once each, not once per token (see TokenSource.mayHoldPlaceholders).
   */
  placeholders = false;

  constructor(private readonly input: string) {}

  /** Notes a word made outside the table (quoted, or holding a `\r`) and returns it. */
  note(word: string): string {
    if (!this.placeholders && mayHoldPlaceholder(word)) this.placeholders = true;
    return word;
  }

  /** The word `input[start, end)` whose wordHash is `hash`, shared with earlier tokens of the same text. */
  word(start: number, end: number, hash: number): string {
    const input = this.input;
    const length = end - start;
    // Longer words are mostly unique (names, addresses), and V8 slices them as views of the input anyway.
    if (length > MAX_SHARED_WORD) return this.note(input.slice(start, end));
    // One-character words (braces, `.`, small numbers) are a third of a typical file's tokens: each printable
    // ASCII one is a constant string, with no hash to compare.
    if (length === 1) {
      const ch = input.charCodeAt(start);
      if (ch < 0x7f) return ASCII_WORDS[ch]!;
    }
    const slot = (hash ^ (hash >>> 15)) & (WORD_TABLE_SIZE - 1);
    const known = this.words[slot];
    if (known !== undefined && this.hashes[slot] === hash && known.length === length && input.startsWith(known, start)) return known;
    return this.insert(start, end, hash, slot);
  }

  /** A word not in the table yet: made, asked about placeholders, and kept (out of word's way, as it is rarer). */
  private insert(start: number, end: number, hash: number, slot: number): string {
    const word = this.note(this.input.slice(start, end));
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

/**
 * Characters per token and per grammar token (line breaks included) in a typical Corefile, from which the
 * arrays are sized. Real Corefiles have 6 to 14 characters per token (10 in the median), and 4 to 9 per grammar
 * token: a denser file grows its arrays once, a sparser one trims them.
 */
const CHARS_PER_TOKEN = 8;
const CHARS_PER_GRAMMAR_TOKEN = 5;

const WORD_TABLE_SIZE = 4096;
/** The one-character strings of ASCII, by character code. */
const ASCII_WORDS: readonly string[] = Array.from({ length: 0x7f }, (_, ch) => String.fromCharCode(ch));
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
  source: TokenSource,
  line: number,
  lineBreaks: number,
  startOffset: number,
  endOffset: number,
  tokenTypeIdx: number,
): LexedToken {
  // One literal with its place as two offsets: one object per token (an LSP Range would be three more).
  return {
    text, quoted, source, line, lineBreaks,
    start: startOffset, end: endOffset,
    tokenTypeIdx, value: text, unknownEnv: NO_VARIABLES,
  };
}

/** Every comment is built here, in one literal. */
function makeComment(source: TokenSource, start: number, end: number): Comment {
  return { source, start, end };
}
