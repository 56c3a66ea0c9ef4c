// Which analysis a document gets. The client's languageId decides first, because the user can change it
// in VS Code; a document in another language (plaintext, a language id from another extension) is
// recognised by its file name, the same rule the CLI uses.
import { fileURLToPath } from 'node:url';
import { languageFromPath } from '../core/service.js';
import type { LanguageId } from '../core/types.js';

const byLanguageId: Record<string, LanguageId> = {
  corefile: 'corefile',
  resolvconf: 'resolvconf',
  yaml: 'yaml',
};

export function documentLanguage(languageId: string, uri: string): LanguageId | undefined {
  return byLanguageId[languageId] ?? languageFromPath(uriFileName(uri));
}

/** The file-system path of a `file:` URI; other schemes (untitled:, vscode-vfs:) have none. */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The last segment of any URI, decoded, so that `untitled:Corefile` is still known by its name. */
function uriFileName(uri: string): string {
  const withoutQuery = uri.replace(/[?#].*$/, '');
  const last = withoutQuery.split(/[/:]/).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
