// Position-based features (hover, definition, completion, ...) ask one question of a YAML file: which
// embedded Corefile is under this YAML position, and where in its text. The answer is computed here once
// so every feature maps positions the same way.
import type { Position } from '../types.js';
import { type EmbeddedCorefile } from './find.js';
import { embeddedFor } from '../features/shared-parse.js';

export interface EmbeddedPosition {
  embedded: EmbeddedCorefile;
  /** The position inside `embedded.map.text`. */
  position: Position;
  /** Every embedded Corefile of the file, for features that look across keys. */
  all: EmbeddedCorefile[];
}

/** The embedded Corefile holding the YAML position, or undefined when the position is outside all of them. */
export function embeddedAt(yaml: string, position: Position): EmbeddedPosition | undefined {
  const all = embeddedFor(yaml);
  for (const embedded of all) {
    const inner = embedded.map.fromYaml(position);
    if (inner !== undefined) return { embedded, position: inner, all };
  }
  return undefined;
}
