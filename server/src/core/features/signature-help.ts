// Signature help: the syntax of the directive or option whose line the cursor is on, in a Corefile or in
// the Corefile of a ConfigMap. resolv.conf has no arguments worth a signature (each keyword's few words are
// shown by hover and completion).
import type { FileHost } from '../host.js';
import type { DocumentInput } from '../service.js';
import type { AnalysisSettings } from '../settings.js';
import type { Position } from '../types.js';
import { corefileSignatureHelp } from './signature-help/corefile.js';
import type { SignatureHelpResult } from './signature-help/types.js';
import { yamlSignatureHelp } from './signature-help/yaml.js';

export type { SignatureHelpResult, SignatureInfo } from './signature-help/types.js';

export function signatureHelpAt(doc: DocumentInput, position: Position, settings: AnalysisSettings, host: FileHost): SignatureHelpResult | undefined {
  switch (doc.language) {
    case 'corefile':
      return corefileSignatureHelp({ uri: doc.uri, text: doc.text, ...(doc.path !== undefined ? { path: doc.path } : {}), position, settings, host });
    case 'yaml':
      return yamlSignatureHelp(doc.text, doc.uri, position, settings, host);
    case 'resolvconf':
      return undefined;
  }
}
