// Builds the syntax tree's nodes for the grammar (parser.ts) and records the syntax problems found while
// doing so. The grammar decides what the tokens are; this module decides what the nodes look like. It
// also owns the buffers the grammar's rules collect into (see collector.ts), so that every list in the
// tree is allocated once, at its final size.
import type { Range } from '../types.js';
import type { DirectiveNode, ImportNode, OptionBlock, OptionLine, ServerBlockNode, SnippetNode, Statement, SyntaxError } from './ast.js';
import { Collector } from './collector.js';
import * as tokenHelpers from './token.js';
import type { Token } from './token.js';

// A local reference to what is used for every node: run as CommonJS (as tsx runs the tests and the
// benchmark), each use of an imported binding is a call through the exporting module's getters.
const { spanRange, tokenRange } = tokenHelpers;

/** What an open option block holds, in order: words, nested blocks, and line breaks (null). */
export type BlockPiece = Token | OptionBlock | null;

function isToken(piece: Token | OptionBlock): piece is Token {
  return typeof (piece as Partial<Token>).text === 'string';
}

/**
 * The last item of a list, or undefined for an empty one. Reading index -1 of an empty array is a lookup of a
 * missing property, which V8 answers on its slow path (through the prototype chain), and most directives have
 * no blocks and many no arguments.
 */
function lastOf<T>(items: readonly T[]): T | undefined {
  return items.length > 0 ? items[items.length - 1] : undefined;
}

const IMPORT_ONE_ARGUMENT = "'import' takes exactly one argument: a snippet name, a file or a glob pattern.";

/**
 * The one empty list of tokens and of blocks, shared by every node that has none (most directives have no
 * block, many no argument, most option lines no block). The node fields that hold them are readonly, so the
 * compiler keeps anything from changing them. (Plain arrays, not frozen ones: see collector.ts.)
 */
export const NO_TOKENS: readonly Token[] = [];
export const NO_BLOCKS: readonly OptionBlock[] = [];

export class TreeBuilder {
  /** Problems found while building the nodes of the current input. */
  problems: SyntaxError[] = [];
  /** Every token of the directive (or snippet) being read, braces of its blocks included, in order. */
  readonly tokens = new Collector<Token>();
  /** What the open option blocks hold, innermost last. */
  readonly pieces = new Collector<BlockPiece>();
  /** The keys of the server block being read. */
  readonly keys = new Collector<Token>();
  /** The statements of the block body being read. */
  readonly statements = new Collector<Statement>();
  /** The blocks of the directive being read. */
  readonly directiveBlocks = new Collector<OptionBlock>();
  private readonly lines = new Collector<OptionLine | ImportNode>();
  private readonly lineArgs = new Collector<Token>();
  private readonly lineBlocks = new Collector<OptionBlock>();

  /** Starts a new input. */
  begin(): void {
    this.problems = [];
  }

  /** Lets go of everything the last input left behind. */
  finish(): void {
    this.problems = [];
    this.tokens.reset();
    this.pieces.reset();
    this.keys.reset();
    this.statements.reset();
    this.directiveBlocks.reset();
    this.lines.reset();
    this.lineArgs.reset();
    this.lineBlocks.reset();
  }

  report(code: string, message: string, range: Range, severity: 'error' | 'warning' = 'error'): void {
    this.problems.push({ code, message, range, severity });
  }

  importNode(keyword: Token, args: Token[]): ImportNode {
    const last = lastOf(args) ?? keyword;
    if (args.length === 0) {
      this.report('syntax/import-argument', IMPORT_ONE_ARGUMENT, tokenRange(keyword));
    } else if (args.length > 1) {
      this.report('syntax/import-argument', `${IMPORT_ONE_ARGUMENT} Put each import on its own line.`, spanRange(args[1]!, last));
    } else if (args[0]!.text === '') {
      this.report('syntax/import-argument', "'import' needs a non-empty file path or snippet name.", tokenRange(args[0]!));
    }
    return { kind: 'import', keyword, args };
  }

  /**
   * The node of an option block whose pieces start at `from` in `pieces`, split into its lines. Its tokens
   * are the last ones in `tokens` (the closing brace last, when there is one).
   */
  optionBlock(open: Token, from: number, close: Token | undefined): OptionBlock {
    const pieces = this.pieces;
    const to = pieces.length;
    const linesFrom = this.lines.length;
    // The line being read: its name and where its lists start in the buffers. Its node is made once the line
    // is complete, with every field final.
    let name: Token | undefined;
    let argsFrom = 0;
    let blocksFrom = 0;
    let importLine: { keyword: Token; args: Token[] } | undefined;
    for (let index = from; index < to; index++) {
      const piece = pieces.at(index);
      if (piece === null) {
        // The line ends. A block on an import's line starts an option line of its own, which goes before the
        // import: the import line is complete only at its end.
        if (name) this.lines.push(this.optionLine(name, argsFrom, blocksFrom));
        name = undefined;
        if (importLine) this.lines.push(this.importNode(importLine.keyword, importLine.args));
        importLine = undefined;
        continue;
      }
      if (isToken(piece)) {
        if (importLine) importLine.args.push(piece);
        else if (name) this.lineArgs.push(piece);
        else if (piece.text === 'import' && index > from && pieces.at(index - 1) === null) {
          // CoreDNS expands `import` inside an option block only when it starts a line (not right after '{').
          importLine = { keyword: piece, args: [] };
        } else {
          name = piece;
          argsFrom = this.lineArgs.length;
          blocksFrom = this.lineBlocks.length;
        }
        continue;
      }
      if (!name) {
        // A block with no option name before it: keep it as a line named by its own brace.
        name = piece.open;
        argsFrom = this.lineArgs.length;
        blocksFrom = this.lineBlocks.length;
      }
      this.lineBlocks.push(piece);
    }
    if (name) this.lines.push(this.optionLine(name, argsFrom, blocksFrom));
    if (importLine) this.lines.push(this.importNode(importLine.keyword, importLine.args));
    if (!close) this.report('syntax/unclosed-option-block', "This '{' is never closed: add a '}'.", tokenRange(open));
    const lines = this.lines.take(linesFrom);
    // Each shape in one literal: a property added afterwards would give every closed block a second allocation
    // (V8 keeps only a literal's own properties inside the object).
    return close ? { open, close, lines } : { open, lines };
  }

