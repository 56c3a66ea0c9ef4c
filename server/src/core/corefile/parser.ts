// The Corefile grammar, written with chevrotain. It follows the parser of CoreDNS's Caddyfile fork rule for
// rule (corefile-facts.md §(d)): keys on the first line with comma continuation, the block's `{` on the same
// or the next line, the brace-less single block, directives that end at the end of their line or at the end
// of a block opened on that line, snippets, and import statements. Where CoreDNS stops at the first error,
// this parser records the error and goes on, so the editor can show every problem at once.
import { EmbeddedActionsParser, type IToken, type TokenType } from 'chevrotain';
import type { Range } from '../types.js';
import type {
  DirectiveNode,
  ImportNode,
  OptionBlock,
  OptionLine,
  ServerBlockNode,
  SnippetNode,
  Statement,
  SyntaxError,
  TopLevelItem,
} from './ast.js';
import { allTokenTypes, LCurly, NL, RCurly, Word, type GrammarToken } from './grammar-tokens.js';
import { spanRange, type Token } from './token.js';

function payload(t: IToken): Token {
  return (t as GrammarToken).payload;
}

function isType(t: IToken, type: TokenType): boolean {
  return t.tokenType === type;
}

/** What an option block holds, in order, before it is split into lines. */
type BlockPiece = { kind: 'nl' } | { kind: 'word'; token: Token } | { kind: 'block'; block: OptionBlock; tokens: Token[] };

interface ParsedBlock {
  block: OptionBlock;
  /** Every token of the block, braces included, in order. */
  tokens: Token[];
}

const IMPORT_ONE_ARGUMENT = "'import' takes exactly one argument: a snippet name, a file or a glob pattern.";

class CorefileGrammar extends EmbeddedActionsParser {
  /** Errors found while parsing the current input. */
  problems: SyntaxError[] = [];

