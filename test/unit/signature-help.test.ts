// Signature help through the core's public entry point, signatureHelpAt. Each case marks the cursor with ‸
// and gives the active signature's label and the parameter it names (as written in the label), `null`
// where the notation leaves the argument's place open, or `none` where no signature is offered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signatureHelpAt } from '../../server/src/core/features/signature-help.js';
import { formsOf, signatureOf } from '../../server/src/core/features/signature-help/syntax.js';
import { modulesInOrder } from '../../server/src/core/plugins/registry.js';
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
  /** How many signatures are offered, when it matters. */
  count?: number;
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
  { name: 'a block the docs write as lines of their own is no signature', text: '. {\n    geoip ‸\n}\n', label: 'geoip DBFILE', active: 'DBFILE', count: 1 },
  { name: 'forms that differ only in their block are one signature', text: '. {\n    forward ‸\n}\n', label: 'forward FROM TO...', active: 'FROM', count: 1 },
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
    if (c.count !== undefined) assert.deepEqual(help.signatures.map((s) => s.label).length, c.count, JSON.stringify(help.signatures.map((s) => s.label)));
    const named = help.activeParameter === undefined ? null : signature.parameters[help.activeParameter]!;
    assert.equal(named === null ? null : signature.label.slice(named.start, named.end), c.active);
    const said = [signature.documentation, named?.documentation ?? ''].join('\n');
    for (const m of c.mentions ?? []) assert.ok(said.includes(m), `expected ${JSON.stringify(m)} in ${JSON.stringify(said)}`);
  });
}

// Any text at any place: no exception, and an answer's indexes always point into its own lists. The texts
// are odd on purpose (unclosed quotes and blocks, braces where words go, comments, a lone \r, a template).
test('signature help: never throws, and its indexes stay inside its lists, at every position of odd texts', () => {
  const texts: Array<[LanguageId, string]> = [
    ['corefile', ''],
    ['corefile', '{ } {'],
    ['corefile', '. {\n    forward "unclosed\n}\n'],
    ['corefile', '. {\n    hosts {\n        1.2.3.4 a\n        fallthrough\n    }\n    cache 30 { success 5 }\n}\n'],
    ['corefile', '(s) {\n    log\n}\n. {\n    import s\n    rewrite name regex (.*) {1}\n    # forward . 1.1.1.1\n    template IN A {\n        answer "{{ .Name }} 60 IN A 1.2.3.4"\n    }\n}\n'],
    ['corefile', '. {\r    forward . 1.1.1.1\r\n    cache\r}\r'],
    ['yaml', configMap('  Corefile: |\n    .:53 {\n        forward . {{ .Values.upstream }}\n        cache 30\n    }\n  x.override: |\n    log\n')],
    ['resolvconf', 'options ndots:5\n'],
  ];
  let answered = 0;
  for (const [language, text] of texts) {
    const lines = text.split(/\r\n|\r|\n/);
    for (let line = 0; line <= lines.length; line++) {
      for (let character = 0; character <= (lines[line]?.length ?? 0) + 1; character++) {
        const where = `${language} ${JSON.stringify(text)} at ${line}:${character}`;
        const help = signatureHelpAt({ uri: `file:///ws/x.${language}`, text, language }, { line, character }, defaultSettings, emptyHost);
        if (help === undefined) continue;
        answered++;
        const signature = help.signatures[help.activeSignature];
        assert.ok(signature, `active signature out of range, ${where}`);
        if (help.activeParameter !== undefined) assert.ok(help.activeParameter < signature.parameters.length, `active parameter out of range, ${where}`);
        for (const p of signature.parameters) assert.ok(0 <= p.start && p.start < p.end && p.end <= signature.label.length, `parameter outside its label, ${where}`);
      }
    }
  }
  // The sweep must reach the answering paths too, or it would prove little.
  assert.ok(answered > 50, `only ${answered} positions had signature help`);
});

// The plugin docs write a block inside one syntax form or as lines of their own; either way every directive
// must have a form that starts with its name, and every option written as a word its own syntax line, or
// signature help would have nothing (or a block's line) to show.
test('signature help: every directive has a syntax form, and every named option a syntax line, to show', () => {
  for (const module of modulesInOrder()) {
    const forms = formsOf(module.name, module.docs.syntax);
    assert.ok(forms.length > 0, `${module.name} has no syntax line that starts with its name`);
    for (const form of forms) {
      const { label, parameters } = signatureOf(form);
      assert.ok(!label.includes('\n') && !label.endsWith('{'), `${module.name}: the label ${JSON.stringify(label)} holds a block`);
      for (const p of parameters) assert.ok(p.name !== '' && label.slice(p.start, p.end).includes(p.name), `${module.name}: parameter ${JSON.stringify(p)} of ${JSON.stringify(label)}`);
    }
    // Placeholders (acl's ACTION, hosts' INLINE) stand for written words and are not looked up by name.
    for (const option of module.docs.options.filter((o) => o.name !== o.name.toUpperCase())) {
      assert.equal(formsOf(option.name, [option.syntax]).length, 1, `${module.name}: option ${option.name} has the syntax ${JSON.stringify(option.syntax)}`);
    }
  }
});
