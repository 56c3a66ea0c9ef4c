import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkGoTemplate } from '../../server/src/core/plugins/util/go-template.js';

// Accepted: what text/template's Parse (with CoreDNS's parseInt) accepts. Fields are not checked at parse time.
const accepted = [
  '{{ .Name }} 60 IN A 10.2.3.4',
  'plain text without actions',
  '{{ .Name }} 0 IN TXT "{{ .Remote }}"',
  'ip-10-{{ .Group.b }}-{{ index .Match 1 }}.corp.',
  '{{ .Message.Question }} {{ .NoSuchField.Below }}',
  '{{ .Meta "geoip/city/name" }}',
  '{{ parseInt (index .Group "a") 16 8 }}',
  '{{if .Name}}a{{else if .Zone}}b{{else}}c{{end}}',
  '{{with .Group}}{{.a}}{{else with .Match}}x{{end}}',
  '{{range $i, $m := .Match}}{{$i}}={{$m}}{{if eq $i 2}}{{break}}{{end}}{{end}}',
  '{{ $x := .Name }}{{ $x }}{{ $x = "y" }}{{ $ }}',
  '{{- .Name -}} trimmed',
  '{{/* a comment */}}{{- /* trimmed comment */ -}}',
  '{{ .Name | printf "%s." | len }}',
  '{{ -3 }} {{ 0x1F }} {{ 1.5e3 }} {{ \'a\' }} {{ `raw` }} {{ true }} {{ nil }}',
  '{{define "x"}}inner{{end}}{{template "x" .}}{{block "y" .}}default{{end}}',
  '{{ .Name\n}}',
  '{{ and .A .B }}{{ or .A .B }}{{ not .A }}{{ html .A }}{{ js .A }}{{ urlquery .A }}{{ slice .A 1 }}{{ call .F }}{{ print 1 }}{{ println 1 }}{{ ne 1 2 }}{{ lt 1 2 }}{{ le 1 2 }}{{ gt 1 2 }}{{ ge 1 2 }}',
];

// Refused, with a word the error message must contain.
const refused: Array<[string, string]> = [
  ['{{ .Name  60 IN A 10.2.3.4', 'unclosed action'],
  ['{{end}}', 'unexpected {{end}}'],
  ['{{else}}', 'unexpected {{else}}'],
  ['{{if .Name}}no end', 'no matching {{end}}'],
  ['{{range .Match}}x', 'no matching {{end}}'],
  ['{{with .Name}}x', 'no matching {{end}}'],
  ['{{define "a"}}x', 'no matching {{end}}'],
  ['{{block "a" .}}x', 'no matching {{end}}'],
  ['{{ foo .Name }}', 'function "foo" not defined'],
  ['{{ .Name | upper }}', 'function "upper" not defined'],
  ['{{}}', 'missing value'],
  ['{{ .Name | }}', 'missing command'],
  ['{{ "abc }}', 'unterminated quoted string'],
  ['{{ `abc }}', 'unterminated raw quoted string'],
  ["{{ 'a }}", 'unterminated character constant'],
  ["{{ 'ab' }}", 'malformed character constant'],
  ['{{/* never closed }}', 'unclosed comment'],
  ['{{/* c */ }}', 'comment ends before closing delimiter'],
  ['{{-.Name}}', 'bad number syntax'],
  ['{{.Name-}}', 'bad character'],
  ['{{ $undefined }}', 'undefined variable'],
  ['{{break}}', 'outside {{range}}'],
  ['{{ .Name | 3 }}', 'non executable command'],
  ['{{ "\\q" }}', 'invalid syntax'],
  ['{{ (.Name }}', 'unclosed left paren'],
  ['{{ .Name) }}', 'unexpected right paren'],
  ['{{ printf("x") }}', 'in operand'],
  ['{{if .A}}{{else}}{{else}}{{end}}', 'expected end'],
  ['{{ .A @ }}', 'in operand'],
];

for (const text of accepted) {
  test(`go template accepted: ${JSON.stringify(text)}`, () => {
    assert.equal(checkGoTemplate(text), undefined);
  });
}

for (const [text, message] of refused) {
  test(`go template refused: ${JSON.stringify(text)}`, () => {
    const error = checkGoTemplate(text);
    assert.ok(error, `expected an error for ${text}`);
    assert.ok(error.message.includes(message), `expected "${message}" in "${error.message}"`);
    assert.ok(error.offset >= 0 && error.offset <= text.length);
  });
}

test('go template errors point at the offending spot', () => {
  assert.equal(checkGoTemplate('ok {{ foo }}')?.offset, 6);
  assert.equal(checkGoTemplate('abc {{end}}')?.offset, 6);
});

test('functions other than parseInt can be added', () => {
  assert.equal(checkGoTemplate('{{ upper .Name }}', ['upper']), undefined);
});
