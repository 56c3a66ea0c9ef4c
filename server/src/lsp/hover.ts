// textDocument/hover: the core's hover for the open document, with the document's own settings (target
// CoreDNS release, env values, resolver), turned into LSP's Markdown hover.
import { MarkupKind, type Hover, type HoverParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt } from '../core/features/hover.js';
import type { FileHost } from '../core/host.js';
import { documentLanguage, pathOfUri } from './language.js';
import type { SettingsStore } from './settings.js';

export async function provideHover(params: HoverParams, documents: TextDocuments<TextDocument>, settings: SettingsStore, host: FileHost): Promise<Hover | null> {
  const uri = params.textDocument.uri;
  const document = documents.get(uri);
  if (!document) return null;
  const language = documentLanguage(document.languageId, uri);
  if (language === undefined) return null;
  const documentSettings = await settings.forDocument(uri);
  // The text is read after the settings arrive, so the hover matches what the editor shows now.
  const current = documents.get(uri) ?? document;
  const hover = hoverAt({ uri, path: pathOfUri(uri), text: current.getText(), language }, params.position, documentSettings, host);
  if (hover === undefined) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range };
}
