// textDocument/documentSymbol: the core's outline of the open document as LSP's hierarchical
// DocumentSymbol, with the document's settings (environment values fill placeholders in block keys).
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSymbols, type OutlineKind, type OutlineSymbol } from '../core/features/symbols.js';
import { requestDocument } from './request-document.js';
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
  const at = await requestDocument(params.textDocument.uri, documents, settings);
  if (at === undefined) return [];
  return documentSymbols(at.input, at.settings).map(toLsp);
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
