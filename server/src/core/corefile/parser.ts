// The Corefile grammar, written with chevrotain. It follows the parser of CoreDNS's Caddyfile fork rule for
// rule (corefile-facts.md §(d)): keys on the first line with comma continuation, the block's `{` on the same
// or the next line, the brace-less single block, directives that end at the end of their line or at the end
// of a block opened on that line, snippets, and import statements. Where CoreDNS stops at the first error,
// this parser records the error and goes on, so the editor can show every problem at once.
import { EmbeddedActionsParser, type IOrAlt, type IToken, type OrMethodOpts, type TokenType } from 'chevrotain';
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
import { allTokenTypes, Import, LCurly, NL, payloadOf, RCurly, Word } from './grammar-tokens.js';
import { spanRange, type Token } from './token.js';

function payload(t: IToken): Token {
  return payloadOf(t)!;
}

function isType(t: IToken, type: TokenType): boolean {
  return t.tokenTypeIdx === type.tokenTypeIdx;
}

/** What an option block holds, in order, before it is split into lines: words, nested blocks, and line breaks (null). */
type BlockPiece = Token | ParsedBlock | null;

interface ParsedBlock {
  block: OptionBlock;
  /** Every token of the block, braces included, in order. */
  tokens: Token[];
}

function isParsedBlock(piece: Token | ParsedBlock): piece is ParsedBlock {
  return 'block' in piece;
}

const IMPORT_ONE_ARGUMENT = "'import' takes exactly one argument: a snippet name, a file or a glob pattern.";

// How the grammar is written, and why: chevrotain calls the functions given to MANY, OR and OPTION with the
// parser as `this`, so every one of them is a method, and every list of alternatives is built once, with the
// parser. A rule therefore allocates nothing for its grammar, only for the nodes it builds. What a rule
// collects while it runs (a block's keys, a directive's words) lives in fields of the parser; a rule sets
// them when it starts, and the one rule that can nest (optionBlock) restores its caller's after each nested
// block. Code that builds nodes runs only outside chevrotain's recording phase, where tokens are fakes.
class CorefileGrammar extends EmbeddedActionsParser {
  /** Errors found while parsing the current input. */
  problems: SyntaxError[] = [];

  // What the running rules collect (see above).
  private topItems: TopLevelItem[] = [];
  private statementList: Statement[] = [];
  private importArgs: Token[] = [];
  private keys: Token[] = [];
  private expectingAnotherKey = false;
  private blockOpen: IToken | undefined;
  private blockBody: Statement[] = [];
  private blockClose: IToken | undefined;
  private snippetBody: ParsedBlock | undefined;
  private braceless = false;
  private pieces: BlockPiece[] = [];
  private directiveTokens: Token[] = [];
  private directiveArgs: Token[] = [];
  private directiveBlocks: OptionBlock[] = [];

