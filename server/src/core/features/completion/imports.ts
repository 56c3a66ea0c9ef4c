// The argument of `import`: the snippets defined above the line (CoreDNS knows a snippet only from its
// definition on, so one defined further down is a file name to it), and, for a Corefile saved on disk,
// the entries of the folder the typed path points into (relative to the Corefile's folder, as CoreDNS
// resolves it). One directory listing per request, so it stays cheap on any tree.
import type { CorefileTree } from '../../corefile/ast.js';
import { dirName, joinPath } from '../../corefile/paths.js';
import type { FileHost } from '../../host.js';
import { code } from '../hover/markdown.js';
import type { CompletionEntry } from './types.js';
import { tokenStart } from '../../corefile/token.js';

/** Entries listed from one folder, at most. */
const MAX_ENTRIES = 200;

export function importItems(tree: CorefileTree, cursorOffset: number, prefix: string, path: string | undefined, host: FileHost): CompletionEntry[] {
  const items: CompletionEntry[] = [];
  for (const item of tree.items) {
    if (item.kind !== 'snippet' || item.nameToken.end > cursorOffset) continue;
    items.push({
      label: item.name,
      kind: 'snippet',
      detail: `Snippet (${item.name}), defined on line ${tokenStart(item.nameToken).line + 1}`,
      documentation: `Pastes the lines of the snippet ${code(`(${item.name})`)} in place of this import.`,
      text: item.name,
      sortText: `0${item.name}`,
    });
  }
  return [...items, ...fileItems(prefix, path, host)];
}

function fileItems(prefix: string, path: string | undefined, host: FileHost): CompletionEntry[] {
  if (path === undefined && !prefix.startsWith('/')) return [];
  const slash = prefix.lastIndexOf('/');
  const typedDir = slash >= 0 ? prefix.slice(0, slash + 1) : '';
  const folder = prefix.startsWith('/') ? joinPath('/', typedDir) : joinPath(dirName(path!), typedDir);
  const names = host.readDir(folder);
  if (names === undefined) return [];
  const typedName = prefix.slice(slash + 1);
  const items: CompletionEntry[] = [];
  for (const name of names.slice(0, MAX_ENTRIES)) {
    // Hidden entries only when the typed name asks for them; the Corefile does not import itself.
    if (name.startsWith('.') && !typedName.startsWith('.')) continue;
    const full = joinPath(folder, name);
    if (full === path || /\s|"/.test(name)) continue;
    const kind = host.stat(full);
    if (kind === undefined) continue;
    const text = `${typedDir}${name}${kind === 'directory' ? '/' : ''}`;
    items.push({
      label: text,
      kind: kind === 'directory' ? 'folder' : 'file',
      detail: kind === 'directory' ? `Folder ${full}` : `File ${full}`,
      text,
      sortText: `1${text}`,
    });
  }
  return items;
}
