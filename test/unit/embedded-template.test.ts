// Templated YAML (Helm and Jinja): template actions are masked, the literal rest is analysed, and findings
// on lines a template decides are left out. Every expected finding's YAML range is checked exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findEmbeddedCorefiles } from '../../server/src/core/embedded/find.js';
import { maskTemplates } from '../../server/src/core/embedded/template.js';
import { emptyHost } from '../../server/src/core/host.js';
import { analyzeDocument } from '../../server/src/core/service.js';
import { defaultSettings } from '../../server/src/core/settings.js';
import { repoRoot } from '../support/shared.js';

const fixture = (name: string): string => readFileSync(join(repoRoot, 'test', 'fixtures', 'embedded', 'templates', name), 'utf8');
const lint = (text: string): string[] =>
  analyzeDocument({ uri: 'file:///t.yaml', text, language: 'yaml' }, defaultSettings, emptyHost).diagnostics
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity} ${d.code}`);

const CASES: Array<{ name: string; file: string; expected: string[] }> = [
  {
    name: 'Helm: templated values and an if-section are left out, the literal lines are checked',
    file: 'helm-partial.yaml',
    expected: [
      '8:3-8:11 information embedded/template-partly-checked',
      '14:9-14:14 error core/once-per-block',
      '19:9-19:14 error core/unknown-directive',
    ],
  },
  {
    name: 'Helm: actions at column 0 inside the block scalar do not end it',
    file: 'helm-column0.yaml',
    expected: ['3:3-3:11 information embedded/template-partly-checked', '13:16-13:18 error reload/interval-too-short'],
  },
  {
    name: 'Helm: a whole value from a template is named, not checked',
    file: 'helm-whole-value.yaml',
    expected: ['3:3-3:11 information embedded/template-partly-checked', '4:3-4:15 information embedded/template-partly-checked'],
  },
  {
    name: 'Jinja (kubespray): statements are masked like Go actions',
    file: 'jinja.yaml',
    expected: ['3:3-3:11 information embedded/template-partly-checked', '10:9-10:14 error core/once-per-block'],
  },
  {
    name: "the template plugin's own {{ .Name }} is CoreDNS syntax, not a manifest template",
    file: 'template-plugin.yaml',
    expected: ['8:9-8:14 error core/unknown-directive'],
  },
  {
    name: 'unclosed actions and broken YAML do not flood the file',
    file: 'unclosed.yaml',
    expected: ['3:3-3:11 information embedded/template-partly-checked'],
  },
];

for (const c of CASES) test(c.name, () => assert.deepEqual(lint(fixture(c.file)), c.expected));

test('masking keeps every line and the columns of literal text', () => {
  const yaml = fixture('helm-partial.yaml');
  const masked = maskTemplates(yaml)!;
  assert.equal(masked.text.split('\n').length, yaml.split('\n').length);
  assert.equal(masked.text.split('\n')[0], '');
  assert.equal(masked.text.split('\n')[10], '        kubernetes ___________________________ in-addr.arpa ip6.arpa');
  assert.equal(maskTemplates('kind: ConfigMap\n'), undefined);
});

test('positions inside a masked file map to the original YAML', () => {
  const [corefile] = findEmbeddedCorefiles(fixture('helm-partial.yaml'));
  assert.ok(corefile!.templated);
  // `bogus` is on line 19 (0-based 18) at column 8, after emptied action lines.
  const line = corefile!.map.text.split('\n').findIndex((l) => l.trim() === 'bogus');
  assert.deepEqual(corefile!.map.toYaml({ start: { line, character: 4 }, end: { line, character: 9 } }), {
    start: { line: 18, character: 8 },
    end: { line: 18, character: 13 },
  });
  // Line 21 (0-based 20), the `{{- end }}` right after the value, counts as its last line once emptied.
  assert.deepEqual([...corefile!.uncertainLines].sort((a, b) => a - b), [10, 11, 14, 15, 16, 17, 20]);
});
