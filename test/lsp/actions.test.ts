// textDocument/codeAction through the real language server on an in-memory connection: the capability,
// quick fixes tied to the diagnostic the server published (the editor sends it back in the context),
// edits in YAML positions for a ConfigMap, the `only` filter, and nothing where there is nothing to fix.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CodeActionKind, type CodeAction, type Command } from 'vscode-languageserver/node';
import { suiteClient } from './harness.js';

const corefile = '.:53 {\n    cach 30\n    whoami\n}\n';
const configMap = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: coredns', 'data:', '  Corefile: |', '    .:53 {', '        cache 30', '        cache 60', '    }', ''].join('\n');

function actionsOnly(list: (Command | CodeAction)[] | null): CodeAction[] {
  assert.ok(list, 'expected a list of code actions');
  return list.map((a) => {
    assert.ok('kind' in a || 'edit' in a, 'every answer is a CodeAction, not a bare command');
    return a as CodeAction;
  });
}

describe('code actions over LSP', { timeout: 30_000 }, () => {
  const server = suiteClient([
    ['file:///ws/Corefile', 'corefile', corefile],
    ['file:///ws/coredns.yaml', 'yaml', configMap],
    ['file:///ws/resolv.conf', 'resolvconf', 'serach svc.cluster.local\n'],
  ]);

  test('announces quick fixes', () => {
    assert.deepEqual(server.initialized.capabilities.codeActionProvider, { codeActionKinds: [CodeActionKind.QuickFix] });
  });

  test('a typo fix is tied to the published diagnostic and preferred', async () => {
    const published = await server.client.publication('file:///ws/Corefile', (p) => p.diagnostics.some((d) => d.code === 'core/unknown-directive'));
    const diagnostic = published.diagnostics.find((d) => d.code === 'core/unknown-directive')!;
    const actions = actionsOnly(await server.client.codeActions('file:///ws/Corefile', diagnostic.range, [diagnostic]));
    assert.equal(actions.length, 1);
    const [action] = actions;
    assert.equal(action!.title, "Change 'cach' to 'cache'");
    assert.equal(action!.kind, CodeActionKind.QuickFix);
    assert.equal(action!.isPreferred, true);
    assert.deepEqual(action!.diagnostics, [diagnostic]);
    assert.deepEqual(action!.edit, { changes: { 'file:///ws/Corefile': [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 8 } }, newText: 'cache' }] } });
  });

  test('without the diagnostic in the context, the fix carries the finding itself', async () => {
    const actions = actionsOnly(await server.client.codeActions('file:///ws/Corefile', { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }));
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.diagnostics?.[0]?.code, 'core/unknown-directive');
    assert.equal(actions[0]!.diagnostics?.[0]?.source, 'corefile-lens');
  });

  test('inside a ConfigMap the removal of a repeated line is in YAML positions', async () => {
    const actions = actionsOnly(await server.client.codeActions('file:///ws/coredns.yaml', { start: { line: 8, character: 9 }, end: { line: 8, character: 9 } }));
    assert.deepEqual(actions.map((a) => a.title), ["Remove this repeated 'cache'"]);
    assert.equal(actions[0]!.isPreferred, undefined);
    assert.deepEqual(actions[0]!.edit?.changes?.['file:///ws/coredns.yaml'], [{ range: { start: { line: 8, character: 4 }, end: { line: 9, character: 4 } }, newText: '' }]);
  });

  test('resolv.conf keyword typo', async () => {
    const actions = actionsOnly(await server.client.codeActions('file:///ws/resolv.conf', { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } }));
    assert.deepEqual(actions.map((a) => a.title), ["Change 'serach' to 'search'"]);
  });

  test('a request for other kinds only gets nothing', async () => {
    const actions = await server.client.codeActions('file:///ws/Corefile', { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, [], [CodeActionKind.Refactor]);
    assert.deepEqual(actions, []);
  });

  test('a line with nothing to fix, and a document that is not open, get nothing', async () => {
    assert.deepEqual(await server.client.codeActions('file:///ws/Corefile', { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } }), []);
    assert.deepEqual(await server.client.codeActions('file:///ws/missing/Corefile', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), []);
  });
});