  /** A finished option line: its name and lists. */
  private optionLine(name: Token, argsFrom: number, blocksFrom: number): OptionLine {
    const args = this.lineArgs.length > argsFrom ? this.lineArgs.take(argsFrom) : NO_TOKENS;
    const blocks = this.lineBlocks.length > blocksFrom ? this.lineBlocks.take(blocksFrom) : NO_BLOCKS;
    return { kind: 'option', name, args, blocks };
  }

  /** A directive of `tokens`, its name first; `closeBrace` is a '}' right after it on its line. */
  directiveNode(tokens: readonly Token[], argCount: number, blocks: readonly OptionBlock[], closeBrace: Token | undefined): DirectiveNode {
    if (closeBrace) {
      // CoreDNS: "Unexpected '}' because no matching opening brace". The brace still ends the server
      // block here so that the rest of the file is read the way the user meant it.
      this.report(
        'syntax/unexpected-close-brace',
        "A '}' cannot end a directive's line: this one has no matching '{' on the line. Put the '}' that closes the server block on a line of its own.",
        tokenRange(closeBrace),
      );
    }
    return { kind: 'directive', name: tokens[0]!, argCount, blocks, tokens };
  }

  /** The snippet's name when the keys (from `from` in `keys`) are one `(name)`; empty keys (a quoted "") do not count. */
  snippetName(from = 0): string | undefined {
    let text: string | undefined;
    for (let i = from; i < this.keys.length; i++) {
      const key = this.keys.at(i).text;
      if (key === '') continue;
      if (text !== undefined) return undefined;
      text = key;
    }
    if (text === undefined) return undefined;
    return text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1) : undefined;
  }

  /** A snippet; `tokens` are its block's, braces included. */
  snippetNode(name: string, nameToken: Token, body: OptionBlock | undefined, tokens: Token[]): SnippetNode {
    if (!body) {
      this.report('syntax/snippet-needs-brace', `The snippet '(${name})' needs a body in braces: '(${name}) {' on the same or the next line.`, tokenRange(nameToken));
      return { kind: 'snippet', name, nameToken, body: [] };
    }
    const inner = tokens.slice(1, body.close ? -1 : undefined);
    // One literal per shape, as for option blocks (the closing brace last, where it has always been).
    return body.close
      ? { kind: 'snippet', name, nameToken, open: body.open, body: inner, close: body.close }
      : { kind: 'snippet', name, nameToken, open: body.open, body: inner };
  }

  reportTrailingComma(last: Token, beforeBrace: boolean): void {
    this.report(
      'syntax/trailing-comma',
      beforeBrace
        ? "A comma after the last address expects another address before '{'. Remove the comma."
        : 'The file ends after a comma that expects another address. Remove the comma or add the address.',
      tokenRange(last),
    );
  }

  reportStrayBraces(keys: Token[]): void {
    for (const key of keys) {
      if (key.text === '}' && !key.quoted) {
        this.report('syntax/stray-close-brace', "This '}' closes nothing. CoreDNS reads it as a server address named '}'; remove it.", tokenRange(key), 'warning');
      }
    }
  }

  reportUnclosedBlock(open: Token, statements: Statement[]): void {
    const last = lastOf(statements);
    // The directive's last token after its name, if it has any.
    const lastToken = last?.kind === 'directive' && last.tokens.length > 1 ? lastOf(last.tokens) : undefined;
    if (last?.kind === 'directive' && lastToken?.text === '}' && last.blocks.every((b) => b.close)) {
      // CoreDNS checks only that the last token it read is a '}', which a plugin block's '}' satisfies.
      this.report(
        'syntax/unclosed-block-accepted',
        "This server block has no closing '}'. CoreDNS accepts the file only because it ends with a plugin block's '}'; add a '}' to close the server block.",
        tokenRange(open),
        'warning',
      );
      return;
    }
    this.report('syntax/unclosed-block', "This '{' is never closed: add a '}' at the end of the server block.", tokenRange(open));
  }

  blockNode(keys: Token[], open: Token | undefined, statements: Statement[], close: Token | undefined, braceless: boolean): ServerBlockNode {
    // One literal per shape, as for option blocks; a block has a closing brace only when it has an opening one.
    if (open) return close ? { kind: 'block', keys, open, close, braceless, statements } : { kind: 'block', keys, open, braceless, statements };
    return { kind: 'block', keys, braceless, statements };
  }
}
