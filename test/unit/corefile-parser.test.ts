// The parser and import expansion against CoreDNS's parser rules (corefile-facts.md §(d)), accepted and
// refused side by side. Each row gives the server blocks CoreDNS builds (keys → directives with their
// tokens) and the syntax findings with their exact ranges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCorefile } from '../../server/src/core/corefile/analyze.js';
import { lexCorefile } from '../../server/src/core/corefile/lexer.js';
import { parseCorefile, parseTopLevel } from '../../server/src/core/corefile/parse.js';
import { memoryHost } from '../../server/src/core/host.js';
import { defaultSettings, withDefaults } from '../../server/src/core/settings.js';

interface Row {
  rule: string;
  corefile: string;
  /** Blocks as `keys: directive(tokens) directive(tokens)`. */
  blocks: string[];
  /** Findings as `severity code @line:char-line:char` (0-based), errors and warnings only. */
  findings?: string[];
  files?: Record<string, string>;
  env?: Record<string, string>;
}

const rows: Row[] = [
  { rule: 'one block, one directive', corefile: '. {\n  whoami\n}\n', blocks: ['.: whoami()'] },
  { rule: 'several keys on the first line', corefile: 'a.example b.example {\n  log\n}\n', blocks: ['a.example b.example: log()'] },
  { rule: 'a key ending in a comma continues on the next line', corefile: 'a.example,\nb.example {\n  log\n}\n', blocks: ['a.example b.example: log()'] },
  {
    rule: 'a trailing comma before { is refused',
    corefile: 'a.example, {\n}\n',
    blocks: ['a.example:'],
    findings: ['error syntax/trailing-comma @0:0-0:10'],
  },
  {
    rule: 'a trailing comma at the end of the file is refused',
    corefile: 'a.example,',
    blocks: ['a.example:'],
    findings: ['error syntax/trailing-comma @0:0-0:10'],
  },
  { rule: 'the block brace may be on the next line', corefile: '.:1053\n{\n  whoami\n}\n', blocks: ['.:1053: whoami()'] },
  { rule: 'brace-less block runs to the end of the file', corefile: '.:1053\nwhoami\nlog\n', blocks: ['.:1053: whoami() log()'] },
  {
    rule: 'brace-less block reads the next address as a directive',
    corefile: 'lab.example\nwhoami\nsvc.test {\n  log\n}\n',
    blocks: ['lab.example: whoami() svc.test({ log })'],
    findings: ['error core/unknown-directive @2:0-2:8'],
  },
  { rule: 'a directive ends at the end of its line', corefile: '. {\n  log\n  errors\n}\n', blocks: ['.: log() errors()'] },
  { rule: 'an option block opens on the directive line and nests', corefile: '. {\n  forward . 1.2.3.4 {\n    max_fails 3\n  }\n}\n', blocks: ['.: forward(. 1.2.3.4 { max_fails 3 })'] },
  { rule: 'a one-line plugin block is fine', corefile: '. {\n  forward . 1.2.3.4 { max_fails 3 }\n}\n', blocks: ['.: forward(. 1.2.3.4 { max_fails 3 })'] },
  {
    rule: '. { whoami } is refused: the } has no opener on the directive line',
    corefile: '. { whoami }\n',
    blocks: ['.: whoami()'],
    findings: ['error syntax/unexpected-close-brace @0:11-0:12'],
  },
  { rule: '. { } is accepted', corefile: '. { }\n', blocks: ['.:'] },
  { rule: 'a directive may follow the opening brace', corefile: '. { whoami\n}\n', blocks: ['.: whoami()'] },
  {
    rule: 'a missing final brace is refused',
    corefile: '. {\n  whoami\n',
    blocks: ['.: whoami()'],
    findings: ['error syntax/unclosed-block @0:2-0:3'],
  },
  {
    rule: 'a missing final brace after a plugin block is accepted by CoreDNS (warning only)',
    corefile: '. {\n  forward . 1.2.3.4 {\n    max_fails 3\n  }\n',
    blocks: ['.: forward(. 1.2.3.4 { max_fails 3 })'],
    findings: ['warning syntax/unclosed-block-accepted @0:2-0:3'],
  },
  {
    rule: 'an unclosed option block is refused',
    corefile: '. {\n  forward . 1.2.3.4 {\n    max_fails 3\n',
    blocks: ['.: forward(. 1.2.3.4 { max_fails 3)'],
    findings: ['error syntax/unclosed-block @0:2-0:3', 'error syntax/unclosed-option-block @1:20-1:21'],
  },
  {
    rule: 'an option block must open on the directive line',
    corefile: '. {\n  log\n  {\n  }\n}\n',
    blocks: ['.: log() {()', '}:'],
    findings: ['error core/unknown-directive @2:2-2:3', 'warning syntax/stray-close-brace @4:0-4:1'],
  },
  {
    rule: 'a stray } at the very end becomes an address',
    corefile: '. {\n  whoami\n}\n}\n',
    blocks: ['.: whoami()', '}:'],
    findings: ['warning syntax/stray-close-brace @3:0-3:1'],
  },
  { rule: 'a key alone is a server with no plugins', corefile: '.', blocks: ['.:'] },
  { rule: 'comments anywhere', corefile: '# top\n.:1053 { # after brace\n  whoami # trailing\n  # full line\n}\n', blocks: ['.:1053: whoami()'] },
  { rule: 'a quoted { is a brace', corefile: '. "{"\n  whoami\n}\n', blocks: ['.: whoami()'] },
  {
    rule: 'an unterminated quote swallows the closing brace',
    corefile: '. {\n  log "x\n}\n',
    blocks: ['.: log(x\n}\n)'],
    findings: ['error syntax/unclosed-block @0:2-0:3', 'error syntax/unterminated-quote @1:6-1:7'],
  },
  { rule: 'a snippet is defined and imported', corefile: '(base) {\n  log\n  errors\n}\n. {\n  import base\n  whoami\n}\n', blocks: ['.: log() errors() whoami()'] },
  { rule: 'a snippet may be on one line', corefile: '(base) { log }\n. {\n  import base\n}\n', blocks: ['.: log()'] },
  {
    rule: 'a snippet declared twice is refused',
    corefile: '(base) {\n  log\n}\n(base) {\n  errors\n}\n. {\n  import base\n}\n',
    blocks: ['.: log()'],
    findings: ['error import/snippet-redeclared @3:0-3:6'],
  },
  {
    rule: 'a snippet that imports itself is refused at definition',
    corefile: '(a) {\n  import a\n}\n. {\n  whoami\n}\n',
    blocks: ['.: whoami()'],
    findings: ['error import/cycle @1:2-1:8'],
  },
  { rule: 'unused mutually recursive snippets are fine', corefile: '(a) {\n  import b\n}\n(b) {\n  import a\n}\n. {\n  whoami\n}\n', blocks: ['.: whoami()'] },
  {
    rule: 'mutual recursion is refused when used',
    corefile: '(a) {\n  import b\n}\n(b) {\n  import a\n}\n. {\n  import a\n}\n',
    blocks: ['.:'],
    findings: ['error import/cycle @4:2-4:10'],
  },
  { rule: 'snippet bodies are checked only when imported', corefile: '(unused) {\n  not_a_plugin\n}\n. {\n  whoami\n}\n', blocks: ['.: whoami()'] },
  {
    rule: 'an imported snippet with an unknown directive is refused',
    corefile: '(bad) {\n  not_a_plugin\n}\n. {\n  import bad\n}\n',
    blocks: ['.: not_a_plugin()'],
    findings: ['error core/unknown-directive @1:2-1:14'],
  },
  { rule: 'import works inside an option block', corefile: '(fwd) {\n  max_fails 5\n}\n. {\n  forward . 10.9.8.7 {\n    import fwd\n  }\n}\n', blocks: ['.: forward(. 10.9.8.7 { max_fails 5 })'] },
  { rule: 'a top-level import of a snippet holding blocks', corefile: '(blocks) {\n  a.example {\n    whoami\n  }\n}\nimport blocks\n', blocks: ['a.example: whoami()'] },
  {
    rule: 'import takes exactly one argument',
    corefile: '(s) {\n  log\n}\n. {\n  import s extra\n}\n',
    blocks: ['.:'],
    findings: ['error syntax/import-argument @4:11-4:16'],
  },
  {
    rule: 'a snippet must be defined before use',
    corefile: '. {\n  import later\n}\n(later) {\n  log\n}\n',
    blocks: ['.:'],
    findings: ['error import/snippet-after-use @1:2-1:14'],
  },
  { rule: 'import of a file relative to the Corefile', corefile: '. {\n  import common.conf\n}\n', files: { '/etc/coredns/common.conf': 'log\nerrors\n' }, blocks: ['.: log() errors()'] },
  { rule: 'import of a glob', corefile: 'import custom/*.server\n', files: { '/etc/coredns/custom/a.server': 'a.example {\n  whoami\n}\n', '/etc/coredns/custom/b.server': 'b.example {\n  log\n}\n' }, blocks: ['a.example: whoami()', 'b.example: log()'] },
  {
    rule: 'a glob that matches nothing is only a warning',
    corefile: '. {\n  import custom/*.override\n}\n',
    blocks: ['.:'],
    findings: ['warning import/no-match @1:2-1:26'],
  },
  {
    rule: 'a glob with two stars is refused',
    corefile: '. {\n  import */*.conf\n}\n',
    blocks: ['.:'],
    findings: ['error import/bad-glob @1:2-1:17'],
  },
  {
    rule: 'a glob with a class is refused',
    corefile: '. {\n  import db.[ab]\n}\n',
    blocks: ['.:'],
    findings: ['error import/bad-glob @1:2-1:16'],
  },
  {
    rule: 'an error inside an imported file is shown at the import',
    corefile: '. {\n  import bad.conf\n}\n',
    files: { '/etc/coredns/bad.conf': 'nope\n' },
    blocks: ['.: nope()'],
    findings: ['error core/unknown-directive @1:2-1:17'],
  },
  {
    rule: 'a file that imports itself is a cycle',
    corefile: '. {\n  import loop.conf\n}\n',
    files: { '/etc/coredns/loop.conf': 'import loop.conf\n' },
    blocks: ['.:'],
    findings: ['error import/cycle @1:2-1:18'],
  },
  { rule: 'environment variables are substituted in keys and arguments', corefile: '{$ZONE}:{$PORT} {\n  {$PLUGIN}\n}\n', env: { ZONE: 'example.org', PORT: '1053', PLUGIN: 'whoami' }, blocks: ['example.org:1053: whoami()'] },
  { rule: 'windows-style variables too', corefile: '{%ZONE%} {\n  whoami\n}\n', env: { ZONE: 'example.org' }, blocks: ['example.org: whoami()'] },
  { rule: 'a key that expands to nothing is dropped', corefile: '. {$EMPTY} {\n  whoami\n}\n', env: { EMPTY: '' }, blocks: ['.: whoami()'] },
  { rule: 'an unknown variable is not an error', corefile: '.:{$DNS_PORT} {\n  whoami\n}\n', blocks: ['.:{$DNS_PORT}: whoami()'] },
  { rule: 'CRLF files parse like LF files', corefile: '. {\r\n  whoami\r\n}\r\n', blocks: ['.: whoami()'] },
  { rule: 'a BOM is ignored', corefile: '\ufeff. {\n  whoami\n}\n', blocks: ['.: whoami()'] },
  { rule: 'an empty file has no blocks', corefile: '', blocks: [] },
  { rule: 'a block with no address is parsed but serves nothing', corefile: '{\n  whoami\n}\n', blocks: [':: whoami()'] },
];

