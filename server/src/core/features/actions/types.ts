// The shape every quick fix is built in before it is tied to its diagnostic: a title and plain text
// edits (LSP's TextEdit as data), in the coordinates of the text the fix was computed on.
import type { Range } from '../../types.js';

export interface FixEdit {
  range: Range;
  newText: string;
}

export interface FixCandidate {
  title: string;
  edits: FixEdit[];
  /** True where the fix is the one obvious answer (a typo with a single close name). */
  isPreferred: boolean;
}
