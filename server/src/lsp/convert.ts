// Turns the core's findings into LSP diagnostics. The core already speaks LSP's 0-based UTF-16 ranges;
// what is added here is the protocol's shape: numeric severities, the source name and related locations.
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { CoreDiagnostic, Severity } from '../core/types.js';

/** Shown by VS Code next to every message, and the name users filter the Problems view by. */
export const DIAGNOSTIC_SOURCE = 'corefile-lens';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const documentStart = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Converts one finding about the document `uri`. A finding the core could not place in this document
 * (it carries another `uri`) is shown at the start of the document, with its real place as related
 * information, because its range means nothing in this document's text.
 */
export function toLspDiagnostic(d: CoreDiagnostic, uri: string): Diagnostic {
  const foreign = d.uri !== undefined && d.uri !== uri;
  const related: DiagnosticRelatedInformation[] = [];
  if (foreign) related.push({ location: { uri: d.uri!, range: d.range }, message: d.message });
  for (const r of d.related ?? []) related.push({ location: { uri: r.uri, range: r.range }, message: r.message });
  const diagnostic: Diagnostic = {
    range: foreign ? documentStart : d.range,
    severity: severities[d.severity],
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
  };
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}
