// Which part of a Corefile a word is: a server-block key, a directive, an option of a plugin block, an
// argument, an import or a snippet name. Found by walking the syntax tree the parser built, so hover
// and the checks agree on what every word is.
import type { CorefileTree, DirectiveNode, ImportNode, OptionBlock, OptionLine, SnippetNode, Statement, TopLevelItem } from '../../corefile/ast.js';
import { parseStatements, parseTopLevel } from '../../corefile/parse.js';
import { tokenEnd, tokenStart, type Token } from '../../corefile/token.js';
import type { Position } from '../../types.js';
import { directiveArgs } from '../../corefile/directive-args.js';

export type CorefileTarget =
  | { kind: 'key'; token: Token }
  | { kind: 'directive'; token: Token; node: DirectiveNode }
  | { kind: 'option'; token: Token; line: OptionLine; directive: DirectiveNode }
  | { kind: 'argument'; token: Token; directive: DirectiveNode }
  | { kind: 'import'; token: Token; node: ImportNode }
  | { kind: 'snippet'; token: Token; node: SnippetNode }
  /** Any other word (an option's value, a word the parser could not place): only its placeholders tell something. */
  | { kind: 'word'; token: Token };

function after(a: Position, b: Position): boolean {
  return a.line > b.line || (a.line === b.line && a.character > b.character);
}

/**
 * The token under the cursor. A cursor just after a word still finds it (that is where it sits after
 * typing), unless another word starts exactly there.
 */
export function tokenAt(tokens: readonly Token[], position: Position): Token | undefined {
  let touching: Token | undefined;
  for (const token of tokens) {
    if (after(tokenStart(token), position)) break;
    const end = tokenEnd(token);
    if (after(end, position)) return token;
    if (end.line === position.line && end.character === position.character) touching = token;
  }
  return touching;
}

const same = (a: Token, b: Token): boolean => a.start === b.start && a.source.uri === b.source.uri;
const holds = (list: readonly Token[], token: Token): boolean => list.some((t) => same(t, token));

export function targetOf(tree: CorefileTree, token: Token): CorefileTarget {
  return inItems(tree, tree.items, token) ?? { kind: 'word', token };
}

function inItems(tree: CorefileTree, items: readonly TopLevelItem[], token: Token): CorefileTarget | undefined {
  for (const item of items) {
    if (item.kind === 'import') {
      const found = inImport(item, token);
      if (found) return found;
    } else if (item.kind === 'snippet') {
      if (same(item.nameToken, token)) return { kind: 'snippet', token, node: item };
      if (holds(item.body, token)) return inSnippetBody(tree, item, token);
    } else {
      if (holds(item.keys, token)) return { kind: 'key', token };
      const found = inStatements(item.statements, token);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A snippet's body is plain tokens until it is imported. It is read as server blocks when the document
 * imports it at the top level, and as a block's directives otherwise (the common case).
 */
function inSnippetBody(tree: CorefileTree, snippet: SnippetNode, token: Token): CorefileTarget | undefined {
  const topLevel = tree.items.some((item) => item.kind === 'import' && item.args[0]?.text === snippet.name);
  if (topLevel) return inItems(tree, parseTopLevel(snippet.body).items, token);
  return inStatements(parseStatements(snippet.body).statements, token);
}

function inImport(node: ImportNode, token: Token): CorefileTarget | undefined {
  return same(node.keyword, token) || holds(node.args, token) ? { kind: 'import', token, node } : undefined;
}

function inStatements(statements: readonly Statement[], token: Token): CorefileTarget | undefined {
  for (const statement of statements) {
    if (statement.kind === 'import') {
      const found = inImport(statement, token);
      if (found) return found;
      continue;
    }
    if (same(statement.name, token)) return { kind: 'directive', token, node: statement };
    if (holds(directiveArgs(statement), token)) return { kind: 'argument', token, directive: statement };
    const found = inBlocks(statement.blocks, statement, token);
    if (found) return found;
  }
  return undefined;
}

function inBlocks(blocks: readonly OptionBlock[], directive: DirectiveNode, token: Token): CorefileTarget | undefined {
  for (const block of blocks) {
    for (const line of block.lines) {
      if (line.kind === 'import') {
        const found = inImport(line, token);
        if (found) return found;
        continue;
      }
      if (same(line.name, token)) return { kind: 'option', token, line, directive };
      if (holds(line.args, token)) return { kind: 'word', token };
      const found = inBlocks(line.blocks, directive, token);
      if (found) return found;
    }
  }
  return undefined;
}
