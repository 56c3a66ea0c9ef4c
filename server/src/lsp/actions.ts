// textDocument/codeAction: the core's quick fixes for the findings in the requested range, each tied to
// its diagnostic. The diagnostic the editor sent is reused when it is the same finding (same code and
// range), so the editor links the fix to the squiggle it already shows.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { quickFixes } from '../core/features/actions.js';
import type { FileHost } from '../core/host.js';
import type { CoreDiagnostic, Range } from '../core/types.js';
import { toLspDiagnostic } from './convert.js';
import { requestDocument } from './request-document.js';
import type { SettingsStore } from './settings.js';
import type { WorkspaceYaml } from './workspace-yaml.js';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix];

export async function provideCodeActions(
  params: CodeActionParams,
  documents: TextDocuments<TextDocument>,
  settings: SettingsStore,
  host: FileHost,
  workspace: WorkspaceYaml,
): Promise<CodeAction[]> {
  const only = params.context.only;
  if (only !== undefined && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`))) return [];
  const at = await requestDocument(params.textDocument.uri, documents, settings, workspace);
  if (at === undefined) return [];
  const uri = params.textDocument.uri;
  return quickFixes(at.input, params.range, at.settings, host).map((fix) => {
    const action: CodeAction = {
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [sentDiagnostic(params.context.diagnostics, fix.diagnostic) ?? toLspDiagnostic(fix.diagnostic, uri)],
      edit: { changes: { [uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
    };
    if (fix.isPreferred) action.isPreferred = true;
    return action;
  });
}

function sentDiagnostic(sent: readonly Diagnostic[], finding: CoreDiagnostic): Diagnostic | undefined {
  return sent.find((d) => d.code === finding.code && sameRange(d.range, finding.range));
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
