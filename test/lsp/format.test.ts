// textDocument/formatting through the real language server on an in-memory connection: the capability,
// edits that turn each document into its formatted text (a ConfigMap's edits land in the YAML), and no
// edits where the formatter leaves a document as written.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { suiteClient } from './harness.js';

function applied(text: string, edits: TextEdit[] | null): string {
  assert.ok(edits, 'expected an answer');
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'x', 1, text), edits);
}

const corefile = '.:53 {\nerrors\n  forward   .  10.0.0.1\n\n\n}\n';
const configMap = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: coredns', 'data:', '  Corefile: |', '    .:53 {', '      cache 30', '    }', ''].join('\n');

describe('formatting over LSP', { timeout: 30_000 }, () => {
  const server = suiteClient([
    ['file:///ws/Corefile', 'corefile', corefile],
    ['file:///ws/coredns.yaml', 'yaml', configMap],
    ['file:///ws/broken.corefile', 'corefile', '. {\n whoami\n'],
    ['file:///ws/resolv.conf', 'resolvconf', '  nameserver 10.0.0.1  \n'],
  ]);

  test('announces document formatting, and not range formatting', () => {
    assert.equal(server.initialized.capabilities.documentFormattingProvider, true);
    assert.equal(server.initialized.capabilities.documentRangeFormattingProvider, undefined);
  });

  test('formats a Corefile with four spaces per level whatever the editor\'s tab size', async () => {
    assert.equal(applied(corefile, await server.client.format('file:///ws/Corefile')), '.:53 {\n    errors\n    forward . 10.0.0.1\n}\n');
  });

  test('formats a ConfigMap\'s Corefile with edits in the YAML', async () => {
    const edits = await server.client.format('file:///ws/coredns.yaml');
    assert.deepEqual(edits, [{ range: { start: { line: 7, character: 6 }, end: { line: 7, character: 6 } }, newText: '  ' }]);
    assert.match(applied(configMap, edits), /\n {8}cache 30\n/);
  });

  test('follows edits of the open document', async () => {
    await server.client.change('file:///ws/Corefile', 2, { text: '. {\nlog\n}\n' });
    assert.equal(applied('. {\nlog\n}\n', await server.client.format('file:///ws/Corefile')), '. {\n    log\n}\n');
  });

  test('answers no edits for a Corefile with syntax errors, for resolv.conf and for an unknown document', async () => {
    assert.deepEqual(await server.client.format('file:///ws/broken.corefile'), []);
    assert.deepEqual(await server.client.format('file:///ws/resolv.conf'), []);
    assert.deepEqual(await server.client.format('file:///ws/not-open.corefile'), []);
  });
});
