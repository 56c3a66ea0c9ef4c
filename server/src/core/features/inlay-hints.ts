// Inlay hints: the facts a Corefile leaves unwritten, shown in the text. After each directive, its place in
// its block's query chain (CoreDNS runs plugins in plugin.cfg order, whatever the order of lines); after a
// server-block key that leaves its port or zones implicit, what CoreDNS reads it as. A Corefile inside
// Kubernetes YAML gets the same hints at the YAML positions. resolv.conf has nothing of the kind to show.
import type { FileHost } from '../host.js';
import type { DocumentInput } from '../service.js';
import type { AnalysisSettings } from '../settings.js';
import type { Position, Range } from '../types.js';
import { corefileHints } from './inlay-hints/corefile.js';
import type { PlacedHint } from './inlay-hints/order.js';
import { yamlInlayHints } from './inlay-hints/yaml.js';

export interface InlayHintItem {
  /** Where the label goes (in YAML, in the YAML file). */
  position: Position;
  label: string;
  /** Markdown: why the label says what it says. */
  tooltip: string;
  /** `order`: a directive's place in the query chain; `address`: what a server-block key stands for. */
  kind: 'order' | 'address';
}

/** The hints inside `range`, in document order; empty for anything not understood. Never throws. */
export function inlayHints(doc: DocumentInput, range: Range, settings: AnalysisSettings, host: FileHost): InlayHintItem[] {
  try {
    let placed: PlacedHint[];
    switch (doc.language) {
      case 'corefile':
        placed = corefileHints({ uri: doc.uri, text: doc.text, ...(doc.path !== undefined ? { path: doc.path } : {}) }, settings, host);
        break;
      case 'resolvconf':
        return [];
      case 'yaml':
        placed = yamlInlayHints(doc.text, doc.uri, range, settings, host);
        break;
    }
    return placed
      .filter((h) => within(h.position, range))
      .sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character)
      .map(({ position, label, tooltip, kind }) => ({ position, label, tooltip, kind }));
  } catch {
    // Hints are a convenience: a failure in them must never cost the user the server.
    return [];
  }
}

export function within(p: Position, range: Range): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}
