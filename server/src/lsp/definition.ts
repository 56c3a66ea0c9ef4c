// textDocument/definition: the core's definitionAt for the open document, with its settings (environment
// values decide import targets) and, for YAML, the other YAML files in reach, so an import of the custom
// mount leads to the coredns-custom keys wherever they are.
import type { DefinitionParams, Location, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { definitionAt } from '../core/features/definition.js';
import type { FileHost } from '../core/host.js';
import { requestDocument } from './request-document.js';
import type { SettingsStore } from './settings.js';
import type { WorkspaceYaml } from './workspace-yaml.js';

export async function provideDefinition(
  params: DefinitionParams,
  documents: TextDocuments<TextDocument>,
  settings: SettingsStore,
  host: FileHost,
  workspace: WorkspaceYaml,
): Promise<Location[]> {
  const at = await requestDocument(params.textDocument.uri, documents, settings, workspace);
  if (at === undefined) return [];
  return definitionAt(at.input, params.position, at.settings, host);
}
