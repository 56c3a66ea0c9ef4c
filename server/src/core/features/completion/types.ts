// The shape of a completion answer in the core: plain data that the language server turns into LSP
// completion items. Every item of one answer replaces the same range (the word being typed), so the range
// is given once; in YAML it is a range of the YAML file.
import type { Range } from '../../types.js';

/** What an item stands for; the language server picks the icon from it. */
export type CompletionKind = 'directive' | 'option' | 'snippet' | 'file' | 'folder' | 'address' | 'variable' | 'keyword';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** One line shown beside the label. */
  detail: string;
  /** Markdown shown when the item is selected. */
  documentation?: string;
  /** The plain text that replaces the range (used where snippets cannot be). */
  text: string;
  /** The same text in LSP snippet syntax with argument placeholders, when there are any. */
  snippet?: string;
  /** Decides the order in the list; compared as strings. */
  sortText: string;
}

export interface CompletionResult {
  /** The text the items replace: from the start of the word being typed to the cursor. */
  range: Range;
  items: CompletionEntry[];
}

/** How the request came: by typing a trigger character, or otherwise (typing a word, or asked for). */
export interface CompletionTrigger {
  character?: string;
}
