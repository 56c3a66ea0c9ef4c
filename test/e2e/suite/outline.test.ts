// Runs inside VS Code's extension host: the Outline's symbols and the folding ranges VS Code collects
// for the Corefile fixture and the ConfigMap fixture, through the same commands the editor's Outline
// view and folding use.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

type OutlineItem = vscode.DocumentSymbol & vscode.SymbolInformation;

async function openFixture(name: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace test/e2e/workspace must be open');
  const uri = vscode.Uri.joinPath(folder.uri, name);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return uri;
}

/**
 * Repeats a provider command until it returns something: until the language client has started, VS Code
 * has no provider of ours and answers with nothing.
 */
async function whenReady<T>(command: string, uri: vscode.Uri): Promise<T[]> {
  const giveUpAt = Date.now() + 30_000;
  for (;;) {
    const result = (await vscode.commands.executeCommand<T[] | undefined>(command, uri)) ?? [];
    if (result.length > 0 || Date.now() > giveUpAt) return result;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const folds = (ranges: vscode.FoldingRange[]): string[] =>
  [...ranges].sort((a, b) => a.start - b.start).map((r) => `${r.start}-${r.end}${r.kind === vscode.FoldingRangeKind.Comment ? ' comment' : ''}`);

const KUBEADM_DIRECTIVES = ['errors', 'health', 'ready', 'kubernetes', 'prometheus', 'forward', 'cache', 'loop', 'reload', 'loadbalance'];

describe('Outline and folding in a real VS Code', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the Corefile\'s server block with its directives and their options in the Outline', async () => {
    const uri = await openFixture('Corefile');
    const symbols = await whenReady<OutlineItem>('vscode.executeDocumentSymbolProvider', uri);
    assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.kind]), [['.:53', '. · dns port 53', vscode.SymbolKind.Namespace]]);
    const block = symbols[0]!;
    assert.deepEqual(block.children.map((c) => c.name), KUBEADM_DIRECTIVES);
    const kubernetes = block.children.find((c) => c.name === 'kubernetes');
    assert.equal(kubernetes?.detail, 'cluster.local in-addr.arpa ip6.arpa');
    assert.deepEqual(kubernetes?.children.map((c) => c.name), ['pods', 'fallthrough', 'ttl']);
    assert.equal(kubernetes?.selectionRange.start.line, 7);
  });

  it('folds the Corefile\'s blocks by their braces', async () => {
    const uri = await openFixture('Corefile');
    const ranges = await whenReady<vscode.FoldingRange>('vscode.executeFoldingRangeProvider', uri);
    assert.deepEqual(folds(ranges), ['1-19', '3-4', '7-10', '13-14']);
  });

  it('shows a ConfigMap\'s Corefile key holding the embedded outline, at its YAML lines', async () => {
    const uri = await openFixture('coredns-configmap.yaml');
    const symbols = await whenReady<OutlineItem>('vscode.executeDocumentSymbolProvider', uri);
    const key = symbols.find((s) => s.name === 'Corefile');
    assert.ok(key, `the Outline has the Corefile key; it has ${JSON.stringify(symbols.map((s) => s.name))}`);
    assert.equal(key.selectionRange.start.line, 9);
    const block = key.children[0];
    assert.equal(block?.name, '.:53');
    assert.equal(block?.selectionRange.start.line, 10);
    assert.deepEqual(block?.children.map((c) => c.name), [...KUBEADM_DIRECTIVES, 'cache']);
    assert.deepEqual(block?.children.find((c) => c.name === 'kubernetes')?.selectionRange.start, new vscode.Position(16, 8));
  });

  it('folds the embedded Corefile\'s blocks at their YAML lines', async () => {
    const uri = await openFixture('coredns-configmap.yaml');
    const ranges = await whenReady<vscode.FoldingRange>('vscode.executeFoldingRangeProvider', uri);
    assert.deepEqual(folds(ranges), ['10-27', '12-13', '16-19']);
  });
});
