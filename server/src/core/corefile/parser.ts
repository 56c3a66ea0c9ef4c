// The Corefile grammar, written with chevrotain. It follows the parser of CoreDNS's Caddyfile fork rule for
// rule (corefile-facts.md §(d)): keys on the first line with comma continuation, the block's `{` on the same
// or the next line, the brace-less single block, directives that end at the end of their line or at the end
// of a block opened on that line, snippets, and import statements. Where CoreDNS stops at the first error,
// this parser records the error and goes on, so the editor can show every problem at once.
import { EmbeddedActionsParser, type IOrAlt, type IToken, type OrMethodOpts, type TokenType } from 'chevrotain';
import type { DirectiveNode, ImportNode, OptionBlock, Statement, SyntaxError, TopLevelItem } from './ast.js';
import { grammarMessages } from './grammar-messages.js';
import * as grammarTokens from './grammar-tokens.js';
import type { Token } from './token.js';
import { NO_BLOCKS, TreeBuilder } from './tree-builder.js';

// Local references to what is used on every token: run as CommonJS (as tsx runs the tests and the benchmark),
// each use of an imported binding is a call through the exporting module's getters.
const { allTokenTypes, Import, LCurly, NL, payloadOf, RCurly, Word } = grammarTokens;

// The token types by index, for the repetitions chosen by hand (see CorefileGrammar.byHand).
const WORD = Word.tokenTypeIdx!;
const IMPORT = Import.tokenTypeIdx!;
const LCURLY = LCurly.tokenTypeIdx!;
const LINE_BREAK = NL.tokenTypeIdx!;

function payload(t: IToken): Token {
  return payloadOf(t)!;
}

function isType(t: IToken, type: TokenType): boolean {
  return t.tokenTypeIdx === type.tokenTypeIdx;
}

// How the grammar is written, and why: chevrotain calls the functions given to MANY, OR and OPTION with the
// parser as `this`, so every one of them is a method, and every list of alternatives is built once, with the
// parser. A rule therefore allocates nothing for its grammar, only for the nodes it builds. What a rule
// collects while it runs goes into the builder's buffers (a rule notes where its part starts and takes it
// when it ends), or into fields of the parser for the rules that never nest. Code that builds nodes runs
// only outside chevrotain's recording phase, where tokens are fakes.
class CorefileGrammar extends EmbeddedActionsParser {
  readonly builder = new TreeBuilder();

  /** Errors found while parsing the current input. */
  get problems(): SyntaxError[] {
    return this.builder.problems;
  }

  // What the rules that never nest collect while they run.
  private topItems: TopLevelItem[] = [];
  private importArgs: Token[] = [];
  /** Where the keys of the server block being read start in the builder's buffer. */
  private keysFrom = 0;
  private expectingAnotherKey = false;
  private blockOpen: IToken | undefined;
  /** The statements of the server block being read; undefined until a body is read. */
  private blockBody: Statement[] | undefined;
  private blockClose: IToken | undefined;
  private snippetBody: OptionBlock | undefined;
  private snippetTokens: Token[] = [];
  private braceless = false;
  private directiveArgCount = 0;

  /**
   * Whether the hottest repetitions and options (a block's statements, a directive's words and blocks, an
   * option block's pieces) choose by hand rather than through MANY, OR and OPTION. Each is an LL(1) choice on
   * the next token's type, which chevrotain makes through its lookahead cache, a lookahead function, a
   * repetition step, and at the end a search for a point to resynchronise at, every time: for the words of a
   * large Corefile that is a large part of the parse. The hand-made choice is the same one (it reads the type
   * the lookahead function reads and calls the same alternatives), and the DSL calls still run while
   * chevrotain records the grammar. What it leaves out is that search, which in a whole document never
   * changes the parse: there each of these repetitions ends at '{', '}', a line break or the end of the input,
   * and the rules around it go on with every one of those. A token list read on its own can end early at a
   * '}' that no '{' opened, where recovery does resynchronise, so its parser keeps the DSL's repetitions.
   */
  private readonly byHand: boolean;

