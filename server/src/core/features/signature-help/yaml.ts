// Signature help inside Kubernetes YAML: the ConfigMap key under the cursor is read as its own Corefile
// text through the position map the other features use; an `.override` key is read inside the default
// block it joins. The answer names no place in the text, so nothing is mapped back. Lines a template
// decides get nothing.
import { embeddedAt } from '../../embedded/locate.js';
import { OverrideWrapper } from '../../embedded/override.js';
import type { FileHost } from '../../host.js';
import type { AnalysisSettings } from '../../settings.js';
import type { Position } from '../../types.js';
import { corefileSignatureHelp } from './corefile.js';
import type { SignatureHelpResult } from './types.js';

export function yamlSignatureHelp(text: string, uri: string, position: Position, settings: AnalysisSettings, host: FileHost): SignatureHelpResult | undefined {
  const at = embeddedAt(text, position);
  if (at === undefined || at.embedded.uncertainLines.has(position.line)) return undefined;
  const { embedded } = at;
  if (embedded.kind !== 'override') return corefileSignatureHelp({ uri, text: embedded.map.text, position: at.position, settings, host });
  const wrapper = new OverrideWrapper(embedded.map.text, undefined);
  const inner = { line: at.position.line + wrapper.overrideLine, character: at.position.character };
  return corefileSignatureHelp({ uri, text: wrapper.text, position: inner, settings, host });
}
