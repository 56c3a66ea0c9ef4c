// The resolv.conf syntax model: every line kept, every keyword, value and option with its exact LSP
// range (0-based line, UTF-16 character), and no input that makes the parser throw.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeResolvConf, checkResolvConf, effectiveConfig, parseResolvConf } from '../../server/src/core/resolvconf/index.js';
import type { Range } from '../../server/src/core/types.js';

/** `line:start-end` for a range on one line, the compact form the tables use. */
function at(range: Range): string {
  assert.equal(range.start.line, range.end.line, 'tokens never span lines');
  return `${range.start.line}:${range.start.character}-${range.end.character}`;
}

interface Row {
  name: string;
  text: string;
  /** One entry per physical line: kind, then `keyword@range value@range…` for directives. */
  lines: string[];
}

function describeLines(text: string): string[] {
  return parseResolvConf(text).lines.map((line) => {
    if (line.kind === 'comment') return `comment ${JSON.stringify(line.comment!.text)}@${at(line.comment!.range)}`;
    if (line.kind === 'empty') return 'empty';
    const d = line.directive!;
    const head = `${d.name ?? `?${d.keyword.text}`}@${at(d.keyword.range)}${d.atLineStart ? '' : ' indented'}`;
    return [head, ...d.values.map((v) => `${v.text}@${at(v.range)}`)].join(' ');
  });
}

const rows: Row[] = [
  {
    name: 'keywords and values',
    text: 'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local\noptions ndots:5\n',
    lines: [
      'nameserver@0:0-10 10.96.0.10@0:11-21',
      'search@1:0-6 default.svc.cluster.local@1:7-32 svc.cluster.local@1:33-50',
      'options@2:0-7 ndots:5@2:8-15',
      'empty',
    ],
  },
  {
    name: 'comments only at line start; a # later on is a value',
    text: '# top\n;semi\n  # indented\nnameserver 1.1.1.1 # not a comment\n',
    lines: [
      'comment "# top"@0:0-5',
      'comment ";semi"@1:0-5',
      'comment "# indented"@2:2-12',
      'nameserver@3:0-10 1.1.1.1@3:11-18 #@3:19-20 not@3:21-24 a@3:25-26 comment@3:27-34',
      'empty',
    ],
  },
  {
    name: 'indented and unknown keywords are kept',
    text: '\tsearch a\nnameservers 1.1.1.1\nNameserver 2.2.2.2',
    lines: ['search@0:1-7 indented a@0:8-9', '?nameservers@1:0-11 1.1.1.1@1:12-19', '?Nameserver@2:0-10 2.2.2.2@2:11-18'],
  },
  {
    name: 'a keyword as a value stays a value',
    text: 'search nameserver options\n',
    lines: ['search@0:0-6 nameserver@0:7-17 options@0:18-25', 'empty'],
  },
  {
    name: 'a keyword followed by other letters is another word',
    text: 'searches a\nsearch:a\nsearch\n',
    lines: ['?searches@0:0-8 a@0:9-10', '?search:a@1:0-8', 'search@2:0-6', 'empty'],
  },
  {
    name: 'CRLF line endings: the \\r is not part of any word',
    text: 'nameserver 1.1.1.1\r\n# c\r\nsearch a \r\n',
    lines: ['nameserver@0:0-10 1.1.1.1@0:11-18', 'comment "# c"@1:0-3', 'search@2:0-6 a@2:7-8', 'empty'],
  },
  {
    name: 'ranges count UTF-16 code units',
    text: 'search 😀.example a\n',
    lines: ['search@0:0-6 😀.example@0:7-17 a@0:18-19', 'empty'],
  },
  {
    name: 'blank lines and white space only lines',
    text: '\n   \t\nnameserver 1.1.1.1',
    lines: ['empty', 'empty', 'nameserver@2:0-10 1.1.1.1@2:11-18'],
  },
  { name: 'empty file', text: '', lines: ['empty'] },
];

