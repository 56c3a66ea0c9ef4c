// The Corefile-in-YAML injection grammar, run through vscode-textmate as VS Code runs it: the grammars
// and the injection are wired exactly as package.json contributes them, on top of a YAML host grammar.
// Every table runs on our small host fixture (test/fixtures/grammar/yaml-host.tmLanguage.json), so it
// runs on a fresh clone; when the e2e run has installed code-server, the same tables run again on VS
// Code's own YAML grammar, which is what users get.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = path.resolve(__dirname, '../..');

interface ContributedGrammar {
  language?: string;
  scopeName: string;
  path: string;
  injectTo?: string[];
  embeddedLanguages?: Record<string, string>;
}
interface Manifest {
  contributes: { languages: { id: string }[]; grammars: ContributedGrammar[] };
}

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const injection = manifest.contributes.grammars.find((grammar) => grammar.injectTo);
const EMBEDDED = 'meta.embedded.block.corefile';
const DIRECTIVE = 'keyword.other.directive.corefile';
const ZONE = 'entity.name.tag.zone.corefile';

/** scope name → absolute grammar file, for one YAML host plus everything this extension contributes. */
type GrammarFiles = Record<string, string>;

function contributedFiles(): GrammarFiles {
  const files: GrammarFiles = {};
  for (const grammar of manifest.contributes.grammars) files[grammar.scopeName] = path.join(root, grammar.path);
  return files;
}

const fixtureHost: GrammarFiles = { 'source.yaml': path.join(root, 'test/fixtures/grammar/yaml-host.tmLanguage.json') };

/**
 * VS Code's YAML grammars from the code-server that `npm run test:e2e` installs, or undefined when it
 * is not installed. The cache location comes from the e2e installer itself so the two cannot drift.
 */
async function vscodeHost(): Promise<GrammarFiles | undefined> {
  const installer = pathToFileURL(path.join(root, 'test/e2e/lib/code-server.mjs')).href;
  const lib = (await import(installer)) as { codeServerRoot: () => string };
  const extension = path.join(lib.codeServerRoot(), 'lib/vscode/extensions/yaml');
  const packageFile = path.join(extension, 'package.json');
  if (!fs.existsSync(packageFile)) return undefined;
  const yamlManifest = JSON.parse(fs.readFileSync(packageFile, 'utf8')) as Manifest;
  const files: GrammarFiles = {};
  for (const grammar of yamlManifest.contributes.grammars) files[grammar.scopeName] = path.join(extension, grammar.path);
  return files['source.yaml'] ? files : undefined;
}

let wasmLoaded: Promise<void> | undefined;
async function yamlGrammar(host: GrammarFiles): Promise<textmate.IGrammar> {
  if (!wasmLoaded) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    wasmLoaded = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  }
  await wasmLoaded;
  const files: GrammarFiles = { ...contributedFiles(), ...host };
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scope: string) => {
      const file = files[scope];
      return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    // As VS Code does with `injectTo`: every contributed injection that names the host is offered to it.
    getInjections: (scope: string) =>
      manifest.contributes.grammars.filter((grammar) => grammar.injectTo?.includes(scope)).map((grammar) => grammar.scopeName),
  });
  const grammar = await registry.loadGrammar('source.yaml');
  assert.ok(grammar, 'the YAML host grammar loads');
  return grammar;
}

interface Token { text: string; scopes: string[] }

function tokenize(grammar: textmate.IGrammar, text: string): Token[] {
  const tokens: Token[] = [];
  let state = textmate.INITIAL;
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) tokens.push({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    state = result.ruleStack;
  }
  return tokens;
}

interface Row {
  source: string;
  /** The token's exact text (surrounding blanks ignored); `@N` picks its N-th occurrence, 0-based. */
  token: string;
  scope?: string;
  notScope?: string;
}

function check(grammar: textmate.IGrammar, rows: Row[]): void {
  for (const row of rows) {
    const [text, nth] = row.token.split('@') as [string, string | undefined];
    const token = tokenize(grammar, row.source).filter((t) => t.text.trim() === text)[Number(nth ?? 0)];
    assert.ok(token, `${JSON.stringify(row.token)} is a token of ${JSON.stringify(row.source)}`);
    const scopes = token.scopes.join(' ');
    const where = `${JSON.stringify(row.token)} in ${JSON.stringify(row.source)}: ${scopes}`;
    if (row.scope) assert.ok(token.scopes.includes(row.scope), `${where} should include ${row.scope}`);
    if (row.notScope) assert.ok(!scopes.includes(row.notScope), `${where} should not include ${row.notScope}`);
  }
}

const yaml = (...lines: string[]): string => lines.join('\n');

/** A ConfigMap's data with one key whose header is `header`, holding a small server block. */
const configMap = (header: string): string =>
  yaml('kind: ConfigMap', 'data:', `  ${header}`, '    .:53 {', '        whoami', '    }');

