// Where a Corefile's foldable regions are, as positions in its text: each brace pair of a server block, a
// snippet or an option block, and each run of two or more consecutive lines that hold only a comment.
// Positions rather than lines, so a Corefile inside YAML can map them to the YAML exactly.
import type { CorefileTree, OptionBlock, Statement, TopLevelItem } from '../../corefile/ast.js';
import { commentRange, type Comment } from '../../corefile/lexer.js';
import { tokenStart, type Token } from '../../corefile/token.js';
import { editorLineStarts } from '../../text-lines.js';
import type { Position } from '../../types.js';
import { snippetBody, topLevelImportNames } from '../symbols/snippet-body.js';
import { anyTreeFor } from '../shared-parse.js';
import { nodeRange } from '../../corefile/node-range.js';

export interface FoldSpan {
  kind: 'block' | 'comment';
  /** A block: its opening brace. A comment run: its first comment. */
  start: Position;
  /** A block: its closing brace (or its last word when unclosed). A comment run: the end of its last comment. */
  end: Position;
  /** For a block: whether it has its closing brace. */
  closed: boolean;
}

export function corefileFoldSpans(text: string): FoldSpan[] {
  return foldSpansOfTree(anyTreeFor(text), text);
}

export function foldSpansOfTree(tree: CorefileTree, text: string): FoldSpan[] {
  const spans: FoldSpan[] = [];
  itemSpans(tree.items, topLevelImportNames(tree.items), spans);
  commentRuns(tree.comments, text, spans);
  return spans;
}

function itemSpans(items: readonly TopLevelItem[], topLevelImports: ReadonlySet<string>, into: FoldSpan[]): void {
  for (const item of items) {
    if (item.kind === 'import') continue;
    if (item.open !== undefined) into.push(blockSpan(item.open, item.close, nodeRange(item).end));
    if (item.kind === 'block') {
      statementSpans(item.statements, into);
      continue;
    }
    // The braces inside a snippet fold too, read as they will be used.
    const body = snippetBody(item, topLevelImports);
    if (body.kind === 'items') itemSpans(body.items, topLevelImports, into);
    else statementSpans(body.statements, into);
  }
}

function statementSpans(statements: readonly Statement[], into: FoldSpan[]): void {
  for (const s of statements) if (s.kind === 'directive') optionSpans(s.blocks, into);
}

function optionSpans(blocks: readonly OptionBlock[], into: FoldSpan[]): void {
  for (const block of blocks) {
    into.push(blockSpan(block.open, block.close, nodeRange(block).end));
    for (const line of block.lines) if (line.kind === 'option') optionSpans(line.blocks, into);
  }
}

function blockSpan(open: Token, close: Token | undefined, end: Position): FoldSpan {
  return { kind: 'block', start: tokenStart(open), end: close ? tokenStart(close) : end, closed: close !== undefined };
}

/** Runs of comments that each stand alone on consecutive lines; a comment after a word ends a run. */
function commentRuns(comments: readonly Comment[], text: string, into: FoldSpan[]): void {
  const starts = editorLineStarts(text);
  // The first and the last comment of the run being read, with where each starts.
  let first: { comment: Comment; start: Position } | undefined;
  let last: { comment: Comment; start: Position } | undefined;
  const flush = (): void => {
    if (first !== undefined && last !== undefined && last.start.line > first.start.line) {
      into.push({ kind: 'comment', start: first.start, end: commentRange(last.comment).end, closed: true });
    }
    first = undefined;
    last = undefined;
  };
  for (const comment of comments) {
    const start = comment.source.position(comment.start);
    const { line, character } = start;
    const before = text.slice(starts[line] ?? 0, (starts[line] ?? 0) + character);
    if (before.trim() !== '') {
      flush();
      continue;
    }
    if (last !== undefined && line !== last.start.line + 1) flush();
    first ??= { comment, start };
    last = { comment, start };
  }
  flush();
}
