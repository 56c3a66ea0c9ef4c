// What every resolv.conf check needs: the file, the chosen libc, both libcs' reading of each line, and
// a place to put findings. Both readings are computed once, because several messages contrast them.
import type { CoreDiagnostic, Range, Severity } from '../types.js';
import { interpretGlibc } from './glibc.js';
import type { GlibcLine } from './glibc-line.js';
import type { Resolver, ResolvConfFile, ResolvConfLine } from './model.js';
import { interpretMusl, type MuslLine } from './musl.js';

export interface CheckContext {
  file: ResolvConfFile;
  resolver: Resolver;
  glibc: GlibcLine[];
  musl: MuslLine[];
  report(severity: Severity, code: string, range: Range, message: string): void;
}

export function createContext(file: ResolvConfFile, resolver: Resolver, out: CoreDiagnostic[]): CheckContext {
  return {
    file,
    resolver,
    glibc: interpretGlibc(file),
    musl: interpretMusl(file),
    report: (severity, code, range, message) => out.push({ severity, code, range, message }),
  };
}

/** The libc's name as messages print it. */
export function libcName(resolver: Resolver): string {
  return resolver === 'glibc' ? 'glibc' : 'musl';
}

/** Lines with a known keyword at column 1: the only lines either libc can act on. */
export function keywordLines(file: ResolvConfFile): ResolvConfLine[] {
  return file.lines.filter((l) => l.directive?.name !== undefined && l.directive.atLineStart);
}

/** 1-based line number for messages. */
export function lineNo(line: ResolvConfLine | number): number {
  return (typeof line === 'number' ? line : line.line) + 1;
}

/** Shows a value in a message: an invisible carriage return made visible, very long values shortened. */
export function quote(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `\`${shown.replace(/\r/g, '\\r')}\``;
}

/** The range from the start of `from` to the end of the line's visible text. */
export function toLineEnd(line: ResolvConfLine, from: Range): Range {
  return { start: from.start, end: { line: line.line, character: line.text.length } };
}

/** A word written as a trailing comment: resolv.conf has none, but people write them. */
export function startsComment(text: string): boolean {
  return text.startsWith('#') || text.startsWith(';');
}

/** The range of a line's first word, or of the whole line when it has none. */
export function keywordRange(line: ResolvConfLine): Range {
  return line.directive?.keyword.range ?? line.range;
}
