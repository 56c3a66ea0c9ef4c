// POSIX path helpers and the import glob rules of CoreDNS (Go's filepath.Glob, limited to one `*`, one `?`
// and no `[...]` class), working through the FileHost so the core never touches the disk itself.
import type { FileHost } from '../host.js';

export function dirName(path: string): string {
  const index = path.lastIndexOf('/');
  if (index <= 0) return index === 0 ? '/' : '.';
  return path.slice(0, index);
}

export function joinPath(dir: string, relative: string): string {
  const parts = (dir + '/' + relative).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

export function isGlobPattern(pattern: string): boolean {
  return /[*?[\]]/.test(pattern);
}

/** CoreDNS's own limits on import patterns, checked before any matching. */
export function globProblem(pattern: string): string | undefined {
  const stars = pattern.split('*').length - 1;
  const questions = pattern.split('?').length - 1;
  if (stars > 1 || questions > 1 || (pattern.includes('[') && pattern.includes(']'))) {
    return `The pattern '${pattern}' has more than one '*', more than one '?' or a '[...]' class; CoreDNS allows one '*' and one '?' only.`;
  }
  return undefined;
}

/** Matches one path component against a pattern with `*` (any run of characters) and `?` (one character). */
export function matchComponent(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n]) && pattern[p] !== '*') {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      starP = p++;
      starN = n;
    } else if (starP >= 0) {
      p = starP + 1;
      n = ++starN;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** The existing paths an absolute glob pattern matches, sorted within each directory as Go does. */
export function expandGlob(pattern: string, host: FileHost): string[] {
  const parts = pattern.split('/').filter((p) => p !== '');
  let current = ['/'];
  for (const part of parts) {
    const next: string[] = [];
    for (const dir of current) {
      const base = dir === '/' ? '' : dir;
      if (!isGlobPattern(part)) {
        const path = `${base}/${part}`;
        if (host.stat(path)) next.push(path);
        continue;
      }
      const entries = host.readDir(dir) ?? [];
      for (const entry of [...entries].sort()) if (matchComponent(part, entry)) next.push(`${base}/${entry}`);
    }
    current = next;
  }
  return current;
}