function describeBlocks(analysis: ReturnType<typeof analyzeCorefile>): string[] {
  return analysis.model.blocks.map((b) => {
    const keys = b.keys.map((k) => k.text).join(' ');
    const directives = b.directives.map((d) => `${d.name}(${d.tokens.slice(1).map((t) => t.value).join(' ')})`).join(' ');
    return `${keys || ':'}:${directives ? ' ' + directives : ''}`;
  });
}

// CoreDNS's caps on imports: the 10 001st snippet import of a Corefile is refused even without a cycle.
rows.push({
  rule: 'more than 10 000 snippet imports are refused',
  corefile: `(s) {\n  log\n}\n. {\n${'  import s\n'.repeat(10_001)}}\n`,
  blocks: [`.: ${Array<string>(10_000).fill('log()').join(' ')}`],
  findings: ['error import/too-many-expansions @10004:2-10004:10'],
});

// Deeper than the grammar descends (see MAX_BLOCK_DEPTH): 102 nested blocks after `errors`. With the server
// block's brace as the first level, the 100th brace after `errors` (line 100) is the first that is read as a
// word; the block still closes where CoreDNS closes it.
rows.push({
  rule: 'blocks nested more than 100 levels deep are read as words',
  corefile: `. {\n  errors ${'{\n'.repeat(102)}${'}\n'.repeat(102)}}\n`,
  blocks: [`.: errors(${[...Array<string>(102).fill('{'), ...Array<string>(102).fill('}')].join(' ')})`],
  findings: ['warning syntax/nesting-too-deep @100:0-100:1'],
});

