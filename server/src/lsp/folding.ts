// textDocument/foldingRange: the core's folding regions of the open document. Folding needs no settings,
// so it answers at once from the current text.
import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { foldingRanges } from '../core/features/folding.js';
import { documentLanguage, pathOfUri } from './language.js';

export function provideFoldingRanges(params: FoldingRangeParams, documents: TextDocuments<TextDocument>): FoldingRange[] {
  const uri = params.textDocument.uri;
  const document = documents.get(uri);
  if (!document) return [];
  const language = documentLanguage(document.languageId, uri);
  if (language === undefined) return [];
  return foldingRanges({ uri, path: pathOfUri(uri), text: document.getText(), language }).map((r) => ({
    startLine: r.startLine,
    endLine: r.endLine,
    ...(r.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : {}),
  }));
}
