// The legend of our semantic tokens and the shape of one token. Standard LSP type and modifier names only,
// so every theme colours them without configuration.

/** The token types, in legend order (a token's type is sent as its index here). */
export const SEMANTIC_TOKEN_TYPES = ['namespace', 'function', 'property', 'macro', 'variable', 'keyword'] as const;

/** The token modifiers, in legend order (sent as bit `1 << index`). */
export const SEMANTIC_TOKEN_MODIFIERS = ['defaultLibrary', 'deprecated'] as const;

export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
export type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

export interface PlacedToken {
  /** 0-based line and UTF-16 character of the token's start. */
  line: number;
  character: number;
  /** In UTF-16 code units; the token never leaves its line. */
  length: number;
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}
