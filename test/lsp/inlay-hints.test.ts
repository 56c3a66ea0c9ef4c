// textDocument/inlayHint through the real language server on an in-memory connection: the capability, the
// labels and their positions for a Corefile and a ConfigMap (positions in the YAML), the requested range,
// the Markdown tooltip, the `inlayHints.executionOrder` setting as VS Code sends it (a nested object,
// pulled with workspace/configuration), and nothing for resolv.conf or a document it does not know.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MarkupKind, type InlayHint, type MarkupContent, type Range } from 'vscode-languageserver/node';
import { suiteClient } from './harness.js';

const corefile = '. {\n    forward . 10.0.0.1\n    errors\n    health\n}\n';
const configMap = ['kind: ConfigMap', 'data:', '  Corefile: |', '    .:53 {', '        cache 30', '        log', '    }', ''].join('\n');
const everything: Range = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

function rendered(hints: InlayHint[] | null): string[] {
  assert.ok(hints, 'expected an answer');
  return hints.map((h) => `${h.position.line}:${h.position.character} ${String(h.label)}${h.paddingLeft === true ? ' (padded)' : ''}`);
}

describe('inlay hints over LSP', { timeout: 30_000 }, () => {
  const server = suiteClient([
    ['file:///ws/Corefile', 'corefile', corefile],
    ['file:///ws/coredns.yaml', 'yaml', configMap],
    ['file:///ws/resolv.conf', 'resolvconf', 'nameserver 10.96.0.10\n'],
  ], { pullSettings: true });

  test('announces the inlay hint capability', () => {
    assert.deepEqual(server.initialized.capabilities.inlayHintProvider, { resolveProvider: false });
  });

  test('labels a Corefile\'s directives with their run order and its key with the default port', async () => {
    assert.deepEqual(rendered(await server.client.inlayHints('file:///ws/Corefile', everything)), [
      '0:1 :53', '1:11 #2 (padded)', '2:10 #1 (padded)', '3:10 setup (padded)',
    ]);
  });

  test('gives a Markdown tooltip that names the block\'s run order', async () => {
    const hints = await server.client.inlayHints('file:///ws/Corefile', everything);
    const tooltip = hints?.find((h) => h.label === '#2')?.tooltip as MarkupContent | undefined;
    assert.equal(tooltip?.kind, MarkupKind.Markdown);
    assert.match(tooltip?.value ?? '', /plugin\.cfg order: `errors`, `forward`\./);
  });

  test('answers only for the requested range', async () => {
    const range: Range = { start: { line: 2, character: 0 }, end: { line: 2, character: 20 } };
    assert.deepEqual(rendered(await server.client.inlayHints('file:///ws/Corefile', range)), ['2:10 #1 (padded)']);
  });

  test('answers inside a ConfigMap at YAML positions', async () => {
    assert.deepEqual(rendered(await server.client.inlayHints('file:///ws/coredns.yaml', everything)), ['4:13 #2 (padded)', '5:11 #1 (padded)']);
  });

  test('follows corefileLens.inlayHints.executionOrder', async () => {
    await server.client.changeSettings({ inlayHints: { executionOrder: false } });
    assert.deepEqual(rendered(await server.client.inlayHints('file:///ws/Corefile', everything)), ['0:1 :53']);
    await server.client.changeSettings({});
    assert.equal((await server.client.inlayHints('file:///ws/Corefile', everything))?.length, 4);
  });

  test('answers nothing for resolv.conf or a document it does not know', async () => {
    assert.deepEqual(await server.client.inlayHints('file:///ws/resolv.conf', everything), []);
    assert.deepEqual(await server.client.inlayHints('file:///ws/never-opened/Corefile', everything), []);
  });
});
