// The token reader of expr-lang/expr (v1.17, the version CoreDNS 1.14 builds with): the same token kinds,
// keyword operators and lexing errors, so the parser in expr.ts sees what expr's parser sees.

export type ExprTokenKind = 'identifier' | 'number' | 'string' | 'bytes' | 'operator' | 'bracket' | 'eof';

export interface ExprToken {
  kind: ExprTokenKind;
  value: string;
  /** Offsets in the source (UTF-16 code units), end exclusive. */
  from: number;
  to: number;
}

/** A problem found while reading or checking an expression, with its offset in the source. */
export class ExprSyntaxError {
  constructor(readonly offset: number, readonly message: string) {}
}

const KEYWORD_OPERATORS = new Set(['in', 'or', 'and', 'matches', 'contains', 'startsWith', 'endsWith', 'let', 'if', 'else']);
const NEGATABLE = new Set(['in', 'matches', 'contains', 'startsWith', 'endsWith']);

const isAlphabetic = (c: string): boolean => c === '_' || c === '$' || /\p{L}/u.test(c);
export const isAlphaNumeric = (c: string): boolean => c !== '' && (isAlphabetic(c) || /\p{Nd}/u.test(c));
const isSpace = (c: string): boolean => /\s/u.test(c);

/** Reads all tokens; throws ExprSyntaxError (caught by the public checker) at the first lexing error. */
export function lexExpr(source: string): ExprToken[] {
  const tokens: ExprToken[] = [];
  let pos = 0;
  const at = (i: number): string => source[i] ?? '';
  const emit = (kind: ExprTokenKind, from: number, value = source.slice(from, pos)): void => {
    tokens.push({ kind, value, from, to: pos });
  };
  const fail = (offset: number, message: string): never => {
    throw new ExprSyntaxError(offset, message);
  };

  while (pos < source.length) {
    const from = pos;
    const c = at(pos);
    if (isSpace(c)) {
      pos++;
      continue;
    }
    if (c === "'" || c === '"' || ((c === 'b' || c === 'B') && (at(pos + 1) === "'" || at(pos + 1) === '"'))) {
      const bytes = c === 'b' || c === 'B';
      const quote = bytes ? at(pos + 1) : c;
      pos += bytes ? 2 : 1;
      for (;;) {
        const ch = at(pos);
        if (ch === '' || ch === '\n') fail(pos, 'literal not terminated');
        if (ch === quote) break;
        if (ch === '\\') pos = scanEscape(source, pos + 1, quote, fail);
        else pos++;
      }
      pos++;
      emit(bytes ? 'bytes' : 'string', from, source.slice(from + (bytes ? 2 : 1), pos - 1));
      continue;
    }
    if (c === '`') {
      pos++;
      for (;;) {
        const ch = at(pos);
        if (ch === '') fail(pos, 'literal not terminated');
        if (ch === '`' && at(pos + 1) === '`') {
          pos += 2;
          continue;
        }
        pos++;
        if (ch === '`') break;
      }
      emit('string', from, source.slice(from + 1, pos - 1).replace(/``/g, '`'));
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(at(pos + 1)))) {
      pos = scanNumber(source, pos, fail);
      emit('number', from);
      continue;
    }
    if (c === '?') {
      pos++;
      if (at(pos) === '.' || at(pos) === '?') pos++;
      emit('operator', from);
      continue;
    }
    if (c === '/') {
      if (at(pos + 1) === '/') {
        while (pos < source.length && at(pos) !== '\n') pos++;
        continue;
      }
      if (at(pos + 1) === '*') {
        const end = source.indexOf('*/', pos + 2);
        if (end < 0) fail(source.length, 'unclosed comment');
        pos = end + 2;
        continue;
      }
      pos++;
      emit('operator', from);
      continue;
    }
    if (c === '#') {
      pos++;
      emit('operator', from);
      const nameFrom = pos;
      while (isAlphaNumeric(at(pos))) pos++;
      if (pos > nameFrom) emit('identifier', nameFrom);
      continue;
    }
    if (c === '|' || c === ':') {
      pos++;
      if (at(pos) === c) pos++;
      emit('operator', from);
      continue;
    }
    if ('([{)]}'.includes(c)) {
      pos++;
      emit('bracket', from);
      continue;
    }
    if (',;%+-^'.includes(c)) {
      pos++;
      emit('operator', from);
      continue;
    }
    if ('&!=*<>'.includes(c)) {
      pos++;
      if ('&=*'.includes(at(pos)) && at(pos) !== '') pos++;
      emit('operator', from);
      continue;
    }
    if (c === '.') {
      pos++;
      if (at(pos) === '.') pos++;
      emit('operator', from);
      continue;
    }
    if (isAlphaNumeric(c)) {
      while (isAlphaNumeric(at(pos))) pos++;
      const word = source.slice(from, pos);
      if (word === 'not') {
        emit('operator', from);
        // `not in`, `not matches`...: expr reads the negated operator as its own token.
        let next = pos;
        while (at(next) === ' ') next++;
        let end = next;
        while (isAlphaNumeric(at(end))) end++;
        if (NEGATABLE.has(source.slice(next, end))) {
          pos = end;
          tokens.push({ kind: 'operator', value: source.slice(next, end), from: next, to: end });
        }
        continue;
      }
      emit(KEYWORD_OPERATORS.has(word) ? 'operator' : 'identifier', from);
      continue;
    }
    fail(pos, `unrecognized character: ${JSON.stringify(c)}`);
  }
  tokens.push({ kind: 'eof', value: '', from: source.length, to: source.length });
  return tokens;
}

