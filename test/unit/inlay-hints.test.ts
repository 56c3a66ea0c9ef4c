// Inlay hints through the core (inlayHints): each directive's place in its block's query chain (plugin.cfg
// order, never the order of lines), `setup` for directives that never see a query, the labels of imported
// directives at their import, and what a server-block key leaves implicit. Inside a ConfigMap the same
// hints land at YAML positions, for each scalar style, for `.override` keys, and never on templated lines.
// Each hint is written `line:character label` (0-based, in the document itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlayHints } from '../../server/src/core/features/inlay-hints.js';
import { memoryHost } from '../../server/src/core/host.js';
import type { DocumentInput } from '../../server/src/core/service.js';
import { withDefaults, type AnalysisSettings } from '../../server/src/core/settings.js';
import type { LanguageId, Range } from '../../server/src/core/types.js';

const doc = (language: LanguageId, text: string): DocumentInput => ({ uri: 'file:///ws/doc', text, language });
const EVERYWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
const lines = (from: number, to: number): Range => ({ start: { line: from, character: 0 }, end: { line: to, character: 10_000 } });
const head = 'kind: ConfigMap\ndata:\n';

interface Case {
  name: string;
  doc: DocumentInput;
  range?: Range;
  settings?: Partial<AnalysisSettings>;
  expected: string[];
}