  // The alternatives of every OR, built once.
  private readonly topLevelAlts: OrMethodOpts<void> = {
    IGNORE_AMBIGUITIES: true,
    DEF: [{ ALT: this.lineBreak }, { ALT: this.topLevelImport }, { ALT: this.topLevelBlock }],
  };
  private readonly statementAlts: OrMethodOpts<void> = {
    IGNORE_AMBIGUITIES: true,
    DEF: [{ ALT: this.lineBreak }, { ALT: this.statementImport }, { ALT: this.statementDirective }],
  };
  private readonly importArgumentAlts: IOrAlt<IToken>[] = [{ ALT: this.importWord }, { ALT: this.importOpenBrace }, { ALT: this.importCloseBrace }];
  private readonly keyAlts: IOrAlt<IToken>[] = [{ ALT: this.keyWord }, { ALT: this.keyCloseBrace }];
  private readonly continuedKeyAlts: IOrAlt<IToken>[] = [{ ALT: this.continuedKeyWord }, { ALT: this.continuedKeyCloseBrace }];
  private readonly keyContinuation = { GATE: this.continuesKeys, DEF: this.keyContinuationLine };
  private readonly blockBodyAlts: OrMethodOpts<void> = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { GATE: this.braceAhead, ALT: this.bracedBody },
      { GATE: this.lineBreakAhead, ALT: this.bracelessBody },
      // The file ends right after the keys: a server with no plugins.
      { ALT: this.noBody },
    ],
  };
  private readonly bracedBodyAlts: OrMethodOpts<void> = {
    IGNORE_AMBIGUITIES: true,
    DEF: [{ GATE: this.isSnippet, ALT: this.snippetBlock }, { ALT: this.serverBody }],
  };
  private readonly optionPieceAlts: IOrAlt<void>[] = [{ ALT: this.optionLineBreak }, { ALT: this.optionWord }, { ALT: this.optionNestedBlock }];
  private readonly directiveNameAlts: IOrAlt<IToken>[] = [{ ALT: this.directiveNameWord }, { ALT: this.directiveNameBrace }];
  private readonly directivePieceAlts: IOrAlt<void>[] = [{ ALT: this.directiveWord }, { ALT: this.directiveBlock }];

  constructor() {
    // Recovery stays on as a safety net; the grammar is total (every token sequence has a parse), so it
    // never has to act, and a mistake here would then cost a partial tree rather than an empty one.
    super(allTokenTypes, { recoveryEnabled: true, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  private report(code: string, message: string, range: Range, severity: 'error' | 'warning' = 'error'): void {
    this.problems.push({ code, message, range, severity });
  }

  private lineBreak(): void {
    this.CONSUME(NL);
  }

  /** The whole file: server blocks, snippets and top-level imports, in order. */
  public corefile = this.RULE('corefile', (): TopLevelItem[] => {
    const items: TopLevelItem[] = [];
    this.topItems = items;
    this.MANY(this.topLevelItem);
    return items;
  });

  private topLevelItem(): void {
    this.OR(this.topLevelAlts);
  }

  private topLevelImport(): void {
    const node = this.SUBRULE(this.importStatement);
    if (!this.RECORDING_PHASE) this.topItems.push(node);
  }

  private topLevelBlock(): void {
    const node = this.SUBRULE(this.serverBlock);
    if (!this.RECORDING_PHASE && node) this.topItems.push(node);
  }

  /**
   * Statements of a block body, up to a '}' or the end of input (the '}' is left for the caller): a '}'
   * cannot start a statement, so the repetition stops there.
   */
  public statements = this.RULE('statements', (): Statement[] => {
    const list: Statement[] = [];
    this.statementList = list;
    this.MANY(this.statement);
    return list;
  });

  private statement(): void {
    this.OR(this.statementAlts);
  }

  private statementImport(): void {
    const node = this.SUBRULE(this.importStatement);
    if (!this.RECORDING_PHASE) this.statementList.push(node);
  }

  private statementDirective(): void {
    const node = this.SUBRULE(this.directive);
    if (!this.RECORDING_PHASE) this.statementList.push(node);
  }

  /** `import PATTERN`: every token to the end of the line is kept, so a wrong count can be pointed at. */
  private importStatement = this.RULE('importStatement', (): ImportNode => {
    const keyword = this.CONSUME(Import);
    const args: Token[] = [];
    this.importArgs = args;
    this.MANY(this.importArgument);
    if (this.RECORDING_PHASE) return undefined as unknown as ImportNode;
    return this.importNode(payload(keyword), args);
  });

  private importArgument(): void {
    const t = this.OR(this.importArgumentAlts);
    if (!this.RECORDING_PHASE) this.importArgs.push(payload(t));
  }

  private importWord(): IToken {
    return this.CONSUME2(Word);
  }

  private importOpenBrace(): IToken {
    return this.CONSUME(LCurly);
  }

  private importCloseBrace(): IToken {
    return this.CONSUME(RCurly);
  }

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
    const keys: Token[] = [];
    this.keys = keys;
    this.expectingAnotherKey = false;
    // Keys run to the end of their line; a key ending with a comma carries the list onto the next line.
    this.MANY(this.serverKey);
    this.MANY2(this.keyContinuation);
    this.blockOpen = undefined;
    this.blockBody = [];
    this.blockClose = undefined;
    this.snippetBody = undefined;
    this.braceless = false;
    this.OR2(this.blockBodyAlts);
    if (this.RECORDING_PHASE) return undefined;
    const open = this.blockOpen;
    const close = this.blockClose;
    const snippetBody = this.snippetBody;
    const braceless = this.braceless;
    const body = this.blockBody;
    if (this.expectingAnotherKey) this.reportTrailingComma(keys[keys.length - 1]!, open !== undefined || snippetBody !== undefined);
    const name = this.snippetName(keys);
    // With the file ending right after the keys, CoreDNS never checks for a snippet: it is a plain key.
    if (name !== undefined && (snippetBody || braceless)) return this.snippetNode(name, keys[0]!, snippetBody);
    if (!open && !braceless) this.reportStrayBraces(keys);
    if (keys.length === 0 && !open) return undefined;
    const openToken = open ? payload(open) : undefined;
    const closeToken = close ? payload(close) : undefined;
    if (openToken && !closeToken) this.reportUnclosedBlock(openToken, body);
    return this.blockNode(keys, openToken, body, closeToken, braceless);
  });

  private serverKey(): void {
    this.keepKey(this.OR(this.keyAlts));
  }

  private keyWord(): IToken {
    return this.CONSUME(Word);
  }

  private keyCloseBrace(): IToken {
    return this.CONSUME(RCurly);
  }

  private keepKey(k: IToken): void {
    if (this.RECORDING_PHASE) return;
    const key = payload(k);
    this.keys.push(key);
    this.expectingAnotherKey = key.text.endsWith(',');
  }

  private continuesKeys(): boolean {
    return this.expectingAnotherKey && isType(this.LA(1), NL);
  }

  private keyContinuationLine(): void {
    this.CONSUME(NL);
    this.MANY3(this.continuedKey);
  }

  private continuedKey(): void {
    this.keepKey(this.OR4(this.continuedKeyAlts));
  }

  private continuedKeyWord(): IToken {
    return this.CONSUME2(Word);
  }

  private continuedKeyCloseBrace(): IToken {
    return this.CONSUME2(RCurly);
  }

  private braceAhead(): boolean {
    return isType(this.LA(1), LCurly) || (isType(this.LA(1), NL) && isType(this.LA(2), LCurly));
  }

  private lineBreakAhead(): boolean {
    return isType(this.LA(1), NL);
  }

  private bracedBody(): void {
    this.OPTION(this.braceOnNextLine);
    this.OR3(this.bracedBodyAlts);
  }

  private braceOnNextLine(): void {
    this.CONSUME2(NL);
  }

  private isSnippet(): boolean {
    return this.snippetName(this.keys) !== undefined;
  }

  private snippetBlock(): void {
    const body = this.SUBRULE(this.optionBlock);
    if (!this.RECORDING_PHASE) this.snippetBody = body;
  }

  private serverBody(): void {
    const open = this.CONSUME(LCurly);
    const body = this.SUBRULE(this.statements);
    const close = this.OPTION2(this.serverBlockClose);
    if (this.RECORDING_PHASE) return;
    this.blockOpen = open;
    this.blockBody = body;
    this.blockClose = close;
  }

  private serverBlockClose(): IToken {
    return this.CONSUME3(RCurly);
  }

  /** No brace: CoreDNS reads everything up to the end of the file (or a lone '}') as directives. */
  private bracelessBody(): void {
    this.CONSUME3(NL);
    const body = this.SUBRULE2(this.statements);
    this.OPTION3(this.bracelessClose);
    if (this.RECORDING_PHASE) return;
    this.braceless = true;
    this.blockBody = body;
  }

  private bracelessClose(): void {
    this.CONSUME4(RCurly);
  }

  private noBody(): void {
    // Nothing to read: the keys were the last thing in the file.
  }

  /** A `{ ... }` block opened on a directive's or option's line, nested blocks included. */
  private optionBlock = this.RULE('optionBlock', (): ParsedBlock => {
    const open = this.CONSUME(LCurly);
    const pieces: BlockPiece[] = [];
    this.pieces = pieces;
    this.MANY(this.optionPiece);
    const close = this.OPTION(this.optionBlockClose);
    if (this.RECORDING_PHASE) return undefined as unknown as ParsedBlock;
    return this.buildOptionBlock(payload(open), pieces, close ? payload(close) : undefined);
  });

  private optionPiece(): void {
    this.OR(this.optionPieceAlts);
  }

  private optionLineBreak(): void {
    this.CONSUME(NL);
    if (!this.RECORDING_PHASE) this.pieces.push(null);
  }

  private optionWord(): void {
    const w = this.CONSUME(Word);
    if (!this.RECORDING_PHASE) this.pieces.push(payload(w));
  }

  private optionNestedBlock(): void {
    const pieces = this.pieces;
    const inner = this.SUBRULE(this.optionBlock);
    // The nested block collected into its own list; this block's list is current again.
    this.pieces = pieces;
    if (!this.RECORDING_PHASE && inner) pieces.push(inner);
  }

  private optionBlockClose(): IToken {
    return this.CONSUME(RCurly);
  }

  /** A directive: its name, the words on its line and the blocks opened on that line. */
  private directive = this.RULE('directive', (): DirectiveNode => {
    // A '{' where a directive should start is read as a directive named '{', which CoreDNS rejects as unknown.
    const name = this.OR(this.directiveNameAlts);
    // Every token after the name, braces included; the words before the first block; the blocks.
    const tokens: Token[] = [];
    const args: Token[] = [];
    const blocks: OptionBlock[] = [];
    this.directiveTokens = tokens;
    this.directiveArgs = args;
    this.directiveBlocks = blocks;
    this.MANY(this.directivePiece);
    if (this.RECORDING_PHASE) return undefined as unknown as DirectiveNode;
    const nameToken = payload(name);
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

  private directiveNameWord(): IToken {
    return this.CONSUME(Word);
  }

  private directiveNameBrace(): IToken {
    return this.CONSUME(LCurly);
  }

  private directivePiece(): void {
    this.OR2(this.directivePieceAlts);
  }

  private directiveWord(): void {
    const w = this.CONSUME2(Word);
    if (this.RECORDING_PHASE) return;
    const token = payload(w);
    if (!token) return;
    this.directiveTokens.push(token);
    if (this.directiveBlocks.length === 0) this.directiveArgs.push(token);
  }

  private directiveBlock(): void {
    const parsed = this.SUBRULE(this.optionBlock);
    if (this.RECORDING_PHASE || !parsed) return;
    const tokens = this.directiveTokens;
    for (let i = 0; i < parsed.tokens.length; i++) tokens.push(parsed.tokens[i]!);
    this.directiveBlocks.push(parsed.block);
  }

  private buildOptionBlock(open: Token, pieces: BlockPiece[], close: Token | undefined): ParsedBlock {
    const tokens: Token[] = [open];
    const lines: Array<OptionLine | ImportNode> = [];
    let current: OptionLine | undefined;
    let importLine: { keyword: Token; args: Token[] } | undefined;
    for (let index = 0; index < pieces.length; index++) {
      const piece = pieces[index]!;
      if (piece === null) {
        // The line ends.
        if (importLine) lines.push(this.importNode(importLine.keyword, importLine.args));
        importLine = undefined;
        current = undefined;
        continue;
      }
      if (!isParsedBlock(piece)) {
        tokens.push(piece);
        if (importLine) importLine.args.push(piece);
        else if (current) {
          current.args.push(piece);
          current.range = spanRange(current.name, piece);
        } else if (piece.text === 'import' && index > 0 && pieces[index - 1] === null) {
          // CoreDNS expands `import` inside an option block only when it starts a line (not right after '{').
          importLine = { keyword: piece, args: [] };
        } else {
          current = { kind: 'option', name: piece, args: [], blocks: [], range: piece.range };
          lines.push(current);
        }
        continue;
      }
      for (let i = 0; i < piece.tokens.length; i++) tokens.push(piece.tokens[i]!);
      if (current) {
        current.blocks.push(piece.block);
        current.range = { start: current.range.start, end: piece.block.range.end };
      } else {
        // A block with no option name before it: keep it as a line named by its own brace.
        current = { kind: 'option', name: piece.block.open, args: [], blocks: [piece.block], range: piece.block.range };
        lines.push(current);
      }
    }
    if (importLine) lines.push(this.importNode(importLine.keyword, importLine.args));
    if (close) tokens.push(close);
    else this.report('syntax/unclosed-option-block', "This '{' is never closed: add a '}'.", open.range);
    const block: OptionBlock = { open, lines, range: spanRange(open, close ?? tokens[tokens.length - 1]!) };
    if (close) block.close = close;
    return { block, tokens };
  }

  /** The snippet's name when the keys are one `(name)`; empty keys (a quoted "") do not count. */
  private snippetName(keys: readonly Token[]): string | undefined {
    let text: string | undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!.text;
      if (key === '') continue;
      if (text !== undefined) return undefined;
      text = key;
    }
    if (text === undefined) return undefined;
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
