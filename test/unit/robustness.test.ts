// The promise that no input can break the analysis: thousands of damaged documents (slices cut out,
// repeated or swapped, stray braces, quotes, escapes, line ends, placeholders, imports, odd Unicode) made
// from the examples and from real files of the corpus. For each, the facade the editor and the CLI use must
// return findings without an internal error, every finding must lie inside the document, and a damaged
// Corefile must still run through the resolution simulation. The mutations come from a seeded generator, so a
// failure names a seed and a case that reproduces it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { emptyHost, memoryHost } from '../../server/src/core/host.js';
import { defaultScenario } from '../../server/src/core/resolve/default-scenario.js';
import { prepareSimulation } from '../../server/src/core/resolve/simulate.js';
import { analyzeDocument } from '../../server/src/core/service.js';
import { defaultSettings } from '../../server/src/core/settings.js';
import type { CoreDiagnostic, LanguageId } from '../../server/src/core/types.js';
import { repoRoot, sharedAvailable, sharedDir } from '../support/shared.js';

/** mulberry32: a small seeded generator, so every run damages the documents the same way. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces that mean something to one of the grammars, or that broke parsers before. */
const FRAGMENTS = [
  '{', '}', '{ }', '"', '\\"', '\\', '#', '\n', '\r', '\r\n', '\t', ' ', ',', ':', '::', '://', '.', '*', '?', '[a]',
  'import ', 'import (s)\n', '(s) {\n', '{$X}', '{%Y%}', '{$', '%}', 'tls://', 'quic://.:853', '10.0.0.0/8',
  'forward . /etc/resolv.conf', 'kubernetes cluster.local', 'template IN A {\n answer "{{ .Name }}"\n}',
  '\uFEFF', '\u2028', '\u00a0', '\u{1F600}', '\u0000', 'ndots:', 'options ', 'nameserver ', 'search ',
  'Corefile: |\n', '  ', '- ', '{{ .Values.x }}', 'x.server: |', 'x.override: "', "'", 'a'.repeat(300),
];

function mutate(text: string, random: () => number): string {
  let out = text;
  const steps = 1 + Math.floor(random() * 4);
  for (let i = 0; i < steps; i++) {
    const at = Math.floor(random() * (out.length + 1));
    const span = Math.floor(random() * 40);
    switch (Math.floor(random() * 6)) {
      case 0: // cut a slice out
        out = out.slice(0, at) + out.slice(at + span);
        break;
      case 1: // repeat a slice
        out = out.slice(0, at) + out.slice(at, at + span) + out.slice(at);
        break;
      case 2: // insert a fragment
        out = out.slice(0, at) + FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]! + out.slice(at);
        break;
      case 3: {
        // swap two lines
        const lines = out.split('\n');
        const a = Math.floor(random() * lines.length);
        const b = Math.floor(random() * lines.length);
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        out = lines.join('\n');
        break;
      }
      case 4: // the file ends early
        out = out.slice(0, at);
        break;
      default: // replace one character by a random code unit
        out = out.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x3000)) + out.slice(at + 1);
    }
  }
  return out;
}

function seedsOf(language: LanguageId): string[] {
  const examples = join(repoRoot, 'examples');
  const own: Record<LanguageId, string[]> = {
    corefile: [join(examples, 'Corefile'), join(examples, 'custom', 'lab.server')],
    resolvconf: [join(examples, 'pod.resolv.conf')],
    yaml: [join(examples, 'coredns-custom.yaml')],
  };
  const texts = own[language].map((path) => readFileSync(path, 'utf8'));
  if (sharedAvailable()) {
    const dir = { corefile: 'corefiles', resolvconf: 'resolvconf', yaml: 'configmaps' }[language];
    // Every seventh file of the corpus: real shapes without making the test slow.
    const names = readdirSync(join(sharedDir, 'corpus', dir)).sort().filter((_, i) => i % 7 === 0);
    for (const name of names) texts.push(readFileSync(join(sharedDir, 'corpus', dir, name), 'utf8'));
  }
  return texts;
}

