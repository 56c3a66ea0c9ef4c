// The FileHost the language server and the CLI hand to the core: the real file system through Node's fs.
// It is the one module outside the core that touches fs, so every read in the product goes through the
// same rules (UTF-8 text, failures become "absent" instead of exceptions).
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { FileHost } from './core/host.js';

/** Either a file's text or a sentence saying why it could not be read. */
export type ReadResult = { text: string } | { error: string };

/**
 * Reads a file as UTF-8 and, when that fails, explains why in words a user can act on. The CLI needs the
 * reason for its exit-2 message; the core only needs to know whether the text is there.
 */
export function readTextFile(path: string): ReadResult {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    return { error: describeFsError(error) };
  }
}

/** 'file', 'directory' or undefined when nothing readable is there (a dangling link, no permission). */
export function statPath(path: string): 'file' | 'directory' | undefined {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return 'directory';
    return stats.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/** The entry names of a directory, sorted so that every run walks a tree in the same order. */
export function listDirectory(path: string): string[] | undefined {
  try {
    return readdirSync(path).sort();
  } catch {
    return undefined;
  }
}

/** The path with every symbolic link resolved, so that a tree walk can tell it has been somewhere before. */
export function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

export const nodeHost: FileHost = {
  readFile: (path) => {
    const result = readTextFile(path);
    return 'text' in result ? result.text : undefined;
  },
  stat: statPath,
  readDir: listDirectory,
};

function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
