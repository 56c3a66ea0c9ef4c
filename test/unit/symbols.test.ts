// Document symbols through the core (documentSymbols): the outline of Corefiles, resolv.conf files and
// Corefiles inside ConfigMaps. Each symbol is written as one line, `kind name [detail] range @selection`
// with 0-based `line:character` positions, children indented under their parent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentSymbols, type OutlineSymbol } from '../../server/src/core/features/symbols.js';
import type { DocumentInput } from '../../server/src/core/service.js';
import { defaultSettings } from '../../server/src/core/settings.js';
import type { LanguageId, Range } from '../../server/src/core/types.js';

const at = (r: Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

function outline(symbols: readonly OutlineSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.kind} ${s.name} [${s.detail}] ${at(s.range)} @${at(s.selectionRange)}`,
    ...outline(s.children, depth + 1),
  ]);
}

const doc = (language: LanguageId, text: string): DocumentInput => ({ uri: 'file:///ws/doc', text, language });
const head = 'kind: ConfigMap\ndata:\n';

const CASES: Array<{ name: string; doc: DocumentInput; env?: Record<string, string>; expected: string[] }> = [
  {
    name: 'Corefile: blocks with keys as written, directives with arguments, nested option lines',
    doc: doc('corefile', [
      'example.org, example.net:1053 "quoted.example" {',
      '    forward . 10.0.0.1 {',
      '        policy sequential',
      '    }',
      '    kubernetes cluster.local {',
      '        pods insecure',
      '    }',
      '}',
      'tls://.:853 dns://10.0.0.0/24 {',
      '    whoami',
      '}',
      '',
    ].join('\n')),
    expected: [
      'namespace example.org, example.net:1053 "quoted.example" [example.org. example.net. quoted.example. · dns port 53, dns port 1053] 0:0-7:1 @0:0-0:46',
      '  property forward [. 10.0.0.1] 1:4-3:5 @1:4-1:11',
      '    field policy [sequential] 2:8-2:25 @2:8-2:14',
      '  property kubernetes [cluster.local] 4:4-6:5 @4:4-4:14',
      '    field pods [insecure] 5:8-5:21 @5:8-5:12',
      'namespace tls://.:853 dns://10.0.0.0/24 [. 0.0.10.in-addr.arpa. · tls port 853, dns port 53] 8:0-10:1 @8:0-8:29',
      '  property whoami [] 9:4-9:10 @9:4-9:10',
    ],
  },
  {
    name: 'Corefile: a snippet holds directives, imports are symbols at top level and in blocks',
    doc: doc('corefile', '(common) {\n    errors\n    log\n}\nimport extra/*.conf\n.:53 {\n    import common\n}\n'),
    expected: [
      'function (common) [snippet] 0:0-3:1 @0:0-0:8',
      '  property errors [] 1:4-1:10 @1:4-1:10',
      '  property log [] 2:4-2:7 @2:4-2:7',
      'file import [extra/*.conf] 4:0-4:19 @4:0-4:6',
      'namespace .:53 [. · dns port 53] 5:0-7:1 @5:0-5:4',
      '  file import [common] 6:4-6:17 @6:4-6:10',
    ],
  },
  {
    name: 'Corefile: a snippet imported at top level holds server blocks',
    doc: doc('corefile', '(zones) {\n  a.example {\n    whoami\n  }\n}\nimport zones\n'),
    expected: [
      'function (zones) [snippet] 0:0-4:1 @0:0-0:7',
      '  namespace a.example [a.example. · dns port 53] 1:2-3:3 @1:2-1:11',
      '    property whoami [] 2:4-2:10 @2:4-2:10',
      'file import [zones] 5:0-5:12 @5:0-5:6',
    ],
  },
  {
    name: 'Corefile: placeholders in keys take the known environment; a refused key adds nothing',
    doc: doc('corefile', '{$ZONE}:1053 a..b {\n    whoami\n}\n'),
    env: { ZONE: 'corp.example' },
    expected: [
      'namespace {$ZONE}:1053 a..b [corp.example. · dns port 1053] 0:0-2:1 @0:0-0:17',
      '  property whoami [] 1:4-1:10 @1:4-1:10',
    ],
  },
  {
    name: 'Corefile: the brace-less form and an unclosed block still give their symbols',
    doc: doc('corefile', 'example.org\nwhoami\n'),
    expected: [
      'namespace example.org [example.org. · dns port 53] 0:0-1:6 @0:0-0:11',
      '  property whoami [] 1:0-1:6 @1:0-1:6',
    ],
  },
  {
    name: 'resolv.conf: one symbol per keyword line; nameservers named by their address',
    doc: doc('resolvconf', '# pod\nnameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local\nbogus line\noptions ndots:5 # five\n'),
    expected: [
      'property nameserver 10.96.0.10 [] 1:0-1:21 @1:0-1:10',
      'property search [default.svc.cluster.local svc.cluster.local] 2:0-2:50 @2:0-2:6',
      'property options [ndots:5] 4:0-4:22 @4:0-4:7',
    ],
  },
  {
    name: 'YAML, literal block scalar: the key holds the Corefile outline, ranges in the YAML',
    doc: doc('yaml', `${head}  Corefile: |\n    .:53 {\n        errors\n        cache 30\n    }\n`),
    expected: [
      'module Corefile [Corefile] 2:2-6:5 @2:2-2:10',
      '  namespace .:53 [. · dns port 53] 3:4-6:5 @3:4-3:8',
      '    property errors [] 4:8-4:14 @4:8-4:14',
      '    property cache [30] 5:8-5:16 @5:8-5:13',
    ],
  },
  {
    name: 'YAML, folded block scalar',
    doc: doc('yaml', `${head}  Corefile: >\n    .:53 {\n\n        errors\n\n    }\n`),
    expected: [
      'module Corefile [Corefile] 2:2-7:5 @2:2-2:10',
      '  namespace .:53 [. · dns port 53] 3:4-7:5 @3:4-3:8',
      '    property errors [] 5:8-5:14 @5:8-5:14',
    ],
  },
  {
    name: 'YAML, double-quoted scalar with escapes',
    doc: doc('yaml', `${head}  Corefile: ".:53 {\\n    cache 30\\n}\\n"\n`),
    expected: [
      'module Corefile [Corefile] 2:2-2:36 @2:2-2:10',
      '  namespace .:53 [. · dns port 53] 2:13-2:36 @2:13-2:17',
      '    property cache [30] 2:25-2:33 @2:25-2:30',
    ],
  },
  {
    name: 'YAML, .override and .server keys: an override\'s directives are the key\'s children',
    doc: doc('yaml', `${head}  extra.override: |\n    log\n    cache 10\n  example.server: |\n    example.com {\n        forward . 10.0.0.10\n    }\n`),
    expected: [
      'module extra.override [directives joining the default .:53 block] 2:2-4:12 @2:2-2:16',
      '  property log [] 3:4-3:7 @3:4-3:7',
      '  property cache [10] 4:4-4:12 @4:4-4:9',
      'module example.server [server blocks, imported by the Corefile] 5:2-8:5 @5:2-5:16',
      '  namespace example.com [example.com. · dns port 53] 6:4-8:5 @6:4-6:15',
      '    property forward [. 10.0.0.10] 7:8-7:27 @7:8-7:15',
    ],
  },
  {
    name: 'YAML, templated: lines a template decides give no symbol, literal lines do',
    doc: doc('yaml', [
      'kind: ConfigMap',
      'data:',
      '  Corefile: |',
      '    .:53 {',
      '        forward . {{ .Values.upstream }}',
      '{{- if .Values.debug }}',
      '        log',
      '{{- end }}',
      '        cache 30',
      '    }',
      '',
    ].join('\n')),
    expected: [
      'module Corefile [Corefile] 2:2-9:5 @2:2-2:10',
      '  namespace .:53 [. · dns port 53] 3:4-9:5 @3:4-3:8',
      '    property cache [30] 8:8-8:16 @8:8-8:13',
    ],
  },
  { name: 'YAML that holds no ConfigMap has no symbols', doc: doc('yaml', 'kind: Deployment\nspec: {}\n'), expected: [] },
  { name: 'an empty Corefile has no symbols', doc: doc('corefile', ''), expected: [] },
];

for (const c of CASES) {
  test(`symbols: ${c.name}`, () => {
    const settings = { ...defaultSettings, env: c.env ?? {} };
    assert.deepEqual(outline(documentSymbols(c.doc, settings)), c.expected);
  });
}

test('symbols: every selection range lies inside its range, and no name is empty, whatever the input', () => {
  const inputs: DocumentInput[] = [
    doc('corefile', '{\n}\n"" {\n  "" x\n}\n(\n'),
    doc('corefile', '. {\n  forward . 1.1.1.1 {\n    tls {\n'),
    doc('yaml', `${head}  Corefile: "a {\\n  \\"\\" {\\n"\n  x.override: '{ }'\n`),
  ];
  const inside = (outer: Range, inner: Range): boolean =>
    (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
    (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
  const check = (symbols: readonly OutlineSymbol[]): void => {
    for (const s of symbols) {
      assert.notEqual(s.name, '');
      assert.ok(inside(s.range, s.selectionRange), `${s.name}: ${at(s.selectionRange)} outside ${at(s.range)}`);
      check(s.children);
    }
  };
  for (const input of inputs) check(documentSymbols(input, defaultSettings));
});
