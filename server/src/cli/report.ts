// The two output formats of `corefile lint`. Both are public contracts (DESIGN.md, "CLI"): scripts parse
// them, so their shape changes only with a new "version" in the JSON.
import type { CoreDiagnostic, LanguageId, Range } from '../core/types.js';

export interface FileReport {
  path: string;
  language: LanguageId;
  diagnostics: CoreDiagnostic[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
}

export function summarize(files: readonly FileReport[]): Summary {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const d of file.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
  }
  return { files: files.length, errors, warnings };
}

/** `path:line:column: severity code: message`, 1-based, one finding per line, then the summary line. */
export function formatText(files: readonly FileReport[], withSummary: boolean): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const d of file.diagnostics) {
      const { line, character } = d.range.start;
      // A message is one line of the report whatever it holds, so line-based tools can split on newlines.
      const message = d.message.replace(/\s*\r?\n\s*/g, ' ');
      lines.push(`${file.path}:${line + 1}:${character + 1}: ${d.severity} ${d.code}: ${message}`);
    }
  }
  if (withSummary) lines.push(summaryLine(summarize(files)));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function summaryLine(s: Summary): string {
  return `${count(s.files, 'file')}, ${count(s.errors, 'error')}, ${count(s.warnings, 'warning')}`;
}

/** The JSON report, version 1; ranges stay 0-based as in LSP. */
export function formatJson(files: readonly FileReport[]): string {
  const report = {
    version: 1,
    files: files.map((file) => ({
      path: file.path,
      language: file.language,
      diagnostics: file.diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message, range: copyRange(d.range) })),
    })),
    summary: summarize(files),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function copyRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
