// Turns resolv.conf text into the syntax model: the chevrotain lexer and parser find the words, this
// file attaches them to physical lines and gives every keyword, value and option an exact LSP range.
import type { IToken } from 'chevrotain';
import type { CoreDiagnostic, Range } from '../types.js';
import { keywordOf, resolvConfLexer } from './lexer.js';
import type {
  ResolvConfDirective,
  ResolvConfFile,
  ResolvConfLine,
  ResolvConfOption,
  ResolvConfToken,
} from './model.js';
import { parseTokens } from './parser.js';
import { lineIndexAt, lineStarts } from '../text-lines.js';

function physicalLines(text: string, starts: number[]): ResolvConfLine[] {
  return starts.map((offset, line) => {
    const next = line + 1 < starts.length ? starts[line + 1]! - 1 : text.length;
    const raw = text.slice(offset, next);
    const crlf = raw.endsWith('\r');
    const visible = crlf ? raw.slice(0, -1) : raw;
    return {
      line,
      kind: 'empty',
      text: visible,
      raw,
      crlf,
      newline: line + 1 < starts.length,
      offset,
      range: { start: { line, character: 0 }, end: { line, character: visible.length } },
    };
  });
}

function tokenAt(starts: number[], text: string, offset: number): ResolvConfToken {
  const line = lineIndexAt(starts, offset);
  const character = offset - starts[line]!;
  return {
    text,
    offset,
    range: { start: { line, character }, end: { line, character: character + text.length } },
  };
}

function subRange(token: ResolvConfToken, from: number, to: number): Range {
  const { line, character } = token.range.start;
  return { start: { line, character: character + from }, end: { line, character: character + to } };
}

/** Splits an options word into `-name:value` parts, keeping a range for each part. */
export function parseOptionWord(token: ResolvConfToken): ResolvConfOption {
  const negated = token.text.startsWith('-');
  const nameStart = negated ? 1 : 0;
  const colon = token.text.indexOf(':', nameStart);
  const nameEnd = colon < 0 ? token.text.length : colon;
  const option: ResolvConfOption = {
    token,
    negated,
    name: token.text.slice(nameStart, nameEnd),
    nameRange: subRange(token, nameStart, nameEnd),
  };
  if (colon >= 0) {
    option.value = token.text.slice(colon + 1);
    option.valueRange = subRange(token, colon + 1, token.text.length);
  }
  return option;
}

function toToken(starts: number[], token: IToken): ResolvConfToken {
  return tokenAt(starts, token.image, token.startOffset);
}

function buildDirective(
  starts: number[],
  head: IToken,
  values: IToken[],
  line: ResolvConfLine,
): ResolvConfDirective {
  const keyword = toToken(starts, head);
  const valueTokens = values.map((v) => toToken(starts, v));
  const name = keywordOf(head.tokenType);
  const last = valueTokens.length > 0 ? valueTokens[valueTokens.length - 1]! : keyword;
  return {
    line: line.line,
    keyword,
    ...(name ? { name } : {}),
    atLineStart: keyword.offset === line.offset,
    values: valueTokens,
    options: name === 'options' ? valueTokens.map(parseOptionWord) : [],
    range: { start: keyword.range.start, end: last.range.end },
  };
}

function errorAt(starts: number[], offset: number, message: string): CoreDiagnostic {
  const at = tokenAt(starts, '', Math.max(0, offset));
  return {
    severity: 'error',
    code: 'resolvconf/syntax-error',
    message: `${message} This is a bug in Corefile Lens's resolv.conf parser; please report it with this file.`,
    range: at.range,
  };
}

/** Parses resolv.conf text. Never throws: any failure becomes a diagnostic in `parseErrors`. */
export function parseResolvConf(text: string): ResolvConfFile {
  const starts = lineStarts(text);
  const lines = physicalLines(text, starts);
  const directives: ResolvConfDirective[] = [];
  const parseErrors: CoreDiagnostic[] = [];
  try {
    const lexed = resolvConfLexer.tokenize(text);
    for (const e of lexed.errors) parseErrors.push(errorAt(starts, e.offset, e.message));
    const parsed = parseTokens(lexed.tokens);
    for (const e of parsed.errors) parseErrors.push(errorAt(starts, e.offset, e.message));
    for (const raw of parsed.lines) {
      if (raw.kind === 'empty') continue;
      const first = raw.kind === 'comment' ? raw.comment : raw.head;
      const line = lines[lineIndexAt(starts, first.startOffset)]!;
      if (raw.kind === 'comment') {
        line.kind = 'comment';
        line.comment = toToken(starts, raw.comment);
      } else {
        line.kind = 'directive';
        line.directive = buildDirective(starts, raw.head, raw.values, line);
        directives.push(line.directive);
      }
    }
  } catch (e) {
    parseErrors.push(errorAt(starts, 0, `The resolv.conf parser failed: ${e instanceof Error ? e.message : String(e)}.`));
  }
  return { text, lines, directives, parseErrors };
}
