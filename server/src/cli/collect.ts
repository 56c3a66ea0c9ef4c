// Expands the PATH arguments of `corefile lint` into the documents to lint. A directory is walked
// recursively and each file is kept or left by its name (the rule of languageFromPath); a file named on
// the command line is always linted, so its kind must be known from its name or from --lang.
import { join, resolve } from 'node:path';
import { languageFromPath } from '../core/service.js';
import type { LanguageId } from '../core/types.js';
import { listDirectory, readTextFile, realPath, statPath } from '../node-host.js';

/** The argument that means "read standard input". */
export const STDIN_PATH = '-';

export interface LintTarget {
  /** As the user wrote it (or joined under the directory they named): what the report shows. */
  path: string;
  /** Absolute path on disk; undefined for standard input. */
  absolutePath?: string;
  language: LanguageId;
}

export interface Collected {
  targets: LintTarget[];
  /** One sentence per argument that could not be used; any of them makes the run exit with 2. */
  problems: string[];
}

// Dependencies and version-control data hold other projects' files, never the user's configuration.
const skippedDirectories = new Set(['node_modules', '.git']);

export function collectTargets(paths: readonly string[], lang: LanguageId | undefined): Collected {
  const targets: LintTarget[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (target: LintTarget): void => {
    const key = target.absolutePath ?? STDIN_PATH;
    if (seen.has(key)) return;
    seen.add(key);
    targets.push(target);
  };

  for (const path of paths) {
    if (path === STDIN_PATH) {
      add({ path: STDIN_PATH, language: lang ?? 'corefile' });
      continue;
    }
    const kind = statPath(path);
    if (kind === 'directory') {
      walk(path, { lang, add, problems, visited: new Set() });
    } else if (kind === 'file') {
      const language = lang ?? languageFromPath(path);
      if (language === undefined) {
        problems.push(
          `cannot tell what kind of file ${path} is from its name. Pass --lang corefile, --lang resolvconf or --lang yaml, ` +
          'or name it like Corefile, *.corefile, resolv.conf or *.yaml.',
        );
      } else {
        add({ path, absolutePath: resolve(path), language });
      }
    } else {
      const read = readTextFile(path);
      problems.push(`cannot read ${path}: ${'error' in read ? read.error : 'it is neither a file nor a directory'}. Check the path.`);
    }
  }
  return { targets, problems };
}

interface Walk {
  lang: LanguageId | undefined;
  add: (target: LintTarget) => void;
  problems: string[];
  /** Real paths of the directories already walked: a link back up the tree must not make the walk endless. */
  visited: Set<string>;
}

/** Adds the lintable files under `dir`, in name order, so every run reports in the same order. */
function walk(dir: string, w: Walk): void {
  const real = realPath(dir);
  if (real === undefined || w.visited.has(real)) return;
  w.visited.add(real);
  const names = listDirectory(dir);
  if (names === undefined) {
    w.problems.push(`cannot list the directory ${dir}. Check that you may read it.`);
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const kind = statPath(path);
    if (kind === 'directory') {
      if (!skippedDirectories.has(name)) walk(path, w);
      continue;
    }
    if (kind !== 'file') continue;
    const language = languageFromPath(name);
    if (language === undefined || (w.lang !== undefined && language !== w.lang)) continue;
    w.add({ path, absolutePath: resolve(path), language });
  }
}