describe('resolv.conf parser', () => {
  for (const row of rows) {
    it(row.name, () => assert.deepEqual(describeLines(row.text), row.lines));
  }

  it('keeps the raw line (with \\r) next to the visible text', () => {
    const file = parseResolvConf('search a\r\nnameserver 1.1.1.1');
    assert.deepEqual(
      file.lines.map((l) => ({ text: l.text, raw: l.raw, crlf: l.crlf, newline: l.newline, range: at(l.range) })),
      [
        { text: 'search a', raw: 'search a\r', crlf: true, newline: true, range: '0:0-8' },
        { text: 'nameserver 1.1.1.1', raw: 'nameserver 1.1.1.1', crlf: false, newline: false, range: '1:0-18' },
      ],
    );
  });

  it('splits options into name and value with ranges', () => {
    const file = parseResolvConf('options ndots:5 -rotate timeout: edns0\n');
    const options = file.directives[0]!.options.map((o) => ({
      name: o.name,
      nameRange: at(o.nameRange),
      negated: o.negated,
      value: o.value,
      valueRange: o.valueRange ? at(o.valueRange) : undefined,
      token: at(o.token.range),
    }));
    assert.deepEqual(options, [
      { name: 'ndots', nameRange: '0:8-13', negated: false, value: '5', valueRange: '0:14-15', token: '0:8-15' },
      { name: 'rotate', nameRange: '0:17-23', negated: true, value: undefined, valueRange: undefined, token: '0:16-23' },
      { name: 'timeout', nameRange: '0:24-31', negated: false, value: '', valueRange: '0:32-32', token: '0:24-32' },
      { name: 'edns0', nameRange: '0:33-38', negated: false, value: undefined, valueRange: undefined, token: '0:33-38' },
    ]);
  });

  it('gives a directive the range from keyword to last value', () => {
    const file = parseResolvConf('x\nsearch a  b \n');
    assert.deepEqual(file.directives.map((d) => [d.line, d.range]), [
      [0, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }],
      [1, { start: { line: 1, character: 0 }, end: { line: 1, character: 11 } }],
    ]);
  });

  it('never throws and keeps every range inside the document', () => {
    const alphabet = ['nameserver', 'search', 'domain', 'options', 'sortlist', ' ', '\t', '\n', '\r', '\r\n', '#', ';', ':', '%', '/', '.', '1', 'a', 'é', '😀', '\u0000', '\v', 'ndots:', '-', '::'];
    let seed = 42;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let n = 0; n < 300; n++) {
      let text = '';
      const length = Math.floor(next() * 40);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      // The model counts lines as the C libraries do (`\n` only); findings use the editor's lines, which
      // also end at a lone `\r`.
      const libcLines = text.split('\n');
      const lines = text.split(/\r\n|\r|\n/);
      for (const resolver of ['glibc', 'musl'] as const) {
        const { file, diagnostics } = analyzeResolvConf(text, resolver, { RES_OPTIONS: text, LOCALDOMAIN: text });
        assert.equal(file.parseErrors.length, 0, JSON.stringify(text));
        assert.equal(file.lines.length, libcLines.length);
        for (const d of diagnostics) {
          const { start, end } = d.range;
          assert.ok(start.line >= 0 && end.line < lines.length, `${d.code} outside ${JSON.stringify(text)}`);
          assert.ok(start.character >= 0 && end.character <= lines[end.line]!.length, `${d.code} past the line in ${JSON.stringify(text)}`);
          assert.ok(start.line < end.line || start.character <= end.character, `${d.code} ends before it starts`);
        }
      }
    }
  });

  it('the three entry points agree with analyzeResolvConf', () => {
    const text = 'nameserver 1.1.1.1\nsearch a\noptions ndots:2 rotate\n';
    const file = parseResolvConf(text);
    const analysis = analyzeResolvConf(text, 'musl');
    assert.deepEqual(analysis.file, file);
    assert.deepEqual(analysis.effective, effectiveConfig(file, 'musl'));
    assert.deepEqual(analysis.diagnostics, checkResolvConf(file, 'musl'));
  });
});
