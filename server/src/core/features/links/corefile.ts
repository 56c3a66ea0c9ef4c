// Finds the links of one Corefile: imports of a single existing file, and the plugin file arguments listed
// in file-arguments.ts. Paths are resolved as CoreDNS resolves them: absolute as written, relative ones
// from the Corefile's folder (CoreDNS's working directory is not known, the checks assume the same), and
// for the plugins that do so, from the block's `root` first. Placeholders take the known environment
// values; a word with an unknown one is not a link.
import type { DirectiveNode, ImportNode, OptionBlock, Statement, TopLevelItem } from '../../corefile/ast.js';
import { toArgToken } from '../../corefile/env.js';
import { fileUri } from '../../corefile/model.js';
import { dirName, isGlobPattern } from '../../corefile/paths.js';
import { tokenRange, type Token } from '../../corefile/token.js';
import type { FileHost } from '../../host.js';
import { resolveFilePath } from '../../plugins/args.js';
import type { FileLink } from '../links.js';
import { snippetBody, topLevelImportNames } from '../symbols/snippet-body.js';
import { rulesFor } from './file-arguments.js';
import { joinsRoot } from '../../plugins/util/plugin-path.js';
import { anyTreeFor } from '../shared-parse.js';

type Env = Readonly<Record<string, string>>;

export function corefileLinks(text: string, path: string | undefined, env: Env, host: FileHost): FileLink[] {
  const tree = anyTreeFor(text);
  const finder = new LinkFinder(path === undefined ? undefined : dirName(path), env, host, tree.items);
  finder.items(tree.items);
  return finder.links;
}

class LinkFinder {
  readonly links: FileLink[] = [];
  private readonly snippets: Set<string>;
  private readonly topLevelImports: Set<string>;

  constructor(private readonly baseDir: string | undefined, private readonly env: Env, private readonly host: FileHost, items: readonly TopLevelItem[]) {
    this.snippets = new Set(items.flatMap((i) => (i.kind === 'snippet' ? [i.name] : [])));
    this.topLevelImports = topLevelImportNames(items);
  }

  items(items: readonly TopLevelItem[]): void {
    for (const item of items) {
      if (item.kind === 'import') this.importLink(item);
      else if (item.kind === 'block') this.statements(item.statements, this.rootOf(item.statements));
      else {
        // A snippet's words are only read where it is imported; the block's `root` there is not known here.
        const body = snippetBody(item, this.topLevelImports);
        if (body.kind === 'items') this.items(body.items);
        else this.statements(body.statements, undefined);
      }
    }
  }

  private statements(statements: readonly Statement[], root: string | undefined): void {
    for (const s of statements) {
      if (s.kind === 'import') this.importLink(s);
      else this.directive(s, root);
    }
  }

  private directive(d: DirectiveNode, root: string | undefined): void {
    const name = d.name.text;
    this.fileWords(name, undefined, d.args, root);
    const walk = (blocks: readonly OptionBlock[], top: boolean): void => {
      for (const block of blocks) {
        for (const line of block.lines) {
          if (line.kind === 'import') this.importLink(line);
          else {
            // Plugins read their options one level deep; deeper lines are not options of this directive.
            if (top) this.fileWords(name, line.name.text, line.args, root);
            walk(line.blocks, false);
          }
        }
      }
    };
    walk(d.blocks, true);
  }

  private fileWords(directive: string, option: string | undefined, tokens: readonly Token[], root: string | undefined): void {
    const rules = rulesFor(directive, option);
    if (rules.length === 0) return;
    const args = tokens.map((t) => toArgToken(t, this.env));
    const words = args.map((a) => a.value);
    for (const rule of rules) {
      for (const index of rule.files(words)) {
        const arg = args[index];
        if (arg === undefined || arg.unknownEnv.length > 0 || arg.value === '') continue;
        const base = joinsRoot(rule.directive, rule.option) && root !== undefined && !arg.value.startsWith('/') ? resolveFilePath(root, this.baseDir) : this.baseDir;
        const resolved = resolveFilePath(arg.value, base);
        if (resolved === undefined) continue;
        this.linkIfFile(tokenRange(arg), resolved + (rule.suffix ?? ''), rule.what);
      }
    }
  }

  private importLink(node: ImportNode): void {
    if (node.args.length !== 1) return;
    const arg = toArgToken(node.args[0]!, this.env);
    // CoreDNS takes a snippet of that name before any file; a glob is several files.
    if (arg.unknownEnv.length > 0 || arg.value === '' || this.snippets.has(arg.value) || isGlobPattern(arg.value)) return;
    const resolved = resolveFilePath(arg.value, this.baseDir);
    if (resolved !== undefined) this.linkIfFile(tokenRange(arg), resolved, 'imported file');
  }

  /** The block's `root` directory as written: with several `root` lines CoreDNS keeps the last one. */
  private rootOf(statements: readonly Statement[]): string | undefined {
    const roots = statements.filter((s): s is DirectiveNode => s.kind === 'directive' && s.name.text === 'root');
    const word = roots[roots.length - 1]?.args[0];
    if (word === undefined) return undefined;
    const value = toArgToken(word, this.env);
    return value.unknownEnv.length > 0 ? undefined : value.value;
  }

  private linkIfFile(range: FileLink['range'], path: string, what: string): void {
    if (this.host.stat(path) !== 'file') return;
    this.links.push({ range, target: fileUri(path), tooltip: `${what}: ${path}` });
  }
}
