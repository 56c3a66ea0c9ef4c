// `corefile fmt`: the editor's formatter without the editor. Each file goes through the same core function
// the language server calls (formatDocument), so `fmt --write` and "Format Document" give the same text.
// Without a flag it prints one file's formatted text (a pipe filter); --check lists the files that are not
// formatted; --write rewrites them. A file the formatter cannot format (syntax errors) makes the run exit 2,
// as an unreadable one does: its layout cannot be judged.
import { writeFileSync } from 'node:fs';
import { formatDocument, type FormatNote } from '../core/features/format.js';
import { languageFromPath } from '../core/service.js';
import { readTextFile, statPath } from '../node-host.js';
import { collectTargets, STDIN_PATH, type LintTarget } from './collect.js';
import { FMT_HELP } from './help.js';
import type { CliIo } from './io.js';
import { EXIT_CLEAN, EXIT_ERRORS, EXIT_USAGE } from './lint.js';
import { parseFmtArgs, type FmtOptions } from './fmt-options.js';

export async function runFmt(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseFmtArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout(FMT_HELP);
    return EXIT_CLEAN;
  }
  const usageError = (message: string): number => {
    io.stderr(`corefile fmt: ${message}\nRun 'corefile fmt --help' for the options.\n`);
    return EXIT_USAGE;
  };
  if (parsed.kind === 'error') return usageError(parsed.message);
  const { options } = parsed;
  const usage = usageProblem(options);
  if (usage !== undefined) return usageError(usage);
  const { targets, problems } = collectTargets(options.paths, options.lang);
  // resolv.conf files found in a directory are passed over; one named on the command line is refused above.
  const formattable = targets.filter((t) => t.language !== 'resolvconf');
  let unformatted = 0;
  let failed = false;
  for (const target of formattable) {
    const text = target.absolutePath === undefined ? await io.readStdin() : readTarget(target, problems);
    if (text === undefined) continue;
    const result = formatDocument({ text, language: target.language });
    for (const note of result.notes) io.stderr(describeNote(target.path, note));
    if (result.notes.some((n) => n.severity === 'error')) failed = true;
    const changed = result.text !== text;
    if (options.mode === 'print') {
      io.stdout(result.text);
    } else if (changed && options.mode === 'check') {
      unformatted++;
      io.stdout(`${target.path}\n`);
    } else if (changed && options.mode === 'write') {
      if (writeTarget(target, result.text, problems)) io.stdout(`${target.path}\n`);
    }
  }
  for (const problem of problems) io.stderr(`corefile fmt: ${problem}\n`);
  if (targets.length === 0 && problems.length === 0) {
    io.stderr(`corefile fmt: found no Corefile or YAML file under ${options.paths.join(', ')}. Files are picked by name (Corefile, *.corefile, *.yaml); name a file directly with --lang to format it anyway.\n`);
  }
  if (problems.length > 0 || failed) return EXIT_USAGE;
  return unformatted > 0 ? EXIT_ERRORS : EXIT_CLEAN;
}

/** Mistakes in the arguments that only show once the paths are known. */
function usageProblem(options: FmtOptions): string | undefined {
  const { mode, paths } = options;
  if (mode === 'print' && (paths.length !== 1 || statPath(paths[0]!) === 'directory')) {
    return 'without --check or --write, fmt prints the formatted text of one file. Name one file (or - for standard input), or add --check or --write.';
  }
  if (mode === 'write' && paths.includes(STDIN_PATH)) {
    return '--write cannot rewrite standard input. Without --write, fmt prints the formatted text of - to standard output.';
  }
  for (const path of paths) {
    const named = path === STDIN_PATH || statPath(path) === 'file';
    const language = options.lang ?? (path === STDIN_PATH ? 'corefile' : languageFromPath(path));
    if (named && language === 'resolvconf') {
      return `${path} is a resolv.conf file, which fmt leaves as written: glibc and musl read each line from its first column, so there is nothing a formatter could safely change. Format Corefiles and YAML files only.`;
    }
  }
  return undefined;
}

function describeNote(path: string, note: FormatNote): string {
  const { line, character } = note.range.start;
  return `corefile fmt: ${path}:${line + 1}:${character + 1}: ${note.message}\n`;
}

function readTarget(target: LintTarget, problems: string[]): string | undefined {
  const read = readTextFile(target.absolutePath!);
  if ('text' in read) return read.text;
  problems.push(`cannot read ${target.path}: ${read.error}. Check the path and that you may read it.`);
  return undefined;
}

function writeTarget(target: LintTarget, text: string, problems: string[]): boolean {
  try {
    writeFileSync(target.absolutePath!, text, 'utf8');
    return true;
  } catch (error) {
    problems.push(`cannot write ${target.path}: ${error instanceof Error ? error.message : String(error)}. Check that you may write it.`);
    return false;
  }
}
