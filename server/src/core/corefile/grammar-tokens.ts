// The parser's input. The lexer's tokens carry the one field chevrotain reads of an input token while
// parsing (its type), so they go to the grammar as they are; a line-break token is inserted wherever CoreDNS's
// own same-line rule says a line ends (quoted tokens may span lines). Every line break is one shared
// object: a large Corefile has a hundred thousand of them, and the grammar only needs their type.
import type { IToken, TokenType } from 'chevrotain';
import type { ArgToken } from './dispenser.js';
import * as tokenTypes from './token-types.js';
import * as tokens from './token.js';
import type { Token } from './token.js';

export { allTokenTypes, Import, LCurly, NL, RCurly, Word } from './token-types.js';

// Local references to what is used on every token: run as CommonJS (as tsx runs the tests and the benchmark),
// each use of an imported binding is a call through the exporting module's getters.
const { NL, typeOfText, Word } = tokenTypes;
const { startsNewLine } = tokens;

/**
 * A token as the lexer yields it: a Corefile token that chevrotain can read directly, and that can stand for
 * itself as an ArgToken. `tokenTypeIdx` is the index of its grammar type (typeOfText). chevrotain would also
 * read an `image` (the text) for its error messages; the grammar's message provider shows the token's text
 * instead (see shownText), so that a hundred thousand tokens need not carry their text twice. `value` and
 * `unknownEnv` are what a plugin sees when the text holds no environment placeholder (the lexer knows no
 * environment; see toArgToken).
 */
export interface LexedToken extends ArgToken {
  tokenTypeIdx: number;
}

export function isLexedToken(token: Token): token is LexedToken {
  return typeof (token as Partial<LexedToken>).tokenTypeIdx === 'number';
}

/**
 * A grammar token standing for a Corefile token that did not come from the lexer (or a brace read as a word
 * past the depth limit). It holds only what chevrotain reads of an input token (its type), and is built by
 * one function, with one shape.
 */
interface TokenView {
  tokenTypeIdx: number;
  payload: Token;
}

function tokenView(type: TokenType, payload: Token): IToken {
  const view: TokenView = { tokenTypeIdx: type.tokenTypeIdx!, payload };
  return view as unknown as IToken;
}

/**
 * The one grammar token for every line break. It stands for no Corefile token: the grammar never keeps a
 * line break in the tree, and an error found at one is placed at the token before it (see parse.ts).
 */
const LINE_BREAK: IToken = { tokenTypeIdx: NL.tokenTypeIdx!, image: '\n' } as unknown as IToken;

/**
 * The Corefile token a grammar token stands for: a lexed token stands for itself. A line break, or a token
 * chevrotain made up (end of input, or one inserted while recovering from an error), stands for none.
 */
export function payloadOf(t: IToken): Token | undefined {
  const view = (t as unknown as Partial<TokenView>).payload;
  if (view !== undefined) return view;
  return (t as unknown as Partial<Token>).source !== undefined ? (t as unknown as Token) : undefined;
}

/** How a message shows a grammar token: the text of the Corefile token it stands for, else chevrotain's image. */
export function shownText(t: IToken): string {
  return payloadOf(t)?.text ?? t.image;
}

/**
 * How deep blocks may nest before the grammar stops treating braces as blocks. The grammar descends once per
 * level, and a few hundred levels exhaust the stack; real Corefiles nest two or three. Deeper braces are
 * read as plain words, so a file of ten thousand nested blocks still gets a tree and findings.
 */
export const MAX_BLOCK_DEPTH = 100;

export interface GrammarInput {
  tokens: IToken[];
  /** The first brace nested deeper than MAX_BLOCK_DEPTH, read as a word from there on; undefined if none. */
  tooDeep?: Token;
}

/**
 * Builds the grammar input of one token list, a token at a time: the one place that inserts the line breaks
 * and applies MAX_BLOCK_DEPTH. The lexer feeds it while it reads a document, so that a parse does not walk
 * all the tokens a second time; toGrammarTokens feeds it the token lists of imported files.
 */
export class GrammarInputBuilder {
  private readonly tokens: IToken[];
  private n = 0;
  private depth = 0;
  private last: Token | undefined = undefined;
  private tooDeep: Token | undefined = undefined;

  /**
   * `capacity` is how many grammar tokens to make room for at once: a large file's input is long, and
   * growing it a token at a time would copy it again and again. More tokens still fit; finish trims it.
   */
  constructor(capacity: number) {
    this.tokens = takeSpareInput(capacity);
  }

  add(token: Token): void {
    const out = this.tokens;
    if (this.last !== undefined && startsNewLine(this.last, token)) out[this.n++] = LINE_BREAK;
    this.last = token;
    const text = token.text;
    // Braces past the depth the grammar can descend to are words for it (see MAX_BLOCK_DEPTH). They are told
    // by their character code: comparing with a one-character string can cost a call into the engine.
    const brace = text.length === 1 ? text.charCodeAt(0) : 0;
    if (brace === 0x7b /* { */ ? ++this.depth > MAX_BLOCK_DEPTH : brace === 0x7d /* } */ && this.depth-- > MAX_BLOCK_DEPTH) {
      this.tooDeep ??= token;
      out[this.n++] = tokenView(Word, token);
      return;
    }
    out[this.n++] = isLexedToken(token) ? (token as unknown as IToken) : tokenView(typeOfText(text), token);
  }

  finish(): GrammarInput {
    const tokens = this.tokens;
    tokens.length = this.n;
    return this.tooDeep === undefined ? { tokens } : { tokens, tooDeep: this.tooDeep };
  }
}

/**
 * The array a finished parse's input was built in, kept for the next parse. A large file's input has hundreds
 * of thousands of entries, and a new array for each parse is fresh memory that the kernel hands over page by
 * page. Parses never overlap (the grammar is one shared parser); an input handed back holds only line breaks,
 * so it keeps no document's tokens alive between parses.
 */
let spareInput: IToken[] | undefined = undefined;

function takeSpareInput(capacity: number): IToken[] {
  const spare = spareInput;
  if (spare === undefined) return new Array<IToken>(capacity);
  spareInput = undefined;
  if (spare.length < capacity) spare.length = capacity;
  return spare;
}

/** Hands a parsed input's array back for the next parse (see spareInput). */
export function recycleGrammarInput(input: GrammarInput): void {
  const tokens = input.tokens;
  tokens.fill(LINE_BREAK);
  if (spareInput === undefined || spareInput.length < tokens.length) spareInput = tokens;
}

export function toGrammarTokens(tokens: readonly Token[]): GrammarInput {
  // Room for the most line breaks there can be: one before every token but the first.
  const builder = new GrammarInputBuilder(Math.max(0, 2 * tokens.length - 1));
  for (let i = 0; i < tokens.length; i++) builder.add(tokens[i]!);
  return builder.finish();
}
