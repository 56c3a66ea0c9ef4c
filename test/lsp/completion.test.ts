// textDocument/completion through the real language server on an in-memory connection: the capability
// and its trigger characters, items with snippet text edits in a Corefile, a ConfigMap (the edit's range
// in the YAML) and a resolv.conf, the document's settings, and null where nothing fits.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type MarkupContent, type TextEdit } from 'vscode-languageserver/node';
import { clientWith, suiteClient } from './harness.js';

function itemsOf(result: CompletionList | CompletionItem[] | null): CompletionItem[] {
  assert.ok(result, 'expected a completion list');
  return Array.isArray(result) ? result : result.items;
}

function item(result: CompletionList | CompletionItem[] | null, label: string): CompletionItem {
  const found = itemsOf(result).find((i) => i.label === label);
  assert.ok(found, `expected an item ${label}`);
  return found;
}

const corefile = '.:53 {\n    cache 30\n    fo\n}\n';
const configMap = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: coredns', 'data:', '  Corefile: |', '    .:53 {', '        kubernetes cluster.local {', '            po', '        }', '    }', ''].join('\n');

describe('completion over LSP', { timeout: 30_000 }, () => {
  const server = suiteClient([
    ['file:///ws/Corefile', 'corefile', corefile],
    ['file:///ws/coredns.yaml', 'yaml', configMap],
    ['file:///ws/resolv.conf', 'resolvconf', 'options \n'],
  ]);

  test('announces completion with a space and $ as trigger characters', () => {
    assert.deepEqual(server.initialized.capabilities.completionProvider, { triggerCharacters: [' ', '$'] });
  });

  test('offers directives in a Corefile as snippets replacing the typed word', async () => {
    const result = await server.client.completion('file:///ws/Corefile', 2, 6);
    const forward = item(result, 'forward');
    assert.equal(forward.kind, CompletionItemKind.Module);
    assert.equal(forward.insertTextFormat, InsertTextFormat.Snippet);
    assert.deepEqual(forward.textEdit, { range: { start: { line: 2, character: 4 }, end: { line: 2, character: 6 } }, newText: 'forward ${1:FROM} ${2:TO}' });
    assert.equal((forward.documentation as MarkupContent).kind, MarkupKind.Markdown);
    assert.ok(forward.detail && forward.detail.length > 0);
    assert.ok(!itemsOf(result).some((i) => i.label === 'cache'), 'cache is already in the block');
  });

  test('offers options inside a ConfigMap with the edit range in the YAML', async () => {
    const pods = item(await server.client.completion('file:///ws/coredns.yaml', 8, 14), 'pods');
    assert.equal(pods.kind, CompletionItemKind.Property);
    assert.deepEqual((pods.textEdit as TextEdit).range, { start: { line: 8, character: 12 }, end: { line: 8, character: 14 } });
    assert.equal((pods.textEdit as TextEdit).newText, 'pods ${1|disabled,insecure,verified|}');
  });

  test('answers a space after options in resolv.conf, and nothing for a space elsewhere', async () => {
    assert.ok(item(await server.client.completion('file:///ws/resolv.conf', 0, 8, ' '), 'ndots:'));
    assert.equal(await server.client.completion('file:///ws/Corefile', 1, 10, ' '), null);
  });

  test('follows the targeted CoreDNS release and the external plugins from the settings', async () => {
    assert.ok(item(await server.client.completion('file:///ws/Corefile', 2, 6), 'https'));
    await server.client.changeSettings({ corednsVersion: '1.13.0', externalPlugins: ['alternate'] });
    const older = itemsOf(await server.client.completion('file:///ws/Corefile', 2, 6)).map((i) => i.label);
    assert.ok(!older.includes('https'), 'https arrived in 1.14.0');
    assert.ok(older.includes('alternate'));
    await server.client.changeSettings({});
  });

  test('answers null at a position where nothing fits and for unknown documents', async () => {
    assert.equal(await server.client.completion('file:///ws/Corefile', 1, 10), null);
    assert.equal(await server.client.completion('file:///ws/none', 0, 0), null);
  });
});

test('a client without snippet support gets the plain text, never snippet syntax', async () => {
  const { client } = await clientWith([['file:///ws/Corefile', 'corefile', corefile]], { snippetSupport: false });
  try {
    const result = await client.completion('file:///ws/Corefile', 2, 6);
    const forward = item(result, 'forward');
    assert.equal(forward.insertTextFormat, InsertTextFormat.PlainText);
    assert.deepEqual(forward.textEdit, { range: { start: { line: 2, character: 4 }, end: { line: 2, character: 6 } }, newText: 'forward' });
    assert.ok(itemsOf(result).every((i) => !(i.textEdit as TextEdit).newText.includes('${')), 'no placeholder syntax anywhere');
  } finally {
    await client.dispose();
  }
});
