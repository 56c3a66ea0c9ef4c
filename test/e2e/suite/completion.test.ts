// Completion in a real VS Code: the editor's completion command asks the language server at a directive
// position of a Corefile, at an option position, and inside a ConfigMap, and gets snippet items whose
// ranges are where the editor will put them (in the ConfigMap, YAML positions).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace test/e2e/workspace must be open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/**
 * The completion items at a position once the language server answers with `label`: until the client has
 * started, the editor has no completion provider of ours, so the request is repeated.
 */
async function completionsWhenReady(uri: vscode.Uri, position: vscode.Position, label: string): Promise<vscode.CompletionItem[]> {
  const giveUpAt = Date.now() + 30_000;
  for (;;) {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
    const items = list?.items ?? [];
    if (items.some((i) => labelOf(i) === label) || Date.now() > giveUpAt) return items;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function find(items: vscode.CompletionItem[], label: string): vscode.CompletionItem {
  const item = items.find((i) => labelOf(i) === label);
  assert.ok(item, `expected ${label} among ${items.map(labelOf).slice(0, 40).join(', ')}`);
  return item;
}

function rangeOf(item: vscode.CompletionItem): vscode.Range | undefined {
  const range = item.range;
  return range instanceof vscode.Range ? range : range?.replacing;
}

function lineOf(document: vscode.TextDocument, start: string): number {
  const line = document.getText().split('\n').findIndex((l) => l.trim().startsWith(start));
  assert.ok(line >= 0, `the fixture has a line starting with ${start}`);
  return line;
}

describe('Completion in a real VS Code', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('suggests directives with snippets in a Corefile, leaving out one the block already has', async () => {
    const document = await vscode.workspace.openTextDocument(fixture('completion.corefile'));
    await vscode.window.showTextDocument(document);
    const line = lineOf(document, 'forward');
    const items = await completionsWhenReady(document.uri, new vscode.Position(line, 4), 'forward');
    const forward = find(items, 'forward');
    assert.equal((forward.insertText as vscode.SnippetString).value, 'forward ${1:FROM} ${2:TO}');
    assert.equal(forward.kind, vscode.CompletionItemKind.Module);
    assert.ok(!items.some((i) => labelOf(i) === 'cache'), 'cache is once per block and already there');
    const range = rangeOf(forward);
    assert.ok(range?.isEqual(new vscode.Range(line, 4, line, 4)), `range ${JSON.stringify(range)}`);
  });

  it('suggests the options of the plugin inside its block', async () => {
    const document = await vscode.workspace.openTextDocument(fixture('completion.corefile'));
    const line = lineOf(document, 'pods');
    const items = await completionsWhenReady(document.uri, new vscode.Position(line, 10), 'pods');
    assert.equal((find(items, 'pods').insertText as vscode.SnippetString).value, 'pods ${1|disabled,insecure,verified|}');
    find(items, 'fallthrough');
  });

  it('suggests directives inside a ConfigMap, with the range in the YAML', async () => {
    const document = await vscode.workspace.openTextDocument(fixture('completion-configmap.yaml'));
    await vscode.window.showTextDocument(document);
    const line = lineOf(document, 'forward');
    const items = await completionsWhenReady(document.uri, new vscode.Position(line, 10), 'forward');
    const forward = find(items, 'forward');
    const range = rangeOf(forward);
    assert.ok(range?.isEqual(new vscode.Range(line, 8, line, 10)), `range ${JSON.stringify(range)}`);
    assert.ok(!items.some((i) => labelOf(i) === 'errors'), 'errors is once per block and already there');
  });
});
