// The syntax tree of one Corefile as written. It keeps every token with its place so that editor features
// (symbols, folding, hover, formatting) work on what the user sees; a node's range is made from its tokens
// when asked (node-range.ts). Imports are nodes here and are only expanded by model.ts, which builds what
// CoreDNS actually runs.
import type { Range } from '../types.js';
import type { Comment } from './lexer.js';
import type { Token } from './token.js';

export interface ImportNode {
  kind: 'import';
  keyword: Token;
  /** Everything on the import line after the keyword; CoreDNS wants exactly one. */
  args: Token[];
}

/** `{ ... }` after a directive or an option: its lines, each a list of tokens with nested blocks. */
export interface OptionBlock {
  open: Token;
  close?: Token;
  lines: Array<OptionLine | ImportNode>;
}

export interface OptionLine {
  kind: 'option';
  /** The option's name (first token of the line). */
  name: Token;
  /** Words after the name on its line, braces of nested blocks excluded. */
  args: readonly Token[];
  blocks: readonly OptionBlock[];
}

export interface DirectiveNode {
  kind: 'directive';
  name: Token;
  /** How many words follow the name on its own line before its first block: its arguments (directiveArgs). */
  argCount: number;
  blocks: readonly OptionBlock[];
  /**
   * Every token of the directive, its name first and braces included, in order: what CoreDNS hands to the
   * plugin's setup. Imports inside option blocks are still unexpanded here.
   */
  tokens: readonly Token[];
}

export type Statement = DirectiveNode | ImportNode;

export interface ServerBlockNode {
  kind: 'block';
  keys: Token[];
  open?: Token;
  close?: Token;
  /** True for the brace-less form: keys, then directives to the end of the file. */
  braceless: boolean;
  statements: Statement[];
}

export interface SnippetNode {
  kind: 'snippet';
  /** The name without its parentheses. */
  name: string;
  nameToken: Token;
  open?: Token;
  close?: Token;
  /** The raw tokens between the braces: a snippet means nothing until it is imported somewhere. */
  body: Token[];
}

export type TopLevelItem = ServerBlockNode | SnippetNode | ImportNode;

export interface SyntaxError {
  code: string;
  message: string;
  range: Range;
  /** Errors CoreDNS would not report (it accepts the file) are warnings for the editor. */
  severity: 'error' | 'warning';
}

export interface CorefileTree {
  uri: string;
  items: TopLevelItem[];
  tokens: Token[];
  comments: Comment[];
  errors: SyntaxError[];
}
