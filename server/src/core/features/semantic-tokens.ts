// Semantic tokens: the colours only the analysis can give. The TextMate grammars (syntaxes/) colour every
// word by its shape; this feature says what a word IS to the targeted CoreDNS: a plugin it ships, an external
// plugin, a removed one, an option the plugin really has, a snippet, an environment placeholder. Words the
// analysis does not recognise get no token, so the grammar's colour stays and the diagnostic speaks. A
// Corefile inside Kubernetes YAML gets the same tokens at its YAML positions; resolv.conf gets its keywords
// and option names. The legend is declared here, once, and the language server announces it as it is.
import type { DocumentInput } from '../service.js';
import type { AnalysisSettings } from '../settings.js';
import { corefileSemanticTokens } from './semantic-tokens/corefile.js';
import { resolvConfSemanticTokens } from './semantic-tokens/resolvconf.js';
import type { PlacedToken } from './semantic-tokens/types.js';
import { yamlSemanticTokens } from './semantic-tokens/yaml.js';

export type { SemanticTokenModifier, SemanticTokenType } from './semantic-tokens/types.js';
export { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from './semantic-tokens/types.js';

/** One coloured word (or part of a word), always on one line as LSP requires. */
export type SemanticToken = PlacedToken;

/**
 * The document's semantic tokens in document order, without overlaps; empty for anything not understood.
 * Never throws: colours are a convenience and must never cost the user the server.
 */
export function semanticTokens(doc: DocumentInput, settings: AnalysisSettings): SemanticToken[] {
  try {
    let tokens: PlacedToken[];
    switch (doc.language) {
      case 'corefile':
        tokens = corefileSemanticTokens(doc.text, settings);
        break;
      case 'resolvconf':
        tokens = resolvConfSemanticTokens(doc.text);
        break;
      case 'yaml':
        tokens = yamlSemanticTokens(doc.text, settings);
        break;
      default:
        return [];
    }
    return ordered(tokens);
  } catch {
    return [];
  }
}

/** Sorted by position; a token that would overlap the one before it is dropped (LSP clients expect no overlaps). */
function ordered(tokens: readonly PlacedToken[]): PlacedToken[] {
  const sorted = tokens
    .filter((t) => t.length > 0)
    .sort((a, b) => a.line - b.line || a.character - b.character);
  const out: PlacedToken[] = [];
  for (const token of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && last.line === token.line && last.character + last.length > token.character) continue;
    out.push(token);
  }
  return out;
}
