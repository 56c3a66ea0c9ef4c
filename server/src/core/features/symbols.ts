// Document symbols: the outline of a document (VS Code's Outline view, breadcrumbs, Go to Symbol). One
// entry point for the three languages. A Corefile gives its server blocks, snippets and imports with their
// directives and option lines nested inside; a resolv.conf gives one symbol per keyword line; Kubernetes
// YAML gives one symbol per ConfigMap key that holds a Corefile, with that Corefile's outline inside it,
// every range in the YAML file.
import type { DocumentInput } from '../service.js';
import type { AnalysisSettings } from '../settings.js';
import type { Range } from '../types.js';
import { corefileSymbols } from './symbols/corefile.js';
import { resolvConfSymbols } from './symbols/resolvconf.js';
import { yamlSymbols } from './symbols/yaml.js';

/** What a symbol stands for; the language server turns each into LSP's SymbolKind. */
export type OutlineKind =
  /** A server block. */
  | 'namespace'
  /** A snippet `(name)`: a reusable piece that does nothing until it is imported. */
  | 'function'
  /** An `import` line. */
  | 'file'
  /** A directive, or a keyword line of resolv.conf. */
  | 'property'
  /** An option line inside a directive's block. */
  | 'field'
  /** A ConfigMap data key holding a Corefile. */
  | 'module';

export interface OutlineSymbol {
  /** Never empty: editors refuse symbols without a name. */
  name: string;
  detail: string;
  kind: OutlineKind;
  /** The whole node, from its first word to its closing brace. */
  range: Range;
  /** The words that name the node; always inside `range`. */
  selectionRange: Range;
  children: OutlineSymbol[];
}

/** The document's outline; empty for anything that is not understood. Never throws. */
export function documentSymbols(doc: DocumentInput, settings: AnalysisSettings): OutlineSymbol[] {
  try {
    switch (doc.language) {
      case 'corefile':
        return corefileSymbols(doc.text, settings.env);
      case 'resolvconf':
        return resolvConfSymbols(doc.text);
      case 'yaml':
        return yamlSymbols(doc.text, settings.env);
    }
  } catch {
    // An outline is a convenience: a failure in it must never cost the user the server.
    return [];
  }
}
