// Where the cursor is in a Corefile, as far as completion cares: the word being typed, and whether that
// word starts a top-level line, a directive line of a server block or snippet, an option line of a
// plugin's block, the argument of an `import`, or an environment placeholder `{$`. Found from the lexer's
// tokens with a brace stack, which holds up while the text is half typed (an unclosed block, a word the
// parser cannot place yet).
import type { CorefileTree } from '../../corefile/ast.js';
import type { Comment } from '../../corefile/lexer.js';
import { isCloseBrace, isOpenBrace, startsNewLine, tokenStart, type Token } from '../../corefile/token.js';
import { editorLineStarts, offsetToPosition } from '../../text-lines.js';
import type { Position, Range } from '../../types.js';

export type CorefileContext =
  | { kind: 'top-level' }
  /** `open` is the brace of the server block (or snippet) the line is in. */
  | { kind: 'directive'; open: Token; snippet: boolean }
  | { kind: 'option'; directive: Token; open: Token }
  | { kind: 'import' }
  | { kind: 'env' };

export interface CorefileCursor {
  context: CorefileContext;
  /** What is typed of the word, from its start to the cursor. */
  prefix: string;
  /** Offsets of the typed part in the text. */
  start: number;
  end: number;
  range: Range;
}

/** A brace open before the cursor: a server block's or snippet's, a directive's block, or one nested deeper. */
export type Frame = { kind: 'server' | 'snippet'; open: Token } | { kind: 'directive'; open: Token; name: Token } | { kind: 'nested'; open: Token };

const SNIPPET_NAME = /^\(.+\)$/;

export function corefileCursor(text: string, tree: CorefileTree, position: Position): CorefileCursor | undefined {
  // The position counts lines as the editor does (a lone `\r` ends one too), not as CoreDNS does.
  const starts = editorLineStarts(text);
  const lineStart = starts[position.line];
  if (lineStart === undefined) return undefined;
  const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1]! - 1 : text.length;
  const offset = lineStart + position.character;
  if (position.character < 0 || offset > lineEnd) return undefined;
  const before = text.slice(lineStart, offset);
  const prefix = /\S*$/.exec(before)![0];
  const wordStart = offset - prefix.length;
  // Inside a comment, a quoted word, or a token that began before the word (a quote spanning lines),
  // nothing the cursor could receive is certain.
  if (prefix.includes('"') || tree.comments.some((c) => commentStartsOnLineBefore(c, position))) return undefined;
  if (tree.tokens.some((t) => t.start < wordStart && t.end > wordStart)) return undefined;
  const at = (start: number, context: CorefileContext): CorefileCursor => ({
    context,
    prefix: text.slice(start, offset),
    start,
    end: offset,
    range: { start: offsetToPosition(starts, start), end: position },
  });

  const env = prefix.lastIndexOf('{$');
  if (env >= 0 && !prefix.includes('}', env)) {
    const name = prefix.slice(env + 2);
    return /^[A-Za-z0-9_]*$/.test(name) ? at(wordStart + env + 2, { kind: 'env' }) : undefined;
  }

  const firstOnLine = before.slice(0, before.length - prefix.length).trim() === '';
  const { stack, lineFirst } = tokensBefore(tree.tokens, wordStart);
  if (firstOnLine) {
    const top = stack[stack.length - 1];
    if (top === undefined) return at(wordStart, { kind: 'top-level' });
    if (top.kind === 'server' || top.kind === 'snippet') return at(wordStart, { kind: 'directive', open: top.open, snippet: top.kind === 'snippet' });
    if (top.kind === 'directive') return at(wordStart, { kind: 'option', directive: top.name, open: top.open });
    return undefined;
  }
  // `import` must be the first word of its line and take exactly one argument.
  const onLine: Token[] = [];
  for (const token of tree.tokens) {
    if (token.start >= wordStart) break;
    if (tokenStart(token).line === position.line) onLine.push(token);
  }
  const keyword = onLine[0];
  if (onLine.length === 1 && keyword !== undefined && keyword.text === 'import' && !keyword.quoted && keyword === lineFirst) {
    return at(wordStart, { kind: 'import' });
  }
  return undefined;
}

/** Whether a comment starts on the cursor's line at or before the cursor (so the cursor is inside it). */
function commentStartsOnLineBefore(comment: Comment, position: Position): boolean {
  const start = comment.source.position(comment.start);
  return start.line === position.line && start.character <= position.character;
}

/** Where the tokens before a place in the text leave off: the braces still open, and the line they end on. */
export interface TokensBefore {
  /** The braces still open, innermost last. */
  stack: Frame[];
  /** The first token of the line (as CoreDNS ends lines) that the last token is on. */
  lineFirst: Token | undefined;
  /** The brace that line is inside: the innermost one open when the line started. */
  lineFrame: Frame | undefined;
  /** The line's tokens after its first one. */
  lineRest: Token[];
  /** The last token before the place. */
  last: Token | undefined;
}

/** Reads the tokens that start before `offset`, keeping track of the braces they open and close. */
export function tokensBefore(tokens: readonly Token[], offset: number): TokensBefore {
  const stack: Frame[] = [];
  let lineFirst: Token | undefined;
  let lineFrame: Frame | undefined;
  let lineRest: Token[] = [];
  let last: Token | undefined;
  for (const token of tokens) {
    if (token.start >= offset) break;
    if (startsNewLine(last, token)) {
      lineFirst = token;
      lineFrame = stack[stack.length - 1];
      lineRest = [];
    } else {
      lineRest.push(token);
    }
    if (isOpenBrace(token)) stack.push(frameFor(stack, token, lineFirst));
    else if (isCloseBrace(token)) stack.pop();
    last = token;
  }
  return { stack, lineFirst, lineFrame, lineRest, last };
}

/** What the brace `open` opens, given the braces open before it and the first word of its line. */
function frameFor(stack: readonly Frame[], open: Token, lineFirst: Token | undefined): Frame {
  const top = stack[stack.length - 1];
  if (top === undefined) return { kind: lineFirst !== undefined && SNIPPET_NAME.test(lineFirst.text) ? 'snippet' : 'server', open };
  // A brace opens a directive's block when it is on that directive's line inside a server block.
  if ((top.kind === 'server' || top.kind === 'snippet') && lineFirst !== undefined && lineFirst !== open) return { kind: 'directive', open, name: lineFirst };
  return { kind: 'nested', open };
}

/**
 * The directive names written in the block that `open` starts (first words of its lines, `import` lines
 * excluded), leaving out the word at `except` (the one being typed).
 */
export function namesInBlock(tokens: readonly Token[], open: Token, except: number): string[] {
  const names: string[] = [];
  let depth = 0;
  let previous: Token | undefined;
  let inside = false;
  for (const token of tokens) {
    if (!inside) {
      if (token.start === open.start) inside = true;
      previous = token;
      continue;
    }
    if (isOpenBrace(token)) depth++;
    else if (isCloseBrace(token)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && startsNewLine(previous, token) && token.start !== except && token.text !== 'import') names.push(token.text);
    previous = token;
  }
  return names;
}
