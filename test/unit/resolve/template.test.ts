// The template plugin in the simulator (plugin/template/template.go): which templates take a query (zone,
// class, type, then the patterns, with or without fallthrough), the records built by executing the Go
// templates (groups, functions, control flow, TTL 3600 when none is written), rcodes, the authority and
// additional sections, CNAME answers chased through the server, and execution errors that end in SERVFAIL.
// The second part checks the Go text/template executor on its own, output for output.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGoTemplate } from '../../../server/src/core/plugins/handlers/zones/gotmpl-ast.js';
import { executeGoTemplate } from '../../../server/src/core/plugins/handlers/zones/gotmpl-exec.js';
import { templateData } from '../../../server/src/core/plugins/handlers/zones/template-data.js';
import { newQuery } from '../../../server/src/core/resolve/message.js';
import type { Bench } from './support/harness.js';
import { runRows, type Row } from './support/table.js';

const UPSTREAM = {
  'www.example.com. A': ['www.example.com. 300 IN A 198.51.100.7'],
  'shop-ui.apps.corp.example. AAAA': ['shop-ui.apps.corp.example. 60 IN AAAA 2001:db8::7'],
};

const bench = (templates: string): Bench => ({ corefile: `.:53 {\n${templates}\n    forward . 192.0.2.53\n}\n`, upstream: UPSTREAM });

const APPS = `    template IN A apps.corp.example {
        match "^(?P<app>[a-z0-9-]+)[.]apps[.]corp[.]example[.]$"
        answer "{{ .Name }} 60 IN A 10.40.0.100"
        answer "{{ .Group.app }}.svc.corp.example. 60 IN A 10.40.0.{{ len .Group.app }}"
        fallthrough
    }`;