for (const row of rows) {
  test(`parser: ${row.rule}`, () => {
    const host = memoryHost(row.files ?? {});
    const settings = row.env ? withDefaults({ env: row.env }) : defaultSettings;
    const analysis = analyzeCorefile({ uri: 'file:///etc/coredns/Corefile', path: '/etc/coredns/Corefile', text: row.corefile }, settings, host);
    assert.deepEqual(describeBlocks(analysis), row.blocks);
    const findings = analysis.diagnostics
      .filter((d) => d.severity === 'error' || d.severity === 'warning')
      .filter((d) => d.code.startsWith('syntax/') || d.code.startsWith('import/') || d.code === 'core/unknown-directive')
      .map((d) => `${d.severity} ${d.code} @${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
    assert.deepEqual(findings, row.findings ?? []);
  });
}

// A whole document is parsed with its hottest repetitions chosen by hand, a token list read on its own
// (an imported file) through chevrotain's own repetitions; the two must read any tokens alike. Random lines
// of the pieces the grammar tells apart (braces, `import`, keys, snippets, quoted words, line breaks in and
// out of quotes, comments), from a seeded generator so that a failure names a reproducible text.
test('parser: a document and the same tokens read as a token list give the same tree and errors', () => {
  const pieces = ['{', '}', 'import', 'a', 'b,', '(s)', '.', '\n', '\n', '\n', '"q x"', '"{"', '# c\n', 'import', '{', '}', '\n', 'x.org:53', 'forward', '"a\nb"'];
  let seed = 7;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  // The tokens' TokenSource is the same object on both sides; it is left out to keep the comparison small.
  const shown = (value: unknown): string => JSON.stringify(value, (key, v: unknown) => (key === 'source' ? undefined : v));
  let withErrors = 0;
  for (let i = 0; i < 3000; i++) {
    let text = '';
    for (let j = 1 + Math.floor(random() * 40); j > 0; j--) text += pieces[Math.floor(random() * pieces.length)]! + (random() < 0.6 ? ' ' : '');
    const document = parseCorefile(text, 'file:///x/Corefile');
    const list = parseTopLevel(lexCorefile(text, 'file:///x/Corefile').tokens);
    // Only the document parse knows the text, so only it reports a quote left open.
    const documentErrors = document.errors.filter((e) => e.code !== 'syntax/unterminated-quote');
    if (documentErrors.length > 0) withErrors++;
    assert.equal(shown({ items: document.items, errors: documentErrors }), shown({ items: list.items, errors: list.errors }), `text ${JSON.stringify(text)}`);
  }
  // The texts must exercise the error paths too, or the comparison would prove little.
  assert.ok(withErrors > 1000, `only ${withErrors} texts had syntax errors`);
});

test('parser: never throws on hostile input', () => {
  const inputs = ['{'.repeat(20000), '. {\n  hosts ' + '{\n'.repeat(20000) + '}\n'.repeat(20000) + '}\n', '{{{{', '}}}}', '"', '\\', 'import', 'import import import', '(', '()', '() {', '. {\n import\n}', '\u0000\u0001', '{ { { } } }\n}'.repeat(50)];
  for (const text of inputs) {
    assert.doesNotThrow(() => analyzeCorefile({ uri: 'file:///x/Corefile', text }, defaultSettings, memoryHost({})));
  }
});

test('parser: words with unknown variables are reported once each, as information', () => {
  const text = '.:{$PORT} {\n  forward . {$UPSTREAM}\n  cache {$TTL}\n}\n';
  const known = analyzeCorefile({ uri: 'file:///e/Corefile', text }, withDefaults({ env: { TTL: '30' } }), memoryHost({}));
  const infos = known.diagnostics.filter((d) => d.code === 'env/unknown-variable');
  assert.deepEqual(infos.map((d) => [d.severity, d.range.start.line, d.range.start.character, d.message.split(' ')[0]]), [
    ['information', 0, 0, '{$PORT}'],
    ['information', 1, 12, '{$UPSTREAM}'],
  ]);
  assert.deepEqual(known.diagnostics.filter((d) => d.severity === 'error'), []);
});

// Kubernetes add-on manifests (nodelocaldns.yaml) hold `__PILLAR__NAME__` values that are substituted at
// deployment: like an unknown variable, such a word is not value-checked, and a value given under the same
// name is used.
const ADDON = 'cluster.local:53 {\n  bind __PILLAR__LOCAL__DNS__ __PILLAR__DNS__SERVER__\n  forward . __PILLAR__CLUSTER__DNS__ {\n    force_tcp\n  }\n}\n';
const ADDON_ROWS: Array<{ name: string; env: Record<string, string>; infos: string[]; problems: string[] }> = [
  {
    name: 'unknown placeholders are information, not bogus warnings',
    env: {},
    infos: ['1:7 __PILLAR__LOCAL__DNS__', '1:30 __PILLAR__DNS__SERVER__', '2:12 __PILLAR__CLUSTER__DNS__'],
    problems: [],
  },
  {
    name: 'given values are substituted and checked',
    env: { __PILLAR__LOCAL__DNS__: '169.254.20.10', __PILLAR__DNS__SERVER__: '10.96.0.10', __PILLAR__CLUSTER__DNS__: 'kube-dns.internal' },
    infos: [],
    problems: ['warning forward/hostname-upstream 2:12'],
  },
];
for (const row of ADDON_ROWS) {
  test(`parser: add-on placeholders: ${row.name}`, () => {
    const { diagnostics } = analyzeCorefile({ uri: 'file:///e/Corefile', text: ADDON }, withDefaults({ env: row.env }), memoryHost({}));
    const at = (d: (typeof diagnostics)[number]): string => `${d.range.start.line}:${d.range.start.character}`;
    assert.deepEqual(diagnostics.filter((d) => d.code === 'env/unknown-variable').map((d) => `${at(d)} ${d.message.split(' ')[0]}`), row.infos);
    assert.deepEqual(diagnostics.filter((d) => d.severity !== 'information').map((d) => `${d.severity} ${d.code} ${at(d)}`), row.problems);
  });
}
