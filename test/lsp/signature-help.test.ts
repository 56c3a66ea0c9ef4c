// textDocument/signatureHelp through the real language server on an in-memory connection: the capability,
// the syntax forms with their parameters as label offsets, the named parameter (or an index past the
// parameters where the notation leaves it open), a ConfigMap, and null where there is nothing to show.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver/node';
import { suiteClient } from './harness.js';

const corefile = '.:53 {\n    forward . 10.0.0.1\n    cache 30\n}\n';
const configMap = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: coredns', 'data:', '  Corefile: |', '    .:53 {', '        forward . 10.0.0.1', '    }', ''].join('\n');

describe('signature help over LSP', { timeout: 30_000 }, () => {
  const server = suiteClient([
    ['file:///ws/Corefile', 'corefile', corefile],
    ['file:///ws/coredns.yaml', 'yaml', configMap],
    ['file:///ws/resolv.conf', 'resolvconf', 'options ndots:5\n'],
  ]);

  test('announces signature help, asked for by a space', () => {
    assert.deepEqual(server.initialized.capabilities.signatureHelpProvider, { triggerCharacters: [' '] });
  });

  test('names the upstream parameter of forward, with the directive summary', async () => {
    const help = await server.client.signatureHelp('file:///ws/Corefile', 1, 14);
    assert.ok(help);
    const signature = help.signatures[help.activeSignature ?? 0]!;
    assert.equal(signature.label, 'forward FROM TO...');
    assert.deepEqual(signature.parameters?.map((p) => p.label), [[8, 12], [13, 18]]);
    assert.equal(help.activeParameter, 1);
    assert.match((signature.documentation as MarkupContent).value, /Sends queries for a zone to upstream resolvers/);
  });

  test('names no parameter where the notation leaves it open', async () => {
    const help = await server.client.signatureHelp('file:///ws/Corefile', 2, 10);
    assert.ok(help);
    const signature = help.signatures[help.activeSignature ?? 0]!;
    assert.equal(signature.label, 'cache [TTL] [ZONES...]');
    assert.equal(help.activeParameter, signature.parameters?.length);
  });

  test('answers inside a ConfigMap', async () => {
    const help = await server.client.signatureHelp('file:///ws/coredns.yaml', 7, 18);
    assert.equal(help?.signatures[help.activeSignature ?? 0]?.label, 'forward FROM TO...');
    assert.equal(help?.activeParameter, 1);
  });

  test('answers null in resolv.conf and on a line with nothing to show', async () => {
    assert.equal(await server.client.signatureHelp('file:///ws/resolv.conf', 0, 8), null);
    assert.equal(await server.client.signatureHelp('file:///ws/Corefile', 0, 3), null);
  });
});
