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

/** The text of every hover the editor collects at a position (ours and any other extension's). */
async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; ranges: vscode.Range[] }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  return { text, ranges: hovers.flatMap((h) => (h.range ? [h.range] : [])) };
}

/**
 * The hover at a position once the language server answers: until the client has started, the editor has
 * no hover provider of ours and returns nothing, so the request is repeated until text arrives.
 */
async function hoverWhenReady(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; ranges: vscode.Range[] }> {
  let hover = await hoverAt(uri, position);
  const giveUpAt = Date.now() + 30_000;
  while (hover.text === '' && Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    hover = await hoverAt(uri, position);
  }
  return hover;
}

/** Line and column of the first occurrence of `word` on the first line whose trimmed text starts with `lineStart`. */
function find(document: vscode.TextDocument, lineStart: string, word: string): vscode.Range {
  const line = document.getText().split('\n').findIndex((l) => l.trim().startsWith(lineStart));
  assert.ok(line >= 0, `the fixture has a line starting with ${lineStart}`);
  const character = document.lineAt(line).text.indexOf(word);
  return new vscode.Range(line, character, line, character + word.length);
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

  it('shows a hover with the plugin\'s documentation and execution order over a directive of a Corefile', async () => {
    const editor = await open('Corefile');
    const word = find(editor.document, 'kubernetes', 'kubernetes');
    const hover = await hoverWhenReady(editor.document.uri, word.start.translate(0, 3));
    assert.match(hover.text, /\*\*kubernetes\*\* — CoreDNS plugin/);
    assert.match(hover.text, /Runs 47th of 60; Corefile order does not matter\./);
    assert.ok(hover.ranges.some((r) => r.isEqual(word)), `the hover covers \`kubernetes\` (${JSON.stringify(hover.ranges)})`);
  });

  it('checks the Corefile inside a ConfigMap: the error at its YAML line, and hover over its directives', async () => {
    const editor = await open('coredns-configmap.yaml');
    const document = editor.document;
    // VS Code's built-in YAML language names .yaml files `yaml`, which the client's document selector includes.
    assert.equal(document.languageId, 'yaml');
    const second = find(document, 'cache 60', 'cache');
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some(isError), 'the error for the second `cache`');
    const errors = diagnostics.filter(isError);
    assert.equal(errors.length, 1, JSON.stringify(diagnostics.map(describeDiagnostic)));
    assert.equal(diagnosticCode(errors[0]!), 'core/once-per-block');
    assert.ok(errors[0]!.range.isEqual(second), `the error covers \`cache\` on YAML line ${second.start.line + 1}: ${describeDiagnostic(errors[0]!)}`);

    const forward = find(document, 'forward', 'forward');
    const hover = await hoverWhenReady(document.uri, forward.start.translate(0, 2));
    assert.match(hover.text, /\*\*forward\*\* — CoreDNS plugin/);
    assert.match(hover.text, /Runs 53rd of 60; Corefile order does not matter\./);
    assert.ok(hover.ranges.some((r) => r.isEqual(forward)), `the hover covers \`forward\` in the YAML (${JSON.stringify(hover.ranges)})`);

    const lameduck = find(document, 'lameduck', 'lameduck');
    const option = await hoverAt(document.uri, lameduck.start.translate(0, 1));
    assert.match(option.text, /\*\*lameduck\*\* — option of `health`/);
  });

  it('opens resolv.conf as the resolvconf language', async () => {
    const editor = await open('resolv.conf');
    assert.equal(editor.document.languageId, 'resolvconf');
  });
});
