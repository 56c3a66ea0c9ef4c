// Signature help through the core's public entry point, signatureHelpAt. Each case marks the cursor with ‸
// and gives the active signature's label and the parameter it names (as written in the label), `null`
// where the notation leaves the argument's place open, or `none` where no signature is offered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signatureHelpAt } from '../../server/src/core/features/signature-help.js';
import { emptyHost } from '../../server/src/core/host.js';
import { defaultSettings } from '../../server/src/core/settings.js';
import type { LanguageId } from '../../server/src/core/types.js';
import { parseMarkers } from '../support/markers.js';

interface SignatureCase {
  name: string;
  language?: LanguageId;
  text: string;
  /** The active signature's label; absent when no signature is expected. */
  label?: string;
  /** The named parameter as written in the label, or null for none. */
  active?: string | null;
  /** Documentation the active signature or its named parameter must mention. */
  mentions?: string[];
}

const configMap = (data: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\ndata:\n${data}`;

const cases: SignatureCase[] = [
  { name: 'the first argument of forward', text: '. {\n    forward ‸\n}\n', label: 'forward FROM TO...', active: 'FROM', mentions: ['The zone whose queries are forwarded'] },
  { name: 'the upstreams of forward', text: '. {\n    forward . ‸\n}\n', label: 'forward FROM TO...', active: 'TO...' },
  { name: 'a variadic parameter takes every later argument', text: '. {\n    forward . 10.0.0.1 10.0.0.2 ‸\n}\n', label: 'forward FROM TO...', active: 'TO...' },
  { name: 'the argument being typed is the active one', text: '. {\n    forward . 10.0.0‸\n}\n', label: 'forward FROM TO...', active: 'TO...' },
  { name: 'a nested optional argument has a certain place', text: '. {\n    hosts /etc/hosts ‸\n}\n', label: 'hosts [FILE [ZONES...]]', active: '[ZONES...]]' },
  { name: 'sibling optional arguments are told apart by value: none named', text: '. {\n    cache ‸\n}\n', label: 'cache [TTL] [ZONES...]', active: null },
  { name: 'too many arguments for a fixed syntax: none named', text: '. {\n    whoami x ‸\n}\n', label: 'whoami', active: null },
  { name: 'an option line in a plugin block', text: '. {\n    forward . 10.0.0.1 {\n        max_fails ‸\n    }\n}\n', label: 'max_fails INTEGER', active: 'INTEGER', mentions: ['Consecutive failed health checks'] },
  { name: 'a directive inside a snippet', text: '(common) {\n    forward ‸\n}\n', label: 'forward FROM TO...', active: 'FROM' },
  { name: 'after a lone carriage return inside a quoted word, on the editor\'s next line', text: '. {\n    log "a\rb" ‸\n}\n', label: 'log [NAMES...] [FORMAT]', active: null },
  { name: 'inside a ConfigMap', language: 'yaml', text: configMap('  Corefile: |\n    .:53 {\n        forward . ‸\n    }\n'), label: 'forward FROM TO...', active: 'TO...' },
  { name: 'inside an .override key, read in the default block', language: 'yaml', text: configMap('  x.override: |\n    forward ‸\n'), label: 'forward FROM TO...', active: 'FROM' },
  // Nothing certain to show.
  { name: 'while the directive name is typed', text: '. {\n    forw‸\n}\n' },
  { name: 'on an empty directive line', text: '. {\n    ‸\n}\n' },
  { name: 'on a server block\'s key line', text: 'example.org ‸{\n}\n' },
  { name: 'an unknown directive', text: '. {\n    nosuch ‸\n}\n' },
  { name: 'an unknown option', text: '. {\n    forward . 10.0.0.1 {\n        nosuch ‸\n    }\n}\n' },
  { name: 'in a comment after the directive', text: '. {\n    forward . # upstreams ‸\n}\n' },
  { name: 'after a brace on the line', text: '. {\n    forward . 10.0.0.1 { ‸\n}\n' },
  { name: 'resolv.conf', language: 'resolvconf', text: 'options ‸\n' },
];

for (const c of cases) {
  test(`signature help: ${c.name}`, () => {
    const { text, cursor } = parseMarkers(c.text);
    const language = c.language ?? 'corefile';
    const uri = language === 'yaml' ? 'file:///ws/coredns.yaml' : language === 'resolvconf' ? 'file:///ws/resolv.conf' : 'file:///ws/Corefile';
    const help = signatureHelpAt({ uri, text, language }, cursor, defaultSettings, emptyHost);
    if (c.label === undefined) {
      assert.equal(help, undefined);
      return;
    }
    assert.ok(help, 'expected signature help');
    const signature = help.signatures[help.activeSignature]!;
    assert.equal(signature.label, c.label);
    const named = help.activeParameter === undefined ? null : signature.parameters[help.activeParameter]!;
    assert.equal(named === null ? null : signature.label.slice(named.start, named.end), c.active);
    const said = [signature.documentation, named?.documentation ?? ''].join('\n');
    for (const m of c.mentions ?? []) assert.ok(said.includes(m), `expected ${JSON.stringify(m)} in ${JSON.stringify(said)}`);
  });
}
