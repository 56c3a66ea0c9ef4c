// Hover: what the word under the cursor means to CoreDNS, glibc or musl, in Markdown, with the range of
// that word. One entry point for the three languages; a Corefile inside Kubernetes YAML is answered by
// the Corefile hover through the embedded position map.
import type { FileHost } from '../host.js';
import type { DocumentInput } from '../service.js';
import type { AnalysisSettings } from '../settings.js';
import type { Position, Range } from '../types.js';
import { corefileHover } from './hover/corefile.js';
import { resolvConfHover } from './hover/resolvconf.js';
import { yamlHover } from './hover/yaml.js';

export interface Hover {
  /** Markdown, written from the project's own data (plugin modules, order and version tables). */
  markdown: string;
  /** The hovered word in the document (in YAML, in the YAML file). */
  range: Range;
}

export function hoverAt(doc: DocumentInput, position: Position, settings: AnalysisSettings, host: FileHost): Hover | undefined {
  switch (doc.language) {
    case 'corefile':
      return corefileHover({ uri: doc.uri, text: doc.text, ...(doc.path !== undefined ? { path: doc.path } : {}), position, settings, host });
    case 'resolvconf':
      return resolvConfHover(doc.text, position, settings.resolver);
    case 'yaml':
      // The YAML file's path is not a base for the Corefile's paths: they are paths inside the CoreDNS pod.
      return yamlHover(doc.text, doc.uri, position, settings, host);
  }
}
