// What every request about one open document starts with: the document as the core's input and the
// document's own settings. Settings (and, for YAML, the other ConfigMaps of the workspace) may take a moment
// to arrive, so the text is read after them: the answer then matches what the editor shows now.
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentInput } from '../core/service.js';
import type { AnalysisSettings } from '../core/settings.js';
import { documentLanguage, pathOfUri } from './language.js';
import type { SettingsStore } from './settings.js';
import type { WorkspaceYaml } from './workspace-yaml.js';

export interface RequestDocument {
  input: DocumentInput;
  settings: AnalysisSettings;
}

/**
 * The open document `uri` as the core's input with its settings, or undefined when it is not open or not
 * in a language of ours. With `workspace`, a YAML document also carries the other YAML files in reach.
 */
export async function requestDocument(
  uri: string,
  documents: TextDocuments<TextDocument>,
  settings: SettingsStore,
  workspace?: WorkspaceYaml,
): Promise<RequestDocument | undefined> {
  const document = documents.get(uri);
  if (!document) return undefined;
  const language = documentLanguage(document.languageId, uri);
  if (language === undefined) return undefined;
  const documentSettings = await settings.forDocument(uri);
  const sources = language === 'yaml' && workspace !== undefined ? await workspace.sources() : undefined;
  const current = documents.get(uri) ?? document;
  const path = pathOfUri(uri);
  const input: DocumentInput = { uri, text: current.getText(), language, ...(path !== undefined ? { path } : {}), ...(sources ? { workspace: sources } : {}) };
  return { input, settings: documentSettings };
}
