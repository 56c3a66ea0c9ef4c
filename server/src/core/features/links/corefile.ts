// Finds the links of one Corefile: imports of a single existing file, and the plugin file arguments listed
// in file-arguments.ts. Paths are resolved as CoreDNS resolves them: absolute as written, relative ones
// from the Corefile's folder (CoreDNS's working directory is not known, the checks assume the same), and
// for the plugins that do so, from the block's `root` first. The root is the block's as CoreDNS expands it
// (a snippet it imports may set it), and a snippet's words take the root of the blocks that import it.
// Placeholders take the known environment values; a word with an unknown one is not a link.
import type { DirectiveNode, ImportNode, OptionBlock, ServerBlockNode, Statement, TopLevelItem } from '../../corefile/ast.js';
import { toArgToken } from '../../corefile/env.js';
import { buildModel, fileUri, type CorefileModel, type EffectiveDirective } from '../../corefile/model.js';
import { dirName, isGlobPattern } from '../../corefile/paths.js';
import { tokenRange, type Token } from '../../corefile/token.js';
import type { FileHost } from '../../host.js';
import { resolveFilePath } from '../../plugins/args.js';
import type { FileLink } from '../links.js';
import { snippetBody, topLevelImportNames } from '../symbols/snippet-body.js';
import { rulesFor } from './file-arguments.js';
import { joinsRoot } from '../../plugins/util/plugin-path.js';
import { anyTreeFor } from '../shared-parse.js';
import { directiveArgs } from '../../corefile/directive-args.js';

type Env = Readonly<Record<string, string>>;

/**
 * Where a relative file that joins `root` is looked up: the block's root as written (undefined: none, so the
 * Corefile's folder), or AMBIGUOUS for a snippet that blocks with different roots import, whose root-joined
 * files point at a different file in each and so are no one link.
 */
const AMBIGUOUS = Symbol('ambiguous root');
type Root = string | undefined | typeof AMBIGUOUS;

export function corefileLinks(text: string, path: string | undefined, env: Env, host: FileHost): FileLink[] {
  const tree = anyTreeFor(text);
  const model = buildModel(tree, { env, host, path });
  const finder = new LinkFinder(path === undefined ? undefined : dirName(path), env, host, tree.items, model);
  finder.items(tree.items);
  return finder.links;
}

class LinkFinder {
  readonly links: FileLink[] = [];
  private readonly snippets: Set<string>;
  private readonly topLevelImports: Set<string>;
  /** The root of each block CoreDNS would run, read from its expanded directives. */
  private readonly blockRoots = new Map<ServerBlockNode, string | undefined>();
  /** The root shared by the blocks that import each snippet of this document (see Root). */
  private readonly snippetRoots = new Map<string, Root>();

  constructor(private readonly baseDir: string | undefined, private readonly env: Env, private readonly host: FileHost, items: readonly TopLevelItem[], model: CorefileModel) {
    this.snippets = new Set(items.flatMap((i) => (i.kind === 'snippet' ? [i.name] : [])));
    this.topLevelImports = topLevelImportNames(items);
    for (const block of model.blocks) {
      const root = this.lastRoot(block.directives);
      this.blockRoots.set(block.node, root);
      // Every snippet on the way to a directive (nested ones too) is read inside this block.
      for (const d of block.directives) for (const imp of d.via) this.importedWith(imp, root);
    }
  }

  private importedWith(imp: ImportNode, root: string | undefined): void {
    const word = imp.args[0];
    if (word === undefined) return;
    const name = toArgToken(word, this.env).value;
    if (!this.snippets.has(name)) return;
    const known = this.snippetRoots.get(name);
    if (!this.snippetRoots.has(name)) this.snippetRoots.set(name, root);
    else if (known !== root) this.snippetRoots.set(name, AMBIGUOUS);
  }

  items(items: readonly TopLevelItem[]): void {
    for (const item of items) {
      if (item.kind === 'import') this.importLink(item);
      else if (item.kind === 'block') this.statements(item.statements, this.blockRoots.has(item) ? this.blockRoots.get(item) : this.rootOf(item.statements));
      else {
        // A snippet's words are only read where it is imported, so they take the root of the importing blocks
        // (the Corefile's folder when no block imports it).
        const body = snippetBody(item, this.topLevelImports);
        if (body.kind === 'items') this.items(body.items);
        else this.statements(body.statements, this.snippetRoots.get(item.name));
      }
    }
  }

  private statements(statements: readonly Statement[], root: Root): void {
    for (const s of statements) {
      if (s.kind === 'import') this.importLink(s);
      else this.directive(s, root);
    }
  }

  private directive(d: DirectiveNode, root: Root): void {
    const name = d.name.text;
    this.fileWords(name, undefined, directiveArgs(d), root);
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

  private fileWords(directive: string, option: string | undefined, tokens: readonly Token[], root: Root): void {
    const rules = rulesFor(directive, option);
    if (rules.length === 0) return;
    const args = tokens.map((t) => toArgToken(t, this.env));
    const words = args.map((a) => a.value);
    for (const rule of rules) {
      for (const index of rule.files(words)) {
        const arg = args[index];
        if (arg === undefined || arg.unknownEnv.length > 0 || arg.value === '') continue;
        const joined = joinsRoot(rule.directive, rule.option) && !arg.value.startsWith('/');
        if (joined && root === AMBIGUOUS) continue;
        const base = joined && root !== undefined && root !== AMBIGUOUS ? resolveFilePath(root, this.baseDir) : this.baseDir;
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

  /** The expanded block's `root` directory as written: with several `root` lines CoreDNS keeps the last one. */
  private lastRoot(directives: readonly EffectiveDirective[]): string | undefined {
    let word: EffectiveDirective['tokens'][number] | undefined;
    for (const d of directives) {
      // A line `root {` has no directory: CoreDNS would refuse it, and the checks say so.
      if (d.name === 'root') word = d.tokens[1]?.value === '{' ? undefined : d.tokens[1];
    }
    return word === undefined || word.unknownEnv.length > 0 ? undefined : word.value;
  }

  /** The `root` of a block the model does not hold (CoreDNS drops it), read from its own lines. */
  private rootOf(statements: readonly Statement[]): string | undefined {
    const roots = statements.filter((s): s is DirectiveNode => s.kind === 'directive' && s.name.text === 'root');
    const last = roots[roots.length - 1];
    const word = last === undefined ? undefined : directiveArgs(last)[0];
    if (word === undefined) return undefined;
    const value = toArgToken(word, this.env);
    return value.unknownEnv.length > 0 ? undefined : value.value;
  }

  private linkIfFile(range: FileLink['range'], path: string, what: string): void {
    if (this.host.stat(path) !== 'file') return;
    this.links.push({ range, target: fileUri(path), tooltip: `${what}: ${path}` });
  }
}
