// Formatting through the core's public entry point, formatDocument: tables of input and expected output for
// Corefiles, Corefiles inside ConfigMaps (each scalar style) and resolv.conf. Every formatted result must be
// reproduced by applying the returned edits to the input, and formatting it again must change nothing.
// The safety guard is shown to refuse layouts that would change what CoreDNS reads.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatDocument, type FormatResult } from '../../server/src/core/features/format.js';
import { formatCorefileText } from '../../server/src/core/features/format/corefile.js';
import { applyEdits } from '../../server/src/core/features/format/edits.js';
import { sameCorefileReading } from '../../server/src/core/features/format/guard.js';
import type { LanguageId } from '../../server/src/core/types.js';

const lines = (...l: string[]): string => l.join('\n');

function format(text: string, language: LanguageId): FormatResult {
  const result = formatDocument({ text, language });
  assert.equal(applyEdits(text, result.edits), result.text, 'the edits reproduce the formatted text');
  const again = formatDocument({ text: result.text, language });
  assert.equal(again.text, result.text, 'formatting twice gives the same text');
  assert.deepEqual(again.edits, []);
  return result;
}

interface Case {
  name: string;
  input: string;
  /** The formatted text; undefined when the text must be left as written. */
  output?: string;
  /** For a text left as written: a fragment of the note that says why. */
  refusal?: RegExp;
}

const corefileCases: Case[] = [
  {
    name: 'indents by brace depth with four spaces',
    input: lines('.:53 {', 'errors', '  health {', '         lameduck 5s', '}', '   cache 30', '}', ''),
    output: lines('.:53 {', '    errors', '    health {', '        lameduck 5s', '    }', '    cache 30', '}', ''),
  },
  {
    name: 'one space between tokens, no trailing whitespace',
    input: lines('.:53   {  ', '\tforward\t.   1.1.1.1    8.8.8.8 \t', '}', ''),
    output: lines('.:53 {', '    forward . 1.1.1.1 8.8.8.8', '}', ''),
  },
  {
    name: 'blank lines: runs become one, none at the start, after { or before }',
    input: lines('', '', '.:53 {', '', '    errors', '', '', '', '    cache', '', '}', '', '', '', 'example.org {', '    whoami', '}'),
    output: lines('.:53 {', '    errors', '', '    cache', '}', '', 'example.org {', '    whoami', '}', ''),
  },
  {
    name: 'exactly one final line break',
    input: '. {\n    whoami\n}\n\n\n\n',
    output: '. {\n    whoami\n}\n',
  },
  {
    name: 'comments stay on their lines: indented with their block, one space before a trailing one',
    input: lines('# top', '.:53 {', '# about cache', '    cache 30    #   keep   spacing inside  ', '        # before the close', '}', ''),
    output: lines('# top', '.:53 {', '    # about cache', '    cache 30 #   keep   spacing inside', '    # before the close', '}', ''),
  },
  {
    name: 'a comment that cuts a word stays glued when words follow it, and gets its space when last',
    input: lines('. {', '  whoami#no space here', '  log#last', '}', ''),
    output: lines('. {', '    whoami#no space here', '    log #last', '}', ''),
  },
  {
    name: 'quoted tokens are kept verbatim, including lines inside a multi-line quote',
    input: lines('. {', '  template IN A {', '      answer   "{{ .Name }}  60', '   IN A 10.0.0.1"   ', '  }', '  log   "{remote}  {type}"', '}', ''),
    output: lines('. {', '    template IN A {', '        answer "{{ .Name }}  60', '   IN A 10.0.0.1"', '    }', '    log "{remote}  {type}"', '}', ''),
  },
  {
    name: 'environment placeholders, snippets and imports are kept as written',
    input: lines('(common) {', ' errors', ' forward . {$UPSTREAM} {%BACKUP%}', '}', '.:53 {', 'import common', '   import ./extra/*.conf', '}', ''),
    output: lines('(common) {', '    errors', '    forward . {$UPSTREAM} {%BACKUP%}', '}', '.:53 {', '    import common', '    import ./extra/*.conf', '}', ''),
  },
  {
    name: 'a block opened and closed on one line keeps its line; the depth is unchanged after it',
    input: lines('. {', 'forward . 1.2.3.4   {  max_fails 3 }', ' cache', '}', ''),
    output: lines('. {', '    forward . 1.2.3.4 { max_fails 3 }', '    cache', '}', ''),
  },
  {
    name: 'a server block brace on the next line, and keys continued after a comma',
    input: lines('example.org,', '    example.net', '{', 'whoami', '}', ''),
    output: lines('example.org,', 'example.net', '{', '    whoami', '}', ''),
  },
  {
    name: 'quoted braces are braces',
    input: lines('. "{"', 'whoami', '"}"', ''),
    output: lines('. "{"', '    whoami', '"}"', ''),
  },
  {
    name: 'a brace-less server block keeps its directives at the left margin',
    input: lines('example.org', '   whoami', '  log', ''),
    output: lines('example.org', 'whoami', 'log', ''),
  },
  {
    name: 'CRLF line breaks are kept',
    input: '. {\r\n  whoami  \r\n\r\n\r\n  log\r\n}',
    output: '. {\r\n    whoami\r\n\r\n    log\r\n}\r\n',
  },
  {
    name: 'a byte order mark is kept',
    input: '\ufeff. {\nwhoami\n}\n',
    output: '\ufeff. {\n    whoami\n}\n',
  },
  { name: 'an empty text stays empty', input: '', output: '' },
  { name: 'a text of blank lines becomes empty', input: ' \n\n\t\n', output: '' },
  { name: 'an unclosed block is not formatted', input: '. {\n  whoami\n', refusal: /syntax problems.*never closed/ },
  { name: 'a stray closing brace is not formatted', input: '. {\n  whoami\n}\n}\n', refusal: /syntax problems/ },
  { name: 'an unterminated quote is not formatted', input: '. {\n  log "oops\n}\n', refusal: /syntax problems/ },
  { name: 'a lone carriage return is not formatted', input: '. {\r  whoami\n}\n', refusal: /carriage return/ },
];

