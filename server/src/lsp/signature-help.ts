// textDocument/signatureHelp: the core's signature help for the open document, with the document's own
// settings, turned into LSP's. A space after a directive or option name asks for it.
import { MarkupKind, type SignatureHelp, type SignatureHelpParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { signatureHelpAt } from '../core/features/signature-help.js';
import type { FileHost } from '../core/host.js';
import { requestDocument } from './request-document.js';
import type { SettingsStore } from './settings.js';

export const SIGNATURE_TRIGGER_CHARACTERS = [' '];

export async function provideSignatureHelp(params: SignatureHelpParams, documents: TextDocuments<TextDocument>, settings: SettingsStore, host: FileHost): Promise<SignatureHelp | null> {
  const at = await requestDocument(params.textDocument.uri, documents, settings);
  if (at === undefined) return null;
  const help = signatureHelpAt(at.input, params.position, at.settings, host);
  if (help === undefined) return null;
  const signatures = help.signatures.map((s) => ({
    label: s.label,
    documentation: { kind: MarkupKind.Markdown, value: s.documentation },
    parameters: s.parameters.map((p) => ({
      label: [p.start, p.end] as [number, number],
      ...(p.documentation === undefined ? {} : { documentation: { kind: MarkupKind.Markdown, value: p.documentation } }),
    })),
  }));
  const active = help.signatures[help.activeSignature]!;
  // Where the notation leaves the argument's place open, no parameter is named: LSP reads an index past the
  // parameters as none (an absent one would name the first).
  return { signatures, activeSignature: help.activeSignature, activeParameter: help.activeParameter ?? active.parameters.length };
}
