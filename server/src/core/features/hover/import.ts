// What a hover over an `import` line or a snippet definition says: the snippet an import pastes in, or
// the files its path or glob matches (by CoreDNS's own glob rules), and for a snippet where it is used.
import type { SnippetNode } from '../../corefile/ast.js';
import { dirName, expandGlob, globProblem, isGlobPattern, joinPath, matchComponent } from '../../corefile/paths.js';
import { spanRange, startsNewLine, type Token } from '../../corefile/token.js';
import { CUSTOM_MOUNT_DIR } from '../../embedded/custom-mount.js';
import type { FileHost } from '../../host.js';
import type { Range } from '../../types.js';
import { code, codeBlock, limitedList, paragraphs } from './markdown.js';
import { nodeRange } from '../../corefile/node-range.js';

export interface ImportContext {
  /** The document's URI: snippets defined in imported files are only named, not shown. */
  uri: string;
  /** The document's text, to show a snippet's body as written. */
  text: string;
  snippets: ReadonlyMap<string, SnippetNode>;
  /** The document's file path; undefined for unsaved documents and for Corefiles inside YAML. */
  path: string | undefined;
  host: FileHost;
  /** For a Corefile inside Kubernetes YAML: the data keys of the file's ConfigMaps that hold Corefile text. */
  configMapKeys?: readonly string[];
  /** The 1-based line number a person sees for a range of the document (in YAML, the YAML line). */
  displayLine(r: Range): number;
}

/** Lines of a snippet body shown in a hover; a longer body is cut with a note. */
const MAX_BODY_LINES = 12;
const MAX_FILES = 10;

/** `target` is the import argument as CoreDNS reads it; `at` is where the import is. */
export function importMarkdown(target: string, unknown: readonly string[], at: Range, ctx: ImportContext): string {
  const title = `**import** ${code(target)}`;
  if (unknown.length > 0) {
    return paragraphs(title, `The target depends on ${unknown.map((v) => code(`{$${v}}`)).join(', ')}, whose value is not known here, so it is not followed. Give the value in the ${code('corefileLens.env')} setting.`);
  }
  const snippet = ctx.snippets.get(target);
  if (snippet && (snippet.nameToken.source.uri !== ctx.uri || before(nodeRange(snippet), at))) {
    return paragraphs(title, `Pastes the snippet ${code(`(${target})`)} here, as if its lines were written in place of this line.`, snippetBody(snippet, ctx));
  }
  const later = snippet !== undefined;
  return paragraphs(title, later ? `The snippet ${code(`(${target})`)} is defined further down; CoreDNS only knows snippets defined before their use, so it looks for a file named ${code(target)} instead.` : undefined, filesText(target, ctx));
}

function before(a: Range, b: Range): boolean {
  return a.start.line < b.start.line || (a.start.line === b.start.line && a.start.character < b.start.character);
}

function snippetBody(snippet: SnippetNode, ctx: ImportContext): string | undefined {
  if (snippet.nameToken.source.uri !== ctx.uri) return `It is defined in ${code(decodeURIComponent(snippet.nameToken.source.uri.replace(/^file:\/\//, '')))}.`;
  if (snippet.open === undefined || snippet.close === undefined) return undefined;
  const lines = ctx.text.slice(snippet.open.end, snippet.close.start).split('\n').map((l) => l.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return 'The snippet is empty.';
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  const shown = lines.slice(0, MAX_BODY_LINES).map((l) => l.slice(indent));
  const more = lines.length > MAX_BODY_LINES ? `… and ${lines.length - MAX_BODY_LINES} more lines.` : undefined;
  return paragraphs(codeBlock(shown.join('\n'), 'corefile'), more);
}

function filesText(target: string, ctx: ImportContext): string {
  if (ctx.configMapKeys !== undefined) return configMapFiles(target, ctx.configMapKeys);
  if (!target.startsWith('/') && ctx.path === undefined) {
    return `A file path relative to the Corefile's folder; this document has not been saved, so there is no folder to look in.`;
  }
  const pattern = target.startsWith('/') ? target : joinPath(dirName(ctx.path!), target);
  const problem = globProblem(pattern);
  if (problem) return `${problem} CoreDNS refuses this import.`;
  if (!isGlobPattern(pattern)) {
    const kind = ctx.host.stat(pattern);
    if (kind === 'file') return `Pastes the file ${code(pattern)} here.`;
    if (kind === 'directory') return `${code(pattern)} is a directory, which CoreDNS cannot import.`;
    return `Pastes the file ${code(pattern)} here; it is not found on this machine, and CoreDNS refuses to start if it is missing where it runs.`;
  }
  const matches = expandGlob(pattern, ctx.host);
  if (matches.length === 0) return `Pastes the files matching ${code(pattern)} here, in name order; none match on this machine (CoreDNS only logs a warning for an empty match).`;
  return `Pastes the files matching ${code(pattern)} here, in name order: ${limitedList(matches.map((m) => code(m)), MAX_FILES)}.`;
}

function configMapFiles(target: string, keys: readonly string[]): string {
  const intro = `CoreDNS reads ${code(target)} inside its pod, where ConfigMaps are mounted as folders of files.`;
  const slash = target.lastIndexOf('/');
  if (slash < 0 || target.slice(0, slash) !== CUSTOM_MOUNT_DIR) return intro;
  const name = target.slice(slash + 1);
  const matching = keys.filter((key) => matchComponent(name, key));
  const custom = `AKS and k3s mount the ${code('coredns-custom')} ConfigMap at ${code(CUSTOM_MOUNT_DIR)}, so its keys are these files.`;
  const found = matching.length > 0 ? `Keys in this file that match: ${limitedList(matching.map((k) => code(k)), MAX_FILES)}.` : 'No key in this file matches.';
  return paragraphs(intro, custom, found);
}

/** Where the document imports a snippet by name (the import lines' ranges). */
export function snippetUses(tokens: readonly Token[], name: string): Range[] {
  const uses: Range[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.text === 'import' && startsNewLine(tokens[i - 1], token) && tokens[i + 1]!.text === name && !startsNewLine(token, tokens[i + 1]!)) {
      uses.push(spanRange(token, tokens[i + 1]!));
    }
  }
  return uses;
}

export function snippetMarkdown(snippet: SnippetNode, tokens: readonly Token[], ctx: ImportContext): string {
  const uses = snippetUses(tokens, snippet.name);
  const where = uses.length === 0
    ? 'It is not imported anywhere in this document, so CoreDNS never uses it here.'
    : `Imported on line${uses.length > 1 ? 's' : ''} ${uses.map((u) => ctx.displayLine(u)).join(', ')}.`;
  return paragraphs(
    `**Snippet** ${code(`(${snippet.name})`)}`,
    `Its lines mean nothing on their own: each ${code(`import ${snippet.name}`)} below the definition pastes them in place.`,
    where,
    snippetBody(snippet, ctx),
  );
}