describe('formatting a Corefile', () => {
  for (const c of corefileCases) {
    test(c.name, () => {
      const result = format(c.input, 'corefile');
      if (c.output === undefined) {
        assert.equal(result.text, c.input);
        assert.deepEqual(result.edits, []);
        assert.equal(result.notes.length, 1);
        assert.equal(result.notes[0]!.severity, 'error');
        assert.match(result.notes[0]!.message, c.refusal!);
      } else {
        assert.equal(result.text, c.output);
        assert.deepEqual(result.notes, []);
      }
    });
  }

  test('a syntax problem is located', () => {
    const [note] = format('. {\n  whoami\n', 'corefile').notes;
    assert.deepEqual(note?.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } });
  });

  test('an edit leaves the unchanged start and end of the file out', () => {
    const result = format('. {\n    whoami\n  log\n    cache\n}\n', 'corefile');
    assert.deepEqual(result.edits, [{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } }, newText: '  ' }]);
  });
});

describe('the safety guard', () => {
  const pairs: Array<{ name: string; before: string; after: string; same: boolean }> = [
    { name: 'indentation and spacing', before: '. {\nwhoami  a\n}\n', after: '. {\n    whoami a\n}\n', same: true },
    { name: 'blank lines', before: '. {\n\n\nwhoami\n}\n', after: '. {\nwhoami\n}\n', same: true },
    { name: 'two lines joined', before: '. {\nwhoami\nlog\n}\n', after: '. {\nwhoami log\n}\n', same: false },
    { name: 'a line split', before: '. {\nforward . 1.1.1.1\n}\n', after: '. {\nforward .\n1.1.1.1\n}\n', same: false },
    { name: 'a block moved to the next line', before: '. {\nhealth {\n}\n}\n', after: '. {\nhealth\n{\n}\n}\n', same: false },
    { name: 'quotes removed', before: '. {\nlog "x"\n}\n', after: '. {\nlog x\n}\n', same: false },
    { name: 'a word changed', before: '. {\nlog\n}\n', after: '. {\nlogs\n}\n', same: false },
    { name: 'a comment lost', before: '. {\nlog # why\n}\n', after: '. {\nlog\n}\n', same: false },
    { name: 'a glued comment unglued before more words', before: '. {\nwhoami#c x\n}\n', after: '. {\nwhoami #c x\n}\n', same: false },
  ];
  for (const p of pairs) {
    test(`${p.same ? 'accepts' : 'refuses'}: ${p.name}`, () => {
      assert.equal(sameCorefileReading(p.before, p.after), p.same);
    });
  }

  const faulty: Array<{ name: string; layout: (text: string) => string | undefined }> = [
    { name: 'joins every line', layout: (t) => t.replace(/\n(?!$)/g, ' ') },
    { name: 'puts a space before every #', layout: (t) => t.replace(/#/g, ' #') },
    { name: 'trims the inside of quotes', layout: (t) => t.replace(/"\s+/g, '"') },
    { name: 'gives up', layout: () => undefined },
  ];
  const text = '. {\n    whoami#no space here\n    log " {type}"\n}\n';
  for (const f of faulty) {
    test(`refuses the result of a layout that ${f.name}`, () => {
      const outcome = formatCorefileText(text, { layout: f.layout });
      assert.equal(outcome.ok, false);
      assert.equal(!outcome.ok && outcome.reason, 'unsafe');
    });
  }

  test('uses a layout that keeps the reading', () => {
    const outcome = formatCorefileText(text, { layout: (t) => t.replace(/^ +/gm, '\t') });
    assert.deepEqual(outcome, { ok: true, text: '. {\n\twhoami#no space here\n\tlog " {type}"\n}\n' });
  });
});

const configMap = (...data: string[]): string => lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: coredns', 'data:', ...data, '');

interface YamlCase {
  name: string;
  input: string;
  output: string;
  /** Fragments of the notes, in order. */
  notes?: RegExp[];
}

const yamlCases: YamlCase[] = [
  {
    name: 'a literal block scalar is formatted inside the block\'s indentation',
    input: configMap('  Corefile: |', '    .:53 {', '      errors', '          cache   30', '', '', '      forward . /etc/resolv.conf   ', '    }'),
    output: configMap('  Corefile: |', '    .:53 {', '        errors', '        cache 30', '', '        forward . /etc/resolv.conf', '    }'),
  },
  {
    name: 'strip chomping: no line break is added, the next key is untouched',
    input: configMap('  Corefile: |-', '      . {', '       whoami', '      }', '  other: x'),
    output: configMap('  Corefile: |-', '      . {', '          whoami', '      }', '  other: x'),
  },
  {
    name: 'keep chomping: the trailing blank lines belong to the YAML and stay',
    input: configMap('  Corefile: |+', '    . {', '     whoami', '    }', '', '', '  other: x'),
    output: configMap('  Corefile: |+', '    . {', '        whoami', '    }', '', '', '  other: x'),
  },
  {
    name: 'an indentation indicator, a tag and a header comment',
    input: configMap('  Corefile: !!str |2 # the Corefile', '    . {', '      whoami', '    }'),
    output: configMap('  Corefile: !!str |2 # the Corefile', '    . {', '        whoami', '    }'),
  },
  {
    name: 'an .override key is formatted as directives of the default block',
    input: configMap('  hosts.override: |', '    hosts {', '    10.0.0.1 a.example', '            fallthrough', '    }', '    log'),
    output: configMap('  hosts.override: |', '    hosts {', '        10.0.0.1 a.example', '        fallthrough', '    }', '    log'),
  },
  {
    name: 'a .server key, with CRLF line breaks',
    input: configMap('  a.server: |', '    a.example:53 {', '      forward . 10.0.0.1', '    }').replace(/\n/g, '\r\n'),
    output: configMap('  a.server: |', '    a.example:53 {', '        forward . 10.0.0.1', '    }').replace(/\n/g, '\r\n'),
  },
  {
    name: 'a folded scalar is left as written',
    input: configMap('  Corefile: >', '    . {', '      whoami', '    }'),
    output: configMap('  Corefile: >', '    . {', '      whoami', '    }'),
    notes: [/Corefile: left as written: .*folded block scalar/],
  },
  {
    name: 'quoted and plain scalars are left as written',
    input: configMap('  Corefile: ". {\\n  whoami\\n}\\n"', "  b.server: 'b {\n\n    whoami\n\n    }'", '  c.server: c'),
    output: configMap('  Corefile: ". {\\n  whoami\\n}\\n"', "  b.server: 'b {\n\n    whoami\n\n    }'", '  c.server: c'),
    notes: [/Corefile: .*quoted scalar/, /b\.server: .*quoted scalar/, /c\.server: .*plain scalar/],
  },
  {
    name: 'a templated key is left as written while a literal one in the same file is formatted',
    input: configMap('  Corefile: |', '    . {', '      forward . {{ .Values.upstream }}', '    }', '  extra.server: |', '    e {', '      whoami', '    }'),
    output: configMap('  Corefile: |', '    . {', '      forward . {{ .Values.upstream }}', '    }', '  extra.server: |', '    e {', '        whoami', '    }'),
    notes: [/Corefile: left as written, because template actions/],
  },
  {
    name: 'a key with a syntax error is left as written, the others are formatted',
    input: configMap('  Corefile: |', '    . {', '      whoami', '  x.server: |', '    x {', '      log', '    }'),
    output: configMap('  Corefile: |', '    . {', '      whoami', '  x.server: |', '    x {', '        log', '    }'),
    notes: [/Corefile: Not formatted: the Corefile has syntax problems/],
  },
  {
    name: 'every ConfigMap of a multi-document file',
    input: [configMap('  Corefile: |', '    . {', '     whoami', '    }'), configMap('  x.server: |', '    x {', '     log', '    }')].join('---\n'),
    output: [configMap('  Corefile: |', '    . {', '        whoami', '    }'), configMap('  x.server: |', '    x {', '        log', '    }')].join('---\n'),
  },
  {
    name: 'a file holding a lone carriage return is left as written, with a note',
    input: configMap('  Corefile: |', '    .:53 {', '      log "a\rb"', '          cache   30', '    }'),
    output: configMap('  Corefile: |', '    .:53 {', '      log "a\rb"', '          cache   30', '    }'),
    notes: [/carriage return without a line feed/],
  },
  {
    name: 'YAML without a ConfigMap holding a Corefile is not touched',
    input: lines('kind: Deployment', 'spec:', '  x: |', '    . {', '     whoami', '    }', ''),
    output: lines('kind: Deployment', 'spec:', '  x: |', '    . {', '     whoami', '    }', ''),
  },
];

describe('formatting the Corefiles in Kubernetes YAML', () => {
  for (const c of yamlCases) {
    test(c.name, () => {
      const result = format(c.input, 'yaml');
      assert.equal(result.text, c.output);
      const notes = c.notes ?? [];
      assert.equal(result.notes.length, notes.length, JSON.stringify(result.notes));
      notes.forEach((n, i) => assert.match(result.notes[i]!.message, n));
    });
  }

  test('a syntax error note points at the YAML line of the problem', () => {
    const text = configMap('  Corefile: |', '    . {', '      whoami');
    const [note] = format(text, 'yaml').notes;
    assert.equal(note?.severity, 'error');
    assert.deepEqual(note?.range.start, { line: 6, character: 6 });
  });

  test('edits cover only what changes, in YAML positions', () => {
    const text = configMap('  Corefile: |', '    . {', '        whoami', '      log', '    }');
    assert.deepEqual(format(text, 'yaml').edits, [{ range: { start: { line: 8, character: 6 }, end: { line: 8, character: 6 } }, newText: '  ' }]);
  });
});

describe('resolv.conf', () => {
  test('is left exactly as written, with a note', () => {
    const text = '  nameserver 10.0.0.1   \nsearch a.example\n\n\n';
    const result = format(text, 'resolvconf');
    assert.equal(result.text, text);
    assert.deepEqual(result.edits, []);
    assert.match(result.notes[0]!.message, /resolv\.conf files are not formatted/);
  });
});
