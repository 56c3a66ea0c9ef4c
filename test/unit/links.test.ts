// Document links through the core (documentLinks): imports of one existing file and the plugin file
// arguments of features/links/file-arguments.ts become links when the FileHost finds the file, resolved
// as CoreDNS resolves them (the block's `root` for the plugins that join it). Each link is written
// `line:start-end target`, 0-based.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentLinks } from '../../server/src/core/features/links.js';
import { memoryHost } from '../../server/src/core/host.js';
import type { DocumentInput } from '../../server/src/core/service.js';
import { defaultSettings } from '../../server/src/core/settings.js';

const host = memoryHost({
  '/srv/dns/extra.conf': 'extra.example {\n}\n',
  '/srv/dns/snips/a.conf': '',
  '/srv/dns/snips/b.conf': '',
  '/srv/dns/db.example.org': '',
  '/srv/dns/zones/db.example.org': '',
  '/srv/dns/zones/hosts': '',
  '/srv/dns/zones/weights': '',
  '/srv/dns/zones/Kexample.org.+013+45330.key': '',
  '/srv/dns/zones/Kexample.org.+013+45330.private': '',
  '/srv/dns/cert.pem': '',
  '/srv/dns/key.pem': '',
  '/srv/dns/zones/ca.pem': '',
  '/srv/dns/ca.pem': '',
  '/etc/coredns/kubeconfig': '',
  '/etc/resolv.conf': '',
  '/etc/coredns/tsig.conf': '',
});

/** A Corefile saved at /srv/dns/Corefile, or unsaved when `saved` is false. */
const corefile = (text: string, saved = true): DocumentInput => ({
  uri: saved ? 'file:///srv/dns/Corefile' : 'untitled:Corefile',
  ...(saved ? { path: '/srv/dns/Corefile' } : {}),
  text,
  language: 'corefile',
});

