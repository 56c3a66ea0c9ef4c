// The words the expansion notes as holding placeholders with no known value (expandCorefile's unknownWords):
// the validation reports them without walking the model again, so each row checks them against the model
// itself, found word by word, and against the expected findings: which word, where and in which file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCorefile } from '../../server/src/core/corefile/parse.js';
import { buildModel, expandCorefile } from '../../server/src/core/corefile/model.js';
import { unknownWordFindings } from '../../server/src/core/corefile/env-findings.js';
import type { CorefileModel, UnknownWord } from '../../server/src/core/corefile/model.js';
import { memoryHost } from '../../server/src/core/host.js';
import type { CoreDiagnostic } from '../../server/src/core/types.js';

interface Row {
  name: string;
  corefile: string;
  env?: Record<string, string>;
  files?: Record<string, string>;
  /** Findings as `line:character first-placeholder` (0-based), with `@file` when the word is in another file. */
  findings: string[];
}

const URI = 'file:///etc/coredns/Corefile';
const PATH = '/etc/coredns/Corefile';

const rows: Row[] = [
  { name: 'no placeholder, no finding', corefile: '. {\n  forward . 1.1.1.1 {\n    max_fails 3\n  }\n}\n', findings: [] },
  {
    // The lexer notes placeholders once per distinct word, and words it makes outside its word table one by one.
    name: 'a placeholder in a quoted word, in a word too long to share, in a word holding a \\r',
    corefile: '. {\n  forward . "{$Q} x" an-address-longer-than-24-characters-{$LONG} {$CR}\rx\n}\n',
    findings: ['1:12 {$Q}', '1:21 {$LONG}', '1:66 {$CR}'],
  },
  {
    name: 'a word written again is noted again, though the lexer shares its text',
    corefile: '. {\n  forward . {$UP}\n}\nexample.org {\n  forward . {$UP}\n}\n',
    findings: ['1:12 {$UP}', '4:12 {$UP}'],
  },
  {
    name: 'keys before arguments, the directive name never',
    corefile: '{$ZONE}:53 {\n  {$PLUGIN} {$ARG}\n  cache {$TTL}\n}\n',
    env: { TTL: '30' },
    findings: ['0:0 {$ZONE}', '1:12 {$ARG}'],
  },
  {
    name: 'a known value is no finding; each unknown word is one',
    corefile: '. {\n  forward . {$UP} {%UP2%} {$KNOWN}\n  bind __PILLAR__LOCAL__\n}\n',
    env: { KNOWN: '9.9.9.9' },
    findings: ['1:12 {$UP}', '1:18 {%UP2%}', '2:7 __PILLAR__LOCAL__'],
  },
  {
    name: 'a brace-less block that CoreDNS drops (its only key is empty) takes its words with it',
    corefile: '. {\n  log {$KEPT}\n}\n{$EMPTY}\nlog {$GONE}\n',
    env: { EMPTY: '' },
    findings: ['1:6 {$KEPT}'],
  },
  {
    name: 'each use of an imported snippet is its own finding, in model order',
    corefile: '(s) {\n  log {$FMT}\n}\na.example {\n  import s\n  errors {$E}\n}\nb.example {\n  import s\n}\n',
    findings: ['1:6 {$FMT}', '5:9 {$E}', '1:6 {$FMT}'],
  },
  {
    name: 'imports inside an option block are spliced in place',
    corefile: '(opts) {\n  max_fails {$MF}\n}\n. {\n  forward . {$UP} {\n    import opts\n    expire {$EX}\n  }\n}\n',
    findings: ['4:12 {$UP}', '1:12 {$MF}', '6:11 {$EX}'],
  },
  {
    name: 'words of an imported file keep their file',
    corefile: '. {\n  import extra.conf\n  log {$A}\n}\n',
    files: { '/etc/coredns/extra.conf': 'cache {$TTL}\n' },
    findings: ['0:6 {$TTL} @file:///etc/coredns/extra.conf', '2:6 {$A}'],
  },
  {
    name: 'server blocks of an imported file, keys included',
    corefile: 'import zones/*.conf\n',
    files: { '/etc/coredns/zones/a.conf': '{$Z}.example {\n  whoami {$W}\n}\n' },
    findings: ['0:0 {$Z} @file:///etc/coredns/zones/a.conf', '1:9 {$W} @file:///etc/coredns/zones/a.conf'],
  },
  {
    name: 'a word named "import" that is no import line is an ordinary argument',
    corefile: '. {\n  forward . {$UP} import {\n    policy import {$P}\n  }\n}\n',
    findings: ['1:12 {$UP}', '2:18 {$P}'],
  },
];

/**
 * The words a walk over the finished model finds, block by block: keys first, then each directive's words
 * after its name (the name has its own finding). The noted words must be exactly these.
 */
function walkedUnknownWords(model: CorefileModel): UnknownWord[] {
  const words: UnknownWord[] = [];
  for (const block of model.blocks) {
    for (const key of block.keys) if (key.token.unknownEnv.length > 0) words.push({ token: key.token, what: 'address' });
    for (const directive of block.directives) {
      for (const token of directive.tokens.slice(1)) if (token.unknownEnv.length > 0) words.push({ token, what: 'argument' });
    }
  }
  return words;
}

const show = (d: CoreDiagnostic): string =>
  `${d.range.start.line}:${d.range.start.character} ${d.message.split(' ')[0]!.replace(/,$/, '')}${d.uri ? ` @${d.uri}` : ''}`;

for (const row of rows) {
  test(`model: unknown words: ${row.name}`, () => {
    const tree = parseCorefile(row.corefile, URI);
    const options = { env: row.env ?? {}, host: memoryHost(row.files ?? {}), path: PATH };
    const { model, unknownWords } = expandCorefile(tree, options);
    const noted = unknownWordFindings(unknownWords, URI);
    assert.deepEqual(noted.map(show), row.findings);
    // The same findings, messages and ranges included, as walking the model finds.
    assert.deepEqual(noted, unknownWordFindings(walkedUnknownWords(model), URI));
    assert.deepEqual(noted, unknownWordFindings(walkedUnknownWords(buildModel(tree, options)), URI));
  });
}
