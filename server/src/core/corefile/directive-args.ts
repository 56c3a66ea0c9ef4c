// A directive's arguments: the words after its name on its own line, before its first block. The tree keeps
// only how many there are (DirectiveNode.argCount), since they are the directive's tokens right after its
// name: a large Corefile has tens of thousands of directives, and a second list for each would be copied
// for no reader but the few editor features that ask.
import type { DirectiveNode } from './ast.js';
import type { Token } from './token.js';

export function directiveArgs(node: DirectiveNode): readonly Token[] {
  return node.tokens.slice(1, 1 + node.argCount);
}
