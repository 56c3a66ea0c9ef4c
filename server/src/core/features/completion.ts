// Completion: what may be typed at the cursor in a Corefile, a resolv.conf or a Corefile inside
// Kubernetes YAML, all from the project's own data (plugin modules, version tables, the libc option
// tables). One entry point for the three languages; nothing is offered where the position is not
// understood, and nothing that CoreDNS would refuse there.
import type { FileHost } from '../host.js';
import type { DocumentInput } from '../service.js';
import type { AnalysisSettings } from '../settings.js';
import type { Position } from '../types.js';
import { corefileCompletion } from './completion/corefile.js';
import { resolvConfCompletion } from './completion/resolvconf.js';
import type { CompletionResult, CompletionTrigger } from './completion/types.js';
import { yamlCompletion } from './completion/yaml.js';

export type { CompletionEntry, CompletionKind, CompletionResult, CompletionTrigger } from './completion/types.js';

export function completionAt(
  doc: DocumentInput,
  position: Position,
  settings: AnalysisSettings,
  host: FileHost,
  trigger: CompletionTrigger = {},
): CompletionResult | undefined {
  switch (doc.language) {
    case 'corefile':
      return corefileCompletion({ uri: doc.uri, text: doc.text, ...(doc.path !== undefined ? { path: doc.path } : {}), position, settings, host, trigger });
    case 'resolvconf':
      // Only the `options` line takes a trigger character (a space after `options` or a previous word).
      if (trigger.character !== undefined && trigger.character !== ' ') return undefined;
      return resolvConfCompletion(doc.text, position, settings.resolver, trigger);
    case 'yaml':
      return yamlCompletion({ text: doc.text, uri: doc.uri, position, settings, host, trigger, workspace: doc.workspace ?? [] });
  }
}
