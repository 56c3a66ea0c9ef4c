// The chevrotain token types of the Corefile grammar, and which one a Corefile token is. The lexer decides
// what a token is, exactly as CoreDNS does; its type for the grammar follows from the token's text alone.
import { createToken, type TokenType } from 'chevrotain';

export const Word = createToken({ name: 'Word', pattern: /NOT_USED_BY_A_LEXER/ });
export const LCurly = createToken({ name: 'LCurly', pattern: /NOT_USED_BY_A_LEXER/, label: "'{'" });
export const RCurly = createToken({ name: 'RCurly', pattern: /NOT_USED_BY_A_LEXER/, label: "'}'" });
export const NL = createToken({ name: 'NL', pattern: /NOT_USED_BY_A_LEXER/, label: 'end of line' });
/**
 * The word `import`. It is still a Word wherever a word is expected (a category of Word); only where a
 * statement starts does the grammar tell it apart, by its type rather than by a predicate.
 */
export const Import = createToken({ name: 'Import', pattern: /NOT_USED_BY_A_LEXER/, categories: [Word] });

export const allTokenTypes: TokenType[] = [Word, LCurly, RCurly, NL, Import];

/** The grammar's type of a Corefile token: braces count only as whole tokens, quoted or not. */
export function typeOfText(text: string): TokenType {
  if (text.length === 1) {
    if (text === '{') return LCurly;
    if (text === '}') return RCurly;
  } else if (text === 'import') {
    return Import;
  }
  return Word;
}
