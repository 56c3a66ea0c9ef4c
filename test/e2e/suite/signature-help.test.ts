// Runs inside VS Code's extension host: the signature help VS Code collects through the command the editor
// itself uses when a space is typed, on the fixture Corefile's forward line and on an option line of its
// block, so what a person sees in the parameter hints is checked in the real editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The signature help at a position once the language client has started (before that there is none). */
async function signatureHelpWhenReady(uri: vscode.Uri, position: vscode.Position): Promise<vscode.SignatureHelp> {
  const giveUpAt = Date.now() + 30_000;
  for (;;) {
    const help = await vscode.commands.executeCommand<vscode.SignatureHelp | undefined>('vscode.executeSignatureHelpProvider', uri, position, ' ');
    if (help !== undefined && help.signatures.length > 0) return help;
    if (Date.now() > giveUpAt) throw new Error('no signature help within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function activeParameterText(help: vscode.SignatureHelp): string | undefined {
  const signature = help.signatures[help.activeSignature]!;
  const parameter = signature.parameters[help.activeParameter];
  if (parameter === undefined) return undefined;
  return typeof parameter.label === 'string' ? parameter.label : signature.label.slice(parameter.label[0], parameter.label[1]);
}

describe('Signature help in a real VS Code', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows forward\'s syntax with the upstream parameter named, and an option\'s syntax in its block', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the fixture workspace test/e2e/workspace must be open');
    const uri = vscode.Uri.joinPath(folder.uri, 'Corefile');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // `    forward . 1.1.1.1 8.8.8.8 {`: the cursor at the first upstream.
    const forward = await signatureHelpWhenReady(uri, new vscode.Position(13, 14));
    assert.equal(forward.signatures[forward.activeSignature]?.label, 'forward FROM TO...');
    assert.equal(activeParameterText(forward), 'TO...');
    // `        max_concurrent 1000`: the option's own syntax.
    const option = await signatureHelpWhenReady(uri, new vscode.Position(14, 23));
    assert.equal(option.signatures[option.activeSignature]?.label, 'max_concurrent INTEGER');
    assert.equal(activeParameterText(option), 'INTEGER');
  });
});
