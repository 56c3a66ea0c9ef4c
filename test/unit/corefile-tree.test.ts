// The syntax tree as the grammar builds it, through the public entry points: which tokens become which
// nodes, in which order, with which ranges, and the syntax errors found on the way. The rows pin down the
// parts of the tree that the grammar decides on its own (option lines, a directive's arguments against its
// tokens, how a server block's body is recognised) and the errors of a statement list that a '}' ends early.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DirectiveNode, ImportNode, OptionBlock, OptionLine, Statement, SyntaxError, TopLevelItem } from '../../server/src/core/corefile/ast.js';
import { lexCorefile } from '../../server/src/core/corefile/lexer.js';
import { parseCorefile, parseStatements } from '../../server/src/core/corefile/parse.js';
import type { Range } from '../../server/src/core/types.js';
import type { Token } from '../../server/src/core/corefile/token.js';
import { nodeRange } from '../../server/src/core/corefile/node-range.js';
import { directiveArgs } from '../../server/src/core/corefile/directive-args.js';

function at(range: Range): string {
  return `@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function words(tokens: readonly Token[]): string {
  return tokens.map((t) => t.text).join(' ');
}

function describeImport(node: ImportNode): string {
  return `import(${words(node.args)})${at(nodeRange(node))}`;
}

function describeLine(line: OptionLine | ImportNode): string {
  if (line.kind === 'import') return describeImport(line);
  const blocks = line.blocks.map(describeBlock).join(' ');
  return `${line.name.text}(${words(line.args)})${blocks ? ' ' + blocks : ''}${at(nodeRange(line))}`;
}

function describeBlock(block: OptionBlock): string {
  return `{${block.lines.map(describeLine).join('; ')}${block.close ? '}' : ''}${at(nodeRange(block))}`;
}

/** `name(args) blocks tokens=...@range`; the tokens are shown only where they are more than the arguments. */
function describeDirective(node: DirectiveNode): string {
  const blocks = node.blocks.map(describeBlock).join(' ');
  // The directive's tokens start with its name, as the plugin's dispenser does.
  assert.equal(node.tokens[0], node.name);
  const args = words(directiveArgs(node));
  const afterName = words(node.tokens.slice(1));
  const tokens = afterName === args ? '' : ` tokens=${afterName}`;
  return `${node.name.text}(${args})${blocks ? ' ' + blocks : ''}${tokens}${at(nodeRange(node))}`;
}

function describeStatement(statement: Statement): string {
  return statement.kind === 'import' ? describeImport(statement) : describeDirective(statement);
}

function describeItem(item: TopLevelItem): string {
  if (item.kind === 'import') return describeImport(item);
  if (item.kind === 'snippet') return `snippet ${item.name}: ${words(item.body)}${at(nodeRange(item))}`;
  const form = item.braceless ? 'braceless' : item.open ? (item.close ? 'braced' : 'unclosed') : 'no body';
  return `${words(item.keys)} [${form}]: ${item.statements.map(describeStatement).join(' | ')}${at(nodeRange(item))}`;
}

function describeErrors(errors: SyntaxError[]): string[] {
  return errors.map((e) => `${e.severity} ${e.code} ${at(e.range)}`);
}

interface TreeRow {
  name: string;
  corefile: string;
  items: string[];
  errors?: string[];
}

const TREE_ROWS: TreeRow[] = [
  {
    name: 'a directive without blocks: its arguments are all its tokens',
    corefile: '. {\n  log . {combined}\n}\n',
    items: ['. [braced]: log(. {combined})@1:2-1:18@0:0-2:1'],
  },
  {
    name: 'a directive with blocks: the words before the first block are its arguments, its range ends at the last brace',
    corefile: '. {\n  forward . 1.1.1.1 {\n    max_fails 3\n  } except { a }\n}\n',
    items: [
      '. [braced]: forward(. 1.1.1.1) {max_fails(3)@2:4-2:15}@1:20-3:3 {a()@3:13-3:14}@3:11-3:16 tokens=. 1.1.1.1 { max_fails 3 } except { a }@1:2-3:16@0:0-4:1',
    ],
  },
  {
    name: 'a directive whose line goes on after its last block ends at its last word',
    corefile: '. {\n  hosts { a } fallthrough\n}\n',
    items: ['. [braced]: hosts() {a()@1:10-1:11}@1:8-1:13 tokens={ a } fallthrough@1:2-1:25@0:0-2:1'],
  },
  {
    name: "a '{' where a directive should start names a directive",
    corefile: '. {\n  { a b\n  log\n}\n',
    items: ['. [braced]: {(a b)@1:2-1:7 | log()@2:2-2:5@0:0-3:1'],
  },
  {
    name: 'an option line opened by a block is named by its brace, and one option block nests in another',
    corefile: '. {\n  rewrite {\n    { x }\n    name { y { z } }\n  }\n}\n',
    items: ['. [braced]: rewrite() {{() {x()@2:6-2:7}@2:4-2:9@2:4-2:9; name() {y() {z()@3:15-3:16}@3:13-3:18@3:11-3:18}@3:9-3:20@3:4-3:20}@1:10-4:3 tokens={ { x } name { y { z } } }@1:2-4:3@0:0-5:1'],
  },
  {
    name: "an import inside an option block counts only at the start of a line, not right after '{'",
    corefile: '. {\n  hosts { import a\n    import b c\n  }\n}\n',
    items: ['. [braced]: hosts() {import(a)@1:10-1:18; import(b c)@2:4-2:14}@1:8-3:3 tokens={ import a import b c }@1:2-3:3@0:0-4:1'],
    errors: ['error syntax/import-argument @2:13-2:14'],
  },
  {
    name: "a block on an import's line inside an option block is an option line of its own, before the import",
    corefile: '. {\n  hosts {\n    x\n    import a { b }\n  }\n}\n',
    items: ['. [braced]: hosts() {x()@2:4-2:5; {() {b()@3:15-3:16}@3:13-3:18@3:13-3:18; import(a)@3:4-3:12}@1:8-4:3 tokens={ x import a { b } }@1:2-4:3@0:0-5:1'],
  },
  {
    name: 'an unclosed option block ends at the last token of the file',
    corefile: '. {\n  hosts {\n    x y\n',
    items: ['. [unclosed]: hosts() {x(y)@2:4-2:7@1:8-2:7 tokens={ x y@1:2-2:7@0:0-2:7'],
    errors: ['error syntax/unclosed-option-block @1:8-1:9', 'error syntax/unclosed-block @0:2-0:3'],
  },
  {
    name: 'keys continue on the next line after a comma',
    corefile: 'a,\nb, c {\n  log\n}\n',
    items: ['a, b, c [braced]: log()@2:2-2:5@0:0-3:1'],
  },
  {
    name: "the server block's brace may be on the next line",
    corefile: 'a\n{\n  log\n}\n',
    items: ['a [braced]: log()@2:2-2:5@0:0-3:1'],
  },
  {
    name: 'a line break after the keys not followed by a brace starts a brace-less body',
    corefile: 'a\nlog\nerrors\n',
    items: ['a [braceless]: log()@1:0-1:3 | errors()@2:0-2:6@0:0-2:6'],
  },
  {
    name: "a line break after the keys then a lone '}' make an empty brace-less body that the '}' ends",
    corefile: 'a\n}\nb {\n}\n',
    items: ['a [braceless]: @0:0-0:1', 'b [braced]: @2:0-3:1'],
  },
  {
    name: 'keys at the very end of the file make a block without a body',
    corefile: 'a b',
    items: ['a b [no body]: @0:0-0:3'],
  },
  {
    name: 'a snippet keeps the raw tokens between its braces',
    corefile: '(common) {\n  log\n  errors { x }\n}\n. {\n  import common\n}\n',
    items: ['snippet common: log errors { x }@0:0-3:1', '. [braced]: import(common)@5:2-5:15@4:0-6:1'],
  },
  {
    name: "a '}' right after a directive on its line ends the server block and is reported",
    corefile: '. { whoami }\nb {\n}\n',
    items: ['. [braced]: whoami()@0:4-0:10@0:0-0:12', 'b [braced]: @1:0-2:1'],
    errors: ['error syntax/unexpected-close-brace @0:11-0:12'],
  },
];

for (const row of TREE_ROWS) {
  test(`tree: ${row.name}`, () => {
    const tree = parseCorefile(row.corefile, 'file:///t/Corefile');
    assert.deepEqual(tree.items.map(describeItem), row.items);
    assert.deepEqual(describeErrors(tree.errors), row.errors ?? []);
  });
}

interface StatementsRow {
  name: string;
  /** Tokens of an imported file, read as the statements of a server block. */
  text: string;
  statements: string[];
  /** Errors as `severity code message @range`. */
  errors: string[];
}

// A file imported into a server block is read as a list of statements, where a '}' ends the list early:
// chevrotain then reports the rest and, where it can, reads on after the '}'.
const STATEMENT_ROWS: StatementsRow[] = [
  { name: 'statements without a stray brace', text: 'log\nerrors { a }\n', statements: ['log()@0:0-0:3', 'errors() {a()@1:9-1:10}@1:7-1:12 tokens={ a }@1:0-1:12'], errors: [] },
  {
    name: "a '}' at the end is redundant input",
    text: 'log\n}\n',
    statements: ['log()@0:0-0:3'],
    errors: ["error syntax/unexpected-token Unexpected '}': Redundant input, expecting EOF but found: } @1:0-1:1"],
  },
  {
    name: "statements after a stray '}' are still read",
    text: 'log\n}\nerrors\n',
    statements: ['log()@0:0-0:3', 'errors()@2:0-2:6'],
    errors: ["error syntax/unexpected-token Unexpected '}': Expecting token of type --> EOF <-- but found --> '}' <-- @1:0-1:1"],
  },
  {
    name: "a '}' after a directive on its line is reported twice: by the tree and by chevrotain",
    text: 'log }\nerrors\n',
    statements: ['log()@0:0-0:3', 'errors()@1:0-1:6'],
    errors: [
      "error syntax/unexpected-close-brace A '}' cannot end a directive's line: this one has no matching '{' on the line. Put the '}' that closes the server block on a line of its own. @0:4-0:5",
      "error syntax/unexpected-token Unexpected '}': Expecting token of type --> EOF <-- but found --> '}' <-- @0:4-0:5",
    ],
  },
];

for (const row of STATEMENT_ROWS) {
  test(`tree: imported statements: ${row.name}`, () => {
    const { statements, errors } = parseStatements(lexCorefile(row.text, 'file:///t/imported').tokens);
    assert.deepEqual(statements.map(describeStatement), row.statements);
    assert.deepEqual(errors.map((e) => `${e.severity} ${e.code} ${e.message} ${at(e.range)}`), row.errors);
  });
}