const rows: Row[] = [
  {
    name: 'a matching template answers with its records; named groups and functions work',
    bench: bench(APPS),
    query: 'shop-ui.apps.corp.example A',
    rcode: 'NOERROR',
    answer: ['shop-ui.apps.corp.example. 60 IN A 10.40.0.100', 'shop-ui.svc.corp.example. 60 IN A 10.40.0.7'],
    answeredBy: 'template',
    says: [/the template \(IN A\) matches shop-ui\.apps\.corp\.example\. with the pattern .*: NOERROR with 2 answer records\./],
  },
  {
    name: 'a type the template is not for passes on, whatever fallthrough says',
    bench: bench(APPS.replace('        fallthrough\n', '')),
    query: 'shop-ui.apps.corp.example AAAA',
    rcode: 'NOERROR',
    answer: ['shop-ui.apps.corp.example. 60 IN AAAA 2001:db8::7'],
    answeredBy: 'forward',
    says: [/No template answers shop-ui\.apps\.corp\.example\.: the template \(IN A\): it is for type A, the query is AAAA\. Passed to the next plugin\./],
  },
  {
    name: 'a name in the zone that no pattern matches, with fallthrough: passed on',
    bench: bench(APPS),
    query: 'a.b.apps.corp.example A',
    rcode: 'NXDOMAIN',
    answeredBy: 'forward',
  },
  {
    name: 'a name in the zone that no pattern matches, without fallthrough: SERVFAIL',
    bench: bench(APPS.replace('        fallthrough\n', '')),
    query: 'a.b.apps.corp.example A',
    rcode: 'SERVFAIL',
    answeredBy: 'template',
    says: [/covers a\.b\.apps\.corp\.example\., but the name matches none of its patterns .* and it has no fallthrough: the query stops here with SERVFAIL\./],
  },
  {
    name: 'a name outside all template zones passes on',
    bench: bench(APPS),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answeredBy: 'forward',
    says: [/www\.example\.com\. is in none of the template zones/],
  },
  {
    name: 'a record without a TTL gets 3600, the default of dns.NewRR',
    bench: bench('    template IN A internal.test {\n        answer "{{ .Name }} IN A 10.40.0.7"\n    }'),
    query: 'x1.internal.test A',
    rcode: 'NOERROR',
    answer: ['x1.internal.test. 3600 IN A 10.40.0.7'],
  },
  {
    name: 'rcode NXDOMAIN with an authority SOA template',
    bench: bench('    template ANY ANY blocked.example {\n        rcode NXDOMAIN\n        authority "blocked.example. 60 IN SOA ns.blocked.example. hostmaster.blocked.example. 1 60 60 60 60"\n    }'),
    query: 'ads.blocked.example AAAA',
    rcode: 'NXDOMAIN',
    answer: [],
    authority: ['blocked.example. 60 IN SOA ns.blocked.example. hostmaster.blocked.example. 1 60 60 60 60'],
    answeredBy: 'template',
  },
  {
    name: 'rcode SERVFAIL: nothing is written, the server answers SERVFAIL',
    bench: bench('    template ANY ANY broken.example {\n        rcode SERVFAIL\n    }'),
    query: 'x.broken.example A',
    rcode: 'SERVFAIL',
    answeredBy: 'template',
  },
  {
    name: 'a CNAME answer to an A query is resolved through the server and the target appended',
    bench: bench('    template IN A alias.test {\n        answer "{{ .Name }} 60 IN CNAME www.example.com."\n    }'),
    query: 'foo.alias.test A',
    rcode: 'NOERROR',
    answer: ['foo.alias.test. 60 IN CNAME www.example.com.', 'www.example.com. 300 IN A 198.51.100.7'],
    says: [/The CNAME target www\.example\.com\. was resolved through the server \(NOERROR, 1 record appended\)\./],
  },
  {
    name: 'a CNAME answer to a TXT query is not chased',
    bench: bench('    template IN TXT alias.test {\n        answer "{{ .Name }} 60 IN CNAME www.example.com."\n    }'),
    query: 'foo.alias.test TXT',
    rcode: 'NOERROR',
    answer: ['foo.alias.test. 60 IN CNAME www.example.com.'],
  },
  {
    name: 'the additional section, numbered groups through index, printf and parseInt',
    bench: bench('    template IN TXT ip.test {\n        match "^ip-([0-9a-f]{2})([0-9a-f]{2})[.]ip[.]test[.]$"\n        answer "{{ .Name }} 30 IN TXT \\"{{ printf \\"%03d\\" (parseInt (index .Match 1) 16 8) }}.{{ parseInt (index .Group \\"2\\") 16 8 }}\\""\n        additional "extra.ip.test. 30 IN A 10.0.0.{{ parseInt (index .Match 2) 16 8 }}"\n    }'),
    query: 'ip-0a7f.ip.test TXT',
    rcode: 'NOERROR',
    answer: ['ip-0a7f.ip.test. 30 IN TXT "010.127"'],
    additional: ['extra.ip.test. 30 IN A 10.0.0.127'],
  },
  {
    name: 'parseInt failing at run time makes the template fail: SERVFAIL',
    bench: bench('    template IN A ip.test {\n        match "^ip-(.*)[.]ip[.]test[.]$"\n        answer "{{ .Name }} 30 IN A 10.0.0.{{ parseInt (index .Match 1) 10 8 }}"\n    }'),
    query: 'ip-300.ip.test A',
    rcode: 'SERVFAIL',
    says: [/parsing "300": value out of range.*CoreDNS answers SERVFAIL/],
  },
  {
    name: 'a field that does not exist fails at run time: SERVFAIL',
    bench: bench('    template IN A x.test {\n        answer "{{ .Nope }} 30 IN A 10.0.0.1"\n    }'),
    query: 'a.x.test A',
    rcode: 'SERVFAIL',
    says: [/can't evaluate field Nope in type \*template\.templateData/],
  },
  {
    name: 'output that is not a record fails: SERVFAIL',
    bench: bench('    template IN A x.test {\n        answer "{{ .Name }} 30 IN A not-an-address"\n    }'),
    query: 'a.x.test A',
    rcode: 'SERVFAIL',
    says: [/which is not a resource record/],
  },
  {
    name: 'templates are tried in order: a type mismatch moves on to the next one',
    bench: bench('    template IN AAAA multi.test {\n        answer "{{ .Name }} 60 IN AAAA ::1"\n    }\n    template IN A multi.test {\n        answer "{{ .Name }} 60 IN A 127.0.0.2"\n    }'),
    query: 'a.multi.test A',
    rcode: 'NOERROR',
    answer: ['a.multi.test. 60 IN A 127.0.0.2'],
    says: [/template 2 \(IN A\) matches a\.multi\.test\. .* \(template 1 \(IN AAAA\): it is for type AAAA, the query is A\)/],
  },
  {
    name: 'a template for type ANY takes every type and .Type is the asked one',
    bench: bench('    template IN ANY any.test {\n        answer "{{ .Name }} 60 IN TXT \\"{{ .Type }} {{ .Class }} {{ .Zone }}\\""\n    }'),
    query: 'q.any.test TXT',
    rcode: 'NOERROR',
    answer: ['q.any.test. 60 IN TXT "TXT IN any.test."'],
  },
  {
    name: '.Remote, .Question and .Message come from the request',
    bench: bench('    template IN TXT who.test {\n        answer "{{ .Name }} 60 IN TXT \\"{{ .Remote }}\\" \\"{{ .Question.Name }}\\" \\"{{ .Question.Qtype }}\\" \\"{{ .Message.RecursionDesired }}\\""\n    }'),
    query: 'Me.Who.test TXT',
    rcode: 'NOERROR',
    answer: ['me.who.test. 60 IN TXT "10.244.1.7" "Me.Who.test." "16" "true"'],
  },
  {
    name: 'if/else chooses the record',
    bench: bench('    template IN A cond.test {\n        match "^(web|db)[.]"\n        answer "{{ .Name }} 60 IN A {{ if eq (index .Match 1) \\"web\\" }}10.0.0.80{{ else }}10.0.0.54{{ end }}"\n    }'),
    query: 'db.cond.test A',
    rcode: 'NOERROR',
    answer: ['db.cond.test. 60 IN A 10.0.0.54'],
  },
  {
    name: 'an Extended DNS Error is attached with EDNS0',
    bench: bench('    template ANY ANY blocked.example {\n        rcode NXDOMAIN\n        ederror 15 "blocked by policy"\n    }'),
    query: 'ads.blocked.example A',
    rcode: 'NXDOMAIN',
    says: [/Extended DNS Error 15 is attached\./],
  },
  {
    name: 'an expr over the request decides: true answers',
    bench: bench("    template IN A expr.test {\n        expr incidr(client_ip(), '10.244.0.0/16')\n        answer \"{{ .Name }} 60 IN A 10.0.0.1\"\n        fallthrough\n    }"),
    query: 'a.expr.test A',
    rcode: 'NOERROR',
    answer: ['a.expr.test. 60 IN A 10.0.0.1'],
  },
  {
    name: 'an expr that is false falls through when fallthrough is set',
    bench: bench("    template IN A expr.test {\n        expr incidr(client_ip(), '192.168.0.0/16')\n        answer \"{{ .Name }} 60 IN A 10.0.0.1\"\n        fallthrough\n    }"),
    query: 'a.expr.test A',
    rcode: 'NXDOMAIN',
    answeredBy: 'forward',
    says: [/expr "incidr\(client_ip\(\), '192\.168\.0\.0\/16'\)" is false/],
  },
  {
    name: 'an expr that is false without fallthrough: SERVFAIL',
    bench: bench("    template IN A expr.test {\n        expr incidr(client_ip(), '192.168.0.0/16')\n        answer \"{{ .Name }} 60 IN A 10.0.0.1\"\n    }"),
    query: 'a.expr.test A',
    rcode: 'SERVFAIL',
    says: [/is false and it has no fallthrough: the query stops here with SERVFAIL/],
  },
  {
    name: 'a var is computed from the groups and read through .Var',
    bench: bench('    template IN TXT var.test {\n        match "^([a-z]+)[.]"\n        var app upper(group(1))\n        answer "{{ .Name }} 60 IN TXT {{ .Var.app }}"\n    }'),
    query: 'shop.var.test TXT',
    rcode: 'NOERROR',
    answer: ['shop.var.test. 60 IN TXT "SHOP"'],
  },
  {
    name: 'the Extended DNS Error option carries the code and the reason',
    bench: bench('    template ANY ANY blocked.example {\n        rcode NXDOMAIN\n        ederror 15 "blocked"\n    }'),
    query: 'ads.blocked.example A',
    ede: { code: 15, text: 'blocked' },
  },
];

describe('template handler', () => runRows(rows, { plugin: 'template' }));

/** The data a template sees for `name` matched by a pattern with groups `match`. */
function data(match: string[] = ['www.example.org.', 'www'], group: Record<string, string> = { 0: 'www.example.org.', 1: 'www', host: 'www' }) {
  return templateData({
    zone: 'example.org.', name: 'www.example.org.', regex: '^(?P<host>[a-z]+)[.]', match, group: new Map(Object.entries(group)), class: 'IN', type: 'A',
    message: newQuery('WWW.example.org', 'A', { id: 4660 }), remote: '10.0.0.9', metadata: new Map([['kubernetes/client-namespace', 'shop']]),
  });
}

const execRows: Array<[string, string]> = [
  ['{{ .Name }} {{ .Zone }} {{ .Class }} {{ .Type }} {{ .Remote }}', 'www.example.org. example.org. IN A 10.0.0.9'],
  ['{{ .Group.host }}|{{ index .Group "1" }}|{{ index .Match 1 }}|{{ .Group.missing }}|{{ index .Group "missing" }}|', 'www|www|www|<no value>||'],
  ['{{ .Match }} {{ len .Match }} {{ len .Name }}', '[www.example.org. www] 2 16'],
  ['{{ .Meta "kubernetes/client-namespace" }}/{{ .Meta "nothing" }}/', 'shop//'],
  ['{{ .Question }}', ';WWW.example.org.\tIN\t A'],
  ['{{ .Message.Id }} {{ .Question.Qclass }}', '4660 1'],
  ['{{ .Message.Question }}|{{ index .Message.Question 0 }}', '[{WWW.example.org. 1 1}]|;WWW.example.org.\tIN\t A'],
  ['{{- " a " -}}  {{ "b" }}  {{- "c" }}', ' a bc'],
  ['x {{- /* comment */ -}} y', 'xy'],
  ['{{ $h := index .Match 1 }}{{ $h }}-{{ $h = "x" }}{{ $h }}', 'www-x'],
  ['{{ range $i, $m := .Match }}{{ $i }}={{ $m }};{{ end }}', '0=www.example.org.;1=www;'],
  ['{{ range .Match }}{{ if eq . "www" }}{{ break }}{{ end }}[{{ . }}]{{ end }}', '[www.example.org.]'],
  ['{{ range 3 }}{{ . }}{{ end }}', '012'],
  ['{{ range .Group }}{{ . }},{{ end }}', 'www.example.org.,www,www,'],
  ['{{ with .Group.host }}{{ . }}{{ else }}none{{ end }} {{ with .Group.zzz }}{{ . }}{{ else }}none{{ end }}', 'www none'],
  ['{{ if and .Name (eq .Type "A") }}yes{{ else if .Zone }}zone{{ else }}no{{ end }}', 'yes'],
  ['{{ or "" .Zone }} {{ and "x" "" }}| {{ not .Name }}', 'example.org. | false'],
  ['{{ printf "%s-%d-%5.2f-%x-%q-%v-%t" .Type 42 3.14159 255 "q" .Match true }}', 'A-42- 3.14-ff-"q"-[www.example.org. www]-true'],
  ['{{ printf "%03d|%-4s|%+d|%X|%o|%b|%c" 7 "ab" 5 254 8 5 65 }}', '007|ab  |+5|FE|10|101|A'],
  ['{{ printf "%d %s" "x" }}', '%!d(string=x) %!s(MISSING)'],
  ['{{ printf "%d" 1 2 }}', '1%!(EXTRA int=2)'],
  ['{{ parseInt "ff" 16 8 }} {{ parseInt "0x1F" 0 64 }} {{ parseInt "1_000" 0 32 }}', '255 31 1000'],
  ['{{ .Name | printf "%s|" | printf "[%s]" }}', '[www.example.org.|]'],
  ['{{ lt 1 2 }} {{ le 2 2 }} {{ gt "b" "a" }} {{ ge 1 3 }} {{ ne 1 2 }} {{ eq 1 3 2 1 }}', 'true true true false true true'],
  ['{{ slice .Name 0 3 }} {{ slice .Match 1 }}', 'www [www]'],
  ['{{ print 1 2 "a" 3 }}|{{ println "a" 1 }}|', '1 2a3|a 1\n|'],
  ['{{ html "<a href=\'x\'>&" }} {{ js "it\'s <b>" }} {{ urlquery "a b&c" }}', '&lt;a href=&#39;x&#39;&gt;&amp; it\\\'s \\u003Cb\\u003E a+b%26c'],
  ['{{ 1.5e3 }} {{ 0x10 }} {{ \'a\' }} {{ -3 }}', '1500 16 97 -3'],
  ['{{ define "ip" }}10.0.0.{{ . }}{{ end }}{{ template "ip" 7 }}', '10.0.0.7'],
  ['{{ block "b" .Type }}[{{ . }}]{{ end }}', '[A]'],
];

const execErrors: Array<[string, RegExp]> = [
  ['{{ .Nope }}', /can't evaluate field Nope in type \*template\.templateData/],
  ['{{ .Name.Foo }}', /can't evaluate field Foo in type string/],
  ['{{ index .Match 5 }}', /index out of range: 5/],
  ['{{ parseInt "zz" 10 8 }}', /strconv\.ParseUint: parsing "zz": invalid syntax/],
  ['{{ parseInt 12 10 8 }}', /expected string; found 12/],
  ['{{ eq .Name 1 }}', /incompatible types for comparison/],
  ['{{ lt .Match .Match }}', /invalid type for comparison/],
  ['{{ len 3 }}', /len of type int/],
  ['{{ .Meta }}', /wrong number of args for Meta: want 1 got 0/],
  ['{{ .Name 1 }}', /Name has arguments but cannot be invoked as function/],
  ['{{ template "none" }}', /no template "none"/],
];

describe('Go template execution', () => {
  for (const [text, want] of execRows) {
    it(`${JSON.stringify(text)} gives ${JSON.stringify(want)}`, () => {
      const parsed = parseGoTemplate(text);
      assert.ok('template' in parsed, 'error' in parsed ? parsed.error : '');
      const result = executeGoTemplate('answer', parsed.template, data());
      assert.deepEqual(result, { ok: true, text: want });
    });
  }
  for (const [text, want] of execErrors) {
    it(`${JSON.stringify(text)} fails with ${want}`, () => {
      const parsed = parseGoTemplate(text);
      assert.ok('template' in parsed, 'error' in parsed ? parsed.error : '');
      const result = executeGoTemplate('answer', parsed.template, data());
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.error, want);
    });
  }
});
