// textDocument/semanticTokens/full: the core's semantic tokens of the open document, with the document's
// own settings (targeted CoreDNS release, external plugins), encoded against the legend the core declares.
// Only whole documents are answered: the tokens are cheap to compute from the shared parse.
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend, type SemanticTokensParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, semanticTokens } from '../core/features/semantic-tokens.js';
import { requestDocument } from './request-document.js';
import type { SettingsStore } from './settings.js';

/** The legend announced in the server's capabilities; token types and modifiers are sent as indexes into it. */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
};

export async function provideSemanticTokens(params: SemanticTokensParams, documents: TextDocuments<TextDocument>, settings: SettingsStore): Promise<SemanticTokens> {
  const at = await requestDocument(params.textDocument.uri, documents, settings);
  const builder = new SemanticTokensBuilder();
  if (at === undefined) return builder.build();
  for (const token of semanticTokens(at.input, at.settings)) {
    const modifiers = token.modifiers.reduce((bits, m) => bits | (1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m)), 0);
    builder.push(token.line, token.character, token.length, SEMANTIC_TOKEN_TYPES.indexOf(token.type), modifiers);
  }
  return builder.build();
}
