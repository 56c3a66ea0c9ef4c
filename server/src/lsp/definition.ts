// textDocument/definition: the core's definitionAt for the open document, with its settings (environment
// values decide import targets) and, for YAML, the other YAML files in reach, so an import of the custom
// mount leads to the coredns-custom keys wherever they are.
import type { DefinitionParams, Location, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { definitionAt } from '../core/features/definition.js';
import type { FileHost } from '../core/host.js';
import { documentLanguage, pathOfUri } from './language.js';
import type { SettingsStore } from './settings.js';
import type { WorkspaceYaml } from './workspace-yaml.js';

export async function provideDefinition(
  params: DefinitionParams,
  documents: TextDocuments<TextDocument>,
  settings: SettingsStore,
  host: FileHost,
  workspace: WorkspaceYaml,
): Promise<Location[]> {
  const uri = params.textDocument.uri;
  const document = documents.get(uri);
  if (!document) return [];
  const language = documentLanguage(document.languageId, uri);
  if (language === undefined) return [];
  const documentSettings = await settings.forDocument(uri);
  const sources = language === 'yaml' ? await workspace.sources() : undefined;
  // The text is read after the answers arrive, so the result matches what the editor shows now.
  const current = documents.get(uri) ?? document;
  const input = { uri, path: pathOfUri(uri), text: current.getText(), language, ...(sources ? { workspace: sources } : {}) };
  return definitionAt(input, params.position, documentSettings, host);
}
