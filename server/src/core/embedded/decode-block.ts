// Decodes a literal (`|`) or folded (`>`) block scalar from its source token while remembering, for every
// unit of the result, where it sits in the YAML. The rules follow the YAML 1.2 spec as the `yaml` package
// applies them (indentation detection, explicit indentation indicators, chomping), so the text we analyse
// is the text Kubernetes hands to CoreDNS; find.ts compares the two and refuses to map on any difference.
import type { CST } from 'yaml';
import { MappedText } from './mapped-text.js';

interface Header {
  folded: boolean;
  /** The explicit indentation indicator (1-9), or 0 when the indentation is detected from content. */
  indent: number;
  chomp: '' | '-' | '+';
  /** Characters from the header's first character to the first content line. */
  length: number;
}

function readHeader(token: CST.BlockScalar): Header | undefined {
  const first = token.props[0];
  if (first === undefined || first.type !== 'block-scalar-header') return undefined;
  let indent = 0;
  let chomp: Header['chomp'] = '';
  for (const ch of first.source.slice(1)) {
    if (chomp === '' && (ch === '-' || ch === '+')) chomp = ch;
    else if (indent === 0 && /[1-9]/.test(ch)) indent = Number(ch);
  }
  // Spaces, a comment and the line break after the indicator all belong to the header.
  let length = 0;
  for (const prop of token.props) length += 'source' in prop && typeof prop.source === 'string' ? prop.source.length : 0;
  return { folded: first.source[0] === '>', indent, chomp, length };
}

interface SourceLine {
  /** Offset of the line's first character within the token's source. */
  start: number;
  indent: number;
  /** The line after its leading spaces, without a trailing carriage return. */
  content: string;
  /** Offset of the line's '\n' (or of the source's end) within the token's source. */
  end: number;
}

function splitSource(source: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  for (;;) {
    const nl = source.indexOf('\n', start);
    const end = nl === -1 ? source.length : nl;
    const raw = source.slice(start, end);
    const indent = /^ */.exec(raw)![0].length;
    const content = raw.slice(indent).replace(/\r$/, '');
    lines.push({ start, indent, content, end });
    if (nl === -1) break;
    start = nl + 1;
  }
  // A source ending in '\n' yields a last, empty line: like the YAML library, it counts for keep chomping.
  return lines;
}

export function decodeBlockScalar(token: CST.BlockScalar): MappedText | undefined {
  const header = readHeader(token);
  if (header === undefined) return undefined;
  const base = token.offset + header.length;
  const source = token.source;
  const out = new MappedText();
  if (source === '') return out;
  const lines = splitSource(source);
  const isBlank = (l: SourceLine): boolean => l.content === '';
  // Trailing blank lines are not content: chomping decides what becomes of them.
  let chompStart = lines.length;
  while (chompStart > 0 && isBlank(lines[chompStart - 1]!)) chompStart--;
  if (chompStart === 0) {
    if (header.chomp === '+') {
      const last = lines[lines.length - 1]!;
      out.add('\n'.repeat(Math.max(1, lines.length - 1)), base + last.start, base + last.end);
    }
    return out;
  }
  // The content's indentation: given by the indicator, else by the first non-blank line (or a more
  // indented blank line before it).
  let trim = token.indent + header.indent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; i++) {
    const line = lines[i]!;
    if (isBlank(line)) {
      if (header.indent === 0 && line.indent > trim) trim = line.indent;
      continue;
    }
    if (header.indent === 0) trim = line.indent;
    contentStart = i;
    break;
  }
  for (let i = lines.length - 1; i >= chompStart; i--) {
    if (lines[i]!.indent > trim) chompStart = i + 1;
  }
  // Leading blank lines are kept as they are, spaces beyond the indentation included.
  for (let i = 0; i < contentStart; i++) {
    const line = lines[i]!;
    out.copy(source, line.start + Math.min(trim, line.indent), line.start + line.indent, base);
    out.add('\n', base + line.end, base + line.end + 1);
  }
  let sep = '';
  let sepAt = 0;
  let prevMoreIndented = false;
  const emitSep = (): void => out.add(sep, base + sepAt, base + sepAt + 1);
  for (let i = contentStart; i < chompStart; i++) {
    const line = lines[i]!;
    // A line less indented than the content is an error the parser reports; its text is kept whole.
    const cut = line.content !== '' && line.indent < trim ? line.indent : Math.min(trim, line.indent);
    const from = line.start + cut;
    const to = line.start + line.indent + line.content.length;
    if (!header.folded) {
      emitSep();
      out.copy(source, from, to, base);
      sep = '\n';
    } else if (line.indent > trim || line.content[0] === '\t') {
      // More-indented lines of a folded scalar keep their line breaks.
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      emitSep();
      out.copy(source, from, to, base);
      sep = '\n';
      prevMoreIndented = true;
    } else if (line.content === '') {
      if (sep === '\n') out.add('\n', base + line.start, base + line.end + 1);
      else sep = '\n';
    } else {
      emitSep();
      out.copy(source, from, to, base);
      sep = ' ';
      prevMoreIndented = false;
    }
    sepAt = line.end;
  }
  if (header.chomp === '+') {
    for (let i = chompStart; i < lines.length; i++) {
      const line = lines[i]!;
      out.add('\n', base + sepAt, base + sepAt + 1);
      out.copy(source, line.start + Math.min(trim, line.indent), line.start + line.indent, base);
      sepAt = line.end;
    }
    if (out.lastChar() !== '\n') out.add('\n', base + sepAt, base + sepAt + 1);
  } else if (header.chomp === '') {
    out.add('\n', base + sepAt, base + sepAt + 1);
  }
  return out;
}
