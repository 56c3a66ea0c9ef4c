// textDocument/documentSymbol: the core's outline of the open document as LSP's hierarchical
// DocumentSymbol, with the document's settings (environment values fill placeholders in block keys).
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSymbols, type OutlineKind, type OutlineSymbol } from '../core/features/symbols.js';
import { documentLanguage, pathOfUri } from './language.js';
import type { SettingsStore } from './settings.js';

const KINDS: Record<OutlineKind, SymbolKind> = {
  namespace: SymbolKind.Namespace,
  function: SymbolKind.Function,
  file: SymbolKind.File,
  property: SymbolKind.Property,
  field: SymbolKind.Field,
  module: SymbolKind.Module,
};

export async function provideDocumentSymbols(params: DocumentSymbolParams, documents: TextDocuments<TextDocument>, settings: SettingsStore): Promise<DocumentSymbol[]> {
  const uri = params.textDocument.uri;
  const document = documents.get(uri);
  if (!document) return [];
  const language = documentLanguage(document.languageId, uri);
  if (language === undefined) return [];
  const documentSettings = await settings.forDocument(uri);
  // The text is read after the settings arrive, so the outline matches what the editor shows now.
  const current = documents.get(uri) ?? document;
  return documentSymbols({ uri, path: pathOfUri(uri), text: current.getText(), language }, documentSettings).map(toLsp);
}

function toLsp(s: OutlineSymbol): DocumentSymbol {
  return {
    name: s.name,
    ...(s.detail !== '' ? { detail: s.detail } : {}),
    kind: KINDS[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toLsp),
  };
}
