// The syntax model of a resolv.conf file. It records what is written and where, line by line; what a
// C library makes of it is computed separately (glibc.ts, musl.ts), because glibc and musl read the
// same bytes differently and the editor has to show both.
import type { CoreDiagnostic, Range } from '../types.js';

/** The keywords glibc understands. musl reads only nameserver, domain, search and options. */
export type ResolvConfKeyword = 'nameserver' | 'domain' | 'search' | 'sortlist' | 'options';

export const RESOLV_CONF_KEYWORDS: readonly ResolvConfKeyword[] = ['nameserver', 'domain', 'search', 'sortlist', 'options'];

export type Resolver = 'glibc' | 'musl';

/** One word of the file with its place. */
export interface ResolvConfToken {
  text: string;
  /** Offset of the first character in the whole document (UTF-16 code units). */
  offset: number;
  range: Range;
}

/** One word of an `options` line, split the way people read it: `-name:value`. */
export interface ResolvConfOption {
  token: ResolvConfToken;
  /** The word starts with `-` (glibc 2.41+ clears the flag). */
  negated: boolean;
  /** The option name without `-` and without the `:value` part, e.g. `ndots` or `rotate`. */
  name: string;
  nameRange: Range;
  /** The text after the first `:`, or undefined when the word has no colon. May be empty. */
  value?: string;
  valueRange?: Range;
}

/** A line whose first word is not a comment: a keyword (known or not) followed by values. */
export interface ResolvConfDirective {
  line: number;
  /** The first word of the line, whatever it is. */
  keyword: ResolvConfToken;
  /** Set when the first word is exactly one of glibc's keywords (they are case-sensitive). */
  name?: ResolvConfKeyword;
  /** True when the first word starts at column 1; both libcs ignore keywords anywhere else. */
  atLineStart: boolean;
  values: ResolvConfToken[];
  /** The words of an `options` line, parsed; empty for other keywords. */
  options: ResolvConfOption[];
  /** From the start of the keyword to the end of the last value. */
  range: Range;
}

export interface ResolvConfLine {
  line: number;
  kind: 'empty' | 'comment' | 'directive';
  /** The line as an editor shows it: without the line break and without the `\r` of a CRLF ending. */
  text: string;
  /**
   * The line as the C library reads it (glibc's getline and musl's fgets keep a `\r`): `text` plus a
   * final `\r` when the line ended with CRLF. The `\n` is not included.
   */
  raw: string;
  /** The line ended with `\r\n` (or the file ended with a lone `\r`). */
  crlf: boolean;
  /** A `\n` follows the line (false only for a last line without line break). */
  newline: boolean;
  /** Offset of the line's first character in the document. */
  offset: number;
  /** The visible line, without its line break. */
  range: Range;
  comment?: ResolvConfToken;
  directive?: ResolvConfDirective;
}

export interface ResolvConfFile {
  text: string;
  /** One entry per physical line (split at `\n`), blank and comment lines included. */
  lines: ResolvConfLine[];
  /** The directive lines in file order (the same objects as in `lines`). */
  directives: ResolvConfDirective[];
  /** Problems the parser itself found. The grammar accepts every input, so this is normally empty. */
  parseErrors: CoreDiagnostic[];
}
