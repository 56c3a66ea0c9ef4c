// Hover through the core's public entry point, hoverAt, for the three languages. Each case marks the
// cursor with ‸ and the range the hover must report with « and »; `says` are fragments the Markdown must
// hold and `not` fragments it must not. A case without « » expects no hover at all.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverAt } from '../../server/src/core/features/hover.js';
import { emptyHost, memoryHost, type FileHost } from '../../server/src/core/host.js';
import { withDefaults, type AnalysisSettings } from '../../server/src/core/settings.js';
import type { LanguageId } from '../../server/src/core/types.js';
import { parseMarkers } from '../support/markers.js';

interface HoverCase {
  name: string;
  language: LanguageId;
  /** The document with ‸ for the cursor and « » around the expected range. */
  text: string;
  says?: string[];
  not?: string[];
  settings?: Partial<AnalysisSettings>;
  path?: string;
  host?: FileHost;
}

const configMap = (data: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\n  namespace: kube-system\ndata:\n${data}`;

const cases: HoverCase[] = [
  // Directives: docs, execution order, chain role, repeat rule and version.
  {
    name: 'a query plugin: docs, its place in the chain, repeat rule and version',
    language: 'corefile',
    text: '. {\n    «for‸ward» . 10.0.0.1\n}\n',
    says: ['**forward** — CoreDNS plugin', 'Sends queries for a zone to upstream resolvers', '```corefile\nforward FROM TO...', '**Arguments**', '`max_fails INTEGER` — ', '(default 2)',
      'Runs 53rd of 60; Corefile order does not matter.', 'In the query chain', 'May appear several times in a server block', 'Available in the targeted CoreDNS 1.14.7 (present since 1.6.0 or earlier).'],
  },
  {
    name: 'a plugin CoreDNS refuses twice in a block',
    language: 'corefile',
    text: '. {\n    cache‸ 30\n}\n'.replace('cache‸', '«cache‸»'),
    says: ['**cache** — CoreDNS plugin', 'Runs 35th of 60', 'Once per server block: CoreDNS refuses to start when a block has a second one.'],
  },
  {
    name: 'a setup-only plugin whose repeats are ignored',
    language: 'corefile',
    text: '. {\n    «rel‸oad»\n    whoami\n}\n',
    says: ['**reload** — CoreDNS plugin', 'Runs 12th of 60', 'Setup only: it configures the server and never sees a query.', 'Only the first one in a server block counts'],
  },
  {
    name: 'the cursor just after a directive still finds it',
    language: 'corefile',
    text: '. {\n    «whoami»‸\n}\n',
    says: ['**whoami** — CoreDNS plugin', 'Runs 56th of 60'],
  },
  {
    name: 'a directive the targeted release does not have yet',
    language: 'corefile',
    text: '. {\n    «sh‸ed»\n    whoami\n}\n',
    settings: { corednsVersion: '1.14.0' },
    says: ['**Not in the targeted CoreDNS 1.14.0**: it first appeared in 1.14.7'],
  },
  {
    name: 'a directive added within the tracked releases names its first release',
    language: 'corefile',
    text: '. {\n    «view‸» v {\n        expr name() == "a."\n    }\n    whoami\n}\n',
    says: ['Available in the targeted CoreDNS 1.14.7 (since 1.10.0).'],
  },
  {
    name: 'a well-known external plugin',
    language: 'corefile',
    text: '. {\n    «al‸ias»\n}\n',
    says: ['**alias** — external plugin', 'Not part of a stock CoreDNS', 'https://github.com/serverwentdown/alias', 'list it in the `corefileLens.externalPlugins` setting'],
    not: ['Runs '],
  },
  {
    name: 'a plugin declared in the settings',
    language: 'corefile',
    text: '. {\n    «my‸plugin»\n}\n',
    settings: { externalPlugins: ['myplugin'] },
    says: ['**myplugin** — plugin of your own CoreDNS build', 'Declared in the `corefileLens.externalPlugins` setting'],
  },
  {
    name: 'an unknown directive with a suggestion',
    language: 'corefile',
    text: '. {\n    «forw‸rd» . 1.1.1.1\n}\n',
    says: ['**forwrd** — unknown directive', 'refuses to start', 'Did you mean `forward`?'],
  },
  {
    name: 'a directive CoreDNS removed',
    language: 'corefile',
    text: '. {\n    «pro‸xy» . 1.1.1.1\n}\n',
    says: ['**proxy** — removed directive', 'CoreDNS accepted it up to 1.4.0', 'Use `forward` instead.'],
  },
  // Options inside plugin blocks.
  {
    name: 'an option: meaning, default, version',
    language: 'corefile',
    text: '. {\n    forward . 10.0.0.1 {\n        «max_f‸ails» 3\n    }\n}\n',
    says: ['**max_fails** — option of `forward`', '`max_fails INTEGER`', 'Consecutive failed health checks', '- Default: 2'],
  },
  {
    name: 'an option with accepted values',
    language: 'corefile',
    text: '. {\n    forward . https://10.0.0.1 {\n        «doh_me‸thod» GET\n    }\n}\n',
    says: ['- Accepted values: GET or POST, in capitals', '- Default: POST'],
  },
  {
    name: 'an option newer than the targeted release',
    language: 'corefile',
    text: '. {\n    cache {\n        serve_stale\n        «serve_stale_pol‸icy» prefer_positive\n    }\n}\n',
    settings: { corednsVersion: '1.14.0' },
    says: ['**serve_stale_policy** — option of `cache`', '**Not in the targeted CoreDNS 1.14.0**: it first appeared in 1.14.7.', 'History: added in 1.14.7.'],
  },
  {
    name: 'a deprecated option',
    language: 'corefile',
    text: 'example.org {\n    auto {\n        «up‸stream»\n    }\n}\n',
    says: ['**upstream** — option of `auto`', '**Deprecated** in the targeted CoreDNS 1.14.7 (since 1.6.0)'],
  },
  {
    name: 'an option the targeted release no longer accepts',
    language: 'corefile',
    text: 'example.org {\n    auto {\n        «trans‸fer» to *\n    }\n}\n',
    says: ['**transfer** — not an option of `auto`', '**Not accepted** by the targeted CoreDNS 1.14.7; the last release that accepted it was 1.7.1.', 'Use `transfer` instead.'],
  },
  {
    name: 'a word that is no option of the plugin',
    language: 'corefile',
    text: '. {\n    health {\n        «lamedukc‸» 5s\n    }\n}\n',
    says: ['**lamedukc** — not an option of `health`', 'Its options are `lameduck`.'],
  },
  {
    name: 'a keyword argument (rewrite\'s rule type)',
    language: 'corefile',
    text: '. {\n    rewrite stop «na‸me» exact a.example. b.example.\n    forward . 10.0.0.1\n}\n',
    says: ['**name** — argument of `rewrite`', '`name [MATCH] FROM TO [ANSWER...]`'],
  },
  { name: 'an option\'s value has no hover', language: 'corefile', text: '. {\n    forward . 10.0.0.1 {\n        max_fails 3‸\n    }\n}\n' },
  { name: 'a placeholder argument has no hover', language: 'corefile', text: '. {\n    forward . 10.0.‸0.1\n}\n' },
  { name: 'blank space has no hover', language: 'corefile', text: '. {\n  ‸\n    whoami\n}\n' },
  // Server-block addresses.
  {
    name: 'an address with a port',
    language: 'corefile',
    text: '«example.o‸rg:1053» {\n    whoami\n}\n',
    says: ['**Server block address** `example.org:1053`', 'Transport: no scheme, so plain DNS over UDP and TCP (`dns://`)', 'Zone: `example.org.`', 'Port: 1053'],
  },
  {
    name: 'a network becomes its reverse zones',
    language: 'corefile',
    text: 'example.org «10.0.0.0‸/24» {\n    whoami\n}\n',
    says: ['reverse zones of the network `10.0.0.0/24`: `0.0.10.in-addr.arpa.`', 'Port: 53, the default for `dns://`'],
  },
  {
    name: 'a wide network lists a few reverse zones and counts the rest',
    language: 'corefile',
    text: '«10.0.0.0/2‸0» {\n    whoami\n}\n',
    says: ['`0.0.10.in-addr.arpa.`', 'and 8 more'],
  },
  {
    name: 'a TLS address takes the TLS port',
    language: 'corefile',
    text: '«tls‸://.» {\n    tls cert.pem key.pem\n    whoami\n}\n',
    says: ['DNS over TLS (`tls://`)', 'Zone: `.` (the root: every name)', 'Port: 853, the default for `tls://`'],
  },
  {
    name: 'unix:// is recognised but starts no server',
    language: 'corefile',
    text: '«unix‸:///run/dns.sock» {\n    whoami\n}\n',
    says: ['starts no server for, so this block answers no queries (`unix://`)', 'Port: none'],
  },
  {
    name: 'an address CoreDNS refuses says why',
    language: 'corefile',
    text: '«exa‸mple..org» {\n    whoami\n}\n',
    says: ['CoreDNS refuses this address:', 'empty label'],
  },
  {
    name: 'a comma after a key is not part of the zone',
    language: 'corefile',
    text: '«a.exa‸mple,» b.example {\n    whoami\n}\n',
    says: ['**Server block address** `a.example`', 'Zone: `a.example.`'],
  },
  // Imports and snippets.
  {
    name: 'an import of a snippet shows its body',
    language: 'corefile',
    text: '(common) {\n    errors\n    log\n}\n. {\n    import «com‸mon»\n    whoami\n}\n',
    says: ['**import** `common`', 'Pastes the snippet `(common)` here', '```corefile\nerrors\nlog\n```'],
  },
  {
    name: 'the import keyword answers like its argument',
    language: 'corefile',
    text: '(common) {\n    errors\n}\n. {\n    «imp‸ort» common\n    whoami\n}\n',
    says: ['Pastes the snippet `(common)` here'],
  },
  {
    name: 'a snippet defined after its import is not used: CoreDNS looks for a file',
    language: 'corefile',
    text: '. {\n    import «la‸ter»\n    whoami\n}\n(later) {\n    log\n}\n',
    says: ['is defined further down', 'looks for a file named `later` instead'],
  },
  {
    name: 'a snippet definition lists its imports',
    language: 'corefile',
    text: '«(comm‸on)» {\n    errors\n}\n. {\n    import common\n    whoami\n}\nexample.org {\n    import common\n}\n',
    says: ['**Snippet** `(common)`', 'Imported on lines 5, 9.', '```corefile\nerrors\n```'],
  },
  {
    name: 'a snippet nobody imports',
    language: 'corefile',
    text: '«(un‸used)» {\n    errors\n}\n. {\n    whoami\n}\n',
    says: ['It is not imported anywhere in this document'],
  },
  {
    name: 'a directive inside a snippet',
    language: 'corefile',
    text: '(common) {\n    «err‸ors»\n}\n. {\n    import common\n}\n',
    says: ['**errors** — CoreDNS plugin', 'Runs 23rd of 60'],
  },
  {
    name: 'an import glob lists the files it matches, by CoreDNS\'s glob rules',
    language: 'corefile',
    text: '. {\n    import «conf.d/*.c‸onf»\n}\n',
    path: '/etc/coredns/Corefile',
    host: memoryHost({ '/etc/coredns/Corefile': '', '/etc/coredns/conf.d/b.conf': 'log\n', '/etc/coredns/conf.d/a.conf': 'errors\n', '/etc/coredns/conf.d/c.txt': '' }),
    says: ['Pastes the files matching `/etc/coredns/conf.d/*.conf` here, in name order: `/etc/coredns/conf.d/a.conf`, `/etc/coredns/conf.d/b.conf`.'],
    not: ['c.txt'],
  },
  {
    name: 'an import of a missing file',
    language: 'corefile',
    text: '. {\n    import «/etc/coredns/ext‸ra.conf»\n}\n',
    says: ['Pastes the file `/etc/coredns/extra.conf` here; it is not found on this machine'],
  },
  {
    name: 'a relative import in an unsaved document',
    language: 'corefile',
    text: '. {\n    import «ext‸ra.conf»\n}\n',
    says: ['this document has not been saved'],
  },
  {
    name: 'a glob CoreDNS refuses',
    language: 'corefile',
    text: '. {\n    import «/etc/*/*.c‸onf»\n}\n',
    says: ['more than one \'*\'', 'CoreDNS refuses this import.'],
  },
  // Environment placeholders.
  {
    name: 'an environment variable without a value',
    language: 'corefile',
    text: '. {\n    forward . «{$UPS‸TREAM}»\n}\n',
    says: ['**Environment variable** `UPSTREAM`', 'not known at lint time', '`corefileLens.env`'],
  },
  {
    name: 'an environment variable after a quoted word holding a lone carriage return, which ends a line for the editor only',
    language: 'corefile',
    text: '. {\n    log "a\rb"\n    forward . «{$UPS‸TREAM}»\n}\n',
    says: ['**Environment variable** `UPSTREAM`', 'not known at lint time'],
  },
  {
    name: 'an environment variable with a value from the settings (Windows-style placeholder)',
    language: 'corefile',
    text: '. {\n    forward . 10.0.0.1:«{%P‸ORT%}»\n}\n',
    settings: { env: { PORT: '5353' } },
    says: ['`{%PORT%}` reads as `5353`'],
  },
  {
    name: 'a placeholder inside a server-block key',
    language: 'corefile',
    text: '«{$Z‸ONE}»:53 {\n    whoami\n}\n',
    says: ['**Environment variable** `ZONE`'],
  },
  {
    name: 'the rest of a key with a placeholder explains the key cannot be worked out',
    language: 'corefile',
    text: '«{$ZONE}:5‸3» {\n    whoami\n}\n',
    says: ['It depends on `{$ZONE}`', 'zone and port are not worked out'],
  },
  {
    name: 'a key with a placeholder whose value is given',
    language: 'corefile',
    text: '«{$ZONE}:5‸3» {\n    whoami\n}\n',
    settings: { env: { ZONE: 'example.org' } },
    says: ['**Server block address** `example.org:53`', 'Zone: `example.org.`'],
  },
  // resolv.conf.
  {
    name: 'a nameserver line, as glibc and musl use it',
    language: 'resolvconf',
    text: '«name‸server» 10.96.0.10\nsearch default.svc.cluster.local\n',
    says: ['**nameserver** — resolv.conf keyword', '**glibc** (your resolver): asks `10.96.0.10` as server 1 of 1.', '- musl: asks `10.96.0.10` as server 1 of 1.'],
  },
  {
    name: 'a fourth nameserver is ignored',
    language: 'resolvconf',
    text: 'nameserver 10.0.0.1\nnameserver 10.0.0.2\nnameserver 10.0.0.3\nnameserver «10.0‸.0.4»\n',
    says: ['ignores it: three servers are already listed above'],
  },
  {
    name: 'the musl setting marks musl as your resolver',
    language: 'resolvconf',
    text: '«sea‸rch» a.example b.example\n',
    settings: { resolver: 'musl' },
    says: ['**musl** (your resolver): this line sets the search list: `a.example` `b.example`', '- glibc: this line sets the search list'],
  },
  {
    name: 'an earlier search line is replaced by a later one',
    language: 'resolvconf',
    text: '«sea‸rch» old.example\ndomain new.example\n',
    says: ['a later line decides the search list (`new.example`)'],
  },
  {
    name: 'ndots above both caps',
    language: 'resolvconf',
    text: 'options «ndots‸:20»\n',
    says: ['**ndots** — resolv.conf option', 'glibc keeps at most 15, musl at most 15', 'reads 20 and lowers it to 15, its cap. In effect after the whole file: 15.'],
  },
  {
    name: 'timeout capped differently by glibc and musl',
    language: 'resolvconf',
    text: 'options «timeout:9‸0»\n',
    says: ['**glibc** (your resolver): reads 90 and lowers it to 30', 'musl: reads 90 and lowers it to 60'],
  },
  {
    name: 'a later ndots wins',
    language: 'resolvconf',
    text: 'options «ndo‸ts:2»\noptions ndots:5\n',
    says: ['reads 2. In effect after the whole file: 5.'],
  },
  {
    name: 'musl reads only the first ndots of a line',
    language: 'resolvconf',
    text: 'options ndots:2 «ndo‸ts:3»\n',
    says: ['musl: reads only the first `ndots:` of the line, not this one.'],
  },
  {
    name: 'glibc matches flags by prefix',
    language: 'resolvconf',
    text: 'options «rota‸tex»\n',
    says: ['**rotate** — resolv.conf option (glibc)', 'reads `rotatex` as `rotate`', 'musl: ignores it'],
  },
  {
    name: 'a flag at the end of a CRLF line keeps its carriage return for glibc',
    language: 'resolvconf',
    text: 'options «rot‸ate»\r\n',
    says: ['**rotate** — resolv.conf option (glibc)', 'ends with a carriage return (CRLF)'],
    not: ['reads `rotate` as `rotate`'],
  },
  {
    name: 'an option on the line after a comment holding a lone carriage return',
    language: 'resolvconf',
    text: '# old\rnote\noptions «rot‸ate»\n',
    says: ['**rotate** — resolv.conf option (glibc)'],
  },
  {
    name: 'a flag newer glibc releases read',
    language: 'resolvconf',
    text: 'options «no-a‸aaa»\n',
    says: ['Read since glibc 2.36; older releases ignore it.', 'sets the flag.'],
  },
  {
    name: 'a retired option',
    language: 'resolvconf',
    text: 'options «ine‸t6»\n',
    says: ['**inet6** — retired resolv.conf option', 'removed it in 2.30'],
  },
  {
    name: 'an unknown option',
    language: 'resolvconf',
    text: 'options «fast‸er»\n',
    says: ['**faster** — unknown resolv.conf option', 'Neither glibc nor musl knows this word'],
  },
  {
    name: 'an unknown keyword',
    language: 'resolvconf',
    text: '«look‸up» file bind\n',
    says: ['**lookup** — not a resolv.conf keyword', 'both skip the line'],
  },
  {
    name: 'an options line names what each libc reads on it',
    language: 'resolvconf',
    text: '«opt‸ions» ndots:2 edns0\n',
    says: ['**glibc** (your resolver): reads 2 option words', 'musl: reads `ndots` here. In effect: ndots 2, timeout 5, attempts 2.'],
  },
  { name: 'a comment has no hover', language: 'resolvconf', text: '# name‸server 1.1.1.1\n' },
  // Corefiles inside ConfigMaps: every scalar style maps the hover range back exactly.
  {
    name: 'YAML literal block scalar',
    language: 'yaml',
    text: configMap('  Corefile: |\n    .:53 {\n        «who‸ami»\n    }\n'),
    says: ['**whoami** — CoreDNS plugin'],
  },
  {
    name: 'YAML after a comment holding a lone carriage return, which ends a line for the editor',
    language: 'yaml',
    text: '# old\rnote\n' + configMap('  Corefile: |\n    .:53 {\n        «who‸ami»\n    }\n'),
    says: ['**whoami** — CoreDNS plugin'],
  },
  {
    name: 'YAML literal block scalar with an indentation indicator and keep chomping',
    language: 'yaml',
    text: configMap('  Corefile: |2+\n      .:53 {\n          «log‸»\n      }\n\n'),
    says: ['**log** — CoreDNS plugin'],
  },
  {
    name: 'YAML folded block scalar',
    language: 'yaml',
    text: configMap('  Corefile: >\n    .:53 {\n        «who‸ami»\n    }\n'),
    says: ['**whoami** — CoreDNS plugin'],
  },
  {
    name: 'YAML plain scalar',
    language: 'yaml',
    text: configMap('  Corefile: .:53 { «who‸ami» }\n'),
    says: ['**whoami** — CoreDNS plugin'],
  },
  {
    name: 'YAML single-quoted scalar folded over lines',
    language: 'yaml',
    text: configMap("  Corefile: '.:53 {\n\n    «who‸ami»\n\n    }'\n"),
    says: ['**whoami** — CoreDNS plugin'],
  },
  {
    name: 'YAML double-quoted scalar with escapes',
    language: 'yaml',
    text: configMap('  Corefile: ".:53 {\\n    «who‸ami»\\n}\\n"\n'),
    says: ['**whoami** — CoreDNS plugin'],
  },
  {
    name: 'YAML double-quoted scalar: a placeholder maps to its source',
    language: 'yaml',
    text: configMap('  Corefile: ".:53 {\\n    forward . «{$U‸P}»\\n}\\n"\n'),
    says: ['**Environment variable** `UP`'],
  },
  {
    name: 'YAML server block address',
    language: 'yaml',
    text: configMap('  Corefile: |\n    «example.o‸rg:5353» {\n        whoami\n    }\n'),
    says: ['**Server block address** `example.org:5353`', 'Port: 5353'],
  },
  {
    name: 'YAML option inside a plugin block',
    language: 'yaml',
    text: configMap('  Corefile: |\n    .:53 {\n        health {\n            «lame‸duck» 5s\n        }\n    }\n'),
    says: ['**lameduck** — option of `health`'],
  },
  {
    name: 'YAML .override key: bare directives are directives',
    language: 'yaml',
    text: configMap('  log.override: |\n    «lo‸g»\n'),
    says: ['**log** — CoreDNS plugin'],
    not: ['Server block address'],
  },
  {
    name: 'YAML .override key: an option inside a bare directive',
    language: 'yaml',
    text: configMap('  fwd.override: |\n    forward . 10.0.0.1 {\n        «max_f‸ails» 3\n    }\n'),
    says: ['**max_fails** — option of `forward`'],
  },
  {
    name: 'YAML .server key: its block address',
    language: 'yaml',
    text: configMap('  example.server: |\n    «exa‸mple.org» {\n        whoami\n    }\n'),
    says: ['**Server block address** `example.org`'],
  },
  {
    name: 'YAML snippet imports are counted in YAML lines',
    language: 'yaml',
    text: configMap('  Corefile: |\n    «(co‸mmon)» {\n        errors\n    }\n    .:53 {\n        import common\n    }\n'),
    says: ['Imported on line 12.'],
  },
  {
    name: 'YAML import of the mounted coredns-custom keys lists the matching keys of the file',
    language: 'yaml',
    text: `${configMap('  Corefile: |\n    import «/etc/coredns/custom/*.se‸rver»\n    .:53 {\n        whoami\n    }\n')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns-custom\ndata:\n  a.server: |\n    a.example {\n        whoami\n    }\n  b.override: |\n    log\n`,
    says: ['AKS and k3s mount the `coredns-custom` ConfigMap at `/etc/coredns/custom`', 'Keys in this file that match: `a.server`.'],
    not: ['b.override`.'],
  },
  { name: 'YAML outside any Corefile key has no hover', language: 'yaml', text: configMap('  Corefile: |\n    .:53 {\n        whoami\n    }\n').replace('name: coredns', 'name: co‸redns') },
  {
    name: 'YAML with template syntax: a literal line gets its hover',
    language: 'yaml',
    text: configMap('  Corefile: |\n    {{ .Values.zone }}:53 {\n        «who‸ami»\n    }\n'),
    says: ['whoami'],
  },
  {
    name: 'YAML with template syntax: a line a template decides gets none',
    language: 'yaml',
    text: configMap('  Corefile: |\n    .:53 {\n        kuber‸netes {{ .Values.clusterDomain }}\n        whoami\n    }\n'),
  },
  {
    name: 'YAML with template syntax: nor does a line inside a template if',
    language: 'yaml',
    text: configMap('  Corefile: |\n    .:53 {\n{{- if .Values.debug }}\n        l‸og\n{{- end }}\n        whoami\n    }\n'),
  },
];

describe('hover', () => {
  for (const c of cases) {
    test(`${c.language}: ${c.name}`, () => {
      const { text, cursor, range } = parseMarkers(c.text);
      const uri = c.language === 'yaml' ? 'file:///ws/coredns.yaml' : c.language === 'resolvconf' ? 'file:///ws/resolv.conf' : 'file:///ws/Corefile';
      const doc = { uri, text, language: c.language, ...(c.path !== undefined ? { path: c.path } : {}) };
      const hover = hoverAt(doc, cursor, withDefaults(c.settings), c.host ?? emptyHost);
      if (range === undefined) {
        assert.equal(hover, undefined, `expected no hover, got ${JSON.stringify(hover)}`);
        return;
      }
      assert.ok(hover, 'expected a hover');
      assert.deepEqual(hover.range, range, hover.markdown);
      for (const fragment of c.says ?? []) assert.ok(hover.markdown.includes(fragment), `missing ${JSON.stringify(fragment)} in:\n${hover.markdown}`);
      for (const fragment of c.not ?? []) assert.ok(!hover.markdown.includes(fragment), `unexpected ${JSON.stringify(fragment)} in:\n${hover.markdown}`);
    });
  }
});