const CASES: Array<{ name: string; doc: DocumentInput; env?: Record<string, string>; expected: string[] }> = [
  {
    name: 'imports: a plain path that exists links; a glob, a snippet name and a missing file do not',
    doc: corefile('(extra.conf) {\n}\nimport extra.conf\nimport snips/*.conf\nimport missing.conf\nimport /srv/dns/extra.conf\n.:53 {\n    import "extra.conf"\n}\n'),
    expected: ['5:7-26 file:///srv/dns/extra.conf'],
  },
  {
    name: 'imports: without a snippet of that name, a relative import links from the Corefile\'s folder',
    doc: corefile('import extra.conf\n.:53 {\n    import "extra.conf"\n}\n'),
    expected: ['0:7-17 file:///srv/dns/extra.conf', '2:11-23 file:///srv/dns/extra.conf'],
  },
  {
    name: 'file arguments: zone, hosts, weight, key and TLS files from the block\'s root; kubeconfig and forward\'s file as written',
    doc: corefile([
      'example.org {',                            // 0
      '    root zones',                           // 1
      '    file db.example.org example.org',      // 2
      '    hosts hosts example.org',              // 3
      '    tls cert.pem key.pem ca.pem',          // 4
      '    loadbalance weighted weights',         // 5
      '    dnssec {',                             // 6
      '        key file Kexample.org.+013+45330', // 7
      '    }',                                    // 8
      '    kubernetes cluster.local {',           // 9
      '        kubeconfig /etc/coredns/kubeconfig', // 10
      '    }',                                    // 11
      '    forward . /etc/resolv.conf {',         // 12
      '        tls ca.pem',                       // 13
      '    }',                                    // 14
      '}',                                        // 15
      '',
    ].join('\n')),
    expected: [
      '2:9-23 file:///srv/dns/zones/db.example.org',
      '3:10-15 file:///srv/dns/zones/hosts',
      '4:25-31 file:///srv/dns/zones/ca.pem',
      '5:25-32 file:///srv/dns/zones/weights',
      '7:17-40 file:///srv/dns/zones/Kexample.org.%2B013%2B45330.key',
      '10:19-42 file:///etc/coredns/kubeconfig',
      '12:14-30 file:///etc/resolv.conf',
      '13:12-18 file:///srv/dns/zones/ca.pem',
    ],
  },
  {
    name: 'file arguments: without root, relative files are taken from the Corefile\'s folder; zones are not files',
    doc: corefile('example.org {\n    file db.example.org extra.conf\n    tsig {\n        secrets /etc/coredns/tsig.conf\n    }\n    tls cert.pem key.pem ca.pem\n}\n'),
    expected: [
      '1:9-23 file:///srv/dns/db.example.org',
      '3:16-38 file:///etc/coredns/tsig.conf',
      '5:8-16 file:///srv/dns/cert.pem',
      '5:17-24 file:///srv/dns/key.pem',
      '5:25-31 file:///srv/dns/ca.pem',
    ],
  },
  {
    name: "snippets: a file argument joins the root of the blocks that import the snippet",
    doc: corefile('(zone) {\n    file db.example.org\n}\nexample.org {\n    root zones\n    import zone\n}\n'),
    expected: ['1:9-23 file:///srv/dns/zones/db.example.org'],
  },
  {
    name: "snippets: blocks that import a snippet with different roots leave its root-joined files unlinked",
    doc: corefile('(zone) {\n    file db.example.org\n    forward . /etc/resolv.conf\n}\na.example {\n    root zones\n    import zone\n}\nb.example {\n    import zone\n}\n'),
    expected: ['2:14-30 file:///etc/resolv.conf'],
  },
  {
    name: "snippets: a snippet imported nowhere links from the Corefile's folder",
    doc: corefile('(zone) {\n    file db.example.org\n}\n'),
    expected: ['1:9-23 file:///srv/dns/db.example.org'],
  },
  {
    name: "a block's root may come from a snippet it imports, as in CoreDNS's expanded block",
    doc: corefile('(zones) {\n    root zones\n}\nexample.org {\n    import zones\n    file db.example.org\n}\n'),
    expected: ['5:9-23 file:///srv/dns/zones/db.example.org'],
  },
  {
    name: 'placeholders take the known environment; an unknown one makes no link',
    doc: corefile('import {$EXTRA}\nexample.org {\n    file {$ZONEFILE}\n}\n'),
    env: { EXTRA: 'extra.conf' },
    expected: ['0:7-15 file:///srv/dns/extra.conf'],
  },
  {
    name: 'an unsaved Corefile links absolute paths only',
    doc: corefile('import extra.conf\nimport /srv/dns/extra.conf\n', false),
    expected: ['1:7-26 file:///srv/dns/extra.conf'],
  },
  {
    name: 'ConfigMaps name files inside the CoreDNS pod: no links in YAML',
    doc: { uri: 'file:///srv/dns/coredns.yaml', path: '/srv/dns/coredns.yaml', language: 'yaml', text: 'kind: ConfigMap\ndata:\n  Corefile: |\n    import /srv/dns/extra.conf\n' },
    expected: [],
  },
  {
    name: 'resolv.conf has no links',
    doc: { uri: 'file:///etc/resolv.conf', path: '/etc/resolv.conf', language: 'resolvconf', text: 'nameserver 10.0.0.1\n' },
    expected: [],
  },
];

for (const c of CASES) {
  test(`links: ${c.name}`, () => {
    const links = documentLinks(c.doc, { ...defaultSettings, env: c.env ?? {} }, host);
    const shown = links.map((l) => {
      assert.equal(l.range.start.line, l.range.end.line);
      return `${l.range.start.line}:${l.range.start.character}-${l.range.end.character} ${l.target}`;
    });
    assert.deepEqual(shown, c.expected);
  });
}

test('links: the tooltip says what the file is to CoreDNS and where it is', () => {
  const [link] = documentLinks(corefile('example.org {\n    file db.example.org\n}\n'), defaultSettings, host);
  assert.equal(link?.tooltip, 'zone file: /srv/dns/db.example.org');
});
