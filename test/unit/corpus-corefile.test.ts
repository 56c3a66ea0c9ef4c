// Every real Corefile of ../shared/corpus that CoreDNS accepts must lint with no error, and the Corefiles
// inside the corpus ConfigMaps must parse with no syntax error. Read in place, never copied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { analyzeCorefile } from '../../server/src/core/corefile/analyze.js';
import { parseCorefile } from '../../server/src/core/corefile/parse.js';
import { emptyHost } from '../../server/src/core/host.js';
import { defaultSettings } from '../../server/src/core/settings.js';
import { sharedAvailable, sharedDir } from '../support/shared.js';

const available = sharedAvailable();

/**
 * Corpus Corefiles outside invalid/ that CoreDNS itself refuses, with the finding that says why. They are
 * checked for that finding instead of for silence, so the linter must still catch them.
 */
const REFUSED_BY_COREDNS: Record<string, { code: string; why: string }> = {
  'af3556-coredns-templates__Corefile.Corefile': {
    code: 'core/duplicate-address',
    why: 'c.corp.example.com is served twice on port 53; CoreDNS stops with "cannot serve dns://c.corp.example.com.:53 - it is already defined" (core/dnsserver/register.go)',
  },
  'coredns-coredns__plugin-view-L47.Corefile': {
    code: 'core/unknown-directive',
    why: "a stray '}' (line 28) becomes an address and, with no brace after it, the next block's '.' is read as a directive: Unknown directive '.'",
  },
  'coredns-coredns__plugin-nomad-L115.Corefile': {
    code: 'core/once-per-block',
    why: "the README example uses 'cache' twice in one block, and cache may appear once (plugin.ErrOnce in plugin/cache/setup.go)",
  },
  'coredns-coredns__plugin-sign-L115.Corefile': {
    code: 'sign/key-directory-not-implemented',
    why: "'key directory' is refused by plugin/sign/setup.go keyParse: \"directory: not implemented\"",
  },
  'coredns-coredns__plugin-sign-L128.Corefile': {
    code: 'sign/key-directory-not-implemented',
    why: "'key directory' is refused by plugin/sign/setup.go keyParse: \"directory: not implemented\"",
  },
  'coredns-corefile-migration__migrate_test-L88.Corefile': {
    code: 'forward/missing-value',
    why: "a bare 'except' inside forward is an argument error in plugin/forward/setup.go (verdict forward-54 agrees); the file is a migration test string",
  },
};
const skip = available ? false : '../shared is not present';

test('corpus: Corefiles CoreDNS accepts lint with no error', { skip }, async (t) => {
  const dir = join(sharedDir, 'corpus', 'corefiles');
  for (const name of readdirSync(dir).sort()) {
    await t.test(name, () => {
      const path = join(dir, name);
      const text = readFileSync(path, 'utf8');
      const { diagnostics } = analyzeCorefile({ uri: `file://${path}`, path, text }, defaultSettings, emptyHost);
      const errors = diagnostics.filter((d) => d.severity === 'error');
      const refused = REFUSED_BY_COREDNS[name];
      if (refused) {
        assert.ok(errors.some((e) => e.code === refused.code), `expected ${refused.code}: ${refused.why}`);
        return;
      }
      assert.deepEqual(errors.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}: ${d.message}`), []);
    });
  }
});

test('corpus: Corefiles inside ConfigMaps parse with no syntax error', { skip }, async (t) => {
  const dir = join(sharedDir, 'corpus', 'configmaps');
  const names = readdirSync(dir).sort();
  // A raw template (sed, Helm, Jinja) that has a rendered variant beside it is not what CoreDNS reads; the
  // corpus keeps both, and the rendered one is checked.
  const isRawTemplate = (name: string): boolean =>
    !name.includes('.rendered') && names.some((other) => other !== name && other.includes('.rendered') && other.startsWith(name.replace(/\.ya?ml$/, '')));
  for (const name of names) {
    await t.test(name, { skip: isRawTemplate(name) ? 'raw template; its rendered variant is checked' : false }, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      for (const doc of parseAllDocuments(text)) {
        if (!('toJS' in doc)) continue;
        const value: unknown = doc.errors.length === 0 ? doc.toJS() : undefined;
        for (const corefile of corefilesIn(value)) {
          const tree = parseCorefile(corefile, 'file:///configmap/Corefile');
          assert.deepEqual(tree.errors.filter((e) => e.severity === 'error').map((e) => `${e.code}: ${e.message}`), []);
        }
      }
    });
  }
});

/** The Corefile-like strings of ConfigMaps: `data.Corefile` and keys ending in `.server`, in lists too. */
function corefilesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(corefilesIn);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.items)) return corefilesIn(record.items);
  const data = record.data;
  if (record.kind !== 'ConfigMap' || typeof data !== 'object' || data === null) return [];
  return Object.entries(data as Record<string, unknown>)
    .filter(([key, v]) => typeof v === 'string' && (key === 'Corefile' || key.endsWith('.server')))
    .map(([, v]) => v as string);
}
