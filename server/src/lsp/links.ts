// textDocument/documentLink: the core's file links of the open document, resolved through the server's
// FileHost, with the document's settings (environment values decide paths written with placeholders).
import type { DocumentLink, DocumentLinkParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentLinks } from '../core/features/links.js';
import type { FileHost } from '../core/host.js';
import { documentLanguage, pathOfUri } from './language.js';
import type { SettingsStore } from './settings.js';

export async function provideDocumentLinks(params: DocumentLinkParams, documents: TextDocuments<TextDocument>, settings: SettingsStore, host: FileHost): Promise<DocumentLink[]> {
  const uri = params.textDocument.uri;
  const document = documents.get(uri);
  if (!document) return [];
  const language = documentLanguage(document.languageId, uri);
  if (language === undefined) return [];
  const documentSettings = await settings.forDocument(uri);
  // The text is read after the settings arrive, so the links match what the editor shows now.
  const current = documents.get(uri) ?? document;
  const input = { uri, path: pathOfUri(uri), text: current.getText(), language };
  return documentLinks(input, documentSettings, host).map((l) => ({ range: l.range, target: l.target, tooltip: l.tooltip }));
}
