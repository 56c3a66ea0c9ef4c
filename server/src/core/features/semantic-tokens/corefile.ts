// The semantic tokens of one Corefile text, as ranges of that text: the plain Corefile and every Corefile
// inside YAML (whose ranges the caller maps) come through here, so both are coloured alike.
//
// Every word is placed by the syntax tree (the same tree hover and the outline read), then classified from
// the project's own tables: the plugin registry, the version tables for the targeted release, the list of
// well-known external plugins and the user's `externalPlugins`. A word holding an environment placeholder
// is not classified: its name is only known once CoreDNS substitutes the value, so only the placeholders
// themselves are coloured.
import type { CorefileTree, DirectiveNode, ImportNode, OptionBlock, SnippetNode, Statement, TopLevelItem } from '../../corefile/ast.js';
import { tokenRange, type Token } from '../../corefile/token.js';
import { findExternalPlugin } from '../../plugins/external.js';
import { executionIndex } from '../../plugins/order.js';
import { pluginModule } from '../../plugins/registry.js';
import { directiveStatus, optionStatus } from '../../plugins/versions.js';
import type { AnalysisSettings } from '../../settings.js';
import type { Range } from '../../types.js';
import { envReferences } from '../hover/env.js';
import { anyTreeFor } from '../shared-parse.js';
import { snippetBody, topLevelImportNames } from '../symbols/snippet-body.js';
import type { PlacedToken, SemanticTokenModifier, SemanticTokenType } from './types.js';

/** A classified word of the text; `range` is on one line. */
export interface WordToken {
  range: Range;
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

interface Kind {
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

/** The classified words of `text`, in no particular order, each on one line of the text. */
export function corefileWordTokens(text: string, settings: AnalysisSettings): WordToken[] {
  const tree = anyTreeFor(text);
  const kinds = new Map<number, Kind>();
  new Classifier(tree, settings, kinds).items(tree.items);
  const out: WordToken[] = [];
  for (const token of tree.tokens) {
    const refs = envReferences(text.slice(token.start, token.end), token.start);
    if (refs.length > 0) {
      for (const ref of refs) {
        // Placed as the editor counts lines (a lone \r ends one), like the token itself.
        const range = { start: token.source.position(ref.start), end: token.source.position(ref.end) };
        if (range.start.line === range.end.line) out.push({ range, type: 'variable', modifiers: [] });
      }
      continue;
    }
    const kind = kinds.get(token.start);
    if (kind === undefined) continue;
    const range = tokenRange(token);
    if (range.start.line !== range.end.line) continue;
    out.push({ range: kind.type === 'macro' ? snippetNameRange(token) : range, ...kind });
  }
  return out;
}

/** A snippet definition `(name)` is coloured without its parentheses, which are punctuation. */
function snippetNameRange(token: Token): Range {
  const { start, end } = tokenRange(token);
  if (token.quoted || !token.text.startsWith('(') || !token.text.endsWith(')') || token.text.length < 3) return tokenRange(token);
  return { start: { line: start.line, character: start.character + 1 }, end: { line: end.line, character: end.character - 1 } };
}

/** Walks the tree and records the kind of each word it recognises, keyed by the word's offset. */
class Classifier {
  private readonly topLevelImports: ReadonlySet<string>;

  constructor(
    private readonly tree: CorefileTree,
    private readonly settings: AnalysisSettings,
    private readonly kinds: Map<number, Kind>,
  ) {
    this.topLevelImports = topLevelImportNames(tree.items);
  }

  items(items: readonly TopLevelItem[]): void {
    for (const item of items) {
      if (item.kind === 'import') this.importNode(item);
      else if (item.kind === 'snippet') this.snippet(item);
      else {
        for (const key of item.keys) this.set(key, { type: 'namespace', modifiers: [] });
        this.statements(item.statements);
      }
    }
  }