const CASES: Case[] = [
  {
    name: 'Corefile: numbers follow plugin.cfg, not the lines; setup-only directives get `setup`',
    doc: doc('corefile', [
      '.:53 {',                       // 0
      '    forward . 10.0.0.1',       // 1
      '    health {',                 // 2
      '        lameduck 5s',          // 3
      '    }',                        // 4
      '    cache 30',                 // 5
      '    kubernetes cluster.local', // 6
      '    errors',                   // 7
      '    reload',                   // 8
      '}',
    ].join('\n')),
    expected: ['1:11 #4', '2:10 setup', '5:9 #2', '6:14 #3', '7:10 #1', '8:10 setup'],
  },
  {
    name: 'Corefile: imported snippet directives count where they land and are labelled at the import',
    doc: doc('corefile', [
      '(common) {',        // 0
      '    log',           // 1
      '    errors',        // 2
      '}',                 // 3
      'a.example:53 {',    // 4
      '    whoami',        // 5
      '    import common', // 6
      '}',                 // 7
      'b.example:53 {',    // 8
      '    import common', // 9
      '    cache',         // 10
      '}',
    ].join('\n')),
    expected: ['5:10 #3', '6:17 log #2, errors #1', '9:17 log #2, errors #1', '10:9 #3'],
  },
  {
    name: 'Corefile: a repeated directive holds one place; unknown and external directives get no label',
    doc: doc('corefile', '.:53 {\n    template IN A a.example\n    template IN AAAA a.example\n    nosuch\n    alternate\n    log\n}\n'),
    settings: { externalPlugins: ['alternate'] },
    expected: ['1:12 #2', '2:12 #2', '5:7 #1'],
  },
  {
    name: 'Corefile: keys get the default port, or their reverse zones; written ports and refused keys get nothing',
    doc: doc('corefile', [
      '., example.org tls://a.example 10.0.0.0/8 {', // 0
      '    whoami',                                   // 1
      '}',                                            // 2
      'example.net:1053 192.168.1.0/24:5353 172.16.0.0/12 {', // 3
      '}',                                            // 4
      'bad..name unix:///run/dns.sock {',            // 5
      '}',
    ].join('\n')),
    expected: [
      '0:1 :53', '0:14 :53', '0:30 :853', '0:41 → 10.in-addr.arpa.:53', '1:10 #1',
      '3:36 → 1.168.192.in-addr.arpa.:5353', '3:50 → 16.172.in-addr.arpa.:53 … 31.172.in-addr.arpa.:53 (16 zones)',
    ],
  },
  {
    name: 'Corefile: only the hints inside the requested range',
    doc: doc('corefile', '. {\n    log\n    errors\n}\n'),
    range: lines(2, 2),
    expected: ['2:10 #1'],
  },
  {
    name: 'Corefile: with inlayHints.executionOrder off, only the address hints remain',
    doc: doc('corefile', '. {\n    log\n    errors\n}\n'),
    settings: { 'inlayHints.executionOrder': false },
    expected: ['0:1 :53'],
  },
  {
    name: 'Corefile: broken text still gets what can be said, and never throws',
    doc: doc('corefile', '. {\n    cache {\n        success\n'),
    expected: ['0:1 :53', '1:9 #1'],
  },
  {
    name: 'resolv.conf has no inlay hints',
    doc: doc('resolvconf', 'nameserver 10.96.0.10\nsearch default.svc.cluster.local\n'),
    expected: [],
  },
  {
    name: 'YAML literal block scalar: hints at the YAML positions',
    doc: doc('yaml', `${head}  Corefile: |\n    . {\n        forward . 10.0.0.1\n        errors\n    }\n`),
    expected: ['3:5 :53', '4:15 #2', '5:14 #1'],
  },
  {
    name: 'YAML folded block scalar with an indentation indicator',
    doc: doc('yaml', `${head}  Corefile: >2\n    .:53 {\n\n      cache\n\n      log\n\n    }\n`),
    expected: ['5:11 #2', '7:9 #1'],
  },
  {
    name: 'YAML double-quoted scalar with escapes',
    doc: doc('yaml', `${head}  Corefile: ".:53 {\\n  cache\\n  log\\n}\\n"\n`),
    expected: ['2:28 #2', '2:35 #1'],
  },
  {
    name: 'YAML: only the keys whose lines meet the range are read, and only hints inside it are given',
    doc: doc('yaml', `${head}  a.server: |\n    a.example {\n        log\n    }\n  b.server: |\n    b.example {\n        log\n    }\n`),
    range: lines(7, 9),
    expected: ['7:13 :53', '8:11 #1'],
  },
  {
    name: 'YAML .override alone: numbered within the override; the wrapper block gets no hints',
    doc: doc('yaml', `${head}  custom.override: |\n    log\n    health\n    errors\n`),
    expected: ['3:7 #2', '4:10 setup', '5:10 #1'],
  },
  {
    name: 'YAML .override with the main Corefile in the same file: numbered within the merged default block',
    doc: doc('yaml', [
      'kind: ConfigMap', 'data:',          // 0-1
      '  Corefile: |',                     // 2
      '    .:53 {',                        // 3
      '        forward . 10.0.0.1',        // 4
      '        errors',                    // 5
      '        import custom/*.override',  // 6
      '    }',                             // 7
      '  rewrite.override: |',             // 8
      '    rewrite name a.example b.example', // 9
      '    log',                           // 10
      '',
    ].join('\n')),
    expected: ['4:15 #4', '5:14 #1', '9:11 #3', '10:7 #2'],
  },
  {
    name: 'YAML: a templated override joining the default block takes the numbers from the whole default block',
    doc: doc('yaml', [
      'kind: ConfigMap', 'data:',          // 0-1
      '  Corefile: |',                     // 2
      '    .:53 {',                        // 3
      '        errors',                    // 4
      '    }',                             // 5
      '    example.org {',                 // 6
      '        log',                       // 7
      '    }',                             // 8
      '  extra.override: |',               // 9
      '    {{- if .Values.log }}',         // 10
      '    log',                           // 11
      '    {{- end }}',                    // 12
      '    cache',                         // 13
      '',
    ].join('\n')),
    expected: ['6:15 :53', '7:11 #1'],
  },
  {
    name: 'YAML templated: no hint on a templated line, no number in a block a template reaches into',
    doc: doc('yaml', [
      'kind: ConfigMap', 'data:',          // 0-1
      '  Corefile: |',                     // 2
      '    .:53 {',                        // 3
      '        errors',                    // 4
      '        {{- if .Values.cache }}',   // 5
      '        cache {{ .Values.ttl }}',   // 6
      '        {{- end }}',                // 7
      '    }',                             // 8
      '    example.org {',                 // 9
      '        log',                       // 10
      '    }',                             // 11
      '',
    ].join('\n')),
    expected: ['9:15 :53', '10:11 #1'],
  },
  {
    name: 'YAML that holds no Corefile gets nothing',
    doc: doc('yaml', 'kind: Deployment\nspec: {}\n'),
    expected: [],
  },
];

for (const c of CASES) {
  test(c.name, () => {
    const hints = inlayHints(c.doc, c.range ?? EVERYWHERE, withDefaults(c.settings), memoryHost({}));
    assert.deepEqual(hints.map((h) => `${h.position.line}:${h.position.character} ${h.label}`), c.expected);
    for (const h of hints) assert.ok(h.tooltip.length > 0, `a tooltip for ${h.label}`);
  });
}

test('tooltips name the run order of the block and say what a key stands for', () => {
  const hints = inlayHints(doc('corefile', '10.0.0.0/8 {\n    log\n    errors\n}\n'), EVERYWHERE, withDefaults(undefined), memoryHost({}));
  assert.equal(hints.find((h) => h.label === '#2')?.tooltip, "Runs 2nd of 2 in this block. CoreDNS runs this block's plugins in plugin.cfg order: `errors`, `log`. The order of lines in the block does not matter.");
  assert.equal(hints.find((h) => h.kind === 'address')?.tooltip, 'CoreDNS serves the network 10.0.0.0/8 as the reverse zone 10.in-addr.arpa. on the default dns port 53.');
});
