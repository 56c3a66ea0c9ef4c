// Documentation of the template plugin, in our own words. Kept apart from template.ts so the reader
// of the setup code is not buried in prose.
import type { PluginDocs } from './types.js';

export const templateDocs: PluginDocs = {
  summary: 'Builds answers from Go templates for queries that match a class, a type, zones and name patterns.',
  behaviour:
    'For a query in its zones whose class and type match (ANY matches all), the first name pattern that matches the query name (and whose expressions are all true) produces the response: the answer, additional and authority records are rendered from their templates and sent with the chosen rcode. A query outside its zones, or of another class or type, goes to the next plugin. A name that no pattern matches, or that fails an expression, gets SERVFAIL unless fallthrough covers it. Several template lines in one block are tried in order.',
  syntax: [
    'template CLASS TYPE [ZONES...]',
    'template CLASS TYPE [ZONES...] {\n    match REGEX...\n    answer RR...\n    additional RR...\n    authority RR...\n    rcode RCODE\n    ederror CODE [REASON]\n    var NAME EXPRESSION\n    expr EXPRESSION\n    fallthrough [ZONES...]\n}',
  ],
  arguments: [
    { name: 'CLASS', syntax: 'CLASS', description: 'The query class to answer.', values: 'IN, CH, HS, CS, NONE, ANY (upper case)' },
    { name: 'TYPE', syntax: 'TYPE', description: 'The query type to answer; ANY answers every type.', values: 'a record type mnemonic in upper case (A, AAAA, TXT, PTR, SRV, ANY, ...)' },
    { name: 'ZONES', syntax: 'ZONES...', description: 'Only names under these zones are considered.', default: "the server block's zones" },
  ],
  options: [
    { name: 'match', syntax: 'match REGEX...', description: 'Go regular expressions tried against the fully qualified query name; their groups are available as .Match and .Group in the templates.', default: '.* (every name)' },
    { name: 'answer', syntax: 'answer RR...', description: 'Record templates for the answer section, each a Go text/template that must render one record in zone-file form. Fields: .Name, .Zone, .Class, .Type, .Match, .Group, .Message, .Question, .Remote, .Var; .Meta "label" reads metadata; parseInt is available as a function.' },
    { name: 'additional', syntax: 'additional RR...', description: 'Record templates for the additional section.' },
    { name: 'authority', syntax: 'authority RR...', description: 'Record templates for the authority section.' },
    { name: 'rcode', syntax: 'rcode RCODE', description: 'The response code to send.', default: 'NOERROR', values: 'NOERROR, NXDOMAIN, SERVFAIL, REFUSED, ... (upper case)' },
    { name: 'ederror', syntax: 'ederror CODE [REASON]', description: 'Adds an Extended DNS Error option with this code and optional text.', values: 'CODE 0..65535' },
    { name: 'var', syntax: 'var NAME EXPRESSION', description: 'Computes a value with an expr-lang expression; later expressions can use NAME and templates read it as .Var.NAME. The name must not be a built-in function or request function. (Added to CoreDNS after 1.14.7.)' },
    { name: 'expr', syntax: 'expr EXPRESSION', description: 'An expr-lang condition that must be true for the template to answer (all of them, when repeated). Request functions: name(), type(), class(), proto(), size(), client_ip(), port(), id(), opcode(), do(), bufsize(), server_ip(), server_port(), incidr(ip, cidr), metadata(label), group(name). (Added to CoreDNS after 1.14.7.)' },
    { name: 'fallthrough', syntax: 'fallthrough [ZONES...]', description: 'Pass names that no pattern matches (or that fail an expression) to the next plugin instead of answering SERVFAIL; limited to ZONES when given.' },
    { name: 'upstream', syntax: 'upstream [ADDRESS...]', description: 'Deprecated and ignored: CNAME answers for A and AAAA queries are always resolved further.' },
  ],
  examples: [
    '. {\n    template IN A example.org {\n        match ^ip-(?P<a>[0-9]+)-(?P<b>[0-9]+)-(?P<c>[0-9]+)-(?P<d>[0-9]+)[.]example[.]org[.]$\n        answer "{{ .Name }} 60 IN A {{ .Group.a }}.{{ .Group.b }}.{{ .Group.c }}.{{ .Group.d }}"\n        fallthrough\n    }\n    forward . 10.0.0.53\n}',
    '. {\n    template IN AAAA {\n        rcode NOERROR\n    }\n    forward . 10.0.0.53\n}',
  ],
};
