// The one runner for the plugin modules' setup tables, in the style of CoreDNS's setup_test.go: each case
// is a whole Corefile, whether CoreDNS starts with it, and the diagnostic codes the linter must (or must
// not) report. Every case goes through analyzeCorefile, the public entry point, as the Corefile
// /etc/coredns/Corefile, with exactly the files the case names and nothing else on disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCorefile, type CorefileAnalysis } from '../../server/src/core/corefile/analyze.js';
import { emptyHost, memoryHost } from '../../server/src/core/host.js';
import { defaultSettings } from '../../server/src/core/settings.js';

/** Where the Corefile under test lies; relative file arguments resolve from its folder. */
export const COREFILE_PATH = '/etc/coredns/Corefile';

export interface PluginCase {
  corefile: string;
  /** Does CoreDNS start with it, that is, is there no error diagnostic at all? */
  ok: boolean;
  /** An error code that must be among the errors (for cases with ok: false). */
  code?: string;
  /** Warning codes that must all be reported. */
  warnings?: string[];
  /** Warning codes that must not be reported. */
  noWarnings?: string[];
  /** The files that exist, by absolute path, for file arguments (zone files, keys, resolv.conf...). */
  files?: Record<string, string>;
}

export function analyze(corefile: string, files?: Record<string, string>): CorefileAnalysis {
  const host = files ? memoryHost(files) : emptyHost;
  return analyzeCorefile({ uri: `file://${COREFILE_PATH}`, path: COREFILE_PATH, text: corefile }, defaultSettings, host);
}

/** The typed configuration a plugin module produced for the first server block. */
export function configOf<T>(corefile: string, plugin: string, files?: Record<string, string>): T {
  return analyze(corefile, files).blocks[0]!.configs.get(plugin) as T;
}

export function runTable(plugin: string, cases: readonly PluginCase[]): void {
  cases.forEach((item, index) => {
    test(`${plugin} #${index}: ${item.corefile.replace(/\s+/g, ' ').trim()}`, () => {
      const { diagnostics } = analyze(item.corefile, item.files);
      const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
      const warnings = diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code);
      if (item.ok) assert.deepEqual(errors, [], `expected no errors, got ${JSON.stringify(diagnostics)}`);
      else assert.ok(errors.length > 0, `expected an error for:\n${item.corefile}`);
      if (item.code) assert.ok(errors.includes(item.code), `expected ${item.code} among [${errors.join(', ')}]`);
      for (const code of item.warnings ?? []) {
        assert.ok(warnings.includes(code), `expected warning ${code} among [${warnings.join(', ')}]`);
      }
      for (const code of item.noWarnings ?? []) {
        assert.ok(!warnings.includes(code), `unexpected warning ${code} among [${warnings.join(', ')}]`);
      }
    });
  });
}
