// What every editor request about a place in a Corefile carries: the document, where the cursor is, and what
// the analysis needs to expand it (settings and file access). Hover and completion add their own fields.
import type { FileHost } from '../host.js';
import type { AnalysisSettings } from '../settings.js';
import type { Position } from '../types.js';

export interface CorefilePositionRequest {
  uri: string;
  text: string;
  /** File-system path of the Corefile, for relative imports and file names; absent for unsaved files and YAML. */
  path?: string;
  position: Position;
  settings: AnalysisSettings;
  host: FileHost;
}
