// Quick fixes in a real VS Code: the editor asks the language server for code actions at a misspelt
// directive, gets the fix tied to the diagnostic it shows, applies the fix's edit, and a revert brings
// the fixture back. Nothing is saved.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForDiagnostics, waitUntil } from './vscodeWait';

const FIXTURE = 'quickfix.corefile';

function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace test/e2e/workspace must be open');
  return vscode.Uri.joinPath(folder.uri, name);
}

describe('Quick fixes in a real VS Code', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers and applies the fix for an unknown directive, and a revert restores the file', async () => {
    const document = await vscode.workspace.openTextDocument(fixture(FIXTURE));
    assert.equal(document.languageId, 'corefile');
    const original = document.getText();
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some((d) => codeOf(d) === 'core/unknown-directive'), 'the unknown-directive error');
    const typo = diagnostics.find((d) => codeOf(d) === 'core/unknown-directive')!;
    assert.equal(document.getText(typo.range), 'cach');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, typo.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === "Change 'cach' to 'cache'");
    assert.ok(fix, `the fix is offered; got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.isPreferred, true);
    // The API command returns the action without its diagnostics; the tie is checked in test/lsp/actions.test.ts.
    assert.ok(fix.edit, 'the fix carries its edit');

    try {
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
      assert.equal(document.getText(), original.replace('    cach 30', '    cache 30'));
      await waitForDiagnostics(document.uri, (all) => !all.some((d) => codeOf(d) === 'core/unknown-directive'), 'the error to go away');
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitUntil(() => document.getText() === original, 'the revert to restore the fixture').catch(() => undefined);
    assert.equal(document.getText(), original);
    assert.equal(document.isDirty, false);
  });
});

function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}
