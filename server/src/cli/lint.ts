// `corefile lint`: the language service without the connection. Each file goes through the same facade
// the language server calls (analyzeDocument), so the CLI and the editor always report the same findings.
import { pathToFileURL } from 'node:url';
import type { YamlSource } from '../core/embedded/workspace.js';
import { analyzeDocument } from '../core/service.js';
import type { AnalysisSettings } from '../core/settings.js';
import type { CoreDiagnostic } from '../core/types.js';
import { nodeHost, readTextFile } from '../node-host.js';
import { collectTargets, type LintTarget } from './collect.js';
import { LINT_HELP } from './help.js';
import type { CliIo } from './io.js';
import { parseLintArgs } from './lint-options.js';
import { formatJson, formatText, type FileReport } from './report.js';
import { formatSarif } from './sarif.js';

export const EXIT_CLEAN = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** The URI standard input is analysed under; it has no folder, so relative imports cannot resolve. */
const STDIN_URI = 'untitled:stdin';

export async function runLint(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseLintArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout(LINT_HELP);
    return EXIT_CLEAN;
  }
  if (parsed.kind === 'error') {
    io.stderr(`corefile lint: ${parsed.message}\nRun 'corefile lint --help' for the options.\n`);
    return EXIT_USAGE;
  }
  const { options } = parsed;
  const { targets, problems } = collectTargets(options.paths, options.lang);

  // Every file is read before any is analysed: the YAML files of one run are each other's workspace, so the
  // coredns ConfigMap in one file and coredns-custom in another are checked together.
  const read: Array<{ target: LintTarget; uri: string; text: string }> = [];
  for (const target of targets) {
    const text = target.absolutePath === undefined ? await io.readStdin() : readTarget(target, problems);
    if (text === undefined) continue;
    read.push({ target, uri: uriOf(target), text });
  }
  const workspace = read.filter((r) => r.target.language === 'yaml').map((r) => ({ uri: r.uri, text: r.text }));
  const reports: FileReport[] = [];
  for (const { target, uri, text } of read) {
    const all = lintText(target, uri, text, options.settings, workspace);
    reports.push({ path: target.path, language: target.language, diagnostics: options.quiet ? all.filter((d) => d.severity === 'error') : all });
  }

  for (const problem of problems) io.stderr(`corefile lint: ${problem}\n`);
  if (targets.length === 0 && problems.length === 0) {
    io.stderr(`corefile lint: found no Corefile, resolv.conf or YAML file under ${options.paths.join(', ')}. Files are picked by name (Corefile, *.corefile, resolv.conf, *.yaml); name a file directly with --lang to lint it anyway.\n`);
  }
  // --quiet keeps the text report to the errors alone; JSON is for programs and keeps its summary.
  io.stdout(options.format === 'json' ? formatJson(reports) : options.format === 'sarif' ? formatSarif(reports) : formatText(reports, !options.quiet));

  if (problems.length > 0) return EXIT_USAGE;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? EXIT_ERRORS : EXIT_CLEAN;
}

function readTarget(target: LintTarget, problems: string[]): string | undefined {
  const read = readTextFile(target.absolutePath!);
  if ('text' in read) return read.text;
  problems.push(`cannot read ${target.path}: ${read.error}. Check the path and that you may read it.`);
  return undefined;
}

function uriOf(target: LintTarget): string {
  return target.absolutePath === undefined ? STDIN_URI : pathToFileURL(target.absolutePath).href;
}

function lintText(target: LintTarget, uri: string, text: string, settings: AnalysisSettings, workspace: readonly YamlSource[]): CoreDiagnostic[] {
  const input = { uri, path: target.absolutePath, text, language: target.language, workspace };
  return analyzeDocument(input, settings, nodeHost).diagnostics.map((d) => placeInDocument(d, uri)).sort(byPosition);
}

/**
 * A finding the core could not place in this document (it carries another document's URI) is reported at
 * the start of this file with its real place in the message, because its range means nothing here.
 */
function placeInDocument(d: CoreDiagnostic, uri: string): CoreDiagnostic {
  if (d.uri === undefined || d.uri === uri) return d;
  const where = d.uri.startsWith('file:') ? decodeURIComponent(d.uri.slice('file://'.length)) : d.uri;
  const start = { line: 0, character: 0 };
  return {
    severity: d.severity,
    code: d.code,
    message: `In ${where}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`,
    range: { start, end: start },
  };
}

function byPosition(a: CoreDiagnostic, b: CoreDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}
