// textDocument/formatting: the core's formatter for the open document. Formatting follows the Corefile's
// own conventions (four spaces per nesting level, as CoreDNS's examples), not the editor's tab settings,
// so that every editor and `corefile fmt` produce the same text. What the formatter leaves as written
// (a Corefile with syntax errors, a folded scalar) simply gets no edits.
import type { DocumentFormattingParams, TextDocuments, TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatDocument } from '../core/features/format.js';
import { documentLanguage } from './language.js';

export function provideFormatting(params: DocumentFormattingParams, documents: TextDocuments<TextDocument>): TextEdit[] {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const language = documentLanguage(document.languageId, document.uri);
  if (language === undefined) return [];
  return formatDocument({ text: document.getText(), language }).edits.map((e) => ({ range: e.range, newText: e.newText }));
}