  // The alternatives of every OR, built once.
  private readonly topLevelAlts: OrMethodOpts<void> = {
    IGNORE_AMBIGUITIES: true,
    DEF: [{ ALT: this.lineBreak }, { ALT: this.topLevelImport }, { ALT: this.topLevelBlock }],
  };
  private readonly statementAlts: OrMethodOpts<void> = {
    IGNORE_AMBIGUITIES: true,
    // A directive's name decides its alternative here, so that no second choice is made for the name.
    DEF: [{ ALT: this.lineBreak }, { ALT: this.statementImport }, { ALT: this.wordNamedDirective }, { ALT: this.braceNamedStatement }],
  };
  private readonly importArgumentAlts: IOrAlt<IToken>[] = [{ ALT: this.importWord }, { ALT: this.importOpenBrace }, { ALT: this.importCloseBrace }];
  private readonly keyAlts: IOrAlt<IToken>[] = [{ ALT: this.keyWord }, { ALT: this.keyCloseBrace }];
  private readonly continuedKeyAlts: IOrAlt<IToken>[] = [{ ALT: this.continuedKeyWord }, { ALT: this.continuedKeyCloseBrace }];
  private readonly keyContinuation = { GATE: this.continuesKeys, DEF: this.keyContinuationLine };
  // Chosen by the next two tokens: '{', or a line break then '{', opens a braced body; any other line break
  // starts a brace-less one (the first alternative wins where both fit). Two tokens of lookahead cost chevrotain
  // a few comparisons, where gates would cost it a list of the gates and calls to them on every server block.
  private readonly blockBodyAlts: OrMethodOpts<void> = {
    IGNORE_AMBIGUITIES: true,
    MAX_LOOKAHEAD: 2,
    DEF: [
      { ALT: this.bracedBody },
      { ALT: this.bracelessBody },
      // The file ends right after the keys: a server with no plugins.
      { ALT: this.noBody },
    ],
  };
  private readonly bracedBodyAlts: OrMethodOpts<void> = {
    IGNORE_AMBIGUITIES: true,
    DEF: [{ GATE: this.isSnippet, ALT: this.snippetBlock }, { ALT: this.serverBody }],
  };
  private readonly afterBlockAlts: IOrAlt<void>[] = [{ ALT: this.directiveWordAfterBlock }, { ALT: this.directiveLaterBlock }];
  private readonly optionPieceAlts: IOrAlt<void>[] = [{ ALT: this.optionLineBreak }, { ALT: this.optionWord }, { ALT: this.optionNestedBlock }];

  constructor(byHand: boolean) {
    // Recovery stays on: the grammar is total (every token sequence has a parse), so within a document it
    // never has to act, and a mistake here would then cost a partial tree rather than an empty one. A list of
    // statements read on its own (an imported file) is ended early by a '}', and there recovery reports the
    // brace and reads on after it.
    super(allTokenTypes, { recoveryEnabled: true, maxLookahead: 1, errorMessageProvider: grammarMessages });
    this.byHand = byHand;
    this.performSelfAnalysis();
  }

