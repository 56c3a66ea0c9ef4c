// The parser's input. The lexer's tokens carry the two fields chevrotain reads of an input token (its type
// and its text), so they go to the grammar as they are; a line-break token is inserted wherever CoreDNS's
// own same-line rule says a line ends (quoted tokens may span lines). Line breaks, which the lexer does not
// produce, are the only grammar tokens with objects of their own.
import type { IToken, TokenType } from 'chevrotain';
import type { ArgToken } from './dispenser.js';
import { NL, typeOfText } from './token-types.js';
import { startsNewLine, type Token } from './token.js';

export { allTokenTypes, Import, LCurly, NL, RCurly, Word } from './token-types.js';

/**
 * A token as the lexer yields it: a Corefile token that chevrotain can read directly, and that can stand for
 * itself as an ArgToken. `tokenTypeIdx` is the index of its grammar type (typeOfText); `image` is the text
 * again (chevrotain quotes it in its messages). `value` and `unknownEnv` are what a plugin sees when the
 * text holds no environment placeholder (the lexer knows no environment; see toArgToken).
 */
export interface LexedToken extends ArgToken {
  tokenTypeIdx: number;
  image: string;
}

export function isLexedToken(token: Token): token is LexedToken {
  return typeof (token as Partial<LexedToken>).tokenTypeIdx === 'number';
}

/**
 * A grammar token standing for a line break (it carries the token after the break, whose place it
 * reports), or for a Corefile token that did not come from the lexer. Built by one function, with one
 * shape, like the lexer's tokens.
 */
interface TokenView extends IToken {
  payload: Token;
}

function tokenView(type: TokenType, payload: Token): TokenView {
  return { tokenTypeIdx: type.tokenTypeIdx!, image: payload.text, tokenType: type, startOffset: payload.start, payload };
}

/**
 * The Corefile token a grammar token stands for: a lexed token stands for itself, a line break for the
 * token after it. A token chevrotain made up (end of input, or one inserted while recovering from an
 * error) stands for none.
 */
export function payloadOf(t: IToken): Token | undefined {
  const view = (t as Partial<TokenView>).payload;
  if (view !== undefined) return view;
  return (t as unknown as Partial<Token>).range !== undefined ? (t as unknown as Token) : undefined;
}

export function toGrammarTokens(tokens: readonly Token[]): IToken[] {
  const out: IToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i > 0 && startsNewLine(tokens[i - 1], token)) out.push(tokenView(NL, token));
    out.push(isLexedToken(token) ? (token as unknown as IToken) : tokenView(typeOfText(token.text), token));
  }
  return out;
}
