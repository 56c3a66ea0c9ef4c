// The SARIF 2.1.0 report of `corefile lint` (`--format sarif`), the format code-scanning services (GitHub,
// GitLab, Azure DevOps) read to show findings on pull requests. One run, one rule per diagnostic code,
// one result per finding; regions are 1-based with the end column after the last character, and columns
// count UTF-16 code units, as the editor's do.
import type { CoreDiagnostic, Range, Severity } from '../core/types.js';
import type { FileReport } from './report.js';
import { PRODUCT_VERSION } from './version.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion };
  message?: { text: string };
}

function region(r: Range): SarifRegion {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** A path as a SARIF artifact URI: relative paths stay relative (to the directory the command ran in). */
function artifactUri(path: string): string {
  const slashed = path.replace(/\\/g, '/').replace(/^\.\//, '');
  return slashed.split('/').map((part) => (part === '' ? part : encodeURIComponent(part))).join('/');
}

function result(d: CoreDiagnostic, path: string, ruleIndex: number): Record<string, unknown> {
  const location: SarifLocation = { physicalLocation: { artifactLocation: { uri: artifactUri(path) }, region: region(d.range) } };
  const out: Record<string, unknown> = {
    ruleId: d.code,
    ruleIndex,
    level: LEVELS[d.severity],
    message: { text: d.message },
    locations: [location],
  };
  if (d.related !== undefined && d.related.length > 0) {
    // Related places are URIs already (another file of the workspace, or this one).
    out.relatedLocations = d.related.map((rel, id) => ({
      id,
      physicalLocation: { artifactLocation: { uri: rel.uri }, region: region(rel.range) },
      message: { text: rel.message },
    }));
  }
  return out;
}

export function formatSarif(files: readonly FileReport[]): string {
  const ruleIds: string[] = [];
  const indexOf = new Map<string, number>();
  const results: Array<Record<string, unknown>> = [];
  for (const file of files) {
    for (const d of file.diagnostics) {
      let index = indexOf.get(d.code);
      if (index === undefined) {
        index = ruleIds.length;
        ruleIds.push(d.code);
        indexOf.set(d.code, index);
      }
      results.push(result(d, file.path, index));
    }
  }
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'corefile-lens', version: PRODUCT_VERSION, rules: ruleIds.map((id) => ({ id })) } },
        columnKind: 'utf16CodeUnits',
        artifacts: files.map((f) => ({ location: { uri: artifactUri(f.path) } })),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