  private snippet(snippet: SnippetNode): void {
    this.set(snippet.nameToken, { type: 'macro', modifiers: [] });
    // The body is raw tokens until imported; it is read the way it will be used (as hover and the outline do).
    const body = snippetBody(snippet, this.topLevelImports);
    if (body.kind === 'items') this.items(body.items);
    else this.statements(body.statements);
  }

  private statements(statements: readonly Statement[]): void {
    for (const statement of statements) {
      if (statement.kind === 'import') this.importNode(statement);
      else this.directive(statement);
    }
  }

  private directive(node: DirectiveNode): void {
    const name = node.name.text;
    const kind = directiveKind(name, this.settings);
    if (kind !== undefined) this.set(node.name, kind);
    this.optionBlocks(node.blocks, name);
  }

  /** Only the lines right inside the directive's blocks are its options; deeper lines belong to those options. */
  private optionBlocks(blocks: readonly OptionBlock[], directive: string): void {
    for (const block of blocks) {
      for (const line of block.lines) {
        if (line.kind === 'import') {
          this.importNode(line);
          continue;
        }
        const kind = optionKind(directive, line.name.text, this.settings);
        if (kind !== undefined) this.set(line.name, kind);
        this.nestedImports(line.blocks);
      }
    }
  }

  private nestedImports(blocks: readonly OptionBlock[]): void {
    for (const block of blocks) {
      for (const line of block.lines) {
        if (line.kind === 'import') this.importNode(line);
        else this.nestedImports(line.blocks);
      }
    }
  }

  /** An import's target is a snippet when a snippet of that name is defined above it, as CoreDNS requires. */
  private importNode(node: ImportNode): void {
    const target = node.args[0];
    if (target === undefined || node.args.length !== 1) return;
    const defined = this.tree.items.some((item) => item.kind === 'snippet' && item.name === target.text && item.nameToken.start < node.keyword.start);
    if (defined) this.set(target, { type: 'macro', modifiers: [] });
  }

  private set(token: Token, kind: Kind): void {
    this.kinds.set(token.start, kind);
  }
}

/**
 * A directive CoreDNS ships is a `function` of the default library, `deprecated` when the targeted release
 * no longer accepts it; an external plugin (well known or declared in the settings) is a plain `function`;
 * any other name gets nothing (the unknown-directive diagnostic marks it). A directive newer than the
 * targeted release is still CoreDNS's own: it keeps its colour, and the diagnostic says the release lacks it.
 */
export function directiveKind(name: string, settings: AnalysisSettings): Kind | undefined {
  const status = directiveStatus(name, settings.corednsVersion);
  // `unknown` means neither a directive of some release nor one CoreDNS removed: anything else is CoreDNS's own.
  const stock = pluginModule(name) !== undefined || executionIndex(name) !== undefined || status.status !== 'unknown';
  if (stock) return { type: 'function', modifiers: status.status === 'removed' ? ['defaultLibrary', 'deprecated'] : ['defaultLibrary'] };
  if (settings.externalPlugins.includes(name) || findExternalPlugin(name) !== undefined) return { type: 'function', modifiers: [] };
  return undefined;
}

/** An option the plugin documents is a `property`, `deprecated` when the targeted release warns about it or refuses it. */
export function optionKind(directive: string, option: string, settings: AnalysisSettings): Kind | undefined {
  if (pluginModule(directive)?.docs.options.some((o) => o.name === option) !== true) return undefined;
  const status = optionStatus(directive, option, settings.corednsVersion).status;
  return { type: 'property', modifiers: status === 'deprecated' || status === 'removed' ? ['deprecated'] : [] };
}

/** The tokens of a Corefile document. */
export function corefileSemanticTokens(text: string, settings: AnalysisSettings): PlacedToken[] {
  return corefileWordTokens(text, settings).map(({ range, type, modifiers }) => ({
    line: range.start.line,
    character: range.start.character,
    length: range.end.character - range.start.character,
    type,
    modifiers,
  }));
}