  constructor() {
    // Recovery stays on as a safety net; the grammar is total (every token sequence has a parse), so it
    // never has to act, and a mistake here would then cost a partial tree rather than an empty one.
    super(allTokenTypes, { recoveryEnabled: true, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  private report(code: string, message: string, range: Range, severity: 'error' | 'warning' = 'error'): void {
    this.problems.push({ code, message, range, severity });
  }

  private isImportAhead(): boolean {
    const t = this.LA(1);
    return isType(t, Word) && payload(t).text === 'import';
  }

  /** The whole file: server blocks, snippets and top-level imports, in order. */
  public corefile = this.RULE('corefile', (): TopLevelItem[] => {
    const items: TopLevelItem[] = [];
    this.MANY(() => {
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => { this.CONSUME(NL); } },
          {
            GATE: () => this.isImportAhead(),
            ALT: () => {
              const node = this.SUBRULE(this.importStatement);
              this.ACTION(() => items.push(node));
            },
          },
          {
            ALT: () => {
              const node = this.SUBRULE(this.serverBlock);
              this.ACTION(() => { if (node) items.push(node); });
            },
          },
        ],
      });
    });
    return items;
  });

  /** Statements of a block body, up to a '}' or the end of input (the '}' is left for the caller). */
  public statements = this.RULE('statements', (): Statement[] => {
    const list: Statement[] = [];
    this.MANY({
      GATE: () => !isType(this.LA(1), RCurly),
      DEF: () => {
        this.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            { ALT: () => { this.CONSUME(NL); } },
            {
              GATE: () => this.isImportAhead(),
              ALT: () => {
                const node = this.SUBRULE(this.importStatement);
                this.ACTION(() => list.push(node));
              },
            },
            {
              ALT: () => {
                const node = this.SUBRULE(this.directive);
                this.ACTION(() => list.push(node));
              },
            },
          ],
        });
      },
    });
    return list;
  });

  /** `import PATTERN`: every token to the end of the line is kept, so a wrong count can be pointed at. */
  private importStatement = this.RULE('importStatement', (): ImportNode => {
    const keyword = this.CONSUME(Word);
    const args: IToken[] = [];
    this.MANY(() => {
      const t = this.OR([{ ALT: () => this.CONSUME2(Word) }, { ALT: () => this.CONSUME(LCurly) }, { ALT: () => this.CONSUME(RCurly) }]);
      args.push(t);
    });
    return this.ACTION(() => this.importNode(payload(keyword), args.map(payload)));
  });

  private importNode(keyword: Token, args: Token[]): ImportNode {
    const last = args[args.length - 1] ?? keyword;
    if (args.length === 0) {
      this.report('syntax/import-argument', IMPORT_ONE_ARGUMENT, keyword.range);
    } else if (args.length > 1) {
      this.report('syntax/import-argument', `${IMPORT_ONE_ARGUMENT} Put each import on its own line.`, spanRange(args[1]!, last));
    } else if (args[0]!.text === '') {
      this.report('syntax/import-argument', "'import' needs a non-empty file path or snippet name.", args[0]!.range);
    }
    return { kind: 'import', keyword, args, range: spanRange(keyword, last) };
  }

  /** Keys, then a braced body, a brace-less body, a snippet body, or nothing at the end of the file. */
  private serverBlock = this.RULE('serverBlock', (): TopLevelItem | undefined => {
    const keys: IToken[] = [];
    let expectingAnother = false;
    const keep = (k: IToken): void => {
      keys.push(k);
      this.ACTION(() => {
        expectingAnother = payload(k).text.endsWith(',');
      });
    };
    // Keys run to the end of their line; a key ending with a comma carries the list onto the next line.
    this.MANY(() => keep(this.OR([{ ALT: () => this.CONSUME(Word) }, { ALT: () => this.CONSUME(RCurly) }])));
    this.MANY2({
      GATE: () => expectingAnother && isType(this.LA(1), NL),
      DEF: () => {
        this.CONSUME(NL);
        this.MANY3(() => keep(this.OR4([{ ALT: () => this.CONSUME2(Word) }, { ALT: () => this.CONSUME2(RCurly) }])));
      },
    });
    let open: IToken | undefined;
    let body: Statement[] = [];
    let close: IToken | undefined;
    let snippetBody: ParsedBlock | undefined;
    let braceless = false;
    const isSnippet = (): boolean => this.snippetName(keys) !== undefined;
    this.OR2({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => isType(this.LA(1), LCurly) || (isType(this.LA(1), NL) && isType(this.LA(2), LCurly)),
          ALT: () => {
            this.OPTION(() => this.CONSUME2(NL));
            this.OR3({
              IGNORE_AMBIGUITIES: true,
              DEF: [
                { GATE: isSnippet, ALT: () => { snippetBody = this.SUBRULE(this.optionBlock); } },
                {
                  ALT: () => {
                    open = this.CONSUME(LCurly);
                    body = this.SUBRULE(this.statements);
                    this.OPTION2(() => { close = this.CONSUME3(RCurly); });
                  },
                },
              ],
            });
          },
        },
        {
          GATE: () => isType(this.LA(1), NL),
          ALT: () => {
            // No brace: CoreDNS reads everything up to the end of the file (or a lone '}') as directives.
            this.CONSUME3(NL);
            braceless = true;
            body = this.SUBRULE2(this.statements);
            this.OPTION3(() => this.CONSUME4(RCurly));
          },
        },
        // The file ends right after the keys: a server with no plugins.
        { ALT: () => undefined },
      ],
    });
    return this.ACTION(() => {
      const keyTokens = keys.map(payload);
      if (expectingAnother) this.reportTrailingComma(keyTokens[keyTokens.length - 1]!, open !== undefined || snippetBody !== undefined);
      const name = this.snippetName(keys);
      // With the file ending right after the keys, CoreDNS never checks for a snippet: it is a plain key.
      if (name !== undefined && (snippetBody || braceless)) return this.snippetNode(name, keyTokens[0]!, snippetBody);
      if (!open && !braceless) this.reportStrayBraces(keyTokens);
      if (keyTokens.length === 0 && !open) return undefined;
      const openToken = open ? payload(open) : undefined;
      const closeToken = close ? payload(close) : undefined;
      if (openToken && !closeToken) this.reportUnclosedBlock(openToken, body);
      return this.blockNode(keyTokens, openToken, body, closeToken, braceless);
    });
  });

  /** A `{ ... }` block opened on a directive's or option's line, nested blocks included. */
  private optionBlock = this.RULE('optionBlock', (): ParsedBlock => {
    const open = this.CONSUME(LCurly);
    const pieces: BlockPiece[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => { this.CONSUME(NL); pieces.push({ kind: 'nl' }); } },
        { ALT: () => { const w = this.CONSUME(Word); this.ACTION(() => pieces.push({ kind: 'word', token: payload(w) })); } },
        {
          ALT: () => {
            const inner = this.SUBRULE(this.optionBlock);
            this.ACTION(() => pieces.push({ kind: 'block', block: inner.block, tokens: inner.tokens }));
          },
        },
      ]);
    });
    let close: IToken | undefined;
    this.OPTION(() => { close = this.CONSUME(RCurly); });
    return this.ACTION(() => this.buildOptionBlock(payload(open), pieces, close ? payload(close) : undefined));
  });

  /** A directive: its name, the words on its line and the blocks opened on that line. */
  private directive = this.RULE('directive', (): DirectiveNode => {
    // A '{' where a directive should start is read as a directive named '{', which CoreDNS rejects as unknown.
    const name = this.OR([{ ALT: () => this.CONSUME(Word) }, { ALT: () => this.CONSUME(LCurly) }]);
    const pieces: Array<{ token?: Token; parsed?: ParsedBlock }> = [];
    this.MANY(() => {
      this.OR2([
        { ALT: () => { const w = this.CONSUME2(Word); this.ACTION(() => pieces.push({ token: payload(w) })); } },
        { ALT: () => { const b = this.SUBRULE(this.optionBlock); this.ACTION(() => pieces.push({ parsed: b })); } },
      ]);
    });
    return this.ACTION(() => {
      const nameToken = payload(name);
      const tokens: Token[] = [];
      const args: Token[] = [];
      const blocks: OptionBlock[] = [];
      for (const piece of pieces) {
        if (piece.token) {
          tokens.push(piece.token);
          if (blocks.length === 0) args.push(piece.token);
        } else if (piece.parsed) {
          tokens.push(...piece.parsed.tokens);
          blocks.push(piece.parsed.block);
        }
      }
      const next = this.LA(1);
      if (isType(next, RCurly)) {
        // CoreDNS: "Unexpected '}' because no matching opening brace". The brace still ends the server
        // block here so that the rest of the file is read the way the user meant it.
        this.report(
          'syntax/unexpected-close-brace',
          "A '}' cannot end a directive's line: this one has no matching '{' on the line. Put the '}' that closes the server block on a line of its own.",
          payload(next).range,
        );
      }
      const last = tokens[tokens.length - 1] ?? nameToken;
      return { kind: 'directive', name: nameToken, args, blocks, tokens, range: spanRange(nameToken, last) };
    });
  });

  private buildOptionBlock(open: Token, pieces: BlockPiece[], close: Token | undefined): ParsedBlock {
    const tokens: Token[] = [open];
    const lines: Array<OptionLine | ImportNode> = [];
    let current: OptionLine | undefined;
    let importLine: { keyword: Token; args: Token[] } | undefined;
    const endLine = (): void => {
      if (importLine) lines.push(this.importNode(importLine.keyword, importLine.args));
      importLine = undefined;
      current = undefined;
    };
    for (const piece of pieces) {
      if (piece.kind === 'nl') {
        endLine();
        continue;
      }
      if (piece.kind === 'word') {
        tokens.push(piece.token);
        if (importLine) importLine.args.push(piece.token);
        else if (current) {
          current.args.push(piece.token);
          current.range = spanRange(current.name, piece.token);
        } else if (piece.token.text === 'import' && this.startsLine(pieces, piece)) {
          importLine = { keyword: piece.token, args: [] };
        } else {
          current = { kind: 'option', name: piece.token, args: [], blocks: [], range: piece.token.range };
          lines.push(current);
        }
        continue;
      }
      tokens.push(...piece.tokens);
      if (current) {
        current.blocks.push(piece.block);
        current.range = { start: current.range.start, end: piece.block.range.end };
      } else {
        // A block with no option name before it: keep it as a line named by its own brace.
        current = { kind: 'option', name: piece.block.open, args: [], blocks: [piece.block], range: piece.block.range };
        lines.push(current);
      }
    }
    endLine();
    if (close) tokens.push(close);
    else this.report('syntax/unclosed-option-block', "This '{' is never closed: add a '}'.", open.range);
    const block: OptionBlock = { open, lines, range: spanRange(open, close ?? tokens[tokens.length - 1]!) };
    if (close) block.close = close;
    return { block, tokens };
  }

  /** CoreDNS expands `import` inside an option block only when it starts a line (not right after '{'). */
  private startsLine(pieces: BlockPiece[], piece: BlockPiece): boolean {
    const index = pieces.indexOf(piece);
    return index > 0 && pieces[index - 1]!.kind === 'nl';
  }

  private snippetName(keys: IToken[]): string | undefined {
    const real = keys.filter((k) => k.image !== '');
    if (real.length !== 1) return undefined;
    const text = real[0]!.image;
    return text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1) : undefined;
  }

  private snippetNode(name: string, nameToken: Token, body: ParsedBlock | undefined): SnippetNode {
    if (!body) {
      this.report('syntax/snippet-needs-brace', `The snippet '(${name})' needs a body in braces: '(${name}) {' on the same or the next line.`, nameToken.range);
      return { kind: 'snippet', name, nameToken, body: [], range: nameToken.range };
    }
    const inner = body.tokens.slice(1, body.block.close ? -1 : undefined);
    const node: SnippetNode = { kind: 'snippet', name, nameToken, open: body.block.open, body: inner, range: { start: nameToken.range.start, end: body.block.range.end } };
    if (body.block.close) node.close = body.block.close;
    return node;
  }

  private reportTrailingComma(last: Token, beforeBrace: boolean): void {
    this.report(
      'syntax/trailing-comma',
      beforeBrace
        ? "A comma after the last address expects another address before '{'. Remove the comma."
        : 'The file ends after a comma that expects another address. Remove the comma or add the address.',
      last.range,
    );
  }

  private reportStrayBraces(keys: Token[]): void {
    for (const key of keys) {
      if (key.text === '}' && !key.quoted) {
        this.report('syntax/stray-close-brace', "This '}' closes nothing. CoreDNS reads it as a server address named '}'; remove it.", key.range, 'warning');
      }
    }
  }

  private reportUnclosedBlock(open: Token, statements: Statement[]): void {
    const last = statements[statements.length - 1];
    const lastToken = last?.kind === 'directive' ? last.tokens[last.tokens.length - 1] : undefined;
    if (last?.kind === 'directive' && lastToken?.text === '}' && last.blocks.every((b) => b.close)) {
      // CoreDNS checks only that the last token it read is a '}', which a plugin block's '}' satisfies.
      this.report(
        'syntax/unclosed-block-accepted',
        "This server block has no closing '}'. CoreDNS accepts the file only because it ends with a plugin block's '}'; add a '}' to close the server block.",
        open.range,
        'warning',
      );
      return;
    }
    this.report('syntax/unclosed-block', "This '{' is never closed: add a '}' at the end of the server block.", open.range);
  }

  private blockNode(keys: Token[], open: Token | undefined, statements: Statement[], close: Token | undefined, braceless: boolean): ServerBlockNode {
    const first = keys[0] ?? open!;
    const lastStatement = statements[statements.length - 1];
    const last = close ?? (lastStatement ? lastToken(lastStatement) : undefined) ?? open ?? keys[keys.length - 1]!;
    const node: ServerBlockNode = { kind: 'block', keys, braceless, statements, range: spanRange(first, last) };
    if (open) node.open = open;
    if (close) node.close = close;
    return node;
  }
}

function lastToken(statement: Statement): Token {
  if (statement.kind === 'import') return statement.args[statement.args.length - 1] ?? statement.keyword;
  return statement.tokens[statement.tokens.length - 1] ?? statement.name;
}

let grammar: CorefileGrammar | undefined;

/** The one parser instance: chevrotain parsers are costly to build and meant to be reused. */
export function corefileGrammar(): CorefileGrammar {
  grammar ??= new CorefileGrammar();
  return grammar;
}

export type { CorefileGrammar };
