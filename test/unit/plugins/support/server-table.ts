// Runs setup_test.go-style tables for the server-group directive modules: each row is a whole Corefile,
// whether CoreDNS accepts it, and the error (or warning) code we expect, checked through analyzeCorefile.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeCorefile, type CorefileAnalysis } from '../../../../server/src/core/corefile/analyze.js';
import { emptyHost, memoryHost } from '../../../../server/src/core/host.js';
import { defaultSettings } from '../../../../server/src/core/settings.js';

export interface Row {
  corefile: string;
  ok: boolean;
  /** An error code that must be among the errors (rows with ok: false). */
  code?: string;
  /** A warning code that must be among the warnings. */
  warning?: string;
  /** Files the host knows, by absolute path; the Corefile lies at /etc/coredns/Corefile. */
  files?: Record<string, string>;
}

export function analyze(corefile: string, files?: Record<string, string>): CorefileAnalysis {
  const host = files ? memoryHost(files) : emptyHost;
  return analyzeCorefile({ uri: 'file:///etc/coredns/Corefile', path: '/etc/coredns/Corefile', text: corefile }, defaultSettings, host);
}

export function runTable(plugin: string, rows: readonly Row[]): void {
  rows.forEach((row, i) => {
    test(`${plugin} #${i}: ${row.corefile.replace(/\s+/g, ' ').trim()}`, () => {
      const { diagnostics } = analyze(row.corefile, row.files);
      const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
      const warnings = diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code);
      if (row.ok) assert.deepEqual(errors, [], `expected no errors, got ${errors.join(', ')}`);
      else assert.ok(errors.length > 0, 'expected an error');
      if (row.code) assert.ok(errors.includes(row.code), `expected ${row.code} among [${errors.join(', ')}]`);
      if (row.warning) assert.ok(warnings.includes(row.warning), `expected warning ${row.warning} among [${warnings.join(', ')}]`);
    });
  });
}

/** The configuration a module produced for the first server block. */
export function configOf<T>(corefile: string, plugin: string, files?: Record<string, string>): T {
  return analyze(corefile, files).blocks[0]!.configs.get(plugin) as T;
}
