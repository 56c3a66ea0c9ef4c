// Runs inside VS Code's extension host, against the real editor API, with the fixture workspace
// test/e2e/workspace open. Documents are edited in memory and reverted, never saved.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostic, diagnosticCode, isError, waitForDiagnostics, waitUntil } from './vscodeWait';

const EXTENSION_ID = 'corefile-lens.corefile-lens';

function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace test/e2e/workspace must be open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixture(name));
  return vscode.window.showTextDocument(document);
}

/** Puts an unknown directive into the first server block, waits for its error, then reverts the file. */
async function breakAndRevert(editor: vscode.TextEditor): Promise<void> {
  const uri = editor.document.uri;
  const blockLine = editor.document.getText().split('\n').findIndex((line) => line.trimEnd().endsWith('{'));
  assert.ok(blockLine >= 0, 'the fixture needs a server block');
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(blockLine + 1, 0), '    nosuchplugin\n');
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
  const broken = await waitForDiagnostics(uri, (all) => all.some((d) => isError(d) && d.range.start.line === blockLine + 1),
    'an error for the unknown directive `nosuchplugin`');
  const error = broken.find((d) => isError(d) && d.range.start.line === blockLine + 1);
  assert.ok(error && diagnosticCode(error), 'the unknown-directive error has a code');

  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitForDiagnostics(uri, (all) => !all.some(isError), 'the errors to go once the file is reverted');
  assert.equal(editor.document.isDirty, false);
}

describe('Corefile Lens in a real VS Code', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a Corefile as the corefile language, which activates the extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded from the development path`);
    const editor = await open('Corefile');
    assert.equal(editor.document.languageId, 'corefile');
    await waitUntil(() => extension.isActive, 'the extension is active after a Corefile opened');
  });

  it('reports an error with a code and a message for a server block that is never closed', async () => {
    const editor = await open('broken.corefile');
    assert.equal(editor.document.languageId, 'corefile');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (all) => all.some(isError), 'an error');
    const errors = diagnostics.filter(isError);
    const unclosed = errors.find((d) => diagnosticCode(d) === 'syntax/unclosed-block');
    assert.ok(unclosed, `a syntax/unclosed-block error; got ${JSON.stringify(diagnostics.map(describeDiagnostic))}`);
    assert.ok(unclosed.message.trim().length > 0, 'the message is not empty');
    // The error points at the `{` that is never closed: line 2, after `example.org `.
    assert.deepEqual([unclosed.range.start.line, unclosed.range.start.character], [1, 12], describeDiagnostic(unclosed));
  });

  it('reports no errors for a valid Corefile, and takes an error back when the edit causing it is reverted', async () => {
    const editor = await open('Corefile');
    await breakAndRevert(editor);
  });

  it('follows the corefileLens.externalPlugins setting', async () => {
    const editor = await open('Corefile');
    const uri = editor.document.uri;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(2, 0), '    mycustomplugin\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(uri, (all) => all.some((d) => isError(d) && d.range.start.line === 2),
      'an unknown-directive error for `mycustomplugin`');
    const settings = vscode.workspace.getConfiguration('corefileLens');
    try {
      await settings.update('externalPlugins', ['mycustomplugin'], vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(uri, (all) => !all.some(isError), 'the error to go once `mycustomplugin` is declared');
    } finally {
      await settings.update('externalPlugins', undefined, vscode.ConfigurationTarget.Global);
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('restarts the language server on command, which then analyses edits again', async () => {
    await vscode.commands.executeCommand('corefileLens.restartServer');
    const editor = await open('Corefile');
    await breakAndRevert(editor);
  });

  it('opens resolv.conf as the resolvconf language', async () => {
    const editor = await open('resolv.conf');
    assert.equal(editor.document.languageId, 'resolvconf');
  });
});