  /**
   * Lets go of the last input and of what was built from it: the parser is shared, and would otherwise keep
   * the last document's tokens and nodes alive until the next parse.
   */
  release(): void {
    this.input = [];
    this.topItems = [];
    this.importArgs = [];
    this.blockOpen = undefined;
    this.blockBody = undefined;
    this.blockClose = undefined;
    this.snippetBody = undefined;
    this.snippetTokens = [];
    this.builder.finish();
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
    const from = this.builder.statements.length;
    if (this.byHand && !this.RECORDING_PHASE) while (this.statementByHand());
    else this.MANY(this.statement);
    return this.builder.statements.take(from);
  });

  private statement(): void {
    this.OR(this.statementAlts);
  }

  /** One statement as `statementAlts` chooses it (`import` is a Word too, and its own alternative comes first); false at a '}' or the end. */
  private statementByHand(): boolean {
    const type = this.LA(1).tokenTypeIdx;
    if (type === LINE_BREAK) this.lineBreak();
    else if (type === IMPORT) this.statementImport();
    else if (type === WORD) this.wordNamedDirective();
    else if (type === LCURLY) this.braceNamedStatement();
    else return false;
    return true;
  }

  private statementImport(): void {
    const node = this.SUBRULE(this.importStatement);
    if (!this.RECORDING_PHASE) this.builder.statements.push(node);
  }

  private wordNamedDirective(): void {
    const node = this.directive(this.CONSUME(Word));
    if (!this.RECORDING_PHASE) this.builder.statements.push(node);
  }

  private braceNamedStatement(): void {
    const node = this.SUBRULE(this.braceNamedDirective);
    if (!this.RECORDING_PHASE && node) this.builder.statements.push(node);
  }

  /**
   * A '{' where a directive should start is read as a directive named '{', which CoreDNS rejects as unknown.
   * It is a rule of its own, so that it can share the productions of `directive` with the statements rule;
   * only damaged files take this path.
   */
  private braceNamedDirective = this.RULE('braceNamedDirective', (): DirectiveNode => this.directive(this.CONSUME(LCurly)));

  /** `import PATTERN`: every token to the end of the line is kept, so a wrong count can be pointed at. */
  private importStatement = this.RULE('importStatement', (): ImportNode => {
    const keyword = this.CONSUME(Import);
    const args: Token[] = [];
    this.importArgs = args;
    this.MANY(this.importArgument);
    if (this.RECORDING_PHASE) return undefined as unknown as ImportNode;
    return this.builder.importNode(payload(keyword), args);
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

  /** Keys, then a braced body, a brace-less body, a snippet body, or nothing at the end of the file. */
  private serverBlock = this.RULE('serverBlock', (): TopLevelItem | undefined => {
    const b = this.builder;
    const keysFrom = b.keys.length;
    this.keysFrom = keysFrom;
    this.expectingAnotherKey = false;
    // Keys run to the end of their line; a key ending with a comma carries the list onto the next line.
    this.MANY(this.serverKey);
    // Skipping the continuation unless the last key ends with a comma is what its gate would decide, minus
    // the closure chevrotain makes for a gated repetition on every server block (the recording phase still
    // records it, for the grammar's analysis).
    if (this.expectingAnotherKey || this.RECORDING_PHASE) this.MANY2(this.keyContinuation);
    this.blockOpen = undefined;
    this.blockBody = undefined;
    this.blockClose = undefined;
    this.snippetBody = undefined;
    this.braceless = false;
    this.OR2(this.blockBodyAlts);
    if (this.RECORDING_PHASE) return undefined;
    const name = b.snippetName(keysFrom);
    const keys = b.keys.take(keysFrom);
    const open = this.blockOpen;
    const close = this.blockClose;
    const snippetBody = this.snippetBody;
    const braceless = this.braceless;
    // A block without a body gets an empty list of its own: `statements` is a mutable list in the tree's types.
    const body = this.blockBody ?? [];
    if (this.expectingAnotherKey) b.reportTrailingComma(keys[keys.length - 1]!, open !== undefined || snippetBody !== undefined);
    // With the file ending right after the keys, CoreDNS never checks for a snippet: it is a plain key.
    if (name !== undefined && (snippetBody || braceless)) return b.snippetNode(name, keys[0]!, snippetBody, this.snippetTokens);
    if (!open && !braceless) b.reportStrayBraces(keys);
    if (keys.length === 0 && !open) return undefined;
    const openToken = open ? payload(open) : undefined;
    const closeToken = close ? payload(close) : undefined;
    if (openToken && !closeToken) b.reportUnclosedBlock(openToken, body);
    return b.blockNode(keys, openToken, body, closeToken, braceless);
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
    this.builder.keys.push(key);
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

  private bracedBody(): void {
    this.OPTION(this.braceOnNextLine);
    this.OR3(this.bracedBodyAlts);
  }

  private braceOnNextLine(): void {
    this.CONSUME2(NL);
  }

  /** The keys read so far are one `(name)`. */
  private isSnippet(): boolean {
    return this.builder.snippetName(this.keysFrom) !== undefined;
  }

  private snippetBlock(): void {
    const tokensFrom = this.builder.tokens.length;
    const body = this.SUBRULE(this.optionBlock);
    if (this.RECORDING_PHASE) return;
    // The block's tokens, braces included, are the last ones collected.
    this.snippetTokens = this.builder.tokens.take(tokensFrom);
    this.snippetBody = body;
  }

  private serverBody(): void {
    const open = this.CONSUME(LCurly);
    const body = this.SUBRULE(this.statements);
    const close = this.OPTION2(this.serverBlockClose);
    // The line break after the closing brace is taken here, where it costs an option, rather than by another
    // round of the top level's repetition and choice.
    this.OPTION4(this.lineBreakAfterBlock);
    if (this.RECORDING_PHASE) return;
    this.blockOpen = open;
    this.blockBody = body;
    this.blockClose = close;
  }

  private serverBlockClose(): IToken {
    return this.CONSUME3(RCurly);
  }

  private lineBreakAfterBlock(): void {
    this.CONSUME4(NL);
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
  private optionBlock = this.RULE('optionBlock', (): OptionBlock => {
    const open = this.CONSUME(LCurly);
    const b = this.builder;
    const from = b.pieces.length;
    if (!this.RECORDING_PHASE) b.tokens.push(payload(open));
    if (this.byHand && !this.RECORDING_PHASE) while (this.optionPieceByHand());
    else this.MANY(this.optionPiece);
    const close = this.OPTION(this.optionBlockClose);
    if (this.RECORDING_PHASE) return undefined as unknown as OptionBlock;
    const block = b.optionBlock(payload(open), from, close ? payload(close) : undefined);
    b.pieces.truncate(from);
    return block;
  });

  private optionPiece(): void {
    this.OR(this.optionPieceAlts);
  }

  /** One piece as `optionPieceAlts` chooses it; false at a '}' or the end. */
  private optionPieceByHand(): boolean {
    const type = this.LA(1).tokenTypeIdx;
    if (type === LINE_BREAK) this.optionLineBreak();
    else if (type === WORD || type === IMPORT) this.optionWord();
    else if (type === LCURLY) this.optionNestedBlock();
    else return false;
    return true;
  }

  private optionLineBreak(): void {
    this.CONSUME(NL);
    if (!this.RECORDING_PHASE) this.builder.pieces.push(null);
  }

  private optionWord(): void {
    const w = this.CONSUME(Word);
    if (this.RECORDING_PHASE) return;
    const token = payload(w);
    this.builder.pieces.push(token);
    this.builder.tokens.push(token);
  }

  private optionNestedBlock(): void {
    const b = this.builder;
    const piecesFrom = b.pieces.length;
    const tokensFrom = b.tokens.length;
    const inner = this.SUBRULE(this.optionBlock);
    if (this.RECORDING_PHASE) return;
    // The nested block has taken its own pieces; a block that failed leaves neither pieces nor tokens.
    b.pieces.truncate(piecesFrom);
    if (inner) b.pieces.push(inner);
    else b.tokens.truncate(tokensFrom);
  }

  private optionBlockClose(): IToken {
    const close = this.CONSUME(RCurly);
    if (!this.RECORDING_PHASE) this.builder.tokens.push(payload(close));
    return close;
  }

  /**
   * A directive after its name: the words on its line and the blocks opened on that line, then the line break
   * that ends it. It is part of the `statements` rule rather than a rule of its own: a rule invocation costs
   * chevrotain a try/finally frame, its stack bookkeeping and a list for the arguments, and a large Corefile
   * has tens of thousands of directives. Its productions are numbered so as not to clash with the other
   * productions of `statements` (MANY2, MANY4, OPTION4, OPTION5, OR2, CONSUME2, CONSUME3, SUBRULE2). Its line
   * is read as its words up to the first block, then that block and the words and blocks after it: the same
   * tokens as "words or blocks, in any order", with no choice to make for each word before the first block
   * (most of a Corefile's words are directive arguments, and a choice costs chevrotain more than a repetition).
   */
  private directive(nameToken: IToken): DirectiveNode {
    const b = this.builder;
    const tokensFrom = b.tokens.length;
    const blocksFrom = b.directiveBlocks.length;
    // The directive's tokens start with its name, as the plugin's dispenser does.
    const byHand = this.byHand && !this.RECORDING_PHASE;
    if (!this.RECORDING_PHASE) b.tokens.push(payload(nameToken));
    if (byHand) {
      for (let type = this.LA(1).tokenTypeIdx; type === WORD || type === IMPORT; type = this.LA(1).tokenTypeIdx) this.directiveWord();
    } else {
      this.MANY2(this.directiveWord);
    }
    this.directiveArgCount = b.tokens.length - tokensFrom - 1;
    // Most directives open no block: an option answers that from its lookahead alone, where a repetition
    // would first set up chevrotain's bookkeeping for one.
    if (!byHand) this.OPTION4(this.directiveBlocks);
    else if (this.LA(1).tokenTypeIdx === LCURLY) this.directiveBlocks();
    // A '}' right after the directive, on its line (see directiveNode).
    const next = this.LA(1);
    // The line break that ends the directive is taken here, where it costs an option, rather than by another
    // round of the statements' repetition and choice.
    if (!byHand) this.OPTION5(this.directiveLineBreak);
    else if (next.tokenTypeIdx === LINE_BREAK) this.directiveLineBreak();
    if (this.RECORDING_PHASE) return undefined as unknown as DirectiveNode;
    // Every token, the name first and braces included; the blocks.
    const tokens = b.tokens.take(tokensFrom);
    const blocks = b.directiveBlocks.length > blocksFrom ? b.directiveBlocks.take(blocksFrom) : NO_BLOCKS;
    return b.directiveNode(tokens, this.directiveArgCount, blocks, isType(next, RCurly) ? payload(next) : undefined);
  }

  private directiveLineBreak(): void {
    this.CONSUME2(NL);
  }

  private directiveWord(): void {
    this.keepDirectiveWord(this.CONSUME2(Word));
  }

  /** The first block on a directive's line, then the words and further blocks after it, in any order. */
  private directiveBlocks(): void {
    const tokensFrom = this.builder.tokens.length;
    this.keepDirectiveBlock(this.SUBRULE(this.optionBlock), tokensFrom);
    this.MANY4(this.directivePieceAfterBlock);
  }

  private directivePieceAfterBlock(): void {
    this.OR2(this.afterBlockAlts);
  }

  private directiveWordAfterBlock(): void {
    this.keepDirectiveWord(this.CONSUME3(Word));
  }

  private directiveLaterBlock(): void {
    const tokensFrom = this.builder.tokens.length;
    this.keepDirectiveBlock(this.SUBRULE2(this.optionBlock), tokensFrom);
  }

  private keepDirectiveWord(w: IToken): void {
    if (this.RECORDING_PHASE) return;
    const token = payloadOf(w);
    if (token) this.builder.tokens.push(token);
  }

  /** Keeps a block the directive's line opened; a block that failed leaves no tokens (see optionNestedBlock). */
  private keepDirectiveBlock(block: OptionBlock | undefined, tokensFrom: number): void {
    if (this.RECORDING_PHASE) return;
    if (block) this.builder.directiveBlocks.push(block);
    else this.builder.tokens.truncate(tokensFrom);
  }
}

let documentParser: CorefileGrammar | undefined;
let tokenListParser: CorefileGrammar | undefined;

/** The parser for a whole document, whose hottest repetitions choose by hand (see CorefileGrammar.byHand). */
export function documentGrammar(): CorefileGrammar {
  documentParser ??= new CorefileGrammar(true);
  return documentParser;
}

/**
 * The parser for a token list read on its own (an imported file or snippet), with every repetition through
 * chevrotain's DSL (see CorefileGrammar.byHand). chevrotain parsers are costly to build and meant to be
 * reused, so each kind is built once, when first needed.
 */
export function tokenListGrammar(): CorefileGrammar {
  tokenListParser ??= new CorefileGrammar(false);
  return tokenListParser;
}

export type { CorefileGrammar };
