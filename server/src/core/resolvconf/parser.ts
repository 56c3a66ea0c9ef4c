// The chevrotain grammar for resolv.conf:
//
//   file      := line*
//   line      := Newline
//              | Comment Newline?
//              | (Keyword | Word) Word* Newline?
//
// Every token sequence the lexer can produce fits this grammar, so a parse error would mean a bug;
// recovery stays on so that even then the parser returns what it could read instead of throwing.
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { allTokens, Comment, Keyword, Newline, Word } from './lexer.js';

export type RawLine =
  | { kind: 'empty'; newline: IToken }
  | { kind: 'comment'; comment: IToken; newline?: IToken }
  | { kind: 'directive'; head: IToken; values: IToken[]; newline?: IToken };

class ResolvConfParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: true });
    this.performSelfAnalysis();
  }

  public readonly file = this.RULE('file', (): RawLine[] => {
    const lines: RawLine[] = [];
    this.MANY(() => {
      const line = this.SUBRULE(this.line);
      // During error recovery a rule can return undefined; keep only real lines.
      if (line) lines.push(line);
    });
    return lines;
  });

  private readonly line = this.RULE('line', (): RawLine => {
    return this.OR([
      { ALT: () => ({ kind: 'empty' as const, newline: this.CONSUME(Newline) }) },
      {
        ALT: () => {
          const comment = this.CONSUME(Comment);
          const newline = this.OPTION(() => this.CONSUME2(Newline));
          return { kind: 'comment' as const, comment, newline };
        },
      },
      {
        ALT: () => {
          const head = this.OR2([{ ALT: () => this.CONSUME(Keyword) }, { ALT: () => this.CONSUME(Word) }]);
          const values: IToken[] = [];
          this.MANY2(() => {
            values.push(this.CONSUME2(Word));
          });
          const newline = this.OPTION2(() => this.CONSUME3(Newline));
          return { kind: 'directive' as const, head, values, newline };
        },
      },
    ]);
  });
}

/** One instance for the whole process: chevrotain's self-analysis is the expensive part. */
const parser = new ResolvConfParser();

export interface RawParse {
  lines: RawLine[];
  errors: Array<{ message: string; offset: number }>;
}

/** Parses a token vector. Not re-entrant, which is fine: parsing is synchronous. */
export function parseTokens(tokens: IToken[]): RawParse {
  parser.input = tokens;
  const lines = parser.file();
  const errors = parser.errors.map((e) => ({
    message: e.message,
    offset: Number.isNaN(e.token.startOffset) ? -1 : e.token.startOffset,
  }));
  return { lines: lines ?? [], errors };
}
