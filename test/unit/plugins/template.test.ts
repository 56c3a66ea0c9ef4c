import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TemplateConfig } from '../../../server/src/core/plugins/template.js';
import { analyze, runTable, type PluginCase } from '../../support/plugin-table.js';

const block = (lines: string, head = 'IN A'): string => `example.org {\n  template ${head} {\n${lines}\n  }\n}\n`;

const rows: PluginCase[] = [
  { corefile: 'example.org {\n  template IN A\n}\n', ok: true },
  { corefile: 'example.org {\n  template ANY ANY example.org sub.example.org\n}\n', ok: true },
  { corefile: 'example.org {\n  template\n}\n', ok: false, code: 'template/wrong-argument-count' },
  { corefile: 'example.org {\n  template IN\n}\n', ok: false, code: 'template/wrong-argument-count' },
  { corefile: 'example.org {\n  template IN {\n    rcode NXDOMAIN\n  }\n}\n', ok: false, code: 'template/wrong-argument-count' },
  { corefile: 'example.org {\n  template in A\n}\n', ok: false, code: 'template/invalid-class' },
  { corefile: 'example.org {\n  template CHAOS TXT\n}\n', ok: false, code: 'template/invalid-class' },
  { corefile: 'example.org {\n  template IN aaaa\n}\n', ok: false, code: 'template/invalid-type' },
  { corefile: 'example.org {\n  template IN BOGUS\n}\n', ok: false, code: 'template/invalid-type' },
  { corefile: block('    match ^ip-(?P<a>[0-9]+)[.]example[.]org[.]$ ^other[.]\n    answer "{{ .Name }} 60 IN A 10.0.0.{{ .Group.a }}"'), ok: true },
  { corefile: block('    match'), ok: false, code: 'template/wrong-argument-count' },
  { corefile: block('    match ^(unclosed'), ok: false, code: 'template/invalid-regex' },
  { corefile: block('    match (?<=x)y'), ok: false, code: 'template/invalid-regex' },
  { corefile: block(`    match ${'a'.repeat(10001)}`), ok: false, code: 'template/invalid-regex' },
  { corefile: block('    answer'), ok: false, code: 'template/wrong-argument-count' },
  { corefile: block('    answer "{{ .Name  60 IN A 10.2.3.4"'), ok: false, code: 'template/invalid-template' },
  { corefile: block('    additional "{{ .Name }} 60 IN A {{ bogus }}"'), ok: false, code: 'template/invalid-template' },
  { corefile: block('    authority "{{ if .Name }}x"'), ok: false, code: 'template/invalid-template' },
  { corefile: block('    authority "example.org. 60 IN NS ns1.example.org." "example.org. 60 IN NS ns2.example.org."\n    additional "ns1.example.org. 60 IN A 10.0.0.1"'), ok: true },
  { corefile: block('    rcode NXDOMAIN'), ok: true },
  { corefile: block('    rcode nxdomain'), ok: false, code: 'template/invalid-rcode' },
  { corefile: block('    rcode'), ok: false, code: 'template/wrong-argument-count' },
  { corefile: block('    rcode NXDOMAIN fallthrough'), ok: true },
  { corefile: block('    rcode NXDOMAIN extra'), ok: false, code: 'template/unknown-option' },
  { corefile: block('    ederror 15 "blocked by policy"'), ok: true },
  { corefile: block('    ederror 65535'), ok: true },
  { corefile: block('    ederror 65536'), ok: false, code: 'template/invalid-ederror' },
  { corefile: block('    ederror fifteen'), ok: false, code: 'template/invalid-ederror' },
  { corefile: block('    ederror'), ok: false, code: 'template/wrong-argument-count' },
  { corefile: block('    ederror 15 a b'), ok: false, code: 'template/wrong-argument-count' },
  { corefile: block('    fallthrough\n    upstream 10.0.0.1'), ok: true },
  { corefile: block('    fallthrough example.org other.test'), ok: true },
  { corefile: block('    bogus 1'), ok: false, code: 'template/unknown-option' },
  { corefile: block("    match ^(?P<ip>[0-9]+(-[0-9]+){3})[.]example[.]org[.]$\n    var ip replace(group('ip'), '-', '.')\n    expr incidr(ip, '10.0.0.0/8')\n    answer \"{{ .Name }} 60 IN A {{ .Var.ip }}\""), ok: true },
  { corefile: block("    var short trimSuffix(name(), '.example.org.')\n    var long short + '.x'\n    expr long != ''"), ok: true },
  { corefile: block('    var lonely'), ok: false, code: 'template/wrong-argument-count' },
  { corefile: block("    var 1st name()"), ok: false, code: 'template/invalid-variable-name' },
  { corefile: block("    var name 'x'"), ok: false, code: 'template/reserved-variable-name' },
  { corefile: block("    var len 'x'"), ok: false, code: 'template/reserved-variable-name' },
  { corefile: block("    var group 'x'"), ok: false, code: 'template/reserved-variable-name' },
  { corefile: block("    var in 'x'"), ok: false, code: 'template/reserved-variable-name' },
  { corefile: block("    var a 'x'\n    var a 'y'"), ok: false, code: 'template/reserved-variable-name' },
  { corefile: block("    var a no_such()"), ok: false, code: 'template/invalid-expression' },
  { corefile: block('    expr'), ok: false, code: 'template/wrong-argument-count' },
  { corefile: block('    expr no_such_function()'), ok: false, code: 'template/invalid-expression' },
  { corefile: block("    expr later == 'x'\n    var later 'x'"), ok: false, code: 'template/invalid-expression' },
  { corefile: block("    expr type() == 'A' && do()"), ok: true },
  // The Corefile strips the double quotes, so CoreDNS compiles `type() == A` and finds no name A.
  { corefile: block('    expr type() == "A"'), ok: false, code: 'template/invalid-expression' },
  { corefile: block('    expr {$UNKNOWN_EXPR}'), ok: true },
  { corefile: 'svc.test:1054 {\n  template IN A\n  template IN AAAA {\n    rcode NOERROR\n  }\n}\n', ok: true },
  { corefile: '. {\n  template IN ANY {\n    rcode NXDOMAIN\n  }\n  forward . 10.0.0.1\n}\n', ok: true, warnings: ['template/shadows-later-plugins'] },
  { corefile: '. {\n  template ANY ANY . {\n    match .*\n    answer "{{ .Name }} 60 IN A 10.0.0.1"\n    fallthrough\n  }\n  kubernetes cluster.local\n  forward . 10.0.0.1\n}\n', ok: true, warnings: ['template/shadows-later-plugins'] },
  { corefile: '. {\n  template IN ANY {\n    match ^only[.]\n  }\n  hosts\n}\n', ok: true, warnings: ['template/shadows-later-plugins'] },
];

