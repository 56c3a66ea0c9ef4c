// Shared runner for the table tests of the group-A directive modules: each row is a whole Corefile,
// whether CoreDNS accepts it, and the diagnostic codes the linter must (or must not) report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCorefile, type CorefileAnalysis } from '../../../server/src/core/corefile/analyze.js';
import { emptyHost, type FileHost } from '../../../server/src/core/host.js';
import { defaultSettings } from '../../../server/src/core/settings.js';

export interface Row {
  corefile: string;
  /** Does CoreDNS start with it (no error diagnostics)? */
  ok: boolean;
  /** An error code that must be among the errors (for ok: false rows). */
  code?: string;
  /** Warning codes that must be reported. */
  warnings?: string[];
  /** Warning codes that must NOT be reported. */
  noWarnings?: string[];
  host?: FileHost;
  path?: string;
}

export function analyze(corefile: string, host: FileHost = emptyHost, path?: string): CorefileAnalysis {
  return analyzeCorefile({ uri: 'file:///work/Corefile', path, text: corefile }, defaultSettings, host);
}

export function runTable(name: string, rows: readonly Row[]): void {
  for (const [i, row] of rows.entries()) {
    test(`${name} #${i}: ${row.corefile.replace(/\s+/g, ' ').trim()}`, () => {
      const { diagnostics } = analyze(row.corefile, row.host, row.path);
      const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
      const warnings = diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code);
      if (row.ok) assert.deepEqual(errors, [], `unexpected errors: ${JSON.stringify(diagnostics)}`);
      else assert.ok(errors.length > 0, 'expected an error');
      if (row.code) assert.ok(errors.includes(row.code), `expected ${row.code}, got ${errors.join(', ')}`);
      for (const w of row.warnings ?? []) assert.ok(warnings.includes(w), `expected warning ${w}, got ${warnings.join(', ')}`);
      for (const w of row.noWarnings ?? []) assert.ok(!warnings.includes(w), `unexpected warning ${w}`);
    });
  }
}

/** The typed config a module produced for the first block. */
export function configOf<T>(corefile: string, directive: string, host: FileHost = emptyHost): T {
  return analyze(corefile, host).blocks[0]!.configs.get(directive) as T;
}
