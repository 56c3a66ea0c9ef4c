// Where a node of the syntax tree is written. Nodes do not carry their range: an LSP Range is three objects,
// a large Corefile has a hundred thousand nodes, and only the few that an editor feature or a finding points
// at ever need one. Each node's range runs from its first token to its last, both read from the node.
import type { Range } from '../types.js';
import type { DirectiveNode, ImportNode, OptionBlock, OptionLine, ServerBlockNode, SnippetNode } from './ast.js';
import { spanRange } from './token.js';
import type { Token } from './token.js';

export type TreeNode = ServerBlockNode | SnippetNode | ImportNode | DirectiveNode | OptionLine | OptionBlock;

/** The node's range as written, from its first token to its last: a new object, the caller's to keep. */
export function nodeRange(node: TreeNode): Range {
  return spanRange(firstToken(node), lastToken(node));
}

function firstToken(node: TreeNode): Token {
  if (!('kind' in node)) return node.open;
  switch (node.kind) {
    case 'block': return node.keys[0] ?? node.open!;
    case 'snippet': return node.nameToken;
    case 'import': return node.keyword;
    case 'directive': return node.name;
    case 'option': return node.name;
  }
}

/** The node's last token: its closing brace, or where it stops when it has none. */
function lastToken(node: TreeNode): Token {
  if (!('kind' in node)) return node.close ?? lastTokenInside(node);
  switch (node.kind) {
    case 'block': {
      const statement = lastOf(node.statements);
      return node.close ?? (statement ? lastToken(statement) : undefined) ?? node.open ?? lastOf(node.keys)!;
    }
    case 'snippet':
      // A snippet without a body is its name alone; an unclosed body runs to its last token.
      return node.open === undefined ? node.nameToken : node.close ?? lastOf(node.body) ?? node.open;
    case 'import': return lastOf(node.args) ?? node.keyword;
    case 'directive': return lastOf(node.tokens)!;
    case 'option': return laterOf(laterOf(node.name, lastOf(node.args)), lastOfBlocks(node.blocks));
  }
}

/**
 * The last token of a block that is never closed: it runs to the end of the file, so its last token is the
 * one written last anywhere inside it. Lines are not kept strictly in order (an import's line comes after
 * the option line of a block written on it), so the latest is looked for; an empty block ends at its brace.
 */
function lastTokenInside(block: OptionBlock): Token {
  let last = block.open;
  for (const line of block.lines) last = laterOf(last, lastToken(line));
  return last;
}

function lastOfBlocks(blocks: readonly OptionBlock[]): Token | undefined {
  const block = lastOf(blocks);
  return block === undefined ? undefined : lastToken(block);
}

/** Of two tokens of one document, the one written later. */
function laterOf(a: Token, b: Token | undefined): Token {
  return b !== undefined && b.start > a.start ? b : a;
}

function lastOf<T>(items: readonly T[]): T | undefined {
  return items.length > 0 ? items[items.length - 1] : undefined;
}