runTable('template', rows);

test('template does not warn about shadowing when later plugins can still see queries', () => {
  for (const corefile of [
    // A single type is the usual deliberate filter.
    '. {\n  template IN AAAA {\n    rcode NOERROR\n  }\n  forward . 10.0.0.1\n}\n',
    // Falls through for names its pattern does not match.
    '. {\n  template IN ANY {\n    match ^only[.]\n    fallthrough\n  }\n  forward . 10.0.0.1\n}\n',
    // Only part of the block's zones.
    '. {\n  template IN ANY example.org\n  forward . 10.0.0.1\n}\n',
    // Another class.
    '. {\n  template CH ANY\n  forward . 10.0.0.1\n}\n',
    // Nothing runs after it (log runs before it).
    '. {\n  template IN ANY\n  log\n}\n',
  ]) {
    const codes = analyze(corefile).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('template/shadows-later-plugins'), corefile);
  }
});

test('the shadowing warning names the plugins and says Corefile order does not matter', () => {
  const corefile = '. {\n  forward . 10.0.0.1\n  kubernetes cluster.local\n  template IN ANY\n}\n';
  const warning = analyze(corefile).diagnostics.find((d) => d.code === 'template/shadows-later-plugins');
  assert.ok(warning);
  assert.match(warning.message, /kubernetes, forward/);
  assert.match(warning.message, /order of lines in the Corefile does not matter/);
});

test('template config is read into its typed form', () => {
  const corefile = "example.org {\n  template IN A example.org {\n    match ^a[.] ^b[.]\n    answer \"{{ .Name }} 60 IN A 10.0.0.1\"\n    rcode NXDOMAIN\n    ederror 15 blocked\n    var x name()\n    expr x != ''\n    fallthrough\n  }\n  template CH TXT\n}\n";
  const config = analyze(corefile).blocks[0]!.configs.get('template') as TemplateConfig;
  assert.equal(config.templates.length, 2);
  const [first, second] = config.templates;
  assert.deepEqual(
    { ...first },
    {
      qclass: 'IN', qtype: 'A', zones: ['example.org.'], regex: ['^a[.]', '^b[.]'], answer: ['{{ .Name }} 60 IN A 10.0.0.1'],
      additional: [], authority: [], rcode: 'NXDOMAIN', ederror: { code: 15, reason: 'blocked' }, fallthrough: ['.'],
      vars: [{ name: 'x', expression: 'name()' }], exprs: ["x != ''"],
    },
  );
  assert.deepEqual(second!.regex, ['.*']);
  assert.deepEqual(second!.zones, ['example.org.']);
});
