// Completion through the core's public entry point, completionAt, for the three languages. Each case marks
// the cursor with ‸ and, when items are expected, the range they replace with « and » (in YAML, YAML
// positions). `has` are labels that must be offered, `not` labels that must not, `inserts` the exact
// snippet (or plain text) of some items. A case without « » expects no completion at all.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeCorefile } from '../../server/src/core/corefile/analyze.js';
import { completionAt, type CompletionEntry, type CompletionResult, type CompletionTrigger } from '../../server/src/core/features/completion.js';
import { topLevelItems } from '../../server/src/core/features/completion/top-level.js';
import { emptyHost, memoryHost, type FileHost } from '../../server/src/core/host.js';
import { withDefaults, type AnalysisSettings } from '../../server/src/core/settings.js';
import type { LanguageId, Position } from '../../server/src/core/types.js';
import { parseMarkers } from '../support/markers.js';

interface CompletionCase {
  name: string;
  language: LanguageId;
  /** The document with ‸ for the cursor and « » around the expected range. */
  text: string;
  has?: string[];
  not?: string[];
  /** Label → the snippet (or, without one, the plain text) the item inserts. */
  inserts?: Record<string, string>;
  settings?: Partial<AnalysisSettings>;
  path?: string;
  host?: FileHost;
  trigger?: CompletionTrigger;
}