function scanEscape(source: string, pos: number, quote: string, fail: (offset: number, message: string) => never): number {
  const c = source[pos] ?? '';
  const hex = (start: number, count: number): number => {
    for (let i = 0; i < count; i++) if (!/[0-9a-fA-F]/.test(source[start + i] ?? '')) fail(start + i, 'invalid char escape');
    return start + count;
  };
  if ('abfnrtv\\'.includes(c) && c !== '' || c === quote) return pos + 1;
  if (/[0-7]/.test(c)) {
    for (let i = 0; i < 3; i++) if (!/[0-7]/.test(source[pos + i] ?? '')) fail(pos + i, 'invalid char escape');
    return pos + 3;
  }
  if (c === 'x') return hex(pos + 1, 2);
  if (c === 'u' && source[pos + 1] === '{') {
    const close = source.indexOf('}', pos + 2);
    const digits = close < 0 ? '' : source.slice(pos + 2, close);
    if (!/^[0-9a-fA-F]{1,6}$/.test(digits)) fail(pos, 'invalid char escape');
    return close + 1;
  }
  if (c === 'u') return hex(pos + 1, 4);
  if (c === 'U') return hex(pos + 1, 8);
  return fail(pos, 'invalid char escape');
}

function scanNumber(source: string, start: number, fail: (offset: number, message: string) => never): number {
  let pos = start;
  const acceptRun = (digits: string): void => {
    while (pos < source.length && digits.includes(source[pos]!)) pos++;
  };
  let digits = '0123456789_';
  if (source[pos] === '0') {
    pos++;
    const p = source[pos] ?? '';
    if ('xX'.includes(p) && p !== '') {
      pos++;
      digits = '0123456789abcdefABCDEF_';
    } else if ('oO'.includes(p) && p !== '') {
      pos++;
      digits = '01234567_';
    } else if ('bB'.includes(p) && p !== '') {
      pos++;
      digits = '01_';
    }
  }
  acceptRun(digits);
  if (source[pos] === '.') {
    // `1..5` is a range: leave both dots to the operator.
    if (source[pos + 1] === '.') return pos;
    pos++;
    acceptRun(digits);
  }
  if (source[pos] === 'e' || source[pos] === 'E') {
    pos++;
    if (source[pos] === '+' || source[pos] === '-') pos++;
    acceptRun(digits);
  }
  if (isAlphaNumeric(source[pos] ?? '')) fail(start, `bad number syntax: ${JSON.stringify(source.slice(start, pos + 1))}`);
  return pos;
}