/** What is wrong with the findings for `text`, or an empty list. */
function problemsOf(text: string, language: LanguageId): string[] {
  let diagnostics: CoreDiagnostic[];
  try {
    diagnostics = analyzeDocument({ uri: 'file:///robustness/doc', text, language }, defaultSettings, emptyHost).diagnostics;
  } catch (error) {
    return [`the facade threw: ${String(error)}`];
  }
  const lines = text.split(/\r\n|\r|\n/);
  const problems: string[] = [];
  for (const d of diagnostics) {
    if (d.code === 'core/internal-error' || d.code === 'syntax/internal') problems.push(`${d.code}: ${d.message}`);
    if (d.uri !== undefined) continue;
    const { start, end } = d.range;
    const inside = (p: { line: number; character: number }): boolean =>
      p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line]!.length;
    if (!inside(start) || !inside(end)) problems.push(`${d.code} lies outside the document: ${JSON.stringify(d.range)}`);
    else if (start.line > end.line || (start.line === end.line && start.character > end.character)) problems.push(`${d.code} ends before it starts: ${JSON.stringify(d.range)}`);
    if (d.message.trim() === '') problems.push(`${d.code} has no message`);
  }
  return problems;
}

const ROUNDS: Record<LanguageId, number> = { corefile: 600, resolvconf: 200, yaml: 200 };

for (const language of ['corefile', 'resolvconf', 'yaml'] as const) {
  test(`damaged ${language} documents are analysed without an internal error, findings inside the document`, () => {
    const seeds = seedsOf(language);
    const random = generator(0xc0ffee + language.length);
    for (let round = 0; round < ROUNDS[language]; round++) {
      const seed = seeds[round % seeds.length]!;
      const text = mutate(seed, random);
      const problems = problemsOf(text, language);
      assert.deepEqual(problems, [], `round ${round} of ${language}; the damaged document was:\n${JSON.stringify(text)}`);
    }
  });
}

test('damaged Corefiles still run through the resolution simulation', () => {
  const seeds = seedsOf('corefile');
  const random = generator(0xd15ea5e);
  for (let round = 0; round < 150; round++) {
    const text = mutate(seeds[round % seeds.length]!, random);
    const context = `round ${round}; the damaged Corefile was:\n${JSON.stringify(text)}`;
    const simulation = prepareSimulation(defaultScenario({ text, siblingFiles: {} }));
    for (const name of ['kubernetes.default.svc.cluster.local', 'www.example.com', 'storefront']) {
      const result = simulation.run({ name, type: 'A' });
      // The stub always ends with a status and sentences that say why, whatever the server made of it.
      assert.ok(result.result.explanation.length > 0, `an explanation for ${name}; ${context}`);
      assert.ok(['success', 'nxdomain', 'nodata', 'again', 'fail'].includes(result.result.stub), `a stub status for ${name}; ${context}`);
    }
  }
});

/**
 * Inputs whose size alone once broke the analysis: lists of a few hundred thousand findings, tokens or words
 * exceed the engine's stack when they are spread into a call (see server/src/core/append.ts).
 */
const HUGE: Array<{ name: string; text: string; language: LanguageId; files?: Record<string, string> }> = [
  { name: '200 000 stray closing braces', text: '} '.repeat(200_000), language: 'corefile' },
  { name: 'a line of 200 000 namespaces', text: `. {\n  kubernetes cluster.local {\n    namespaces ${'ns '.repeat(200_000)}\n  }\n}\n`, language: 'corefile' },
  { name: 'an imported file of 200 000 tokens', text: '. {\n  import big.conf\n}\n', language: 'corefile', files: { '/etc/coredns/big.conf': 'log\n'.repeat(200_000) } },
  { name: '200 000 errors in a ConfigMap', text: `kind: ConfigMap\ndata:\n  Corefile: |\n    ${'} '.repeat(200_000)}\n`, language: 'yaml' },
];

for (const c of HUGE) {
  test(`huge input: ${c.name}`, () => {
    const host = memoryHost(c.files ?? {});
    const { diagnostics } = analyzeDocument({ uri: 'file:///etc/coredns/Corefile', path: '/etc/coredns/Corefile', text: c.text, language: c.language }, defaultSettings, host);
    const internal = diagnostics.filter((d) => d.code === 'core/internal-error' || d.code === 'syntax/internal');
    assert.deepEqual(internal.map((d) => d.message), []);
  });
}
