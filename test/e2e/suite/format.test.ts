// Format Document in a real VS Code: the editor's own command formats a badly laid out Corefile through the
// language server, and reverting the file brings the fixture back. Nothing is saved.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from './vscodeWait';

const FIXTURE = 'unformatted.corefile';

const FORMATTED = [
  '# Laid out without care on purpose: the formatting test formats this file in memory and reverts it.',
  '.:53 {',
  '    errors',
  '    health {',
  '        lameduck 5s',
  '    }',
  '',
  '    forward . 10.0.0.1 # upstream',
  '    cache 30',
  '}',
  '',
].join('\n');

function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace test/e2e/workspace must be open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/**
 * The formatting edits once the language server answers: until the client has started, the editor has no
 * formatter of ours and returns nothing, so the request is repeated until edits arrive.
 */
async function formatEditsWhenReady(uri: vscode.Uri): Promise<vscode.TextEdit[]> {
  const options: vscode.FormattingOptions = { tabSize: 2, insertSpaces: true };
  const giveUpAt = Date.now() + 30_000;
  for (;;) {
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', uri, options);
    if ((edits?.length ?? 0) > 0 || Date.now() > giveUpAt) return edits ?? [];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('Formatting in a real VS Code', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('formats a badly laid out Corefile with Format Document, and a revert restores it', async () => {
    const document = await vscode.workspace.openTextDocument(fixture(FIXTURE));
    assert.equal(document.languageId, 'corefile');
    const original = document.getText();
    assert.notEqual(original, FORMATTED, 'the fixture starts out unformatted');
    await vscode.window.showTextDocument(document);

    const edits = await formatEditsWhenReady(document.uri);
    assert.ok(edits.length > 0, 'the language server offers formatting edits');

    try {
      await vscode.commands.executeCommand('editor.action.formatDocument');
      // The command may return before its edit lands; on a timeout the comparison below shows the difference.
      await waitUntil(() => document.getText() === FORMATTED, 'the document holds the formatted Corefile').catch(() => undefined);
      assert.equal(document.getText(), FORMATTED);
      assert.equal(document.isDirty, true);
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(document.getText(), original);
    assert.equal(document.isDirty, false);
  });
});
