// The chevrotain lexer for resolv.conf. The file is line-oriented and almost free-form, so the tokens
// are few: line breaks, comments, the five keywords, and words. Comments and keywords are only
// recognised as the first word of a line: glibc treats `#` and `;` as comments only at line start,
// and a keyword in the middle of a line is just a value (`search nameserver.example`).
import { createToken, Lexer, type CustomPatternMatcherReturn, type TokenType } from 'chevrotain';
import type { ResolvConfKeyword } from './model.js';

/** True when only spaces and tabs stand between the start of the line and `offset`. */
function isFirstWordOfLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

function matched(text: string): CustomPatternMatcherReturn {
  return [text] as CustomPatternMatcherReturn;
}

export const Newline = createToken({ name: 'Newline', pattern: /\n/, line_breaks: true });

/**
 * Spaces and tabs separate words. A carriage return is layout too, so CRLF files give the same
 * words as LF files; what glibc makes of the `\r` is modelled from the raw line text instead.
 */
export const Layout = createToken({ name: 'Layout', pattern: /[ \t\r]+/, group: Lexer.SKIPPED });

export const Comment = createToken({
  name: 'Comment',
  pattern: {
    exec: (text: string, offset: number): CustomPatternMatcherReturn | null => {
      const c = text[offset];
      if ((c !== '#' && c !== ';') || !isFirstWordOfLine(text, offset)) return null;
      let end = text.indexOf('\n', offset);
      if (end < 0) end = text.length;
      // Leave the `\r` of a CRLF ending out of the comment, as an editor does.
      if (end > offset + 1 && text[end - 1] === '\r') end--;
      return matched(text.slice(offset, end));
    },
  },
  line_breaks: false,
  start_chars_hint: ['#', ';'],
});

/** All keyword tokens belong to this category, so the grammar can accept any of them in one place. */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });

function keywordToken(word: ResolvConfKeyword): TokenType {
  return createToken({
    name: word.charAt(0).toUpperCase() + word.slice(1),
    pattern: {
      exec: (text: string, offset: number): CustomPatternMatcherReturn | null => {
        if (!text.startsWith(word, offset) || !isFirstWordOfLine(text, offset)) return null;
        const next = text[offset + word.length];
        // `nameservers` or `search:` is another word, reported as an unknown keyword.
        if (next !== undefined && next !== ' ' && next !== '\t' && next !== '\r' && next !== '\n') return null;
        return matched(word);
      },
    },
    line_breaks: false,
    start_chars_hint: [word.charAt(0)],
    categories: [Keyword],
  });
}

export const keywordTokens: ReadonlyMap<ResolvConfKeyword, TokenType> = new Map(
  (['nameserver', 'domain', 'search', 'sortlist', 'options'] as const).map((k) => [k, keywordToken(k)]),
);

export const Word = createToken({ name: 'Word', pattern: /[^ \t\r\n]+/ });

export const allTokens: TokenType[] = [Newline, Layout, Comment, Keyword, ...keywordTokens.values(), Word];

/**
 * Created once: building a chevrotain lexer analyses every token pattern. Layout, Newline and Word
 * together match every character, so tokenizing cannot fail. Positions are computed from offsets by
 * the parser (chevrotain would count a lone `\r` as a line break, the libcs do not).
 */
export const resolvConfLexer = new Lexer(allTokens, { positionTracking: 'onlyOffset' });

/** The keyword a token type stands for, or undefined for any other token. */
export function keywordOf(tokenType: TokenType): ResolvConfKeyword | undefined {
  for (const [keyword, type] of keywordTokens) if (type === tokenType) return keyword;
  return undefined;
}
