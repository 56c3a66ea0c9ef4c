// textDocument/completion: the core's completion for the open document, with its settings (target
// CoreDNS release, declared external plugins, env values, resolver) and, for YAML, the other YAML files
// in reach (an `.override` key is completed against the default block of the main Corefile). Items carry
// a text edit for the typed word, so in a ConfigMap they land in the YAML exactly where the core says.
// Snippets (argument placeholders) go only to clients that announce snippet support; others get plain text.
import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionAt, type CompletionKind } from '../core/features/completion.js';
import type { FileHost } from '../core/host.js';
import { requestDocument } from './request-document.js';
import type { SettingsStore } from './settings.js';
import type { WorkspaceYaml } from './workspace-yaml.js';

/** A space opens the list after `import` and `options`, a `$` after `{` (the core answers nowhere else). */
export const COMPLETION_TRIGGER_CHARACTERS = [' ', '$'];

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  directive: CompletionItemKind.Module,
  option: CompletionItemKind.Property,
  snippet: CompletionItemKind.Snippet,
  file: CompletionItemKind.File,
  folder: CompletionItemKind.Folder,
  address: CompletionItemKind.Struct,
  variable: CompletionItemKind.Variable,
  keyword: CompletionItemKind.Keyword,
};

export async function provideCompletion(
  params: CompletionParams,
  documents: TextDocuments<TextDocument>,
  settings: SettingsStore,
  host: FileHost,
  workspace: WorkspaceYaml,
  snippetSupport: boolean,
): Promise<CompletionList | null> {
  const at = await requestDocument(params.textDocument.uri, documents, settings, workspace);
  if (at === undefined) return null;
  const character = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? params.context.triggerCharacter : undefined;
  const result = completionAt(at.input, params.position, at.settings, host, character !== undefined ? { character } : {});
  if (result === undefined) return null;
  const items = result.items.map((entry): CompletionItem => {
    const item: CompletionItem = {
      label: entry.label,
      kind: KINDS[entry.kind],
      detail: entry.detail,
      sortText: entry.sortText,
      filterText: entry.label,
      textEdit: { range: result.range, newText: snippetSupport && entry.snippet !== undefined ? entry.snippet : entry.text },
      insertTextFormat: snippetSupport && entry.snippet !== undefined ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      // Later lines of a snippet take the indentation of the line it starts on (in a ConfigMap, the block's).
      insertTextMode: InsertTextMode.adjustIndentation,
    };
    if (entry.documentation !== undefined) item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
    return item;
  });
  return { isIncomplete: false, items };
}