// [header line, [token, scope] pairs the header itself must show]; each body must be a Corefile.
const blockStyles: [string, [string, string][]][] = [
  ['Corefile: |', [['Corefile', 'entity.name.tag.yaml'], ['|', 'keyword.control.flow.block-scalar.literal.yaml']]],
  ['Corefile: |-', [['-', 'storage.modifier.chomping-indicator.yaml']]],
  ['Corefile: |+', [['+', 'storage.modifier.chomping-indicator.yaml']]],
  ['Corefile: >', [['>', 'keyword.control.flow.block-scalar.folded.yaml']]],
  ['Corefile: >-', [['-', 'storage.modifier.chomping-indicator.yaml']]],
  ['Corefile: |2', [['2', 'constant.numeric.indentation-indicator.yaml']]],
  ['Corefile: |-2', [['-', 'storage.modifier.chomping-indicator.yaml'], ['2', 'constant.numeric.indentation-indicator.yaml']]],
  ['Corefile: >2+', [['2', 'constant.numeric.indentation-indicator.yaml'], ['+', 'storage.modifier.chomping-indicator.yaml']]],
  ['Corefile: | # the main config', [['# the main config', 'comment.line.number-sign.yaml']]],
  ['Corefile: |-  # trimmed', [['# trimmed', 'comment.line.number-sign.yaml']]],
  ['"Corefile": |', [['Corefile', 'entity.name.tag.yaml']]],
  ["'Corefile': >", [['Corefile', 'entity.name.tag.yaml']]],
  ['example.server: |', [['example.server', 'entity.name.tag.yaml']]],
  ['corp-dns.server: |-', [['corp-dns.server', 'entity.name.tag.yaml']]],
];

const blockStyleRows: Row[] = blockStyles.flatMap(([header, headerTokens]) => [
  { source: configMap(header), token: '.', scope: ZONE },
  { source: configMap(header), token: '.', scope: EMBEDDED },
  { source: configMap(header), token: 'whoami', scope: DIRECTIVE },
  ...headerTokens.map(([token, scope]) => ({ source: configMap(header), token, scope })),
]);

const overrideRows: Row[] = [
  // An `.override` key holds directives CoreDNS pastes inside the default block: no braces of its own.
  { source: yaml('data:', '  log.override: |', '    log', '    cache 30'), token: 'log', scope: DIRECTIVE },
  { source: yaml('data:', '  log.override: |', '    log', '    cache 30'), token: 'cache', scope: DIRECTIVE },
  { source: yaml('data:', '  log.override: |', '    log', '    cache 30'), token: '30', scope: 'constant.numeric.corefile' },
  { source: yaml('data:', '  stub.override: |2 # forwards', '    forward . 10.0.0.1'), token: 'forward', scope: DIRECTIVE },
  { source: yaml('data:', '  .override: |', '    errors'), token: 'errors', scope: DIRECTIVE },
];

const untouchedRows: Row[] = [
  // Only the names CoreDNS reads are Corefiles; everything else stays plain YAML.
  { source: yaml('data:', '  corefile: |', '    whoami'), token: 'whoami', notScope: EMBEDDED },
  { source: yaml('data:', '  Corefile.bak: |', '    whoami'), token: 'whoami', notScope: EMBEDDED },
  { source: yaml('data:', '  myserver: |', '    whoami'), token: 'whoami', notScope: EMBEDDED },
  { source: yaml('data:', '  example.servers: |', '    whoami'), token: 'whoami', notScope: EMBEDDED },
  { source: yaml('data:', '  example.server.yaml: |', '    whoami'), token: 'whoami', notScope: EMBEDDED },
  { source: yaml('data:', '  NotCorefile: |', '    whoami'), token: 'whoami', notScope: EMBEDDED },
  // Not a block scalar: a plain value, or a key with nothing after the colon.
  { source: yaml('data:', '  Corefile: whoami'), token: 'whoami', notScope: EMBEDDED },
  { source: yaml('data:', '  Corefile:', '    whoami: x'), token: 'whoami', notScope: EMBEDDED },
  // Inside another block scalar or a comment the words are text, not a key.
  { source: yaml('data:', '  script: |', '    Corefile: |', '      whoami'), token: 'whoami', notScope: EMBEDDED },
  { source: yaml('data:', '  # Corefile: |', '    whoami'), token: 'whoami', notScope: EMBEDDED },
];

