// Semantic tokens through the core (semanticTokens): what the analysis knows about each word, as LSP token
// types and modifiers. CoreDNS's own directives are `function` [defaultLibrary] (plus `deprecated` when the
// targeted release removed them), external plugins plain `function`, unknown names nothing; documented
// options `property`; server-block keys `namespace`; snippets and imports of snippets `macro`; environment
// placeholders `variable`. resolv.conf: keywords and known option names. Inside a ConfigMap the tokens land at
// YAML positions for each scalar style and for `.override` keys, never on templated lines, and a word whose
// YAML spelling is longer than the word (an escape) is left out. Each token is `line:char len type[mods]`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { semanticTokens } from '../../server/src/core/features/semantic-tokens.js';
import type { DocumentInput } from '../../server/src/core/service.js';
import { withDefaults, type AnalysisSettings } from '../../server/src/core/settings.js';
import type { LanguageId } from '../../server/src/core/types.js';

const doc = (language: LanguageId, text: string): DocumentInput => ({ uri: 'file:///ws/doc', text, language });
const head = 'kind: ConfigMap\ndata:\n';

interface Case {
  name: string;
  doc: DocumentInput;
  settings?: Partial<AnalysisSettings>;
  expected: string[];
}

const CASES: Case[] = [
  {
    name: 'Corefile: keys, stock directives, documented options; unknown words get nothing',
    doc: doc('corefile', [
      '.:53 example.org {',         // 0
      '    forward . 8.8.8.8 {',     // 1
      '        max_fails 3',         // 2
      '        bogus 1',             // 3
      '    }',                       // 4
      '    cache 30',                // 5
      '    foo',                     // 6
      '}',
    ].join('\n')),
    expected: ['0:0 4 namespace[]', '0:5 11 namespace[]', '1:4 7 function[defaultLibrary]', '2:8 9 property[]', '5:4 5 function[defaultLibrary]'],
  },
  {
    name: 'Corefile: removed directives are deprecated for the targeted release only; external plugins lack defaultLibrary',
    doc: doc('corefile', '. {\n    proxy . 1.1.1.1\n    fanout . 1.1.1.1\n    mine\n}\n'),
    expected: ['0:0 1 namespace[]', '1:4 5 function[defaultLibrary,deprecated]', '2:4 6 function[]'],
  },
  {
    name: 'Corefile: a release that still has the directive, and a plugin declared in externalPlugins',
    doc: doc('corefile', '. {\n    proxy . 1.1.1.1\n    mine\n}\n'),
    settings: { corednsVersion: '1.4.0', externalPlugins: ['mine'] },
    expected: ['0:0 1 namespace[]', '1:4 5 function[defaultLibrary]', '2:4 4 function[]'],
  },
  {
    name: 'Corefile: a directive newer than the targeted release keeps its colour (the diagnostic says the release lacks it)',
    doc: doc('corefile', '. {\n    multisocket\n}\n'),
    settings: { corednsVersion: '1.11.0' },
    expected: ['0:0 1 namespace[]', '1:4 11 function[defaultLibrary]'],
  },
  {
    name: 'Corefile: an option the targeted release deprecates is marked deprecated',
    doc: doc('corefile', 'example.org {\n    etcd {\n        path /skydns\n        upstream\n    }\n}\n'),
    expected: ['0:0 11 namespace[]', '1:4 4 function[defaultLibrary]', '2:8 4 property[]', '3:8 8 property[deprecated]'],
  },
  {
    name: 'Corefile: snippet names without parentheses, imports of snippets defined above, nothing for files or later snippets',
    doc: doc('corefile', [
      '(common) {',           // 0
      '    log',              // 1
      '}',                    // 2
      '. {',                  // 3
      '    import common',    // 4
      '    import late',      // 5
      '    import conf/*.db', // 6
      '}',                    // 7
      '(late) {',             // 8
      '    errors',           // 9
      '}',
    ].join('\n')),
    expected: ['0:1 6 macro[]', '1:4 3 function[defaultLibrary]', '3:0 1 namespace[]', '4:11 6 macro[]', '8:1 4 macro[]', '9:4 6 function[defaultLibrary]'],
  },
  {
    name: 'Corefile: environment placeholders are variables; a word that holds one is not classified',
    doc: doc('corefile', '.:{$PORT} {\n    {%PLUGIN%} x\n    forward . {$UP} 1.1.1.1\n}\n'),
    expected: ['0:2 7 variable[]', '1:4 10 variable[]', '2:4 7 function[defaultLibrary]', '2:14 5 variable[]'],
  },
  {
    // An editor ends a line at a lone \r too, CoreDNS does not: the placeholder is an argument of forward,
    // written on the editor's next line.
    name: 'Corefile: a placeholder after a lone \\r is placed on the editor\'s line',
    doc: doc('corefile', '. {\n    log\n    forward . 1.1.1.1 \r {$UP}\n}\n'),
    expected: ['0:0 1 namespace[]', '1:4 3 function[defaultLibrary]', '2:4 7 function[defaultLibrary]', '3:1 5 variable[]'],
  },
  {
    name: 'Corefile: broken text never throws and colours what it can read',
    doc: doc('corefile', '. {\n    cache {\n        success\n  "unterminated\n'),
    expected: ['0:0 1 namespace[]', '1:4 5 function[defaultLibrary]', '2:8 7 property[]'],
  },
  {
    name: 'resolv.conf: keywords at the start of a line and known option names; glibc-removed options are deprecated',
    doc: doc('resolvconf', 'nameserver 10.0.0.1\n search x\noptions ndots:2 rotate inet6 foo -edns0\nbad x\n'),
    expected: ['0:0 10 keyword[]', '2:0 7 keyword[]', '2:8 5 property[]', '2:16 6 property[]', '2:23 5 property[deprecated]', '2:34 5 property[]'],
  },
  {
    name: 'YAML literal scalar: tokens at YAML positions; templated lines get none',
    doc: doc('yaml', head + [
      '  Corefile: |',              // 2
      '    .:53 {',                 // 3
      '        cache 30',           // 4
      '        {{- if .Values.x }}', // 5
      '        log',                // 6
      '        {{- end }}',         // 7
      '    }',
    ].join('\n')),
    expected: ['3:4 4 namespace[]', '4:8 5 function[defaultLibrary]'],
  },
  {
    name: 'YAML folded scalar',
    doc: doc('yaml', head + '  b.server: >\n    b.example {\n\n    whoami\n    }\n'),
    expected: ['3:4 9 namespace[]', '5:4 6 function[defaultLibrary]'],
  },
  {
    name: 'YAML quoted `.override`: read inside the default block; a word spelled with an escape is left out',
    doc: doc('yaml', head + '  a.override: "log\\nforward . 1.1.1.1 {\\n  max_fails 2\\n}\\nhosts {\\n  \\x66allthrough\\n}"\n'),
    expected: ['2:15 3 function[defaultLibrary]', '2:20 7 function[defaultLibrary]', '2:43 9 property[]', '2:59 5 function[defaultLibrary]'],
  },
  {
    name: 'YAML without ConfigMap: nothing',
    doc: doc('yaml', 'kind: Service\nmetadata:\n  name: coredns\n'),
    expected: [],
  },
];

const render = (t: ReturnType<typeof semanticTokens>[number]): string => `${t.line}:${t.character} ${t.length} ${t.type}[${t.modifiers.join(',')}]`;

for (const c of CASES) {
  test(c.name, () => {
    assert.deepEqual(semanticTokens(c.doc, withDefaults(c.settings)).map(render), c.expected);
  });
}

test('tokens are in document order, on one line each, and never overlap', () => {
  const text = '(s) {\n  log\n}\n.:{$P} a.example {\n  import s\n  forward . "{$U}" {\n    policy random\n  }\n}\n';
  const tokens = semanticTokens(doc('corefile', text), withDefaults({}));
  assert.ok(tokens.length >= 6);
  for (let i = 1; i < tokens.length; i++) {
    const [a, b] = [tokens[i - 1]!, tokens[i]!];
    assert.ok(a.line < b.line || (a.line === b.line && a.character + a.length <= b.character), `${render(a)} then ${render(b)}`);
  }
});
