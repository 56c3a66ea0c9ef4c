// The core's only window on the file system. The CLI and the language server pass an implementation
// backed by Node's fs; tests pass an in-memory one. Keeping this an interface keeps the core pure.

export interface FileHost {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  /** 'file', 'directory' or undefined when nothing is there. */
  stat(path: string): 'file' | 'directory' | undefined;
  /** The names (not paths) of the entries of a directory, or undefined when it cannot be listed. */
  readDir(path: string): string[] | undefined;
}

/** A host that knows no files at all: every lookup misses. */
export const emptyHost: FileHost = {
  readFile: () => undefined,
  stat: () => undefined,
  readDir: () => undefined,
};

/** A host over a map of absolute POSIX paths to contents; directories are implied by the paths. */
export function memoryHost(files: Record<string, string>): FileHost {
  const dirs = new Map<string, Set<string>>();
  for (const path of Object.keys(files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/') || '/';
      const entries = dirs.get(dir) ?? new Set<string>();
      entries.add(parts[i]!);
      dirs.set(dir, entries);
    }
  }
  return {
    readFile: (path) => files[path],
    stat: (path) => (path in files ? 'file' : dirs.has(path) ? 'directory' : undefined),
    readDir: (path) => {
      const entries = dirs.get(path);
      return entries ? [...entries].sort() : undefined;
    },
  };
}
