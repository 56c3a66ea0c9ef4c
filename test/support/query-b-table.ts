// Runs a table of Corefiles through the public analysis and compares the diagnostics of one plugin
// with the expected outcome, in the style of CoreDNS's setup_test.go. Shared by group B's plugin tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCorefile, type CorefileAnalysis } from '../../server/src/core/corefile/analyze.js';
import { emptyHost, type FileHost } from '../../server/src/core/host.js';
import { defaultSettings } from '../../server/src/core/settings.js';

export interface Row {
  corefile: string;
  /** True when CoreDNS accepts it: no error at all. */
  ok: boolean;
  /** The expected error code (every error must carry it) when ok is false. */
  code?: string;
  /** Warning codes that must be present. */
  warnings?: string[];
  /** Files the host knows, for file arguments. */
  files?: Record<string, string>;
}

export function analyze(corefile: string, host: FileHost = emptyHost, path = '/etc/coredns/Corefile'): CorefileAnalysis {
  return analyzeCorefile({ uri: 'file:///etc/coredns/Corefile', path, text: corefile }, defaultSettings, host);
}

export function runTable(title: string, rows: readonly Row[], hostFor: (files: Record<string, string>) => FileHost): void {
  rows.forEach((row, index) => {
    test(`${title} #${index}: ${row.ok ? 'accepted' : `refused (${row.code})`}`, () => {
      const { diagnostics } = analyze(row.corefile, row.files ? hostFor(row.files) : emptyHost);
      const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
      if (row.ok) assert.deepEqual(errors, [], row.corefile);
      else {
        assert.ok(errors.length > 0, `expected an error for:\n${row.corefile}`);
        if (row.code) assert.ok(errors.includes(row.code), `expected ${row.code}, got ${errors.join(', ')}`);
      }
      const warnings = diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code);
      for (const w of row.warnings ?? []) assert.ok(warnings.includes(w), `expected warning ${w}, got ${warnings.join(', ') || 'none'}`);
    });
  });
}
