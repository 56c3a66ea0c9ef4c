// Chevrotain token types for the Corefile grammar. The lexer (lexer.ts) decides what a token is, exactly as
// CoreDNS does; this module classifies those tokens for the parser and inserts the line breaks that end
// directives, using CoreDNS's own same-line rule (quoted tokens may span lines).
import { createToken, createTokenInstance, type IToken, type TokenType } from 'chevrotain';
import { isCloseBrace, isOpenBrace, startsNewLine, type Token } from './token.js';

export const Word = createToken({ name: 'Word', pattern: /NOT_USED_BY_A_LEXER/ });
export const LCurly = createToken({ name: 'LCurly', pattern: /NOT_USED_BY_A_LEXER/, label: "'{'" });
export const RCurly = createToken({ name: 'RCurly', pattern: /NOT_USED_BY_A_LEXER/, label: "'}'" });
export const NL = createToken({ name: 'NL', pattern: /NOT_USED_BY_A_LEXER/, label: 'end of line' });

export const allTokenTypes: TokenType[] = [Word, LCurly, RCurly, NL];

/** A chevrotain token that carries the Corefile token it stands for (NL tokens carry the token after them). */
export interface GrammarToken extends IToken {
  payload: Token;
}

function grammarToken(type: TokenType, token: Token): GrammarToken {
  const t = createTokenInstance(
    type,
    token.text,
    token.start,
    token.end,
    token.range.start.line + 1,
    token.range.end.line + 1,
    token.range.start.character + 1,
    token.range.end.character,
  ) as GrammarToken;
  t.payload = token;
  return t;
}

export function toGrammarTokens(tokens: readonly Token[]): GrammarToken[] {
  const out: GrammarToken[] = [];
  let prev: Token | undefined;
  for (const token of tokens) {
    if (prev && startsNewLine(prev, token)) out.push(grammarToken(NL, token));
    const type = isOpenBrace(token) ? LCurly : isCloseBrace(token) ? RCurly : Word;
    out.push(grammarToken(type, token));
    prev = token;
  }
  return out;
}