const configMap = (data: string, name = 'coredns'): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: kube-system\ndata:\n${data}`;

const files = memoryHost({
  '/srv/dns/Corefile': '',
  '/srv/dns/zones/db.example.org': '',
  '/srv/dns/zones/db.example.com': '',
  '/srv/dns/common.conf': '',
  '/srv/dns/.hidden': '',
});

const cases: CompletionCase[] = [
  // --- Directive lines of a server block.
  {
    name: 'directives after a quoted word holding a lone carriage return, which ends a line for the editor only',
    language: 'corefile',
    text: '.:53 {\n    log "a\rb"\n    «‸»\n}\n',
    has: ['forward', 'cache'],
  },
  {
    name: 'directives of the targeted release, with snippets of their required arguments',
    language: 'corefile',
    text: '.:53 {\n    errors\n    «‸»\n}\n',
    has: ['forward', 'cache', 'kubernetes', 'template', 'on', 'rewrite', 'tls', 'import'],
    not: ['errors', 'proxy', 'nosuchplugin'],
    inserts: {
      forward: 'forward ${1:FROM} ${2:TO}',
      template: 'template ${1:CLASS} ${2:TYPE}',
      on: 'on ${1|startup,shutdown,certrenew|} ${2:COMMAND}',
      file: 'file ${1:DBFILE}',
      // Forms that disagree on their first words (rewrite's rule types, tls CERT KEY or tls { acme }) and an
      // optional word before a required one (dnstap [listen] ENDPOINT) give the plain name.
      rewrite: 'rewrite',
      tls: 'tls',
      dnstap: 'dnstap',
      loadbalance: 'loadbalance',
      cache: 'cache',
    },
  },
  {
    name: 'the typed part of the word is the range',
    language: 'corefile',
    text: '.:53 {\n    «fo‸»\n}\n',
    has: ['forward', 'cache'],
  },
  {
    name: 'a once-per-block directive the block has, and one only the first of which counts, are left out',
    language: 'corefile',
    text: '.:53 {\n    cache 30\n    bufsize 1232\n    kubernetes cluster.local\n    «‸»\n    log\n}\n',
    has: ['log', 'forward', 'errors'],
    not: ['cache', 'bufsize', 'kubernetes'],
  },
  {
    name: 'the word being typed does not count as already present',
    language: 'corefile',
    text: '.:53 {\n    «cach‸»\n}\n',
    has: ['cache'],
  },
  {
    name: 'a second forward before 1.9.4 is refused, so it is not offered then',
    language: 'corefile',
    text: '.:53 {\n    forward . 10.0.0.1\n    «‸»\n}\n',
    settings: { corednsVersion: '1.9.3' },
    not: ['forward'],
    has: ['cache'],
  },
  {
    name: 'a second forward from 1.9.4 on is offered',
    language: 'corefile',
    text: '.:53 {\n    forward . 10.0.0.1\n    «‸»\n}\n',
    settings: { corednsVersion: '1.9.4' },
    has: ['forward'],
  },
  {
    name: 'directives newer than the targeted release are left out',
    language: 'corefile',
    text: '.:53 {\n    «‸»\n}\n',
    settings: { corednsVersion: '1.11.0' },
    has: ['forward'],
    not: ['quic', 'https', 'https3', 'multisocket'],
  },
  {
    name: 'directives present through an imported snippet count',
    language: 'corefile',
    text: '(base) {\n    cache 30\n    errors\n}\n.:53 {\n    import base\n    «‸»\n}\n',
    not: ['cache', 'errors'],
    has: ['forward'],
  },
  {
    name: 'declared external plugins are offered, undeclared ones are not',
    language: 'corefile',
    text: '.:53 {\n    «‸»\n}\n',
    settings: { externalPlugins: ['alternate'] },
    has: ['alternate', 'forward'],
    not: ['blocker'],
    inserts: { alternate: 'alternate' },
  },
  {
    name: 'directive lines inside a snippet',
    language: 'corefile',
    text: '(common) {\n    errors\n    «‸»\n}\n',
    has: ['cache', 'forward'],
    not: ['errors'],
  },
  {
    name: 'directives in a block whose closing brace is not typed yet',
    language: 'corefile',
    text: '.:53 {\n    cache\n    «‸»',
    has: ['forward'],
    not: ['cache'],
  },

  // --- Options inside a plugin's block.
  {
    name: 'options of the plugin, with choices from the syntax',
    language: 'corefile',
    text: '.:53 {\n    kubernetes cluster.local {\n        «po‸»\n    }\n}\n',
    has: ['pods', 'fallthrough', 'ttl', 'namespaces'],
    not: ['forward', 'cache'],
    inserts: {
      pods: 'pods ${1|disabled,insecure,verified|}',
      ttl: 'ttl ${1:SECONDS}',
      tls: 'tls ${1:CERT} ${2:KEY} ${3:CACERT}',
      fallthrough: 'fallthrough',
      ignore: 'ignore empty_service',
    },
  },
  {
    name: 'options newer than the targeted release are left out',
    language: 'corefile',
    text: '.:53 {\n    forward . 10.0.0.1 {\n        «‸»\n    }\n}\n',
    settings: { corednsVersion: '1.14.3' },
    has: ['max_fails', 'policy', 'max_age'],
    not: ['next_on_nodata', 'resolver', 'read_timeout', 'source_address'],
    inserts: { policy: 'policy ${1|random,round_robin,sequential|}' },
  },
  {
    name: 'deprecated options are left out',
    language: 'corefile',
    text: '.:53 {\n    etcd {\n        «‸»\n    }\n}\n',
    has: ['path', 'endpoint'],
    not: ['stubzones', 'debug', 'upstream'],
  },
  {
    name: 'a flag option already in the block is left out; options with values stay',
    language: 'corefile',
    text: '.:53 {\n    kubernetes cluster.local {\n        noendpoints\n        ttl 30\n        «‸»\n    }\n}\n',
    has: ['ttl', 'pods'],
    not: ['noendpoints'],
  },
  {
    name: 'options named by several words, and actions documented by a placeholder',
    language: 'corefile',
    text: '.:53 {\n    dnssec {\n        «‸»\n    }\n    acl {\n        allow net 10.0.0.0/8\n    }\n}\n',
    has: ['key file', 'cache_capacity'],
    inserts: { 'key file': 'key file ${1:KEY}' },
  },
  {
    name: "acl's actions, and no placeholder names as options",
    language: 'corefile',
    text: '.:53 {\n    acl {\n        «‸»\n    }\n}\n',
    has: ['allow', 'block', 'filter', 'drop'],
    not: ['ACTION', 'type', 'net'],
  },
  {
    name: 'options the syntax writes as alternatives of one line start',
    language: 'corefile',
    text: '.:53 {\n    header {\n        «‸»\n    }\n}\n',
    has: ['query', 'response'],
    inserts: { query: 'query ${1|set,clear|} ${2:FLAG}' },
  },
  {
    name: 'hosts: inline entries are data, not an option name',
    language: 'corefile',
    text: '.:53 {\n    hosts {\n        «‸»\n    }\n}\n',
    has: ['fallthrough', 'ttl', 'no_reverse'],
    not: ['INLINE'],
  },
  { name: 'an external plugin has no known options', language: 'corefile', text: '.:53 {\n    alternate {\n        ‸\n    }\n}\n', settings: { externalPlugins: ['alternate'] } },
  { name: 'nothing at an argument position', language: 'corefile', text: '.:53 {\n    forward ‸\n}\n' },
  { name: 'nothing inside a comment', language: 'corefile', text: '.:53 {\n    # fo‸\n}\n' },
  { name: 'nothing inside a quoted word', language: 'corefile', text: '.:53 {\n    log . "{re‸\n}\n' },

  // --- Top level.
  {
    name: 'server block starts at the top level',
    language: 'corefile',
    text: '«‸»',
    has: ['.:53', 'example.org', 'tls://.:853', 'https://.:443', 'import'],
    not: ['forward'],
    inserts: { '.:53': '.:53 {\n    $0\n}', 'tls://.:853': 'tls://.:853 {\n    tls ${1:CERT} ${2:KEY}\n    $0\n}' },
  },
  {
    name: 'a top-level line after a block',
    language: 'corefile',
    text: '.:53 {\n    forward . 10.0.0.1\n}\n«‸»',
    has: ['example.org'],
    not: ['forward'],
  },

  // --- import.
  {
    name: 'after import: snippets defined above and the files next to the Corefile',
    language: 'corefile',
    text: '(above) {\n    log\n}\n.:53 {\n    import «‸»\n}\n(below) {\n    errors\n}\n',
    path: '/srv/dns/Corefile',
    host: files,
    has: ['above', 'common.conf', 'zones/'],
    not: ['below', 'Corefile', '.hidden'],
  },
  {
    name: 'after import: the entries of the folder the typed path points into',
    language: 'corefile',
    text: '.:53 {\n    import «zones/db‸»\n}\n',
    path: '/srv/dns/Corefile',
    host: files,
    has: ['zones/db.example.org', 'zones/db.example.com'],
  },
  {
    name: 'after import in an unsaved Corefile: snippets only',
    language: 'corefile',
    text: '(above) {\n    log\n}\n.:53 {\n    import «‸»\n}\n',
    has: ['above'],
    not: ['common.conf'],
  },
  {
    name: 'a space typed after import opens the list',
    language: 'corefile',
    text: '(above) {\n    log\n}\nimport «‸»\n',
    trigger: { character: ' ' },
    has: ['above'],
  },
  { name: 'a space typed at a directive position does not', language: 'corefile', text: '.:53 {\n    ‸\n}\n', trigger: { character: ' ' } },
  { name: 'a space typed after a directive does not', language: 'corefile', text: '.:53 {\n    forward ‸\n}\n', trigger: { character: ' ' } },

  // --- Environment placeholders.
  {
    name: 'after {$: the keys of the env setting, closing the placeholder',
    language: 'corefile',
    text: '.:53 {\n    forward . {$«‸»\n}\n',
    settings: { env: { UPSTREAM: '10.0.0.1', ZONE: 'example.org' } },
    trigger: { character: '$' },
    has: ['UPSTREAM', 'ZONE'],
    inserts: { UPSTREAM: 'UPSTREAM}' },
  },
  {
    name: 'a placeholder already closed is not closed twice',
    language: 'corefile',
    text: '{$«UP‸»}:53 {\n}\n',
    settings: { env: { UPSTREAM: '10.0.0.1' } },
    inserts: { UPSTREAM: 'UPSTREAM' },
  },
  { name: 'a $ typed elsewhere does not open the list', language: 'corefile', text: '.:53 {\n    template IN A {\n        answer "$‸\n    }\n}\n', trigger: { character: '$' }, settings: { env: { A: 'b' } } },

  // --- resolv.conf.
  {
    name: 'resolv.conf keywords at column 1',
    language: 'resolvconf',
    text: 'nameserver 10.0.0.1\n«na‸»\n',
    has: ['nameserver', 'search', 'domain', 'options', 'sortlist'],
    inserts: { nameserver: 'nameserver ' },
  },
  // A lone \r ends a line for the editor only: the line after it starts at a keyword for the editor, but not for the libraries.
  { name: 'keywords on the line after a comment holding a lone carriage return', language: 'resolvconf', text: '# old\rnote\n«se‸»\n', has: ['search', 'nameserver'] },
  { name: 'no keywords after a lone carriage return inside a line (the libraries read one line)', language: 'resolvconf', text: 'nameserver 10.0.0.1\rse‸\n' },
  { name: 'no keywords after leading white space (neither libc reads them there)', language: 'resolvconf', text: '  na‸\n' },
  {
    name: 'resolv.conf options after `options`, numbers first, flags already written left out',
    language: 'resolvconf',
    text: 'options rotate «‸»\n',
    has: ['ndots:', 'timeout:', 'attempts:', 'edns0', 'trust-ad'],
    not: ['rotate', 'inet6', 'nameserver'],
    inserts: { 'ndots:': 'ndots:${1:1}' },
  },
  { name: 'resolv.conf: a space after options opens the list', language: 'resolvconf', text: 'options «‸»', trigger: { character: ' ' }, has: ['ndots:'] },
  { name: 'resolv.conf: nothing after nameserver', language: 'resolvconf', text: 'nameserver ‸' },

  // --- Corefiles inside Kubernetes YAML.
  {
    name: 'YAML literal block: directives, with the range in the YAML',
    language: 'yaml',
    text: configMap('  Corefile: |\n    .:53 {\n        cache 30\n        «fo‸»\n    }\n'),
    has: ['forward'],
    not: ['cache'],
    inserts: { forward: 'forward ${1:FROM} ${2:TO}' },
  },
  {
    name: 'YAML after a comment holding a lone carriage return: the range on the editor\'s line',
    language: 'yaml',
    text: '# old\rnote\n' + configMap('  Corefile: |\n    .:53 {\n        cache 30\n        «fo‸»\n    }\n'),
    has: ['forward'],
  },
  {
    name: 'YAML literal block: server block snippets at the top level keep their line breaks',
    language: 'yaml',
    text: configMap('  Corefile: |\n    .:53 {\n    }\n    «ex‸»\n'),
    has: ['.:53', 'tls://.:853'],
  },
  {
    name: 'YAML folded block: directives on its more-indented lines',
    language: 'yaml',
    text: configMap('  Corefile: >\n    .:53 {\n        cache\n        «fo‸»\n    }\n'),
    has: ['forward'],
    not: ['cache'],
  },
  {
    name: 'YAML folded block: no multi-line snippets at the top level',
    language: 'yaml',
    text: configMap('  Corefile: >\n    .:53 {\n        cache\n    }\n\n    «im‸»\n'),
    has: ['import'],
    not: ['.:53', 'tls://.:853'],
  },
  {
    name: 'YAML double-quoted scalar: the range skips the escapes before it',
    language: 'yaml',
    text: configMap('  Corefile: ".:53 {\\n    «fo‸»\\n}\\n"\n'),
    has: ['forward'],
    inserts: { forward: 'forward ${1:FROM} ${2:TO}' },
  },
  {
    name: 'YAML single-quoted scalar',
    language: 'yaml',
    text: configMap("  Corefile: '.:53 {\n\n    «fo‸»\n\n    }'\n"),
    has: ['forward'],
  },
  {
    name: 'YAML plain scalar: plain names, no placeholders',
    language: 'yaml',
    text: configMap('  Corefile: .:53 {\n\n    «fo‸»\n\n    }\n'),
    has: ['forward'],
    inserts: { forward: 'forward' },
  },
  {
    name: 'YAML .override key: directives of the default block, minus those the main Corefile has there',
    language: 'yaml',
    text: `${configMap('  Corefile: |\n    .:53 {\n        cache 30\n        import /etc/coredns/custom/*.override\n    }\n')}---\n${configMap('  log.override: |\n    log\n    «‸»\n', 'coredns-custom').replace('log\n    «‸»', 'log\n    «fo‸»')}`,
    has: ['forward', 'errors'],
    not: ['cache', '.:53'],
  },
  {
    name: 'YAML .override key alone: directive positions, not server block starts',
    language: 'yaml',
    text: configMap('  extra.override: |\n    «ca‸»\n', 'coredns-custom'),
    has: ['cache', 'forward'],
    not: ['.:53'],
  },
  {
    name: 'YAML options inside a plugin block',
    language: 'yaml',
    text: configMap('  Corefile: |\n    .:53 {\n        forward . 10.0.0.1 {\n            «‸»\n        }\n    }\n'),
    has: ['max_fails', 'policy'],
  },
  { name: 'YAML: nothing on a line a template decides', language: 'yaml', text: configMap('  Corefile: |\n    .:53 {\n    {{- if .Values.cache }}\n        ca‸\n    {{- end }}\n    }\n') },
  {
    name: 'YAML: the literal lines of a templated value are completed',
    language: 'yaml',
    text: configMap('  Corefile: |\n    .:53 {\n    {{- if .Values.cache }}\n        cache\n    {{- end }}\n        «lo‸»\n    }\n'),
    has: ['log'],
  },
  { name: 'YAML: nothing in a block scalar\'s indentation', language: 'yaml', text: configMap('  Corefile: |\n    .:53 {\n        cache 30\n‸\n    }\n') },
  { name: 'YAML: nothing outside the Corefile keys', language: 'yaml', text: configMap('  other: |\n    fo‸\n') },
];

function complete(c: CompletionCase, text: string, cursor: Position): CompletionResult | undefined {
  const doc = { uri: c.language === 'yaml' ? 'file:///ws/coredns.yaml' : 'file:///srv/dns/Corefile', text, language: c.language, ...(c.path !== undefined ? { path: c.path } : {}) };
  return completionAt(doc, cursor, withDefaults(c.settings), c.host ?? emptyHost, c.trigger ?? {});
}

describe('completionAt', () => {
  for (const c of cases) {
    test(c.name, () => {
      const { text, cursor, range } = parseMarkers(c.text);
      const result = complete(c, text, cursor);
      if (range === undefined) {
        assert.equal(result, undefined, `expected no completion, got ${result?.items.map((i) => i.label).join(', ')}`);
        return;
      }
      assert.ok(result, 'expected a completion');
      assert.deepEqual(result.range, range);
      const labels = result.items.map((i) => i.label);
      for (const label of c.has ?? []) assert.ok(labels.includes(label), `expected ${label} among ${labels.join(', ')}`);
      for (const label of c.not ?? []) assert.ok(!labels.includes(label), `did not expect ${label}`);
      for (const [label, insert] of Object.entries(c.inserts ?? {})) {
        const item: CompletionEntry | undefined = result.items.find((i) => i.label === label);
        assert.ok(item, `expected ${label}`);
        assert.equal(item.snippet ?? item.text, insert, `insert text of ${label}`);
      }
    });
  }

  test('every item has a detail, and directives and options have Markdown documentation', () => {
    const { text, cursor } = parseMarkers('.:53 {\n    kubernetes {\n        ‸\n    }\n}\n');
    const options = complete({ name: '', language: 'corefile', text: '' }, text, cursor);
    const directives = complete({ name: '', language: 'corefile', text: '' }, '.:53 {\n    \n}\n', { line: 1, character: 4 });
    for (const item of [...(options?.items ?? []), ...(directives?.items ?? [])]) {
      assert.ok(item.detail.length > 0, `${item.label} has a detail`);
      assert.ok((item.documentation ?? '').length > 0, `${item.label} has documentation`);
    }
    const forward = directives?.items.find((i) => i.label === 'forward');
    assert.match(forward?.documentation ?? '', /```corefile\nforward FROM TO\.\.\./);
  });

  test('every server block start lints clean once its placeholders hold their defaults', () => {
    const host = memoryHost({
      '/srv/dns/CERT': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
      '/srv/dns/KEY': '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n',
    });
    for (const item of topLevelItems()) {
      const filled = (item.snippet ?? item.text).replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$0/g, 'whoami');
      const errors = analyzeCorefile({ uri: 'file:///srv/dns/Corefile', path: '/srv/dns/Corefile', text: filled }, withDefaults({}), host).diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(errors.map((e) => e.code), [], `${item.label}:\n${filled}`);
    }
  });

  test('never throws on odd positions and inputs', () => {
    const texts = ['', '{', '}', '.:53 {\n\t}\n}', '"unclosed', '(s) {\n import s\n}', 'a {\n b {\n  c {\n   d\n  }\n }\n}'];
    for (const text of texts) {
      for (const language of ['corefile', 'resolvconf', 'yaml'] as const) {
        for (const position of [{ line: 0, character: 0 }, { line: 0, character: 99 }, { line: 9, character: 0 }, { line: 1, character: 1 }]) {
          assert.doesNotThrow(() => completionAt({ uri: 'file:///x', text, language }, position, withDefaults({}), emptyHost));
        }
      }
    }
  });
});
