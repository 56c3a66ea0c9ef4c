// textDocument/hover through the real language server on an in-memory connection: the capability, the
// Markdown answer and its range for each language (a ConfigMap's range is in the YAML), the document's
// settings, and null where there is nothing to say.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MarkupKind, type Hover, type MarkupContent } from 'vscode-languageserver/node';
import { suiteClient } from './harness.js';

function markdownOf(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, MarkupKind.Markdown);
  return contents.value;
}

const corefile = '.:53 {\n    forward . 10.0.0.1\n    shed\n}\n';
const configMap = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: coredns',
  'data:',
  '  Corefile: |',
  '    .:53 {',
  '        cache 30',
  '    }',
  '',
].join('\n');

describe('hover over LSP', { timeout: 30_000 }, () => {
  const server = suiteClient([
    ['file:///ws/Corefile', 'corefile', corefile],
    ['file:///ws/coredns.yaml', 'yaml', configMap],
    ['file:///ws/resolv.conf', 'resolvconf', 'options ndots:5\n'],
    ['file:///ws/other/Corefile', 'plaintext', corefile],
  ]);

  test('announces the hover capability', () => {
    assert.equal(server.initialized.capabilities.hoverProvider, true);
  });

  test('answers a directive in a Corefile with Markdown and the directive\'s range', async () => {
    const hover = await server.client.hover('file:///ws/Corefile', 1, 6);
    assert.match(markdownOf(hover), /\*\*forward\*\* — CoreDNS plugin/);
    assert.match(markdownOf(hover), /Runs 53rd of 60; Corefile order does not matter\./);
    assert.deepEqual(hover?.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 11 } });
  });

  test('answers inside a ConfigMap with the range in the YAML file', async () => {
    const hover = await server.client.hover('file:///ws/coredns.yaml', 7, 10);
    assert.match(markdownOf(hover), /\*\*cache\*\* — CoreDNS plugin/);
    assert.deepEqual(hover?.range, { start: { line: 7, character: 8 }, end: { line: 7, character: 13 } });
  });

  test('answers in resolv.conf', async () => {
    const hover = await server.client.hover('file:///ws/resolv.conf', 0, 10);
    assert.match(markdownOf(hover), /\*\*ndots\*\* — resolv\.conf option/);
    assert.deepEqual(hover?.range, { start: { line: 0, character: 8 }, end: { line: 0, character: 15 } });
  });

  test('knows a Corefile by its name when the editor calls it plain text', async () => {
    const hover = await server.client.hover('file:///ws/other/Corefile', 1, 6);
    assert.match(markdownOf(hover), /\*\*forward\*\*/);
  });

  test('follows the targeted CoreDNS release from the settings', async () => {
    assert.match(markdownOf(await server.client.hover('file:///ws/Corefile', 2, 5)), /Available in the targeted CoreDNS 1\.14\.7/);
    await server.client.changeSettings({ corednsVersion: '1.14.0' });
    assert.match(markdownOf(await server.client.hover('file:///ws/Corefile', 2, 5)), /Not in the targeted CoreDNS 1\.14\.0\*\*: it first appeared in 1\.14\.7/);
    await server.client.changeSettings({});
  });

  test('answers null where there is nothing to say, and for a document it does not know', async () => {
    assert.equal(await server.client.hover('file:///ws/Corefile', 1, 1), null);
    assert.equal(await server.client.hover('file:///ws/coredns.yaml', 3, 4), null);
    assert.equal(await server.client.hover('file:///ws/never-opened/Corefile', 0, 0), null);
  });
});
