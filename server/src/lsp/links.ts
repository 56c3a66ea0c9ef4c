// textDocument/documentLink: the core's file links of the open document, resolved through the server's
// FileHost, with the document's settings (environment values decide paths written with placeholders).
import type { DocumentLink, DocumentLinkParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentLinks } from '../core/features/links.js';
import type { FileHost } from '../core/host.js';
import { requestDocument } from './request-document.js';
import type { SettingsStore } from './settings.js';

export async function provideDocumentLinks(params: DocumentLinkParams, documents: TextDocuments<TextDocument>, settings: SettingsStore, host: FileHost): Promise<DocumentLink[]> {
  const at = await requestDocument(params.textDocument.uri, documents, settings);
  if (at === undefined) return [];
  return documentLinks(at.input, at.settings, host).map((l) => ({ range: l.range, target: l.target, tooltip: l.tooltip }));
}
