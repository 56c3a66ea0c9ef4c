// The extension manifest (package.json) against the code it describes: the settings VS Code offers must
// be exactly the analysis settings the core reads, with the same defaults; every file the manifest
// names must exist and parse; the word pattern must keep Corefile words whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultSettings, DEFAULT_COREDNS_VERSION } from '../../server/src/core/settings.js';

const root = path.resolve(__dirname, '../..');

interface ContributedProperty {
  type?: string;
  default?: unknown;
  enum?: unknown[];
  pattern?: string;
}
interface Manifest {
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  devDependencies: Record<string, string>;
  contributes: {
    languages: { id: string; configuration?: string; filenames?: string[]; filenamePatterns?: string[] }[];
    grammars: { language?: string; scopeName: string; path: string }[];
    commands: { command: string }[];
    configuration: { properties: Record<string, ContributedProperty> };
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const SECTION = 'corefileLens.';
// Settings the client itself consumes; they never reach the analysis core.
const CLIENT_ONLY = new Set(['trace.server']);

function readJson(relative: string): unknown {
  const file = path.join(root, relative);
  assert.ok(fs.existsSync(file), `${relative} exists`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const analysisProperties = Object.entries(manifest.contributes.configuration.properties)
  .map(([key, schema]) => [key.slice(SECTION.length), schema] as const)
  .filter(([key]) => !CLIENT_ONLY.has(key));

test('every setting lives in the corefileLens section', () => {
  for (const key of Object.keys(manifest.contributes.configuration.properties)) {
    assert.ok(key.startsWith(SECTION), key);
  }
});

test('the contributed analysis settings are exactly the fields of AnalysisSettings', () => {
  assert.deepEqual(analysisProperties.map(([key]) => key).sort(), Object.keys(defaultSettings).sort());
});

test('each contributed default equals the default the core uses', () => {
  const defaults = defaultSettings as unknown as Record<string, unknown>;
  for (const [key, schema] of analysisProperties) {
    assert.deepEqual(schema.default, defaults[key], `corefileLens.${key}`);
  }
  assert.equal(manifest.contributes.configuration.properties['corefileLens.corednsVersion']?.default, DEFAULT_COREDNS_VERSION);
});

test('each contributed setting has the JSON type of its default', () => {
  const jsonType = (value: unknown): string => (Array.isArray(value) ? 'array' : typeof value);
  for (const [key, schema] of analysisProperties) {
    assert.equal(schema.type, jsonType(schema.default), `corefileLens.${key}`);
  }
});

test('the resolver setting offers glibc and musl, and the version setting takes X.Y.Z only', () => {
  const properties = manifest.contributes.configuration.properties;
  assert.deepEqual(properties['corefileLens.resolver']?.enum, ['glibc', 'musl']);
  const pattern = new RegExp(properties['corefileLens.corednsVersion']?.pattern ?? '(?!)');
  const versions: [string, boolean][] = [['1.14.7', true], ['1.10.1', true], ['1.14', false], ['v1.14.7', false], ['1.14.7-rc1', false]];
  for (const [version, valid] of versions) assert.equal(pattern.test(version), valid, version);
});

test('every contributed language configuration exists and parses as JSON', () => {
  for (const language of manifest.contributes.languages) {
    assert.ok(language.configuration, `${language.id} has a language configuration`);
    readJson(language.configuration);
  }
});

test('every contributed grammar exists, parses, has its scope name and belongs to a contributed language', () => {
  const languages = new Set(manifest.contributes.languages.map((language) => language.id));
  for (const grammar of manifest.contributes.grammars) {
    const content = readJson(grammar.path) as { scopeName?: string };
    assert.equal(content.scopeName, grammar.scopeName, grammar.path);
    if (grammar.language) assert.ok(languages.has(grammar.language), `${grammar.path} names ${grammar.language}`);
  }
});

test('the extension activates for every language it serves, YAML included', () => {
  const expected = [...manifest.contributes.languages.map((language) => `onLanguage:${language.id}`), 'onLanguage:yaml'];
  assert.deepEqual([...manifest.activationEvents].sort(), expected.sort());
});

test('every contributed command is registered by the client, and the client registers no other', () => {
  const clientDir = path.join(root, 'client/src');
  const registered = new Set<string>();
  for (const file of fs.readdirSync(clientDir, { recursive: true }) as string[]) {
    if (!file.endsWith('.ts')) continue;
    const source = fs.readFileSync(path.join(clientDir, file), 'utf8');
    for (const match of source.matchAll(/registerCommand\(\s*'([^']+)'/g)) registered.add(match[1] as string);
  }
  assert.deepEqual([...registered].sort(), manifest.contributes.commands.map((c) => c.command).sort());
});

test('engines.vscode is not older than the @types/vscode the client compiles against', () => {
  // VS Code silently skips an extension whose engine range is newer than itself, and vsce refuses a
  // package whose @types/vscode is newer than the engine range.
  const lowest = (range: string): number[] => (range.match(/\d+\.\d+\.\d+/)?.[0] ?? '').split('.').map(Number);
  const engine = lowest(manifest.engines.vscode);
  const types = lowest(manifest.devDependencies['@types/vscode'] ?? '');
  assert.equal(engine.length, 3);
  assert.ok(engine[0]! > types[0]! || (engine[0] === types[0] && engine[1]! >= types[1]!),
    `engines.vscode ${manifest.engines.vscode} vs @types/vscode ${manifest.devDependencies['@types/vscode']}`);
});

test('file names map to the language the design names', () => {
  const corefile = manifest.contributes.languages.find((language) => language.id === 'corefile');
  const resolvconf = manifest.contributes.languages.find((language) => language.id === 'resolvconf');
  assert.deepEqual(corefile?.filenames, ['Corefile']);
  assert.deepEqual(corefile?.filenamePatterns, ['Corefile.*', '*.corefile', '*.Corefile']);
  assert.deepEqual(resolvconf?.filenames, ['resolv.conf', 'stub-resolv.conf']);
  assert.deepEqual(resolvconf?.filenamePatterns, ['resolv.conf.*', '*.resolv.conf']);
});

// [line, word under the cursor's start column, the word VS Code should select]
const corefileWords: [string, string][] = [
  ['    k8s_external example.org', 'k8s_external'],
  ['    kubernetes cluster.local in-addr.arpa ip6.arpa {', 'in-addr.arpa'],
  ['10.0.0.0/8 {', '10.0.0.0/8'],
  ['    forward . tls://1.1.1.1 {', 'tls://1.1.1.1'],
  ['tls://example.org:853 {', 'tls://example.org:853'],
  ['    import common # shared plugins', 'common'],
  ['(common) {', 'common'],
  ['example.org, example.net {', 'example.org'],
  ['    log . "{remote} {type}"', 'remote'],
];

test('the Corefile word pattern keeps directive names, zones, CIDRs and transport addresses whole', () => {
  const config = readJson('language-configuration.json') as { wordPattern: string };
  for (const [line, word] of corefileWords) {
    const pattern = new RegExp(config.wordPattern, 'g');
    const words = [...line.matchAll(pattern)].map((match) => match[0]);
    assert.ok(words.includes(word), `${JSON.stringify(line)} → ${JSON.stringify(words)} should hold ${word}`);
  }
});

test('the resolv.conf word pattern keeps options and addresses whole', () => {
  const config = readJson('resolvconf-language-configuration.json') as { wordPattern: string };
  const lines: [string, string][] = [['options ndots:5 timeout:2', 'ndots:5'], ['nameserver fd00::10', 'fd00::10'], ['search svc.cluster.local', 'svc.cluster.local']];
  for (const [line, word] of lines) {
    const words = [...line.matchAll(new RegExp(config.wordPattern, 'g'))].map((match) => match[0]);
    assert.ok(words.includes(word), `${JSON.stringify(line)} → ${JSON.stringify(words)}`);
  }
});
