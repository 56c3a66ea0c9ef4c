// Document links: the words of a Corefile that name a file on this machine become links to it. An
// `import` of a plain path that exists links to that file (a glob matches several files, and a link has one
// target, so go to definition lists those); the file arguments in features/links/file-arguments.ts (zone
// files, hosts files, certificates, keys...) link when the file is found through the FileHost. In a
// ConfigMap every path names a file inside the CoreDNS pod, not on this machine, so YAML has no links;
// imports of the custom mount are followed by go to definition instead.
import type { FileHost } from '../host.js';
import type { DocumentInput } from '../service.js';
import type { AnalysisSettings } from '../settings.js';
import type { Range } from '../types.js';
import { corefileLinks } from './links/corefile.js';

export interface FileLink {
  /** The word in the document, quotes included. */
  range: Range;
  /** The file's URI. */
  target: string;
  /** What the file is to CoreDNS, and its path. */
  tooltip: string;
}

/** The document's links; empty for anything not understood. Never throws. */
export function documentLinks(doc: DocumentInput, settings: AnalysisSettings, host: FileHost): FileLink[] {
  if (doc.language !== 'corefile') return [];
  try {
    return corefileLinks(doc.text, doc.path, settings.env, host);
  } catch {
    // Links are a convenience: a failure in them must never cost the user the server.
    return [];
  }
}
