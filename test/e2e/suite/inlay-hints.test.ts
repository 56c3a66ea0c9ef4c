// Runs inside VS Code's extension host: the inlay hints VS Code collects for the Corefile fixture through
// the command the editor itself uses, so the labels a person sees after each directive are checked in
// the real editor: the run order of the kubeadm block and `setup` for the directives that never see a query.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const labelOf = (hint: vscode.InlayHint): string => (typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join(''));

describe('Inlay hints in a real VS Code', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('labels each directive of the Corefile with its place in plugin.cfg order', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the fixture workspace test/e2e/workspace must be open');
    const uri = vscode.Uri.joinPath(folder.uri, 'Corefile');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const range = new vscode.Range(0, 0, document.lineCount, 0);
    // Until the language client has started, VS Code has no provider of ours and answers with nothing.
    let hints: vscode.InlayHint[] = [];
    const giveUpAt = Date.now() + 30_000;
    while (hints.length === 0 && Date.now() < giveUpAt) {
      hints = (await vscode.commands.executeCommand<vscode.InlayHint[] | undefined>('vscode.executeInlayHintProvider', uri, range)) ?? [];
      if (hints.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const seen = hints.map((h) => `${h.position.line}:${h.position.character} ${labelOf(h)}`);
    assert.deepEqual(seen, [
      '2:10 #2', '3:10 setup', '6:9 setup', '7:14 #5', '12:14 #1', '13:11 #7', '16:9 #4', '17:8 #6', '18:10 setup', '19:15 #3',
    ]);
    const forward = hints.find((h) => labelOf(h) === '#7');
    const tooltip = forward?.tooltip instanceof vscode.MarkdownString ? forward.tooltip.value : String(forward?.tooltip);
    assert.match(tooltip, /Runs 7th of 7 in this block\./);
  });
});
