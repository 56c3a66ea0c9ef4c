// Document symbols, folding ranges and document links through the real language server on an in-memory
// connection: the capabilities, LSP's shapes (SymbolKind, FoldingRangeKind, file URIs), a ConfigMap
// answered in YAML positions, and empty answers for documents the server does not know.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type InitializeResult } from 'vscode-languageserver/node';
import { memoryHost } from '../../server/src/core/host.js';
import { TestClient } from './harness.js';

const corefile = '# main\n# zone\nexample.org {\n    file db.example.org\n    forward . 10.0.0.1 {\n        policy sequential\n    }\n}\n';
const configMap = 'kind: ConfigMap\ndata:\n  Corefile: |\n    .:53 {\n        cache 30\n    }\n';

describe('outline, folding and links over LSP', { timeout: 30_000 }, () => {
  let client: TestClient;
  let initialized: InitializeResult;
  before(async () => {
    client = new TestClient({ pullSettings: false, host: memoryHost({ '/ws/db.example.org': '$ORIGIN example.org.\n' }) });
    initialized = await client.initialize();
    await client.open('file:///ws/Corefile', 'corefile', corefile);
    await client.open('file:///ws/coredns.yaml', 'yaml', configMap);
    await client.open('file:///ws/resolv.conf', 'resolvconf', '# a\n# b\nnameserver 10.0.0.1\n');
  });
  after(() => client.dispose());

  test('announces the three capabilities', () => {
    assert.equal(initialized.capabilities.documentSymbolProvider, true);
    assert.equal(initialized.capabilities.foldingRangeProvider, true);
    assert.deepEqual(initialized.capabilities.documentLinkProvider, { resolveProvider: false });
  });

  test('answers hierarchical document symbols for a Corefile', async () => {
    const symbols = (await client.documentSymbols('file:///ws/Corefile')) as DocumentSymbol[];
    assert.equal(symbols.length, 1);
    const block = symbols[0]!;
    assert.equal(block.name, 'example.org');
    assert.equal(block.detail, 'example.org. · dns port 53');
    assert.equal(block.kind, SymbolKind.Namespace);
    assert.deepEqual(block.selectionRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } });
    assert.deepEqual(block.children?.map((c) => [c.name, c.detail, c.kind]), [['file', 'db.example.org', SymbolKind.Property], ['forward', '. 10.0.0.1', SymbolKind.Property]]);
    assert.deepEqual(block.children?.[1]?.children?.map((c) => [c.name, c.kind]), [['policy', SymbolKind.Field]]);
  });

  test('answers a ConfigMap with the key as the parent symbol, in YAML positions', async () => {
    const symbols = (await client.documentSymbols('file:///ws/coredns.yaml')) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => [s.name, s.kind]), [['Corefile', SymbolKind.Module]]);
    const cache = symbols[0]?.children?.[0]?.children?.[0];
    assert.equal(cache?.name, 'cache');
    assert.deepEqual(cache?.selectionRange, { start: { line: 4, character: 8 }, end: { line: 4, character: 13 } });
  });

  test('answers folding ranges with comment runs marked', async () => {
    assert.deepEqual(await client.foldingRanges('file:///ws/Corefile'), [
      { startLine: 0, endLine: 1, kind: FoldingRangeKind.Comment },
      { startLine: 2, endLine: 6 },
      { startLine: 4, endLine: 5 },
    ]);
    assert.deepEqual(await client.foldingRanges('file:///ws/coredns.yaml'), [{ startLine: 3, endLine: 4 }]);
    assert.deepEqual(await client.foldingRanges('file:///ws/resolv.conf'), [{ startLine: 0, endLine: 1, kind: FoldingRangeKind.Comment }]);
  });

  test('answers document links to the files the server\'s host finds', async () => {
    assert.deepEqual(await client.documentLinks('file:///ws/Corefile'), [
      { range: { start: { line: 3, character: 9 }, end: { line: 3, character: 23 } }, target: 'file:///ws/db.example.org', tooltip: 'zone file: /ws/db.example.org' },
    ]);
    assert.deepEqual(await client.documentLinks('file:///ws/coredns.yaml'), []);
  });

  test('answers empty for a document that is not open', async () => {
    assert.deepEqual(await client.documentSymbols('file:///ws/closed/Corefile'), []);
    assert.deepEqual(await client.foldingRanges('file:///ws/closed/Corefile'), []);
    assert.deepEqual(await client.documentLinks('file:///ws/closed/Corefile'), []);
  });
});
