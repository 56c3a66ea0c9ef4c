// Decodes plain, single-quoted and double-quoted scalars from their source token while remembering, for
// every unit of the result, where it sits in the YAML. Escapes (`\n`, `\"`, `''`) and line folding change
// lengths, which is why positions need this per-unit map rather than one offset.
import type { CST } from 'yaml';
import { MappedText } from './mapped-text.js';

export function decodeFlowScalar(token: CST.FlowScalar): MappedText {
  const { source, offset } = token;
  switch (token.type) {
    case 'scalar':
      return foldLines(source, 0, source.length, offset, false);
    case 'single-quoted-scalar':
      return foldLines(source, 1, closingQuoteAt(source, "'"), offset, true);
    default:
      return decodeDoubleQuoted(source, offset);
  }
}

function closingQuoteAt(source: string, quote: string): number {
  return source.length > 1 && source.endsWith(quote) ? source.length - 1 : source.length;
}

/**
 * Plain and single-quoted scalars: a single line break becomes a space, each further empty line a '\n',
 * and white space around line breaks is dropped. In single quotes `''` stands for one quote.
 */
function foldLines(source: string, from: number, to: number, base: number, singleQuoted: boolean): MappedText {
  const out = new MappedText();
  const lines: Array<{ start: number; end: number }> = [];
  let start = from;
  for (;;) {
    const nl = source.indexOf('\n', start);
    if (nl === -1 || nl >= to) {
      lines.push({ start, end: to });
      break;
    }
    lines.push({ start, end: source[nl - 1] === '\r' ? nl - 1 : nl });
    start = nl + 1;
  }
  const copyLine = (a: number, b: number): void => {
    for (let i = a; i < b; i++) {
      if (singleQuoted && source[i] === "'" && source[i + 1] === "'") {
        out.add("'", base + i, base + i + 2);
        i++;
      } else {
        out.copy(source, i, i + 1, base);
      }
    }
  };
  let sep = '';
  let sepAt = 0;
  lines.forEach((line, index) => {
    let a = line.start;
    let b = line.end;
    const first = index === 0;
    const last = index === lines.length - 1;
    if (!first) while (a < b && (source[a] === ' ' || source[a] === '\t')) a++;
    if (!last) while (b > a && (source[b - 1] === ' ' || source[b - 1] === '\t')) b--;
    if (!first && !last && a === b) {
      if (sep === '\n') out.add('\n', base + line.start, base + line.end + 1);
      else sep = '\n';
    } else {
      out.add(sep, base + sepAt, base + sepAt + 1);
      copyLine(a, b);
      sep = ' ';
    }
    sepAt = line.end;
  });
  return out;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};

function decodeDoubleQuoted(source: string, base: number): MappedText {
  const out = new MappedText();
  const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';
  const end = closingQuoteAt(source, '"');
  for (let i = 1; i < end; i++) {
    const ch = source[i]!;
    if (ch === '\r' && source[i + 1] === '\n') continue;
    if (ch === '\n') {
      // A line break folds to a space, or to one '\n' per further empty line; indentation is dropped.
      const at = i;
      let breaks = '';
      while (isBlank(source[i + 1]) || source[i + 1] === '\n' || (source[i + 1] === '\r' && source[i + 2] === '\n')) {
        if (source[i + 1] === '\n') breaks += '\n';
        i++;
      }
      out.add(breaks === '' ? ' ' : breaks, base + at, base + i + 1);
    } else if (ch === '\\') {
      const at = i;
      const next = source[++i];
      if (next !== undefined && ESCAPES[next] !== undefined) {
        out.add(ESCAPES[next]!, base + at, base + i + 1);
      } else if (next === '\n' || (next === '\r' && source[i + 1] === '\n')) {
        // An escaped line break joins the lines with nothing between them.
        if (next === '\r') i++;
        while (isBlank(source[i + 1])) i++;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const digits = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = source.substr(i + 1, digits);
        const code = hex.length === digits && /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : NaN;
        const decoded = Number.isNaN(code) || code > 0x10ffff ? source.substr(at, digits + 2) : String.fromCodePoint(code);
        out.add(decoded, base + at, base + i + 1 + digits);
        i += digits;
      } else {
        // An invalid escape (the parser reports it) stays as written.
        out.copy(source, at, Math.min(i + 1, end), base);
      }
    } else if (isBlank(ch)) {
      // White space right before a line break is dropped.
      const wsStart = i;
      while (isBlank(source[i + 1])) i++;
      const next = source[i + 1];
      if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n')) out.copy(source, wsStart, i + 1, base);
    } else {
      out.copy(source, i, i + 1, base);
    }
  }
  return out;
}