const endRows: Row[] = [
  // The scalar ends at the first non-empty line not indented deeper than the key, even inside an open
  // brace: the next key is YAML again.
  { source: yaml('data:', '  Corefile: |', '    . {', '        whoami', '  other: |', '    whoami'), token: 'whoami@0', scope: DIRECTIVE },
  { source: yaml('data:', '  Corefile: |', '    . {', '        whoami', '  other: |', '    whoami'), token: 'whoami@1', notScope: EMBEDDED },
  { source: yaml('data:', '  Corefile: |', '    . {', '        whoami', '  other: |', '    whoami'), token: 'other', notScope: EMBEDDED },
  { source: yaml('data:', '  Corefile: |', '    . {', '        log "open', 'kind: ConfigMap'), token: 'kind', notScope: EMBEDDED },
  { source: yaml('data:', '  Corefile: |', '    . {', '---', 'kind: ConfigMap'), token: 'kind', notScope: EMBEDDED },
  // Blank lines, even with fewer spaces than the key, do not end it.
  { source: yaml('data:', '  Corefile: |', '    . {', '', ' ', '        whoami', '    }'), token: 'whoami', scope: DIRECTIVE },
  // A sibling Corefile key right after another starts its own embedding.
  { source: yaml('data:', '  a.server: |', '    a.org {', '    }', '  b.override: |', '    whoami'), token: 'b.override', notScope: EMBEDDED },
  { source: yaml('data:', '  a.server: |', '    a.org {', '    }', '  b.override: |', '    whoami'), token: 'whoami', scope: DIRECTIVE },
];

const list = yaml(
  'apiVersion: v1',
  'kind: List',
  'items:',
  '- apiVersion: v1',
  '  kind: ConfigMap',
  '  metadata:',
  '    name: coredns',
  '  data:',
  '    Corefile: |',
  '      .:53 {',
  '          errors',
  '          forward . /etc/resolv.conf {',
  '              max_fails 3',
  '          }',
  '      }',
  '- apiVersion: v1',
  '  kind: ConfigMap',
  '  data:',
  '    note: plain',
  '    extra.server: |-',
  '      example.org {',
  '          whoami',
  '      }',
  '    after: x',
);

const listRows: Row[] = [
  { source: list, token: 'errors', scope: DIRECTIVE },
  { source: list, token: 'max_fails', scope: 'support.type.property-name.option.corefile' },
  { source: list, token: 'example.org', scope: ZONE },
  { source: list, token: 'whoami', scope: DIRECTIVE },
  { source: list, token: 'apiVersion@1', notScope: EMBEDDED },
  { source: list, token: 'note', notScope: EMBEDDED },
  { source: list, token: 'after', notScope: EMBEDDED },
  { source: list, token: 'coredns', notScope: EMBEDDED },
];

const tables: [string, Row[]][] = [
  ['every block scalar style under Corefile and *.server keys holds a Corefile', blockStyleRows],
  ['*.override keys are coloured as the inside of a server block', overrideRows],
  ['other keys, plain values, other scalars and comments stay YAML', untouchedRows],
  ['the embedding ends exactly where the block scalar ends', endRows],
  ['ConfigMaps inside a kind: List', listRows],
];

for (const [name, rows] of tables) {
  test(`Corefile in YAML (host fixture): ${name}`, async () => {
    check(await yamlGrammar(fixtureHost), rows);
  });
}

test('Corefile in YAML, on VS Code\'s own YAML grammar when code-server is installed', async (t) => {
  const host = await vscodeHost();
  if (!host) {
    t.skip('code-server is not installed (npm run test:e2e installs it); the host fixture covers the same tables');
    return;
  }
  const grammar = await yamlGrammar(host);
  for (const [name, rows] of tables) await t.test(name, () => check(grammar, rows));
});

test('package.json contributes the injection to YAML, embedding the corefile language, and it ships', () => {
  assert.ok(injection, 'a contributed grammar has injectTo');
  assert.deepEqual(injection.injectTo, ['source.yaml']);
  assert.equal(injection.language, undefined, 'an injection grammar belongs to no language of its own');
  const raw = JSON.parse(fs.readFileSync(path.join(root, injection.path), 'utf8')) as {
    scopeName: string;
    injectionSelector: string;
    repository: Record<string, { contentName?: string; patterns?: { include: string }[] }>;
  };
  assert.equal(raw.scopeName, injection.scopeName);
  assert.match(raw.injectionSelector, /^L:source\.yaml\b/);
  // Every embedded region the grammar opens is mapped to the corefile language, which this extension
  // contributes, and pulls in the Corefile grammar.
  const languages = new Set(manifest.contributes.languages.map((language) => language.id));
  for (const [name, rule] of Object.entries(raw.repository)) {
    assert.ok(rule.contentName, `${name} names its embedded region`);
    const language: string | undefined = injection.embeddedLanguages?.[rule.contentName];
    assert.equal(language, 'corefile', `${rule.contentName} maps to corefile`);
    assert.ok(languages.has(language), 'corefile is a contributed language');
    assert.ok(rule.patterns?.every((pattern) => pattern.include.startsWith('source.corefile')), `${name} includes the Corefile grammar`);
  }
  // .vscodeignore is an allow-list: some `!` line must bring the grammar file back into the package.
  const relative = path.posix.normalize(injection.path);
  const allowed = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n')
    .filter((line) => line.startsWith('!'))
    .map((line) => new RegExp(`^${line.slice(1).trim().replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '.*')}$`));
  assert.ok(allowed.some((pattern) => pattern.test(relative)), `${relative} is brought back by a ! line of .vscodeignore`);
});
