// Plain data shared by every part of the core. Positions and ranges are LSP's (0-based line and
// UTF-16 character), so features can hand them to the language server without conversion.
import type { Position, Range } from 'vscode-languageserver-types';

export type { Position, Range };

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** The languages the core understands. `yaml` means Kubernetes YAML that may hold Corefiles. */
export type LanguageId = 'corefile' | 'resolvconf' | 'yaml';

/** A place in a document, used for related information and for steps that point at the config. */
export interface Location {
  uri: string;
  range: Range;
}

/**
 * One finding. `code` is stable (`syntax/unclosed-block`, `forward/too-many-upstreams`): users
 * filter on it and tests assert it, so it never changes once shipped.
 */
export interface CoreDiagnostic {
  severity: Severity;
  code: string;
  message: string;
  range: Range;
  /** Set when the finding belongs to another document than the one analysed (an imported file). */
  uri?: string;
  related?: Array<Location & { message: string }>;
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}
