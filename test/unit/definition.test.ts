// Go to definition through the core (definitionAt): from an import to the snippet, the files, or the
// coredns-custom keys it brings in, for Corefiles and for ConfigMaps in one file or across the workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { YamlSource } from '../../server/src/core/embedded/workspace.js';
import { definitionAt } from '../../server/src/core/features/definition.js';
import { memoryHost } from '../../server/src/core/host.js';
import type { DocumentInput } from '../../server/src/core/service.js';
import { defaultSettings } from '../../server/src/core/settings.js';
import type { Location } from '../../server/src/core/types.js';
import { repoRoot } from '../support/shared.js';

const host = memoryHost({
  '/etc/coredns/zones/a.conf': 'a.example {\n}\n',
  '/etc/coredns/zones/b.conf': 'b.example {\n}\n',
  '/srv/dns/extra.conf': 'extra.example {\n}\n',
});
const show = (l: Location): string => `${l.uri} ${l.range.start.line + 1}:${l.range.start.character + 1}-${l.range.end.line + 1}:${l.range.end.character + 1}`;

const COREFILE = [
  '(common) {',             // 1
  '    errors',             // 2
  '}',                      // 3
  '.:53 {',                 // 4
  '    import common',      // 5
  '    import /etc/coredns/zones/*.conf', // 6
  '}',                      // 7
  'import extra.conf',      // 8
  'import missing.conf',    // 9
  '',
].join('\n');

const workspaceFile = (name: string): YamlSource => ({
  uri: `file:///ws/${name}`,
  text: readFileSync(join(repoRoot, 'test', 'fixtures', 'embedded', 'workspace', name), 'utf8'),
});
const MAIN = workspaceFile('coredns.yaml');
const CUSTOM = workspaceFile('coredns-custom.yaml');
const AKS: YamlSource = { uri: 'file:///ws/aks.yaml', text: readFileSync(join(repoRoot, 'test', 'fixtures', 'embedded', 'aks-custom.yaml'), 'utf8') };
const OVERRIDE_WITH_SNIPPET: YamlSource = {
  uri: 'file:///ws/snip.yaml',
  text: 'kind: ConfigMap\ndata:\n  Corefile: |\n    (logging) {\n        log\n    }\n    .:53 {\n        import logging\n    }\n',
};

const CASES: Array<{ name: string; doc: DocumentInput; line: number; character: number; expected: string[] }> = [
  {
    name: 'Corefile: import of a snippet goes to its (name)',
    doc: { uri: 'file:///srv/dns/Corefile', path: '/srv/dns/Corefile', text: COREFILE, language: 'corefile' },
    line: 4, character: 12,
    expected: ['file:///srv/dns/Corefile 1:1-1:9'],
  },
  {
    name: 'Corefile: an import glob goes to every file it matches',
    doc: { uri: 'file:///srv/dns/Corefile', path: '/srv/dns/Corefile', text: COREFILE, language: 'corefile' },
    line: 5, character: 20,
    expected: ['file:///etc/coredns/zones/a.conf 1:1-1:1', 'file:///etc/coredns/zones/b.conf 1:1-1:1'],
  },
  {
    name: "Corefile: a relative import resolves from the Corefile's directory",
    doc: { uri: 'file:///srv/dns/Corefile', path: '/srv/dns/Corefile', text: COREFILE, language: 'corefile' },
    line: 7, character: 9,
    expected: ['file:///srv/dns/extra.conf 1:1-1:1'],
  },
  {
    name: 'Corefile: a missing file and a place that is no import lead nowhere',
    doc: { uri: 'file:///srv/dns/Corefile', path: '/srv/dns/Corefile', text: COREFILE, language: 'corefile' },
    line: 8, character: 9,
    expected: [],
  },
  {
    name: 'YAML: a snippet in the same key, mapped to YAML positions',
    doc: { uri: OVERRIDE_WITH_SNIPPET.uri, text: OVERRIDE_WITH_SNIPPET.text, language: 'yaml' },
    line: 7, character: 17,
    expected: ['file:///ws/snip.yaml 4:5-4:14'],
  },
  {
    name: 'YAML, same file: the custom mount import goes to the matching keys',
    doc: { uri: AKS.uri, text: AKS.text, language: 'yaml' },
    line: 14, character: 15,
    expected: ['file:///ws/aks.yaml 26:3-26:17'],
  },
  {
    name: 'YAML, workspace: *.server goes to each .server key of the coredns-custom file',
    doc: { uri: MAIN.uri, text: MAIN.text, language: 'yaml', workspace: [MAIN, CUSTOM] },
    line: 15, character: 20,
    expected: ['file:///ws/coredns-custom.yaml 12:3-12:14', 'file:///ws/coredns-custom.yaml 8:3-8:17'],
  },
  {
    name: 'YAML, workspace: *.override from inside the default block',
    doc: { uri: MAIN.uri, text: MAIN.text, language: 'yaml', workspace: [MAIN, CUSTOM] },
    line: 13, character: 12,
    expected: ['file:///ws/coredns-custom.yaml 18:3-18:16'],
  },
  {
    name: 'YAML, workspace: a glob no key matches leads nowhere',
    doc: { uri: MAIN.uri, text: MAIN.text, language: 'yaml', workspace: [MAIN, CUSTOM] },
    line: 16, character: 20,
    expected: [],
  },
];

for (const c of CASES) {
  test(c.name, () => {
    const found = definitionAt(c.doc, { line: c.line, character: c.character }, defaultSettings, host).map(show);
    assert.deepEqual(found, c.expected);
  });
}
