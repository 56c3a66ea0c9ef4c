// textDocument/inlayHint: the core's hints for the requested range of the open document, with the
// document's own settings (whether execution-order hints are wanted, env values), as LSP inlay hints.
import { MarkupKind, type InlayHint, type InlayHintParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { inlayHints } from '../core/features/inlay-hints.js';
import type { FileHost } from '../core/host.js';
import { requestDocument } from './request-document.js';
import type { SettingsStore } from './settings.js';

export async function provideInlayHints(params: InlayHintParams, documents: TextDocuments<TextDocument>, settings: SettingsStore, host: FileHost): Promise<InlayHint[]> {
  const at = await requestDocument(params.textDocument.uri, documents, settings);
  if (at === undefined) return [];
  return inlayHints(at.input, params.range, at.settings, host).map((hint) => ({
    position: hint.position,
    label: hint.label,
    tooltip: { kind: MarkupKind.Markdown, value: hint.tooltip },
    // A `:53` label completes the key it follows, so it sits against it; every other label is a note, set apart.
    paddingLeft: !hint.label.startsWith(':'),
  }));
}
