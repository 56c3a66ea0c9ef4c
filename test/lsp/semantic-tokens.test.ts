// textDocument/semanticTokens/full through the real language server on an in-memory connection: the
// announced legend (the core's own), the relative encoding of the tokens decoded back to
// `line:char len type[mods]` for a Corefile and a ConfigMap (positions in the YAML), the document's settings
// (targeted release, external plugins) as the client pushes them, and empty answers for what it does not know.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver/node';
import { suiteClient } from './harness.js';

const corefile = '. {\n    forward . 10.0.0.1 {\n        max_fails 2\n    }\n    proxy . 1.1.1.1\n    mine\n}\n';
const configMap = ['kind: ConfigMap', 'data:', '  Corefile: |', '    .:53 {', '        cache 30', '        log', '    }', ''].join('\n');

/** Undoes LSP's relative encoding (5 integers per token) with the announced legend. */
function decoded(tokens: SemanticTokens | null, legend: SemanticTokensLegend): string[] {
  assert.ok(tokens, 'expected an answer');
  const out: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dLine, dChar, length, type, mods] = tokens.data.slice(i, i + 5) as [number, number, number, number, number];
    line += dLine;
    character = dLine === 0 ? character + dChar : dChar;
    const names = legend.tokenModifiers.filter((_, bit) => (mods & (1 << bit)) !== 0);
    out.push(`${line}:${character} ${length} ${legend.tokenTypes[type]}[${names.join(',')}]`);
  }
  return out;
}

describe('semantic tokens over LSP', { timeout: 30_000 }, () => {
  const server = suiteClient([
    ['file:///ws/Corefile', 'corefile', corefile],
    ['file:///ws/coredns.yaml', 'yaml', configMap],
    ['file:///ws/resolv.conf', 'resolvconf', 'nameserver 10.96.0.10\noptions ndots:5\n'],
  ]);
  let legend: SemanticTokensLegend;
  before(() => {
    legend = server.initialized.capabilities.semanticTokensProvider!.legend;
  });

  test('announces full-document semantic tokens with the core\'s legend', () => {
    assert.deepEqual(server.initialized.capabilities.semanticTokensProvider, {
      legend: { tokenTypes: ['namespace', 'function', 'property', 'macro', 'variable', 'keyword'], tokenModifiers: ['defaultLibrary', 'deprecated'] },
      full: true,
    });
  });

  test('colours a Corefile by what the analysis knows', async () => {
    assert.deepEqual(decoded(await server.client.semanticTokens('file:///ws/Corefile'), legend), [
      '0:0 1 namespace[]', '1:4 7 function[defaultLibrary]', '2:8 9 property[]', '4:4 5 function[defaultLibrary,deprecated]',
    ]);
  });

  test('follows the document\'s settings: targeted release and external plugins', async () => {
    await server.client.changeSettings({ corednsVersion: '1.4.0', externalPlugins: ['mine'] });
    assert.deepEqual(decoded(await server.client.semanticTokens('file:///ws/Corefile'), legend), [
      '0:0 1 namespace[]', '1:4 7 function[defaultLibrary]', '2:8 9 property[]', '4:4 5 function[defaultLibrary]', '5:4 4 function[]',
    ]);
    await server.client.changeSettings({});
  });

  test('answers inside a ConfigMap at YAML positions', async () => {
    assert.deepEqual(decoded(await server.client.semanticTokens('file:///ws/coredns.yaml'), legend), [
      '3:4 4 namespace[]', '4:8 5 function[defaultLibrary]', '5:8 3 function[defaultLibrary]',
    ]);
  });

  test('colours resolv.conf keywords and options; nothing for a document it does not know', async () => {
    assert.deepEqual(decoded(await server.client.semanticTokens('file:///ws/resolv.conf'), legend), ['0:0 10 keyword[]', '1:0 7 keyword[]', '1:8 5 property[]']);
    assert.deepEqual((await server.client.semanticTokens('file:///ws/never-opened/Corefile'))?.data, []);
  });
});
