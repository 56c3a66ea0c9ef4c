// From the syntax tree to what CoreDNS runs: imports of snippets and files expanded in place, environment
// placeholders substituted, keys cleaned of their commas. The result lists each server block with its
// directives in Corefile order and the tokens each directive hands to its plugin.
import type { CoreDiagnostic } from '../types.js';
import type { FileHost } from '../host.js';
import type { CorefileTree, DirectiveNode, ImportNode, OptionBlock, ServerBlockNode, SnippetNode, Statement, TopLevelItem } from './ast.js';
import type { ArgToken } from './dispenser.js';
import type { LexedToken } from './grammar-tokens.js';
import * as env from './env.js';
import { expandGlob, isGlobPattern, globProblem, joinPath, dirName } from './paths.js';
import { lexCorefile } from './lexer.js';
import { parseStatements, parseTopLevel } from './parse.js';
import * as tokenHelpers from './token.js';
import type { Token } from './token.js';
import { appendAll } from '../append.js';
import { Collector } from './collector.js';
import { nodeRange } from './node-range.js';

// Local references to imported functions used for every block, directive or token: run as CommonJS (as tsx
// runs the tests and the benchmark), each use of an imported binding is a call through the exporting
// module's getters.
const { toArgToken, writtenPlaceholders } = env;
const { startsNewLine, tokenRange } = tokenHelpers;

export interface EffectiveDirective {
  /** The directive name after environment substitution. */
  name: string;
  /**
   * The directive's tokens, its name first, with imports inside option blocks spliced in. Often the very list
   * of the syntax tree (DirectiveNode.tokens): read it, never change it.
   */
  tokens: readonly ArgToken[];
  node: DirectiveNode;
  /** The import statements of the analysed document that brought this directive in, outermost first. */
  via: ImportNode[];
}

export interface EffectiveKey {
  token: ArgToken;
  /** The key as CoreDNS reads it: environment substituted, trailing comma removed. */
  text: string;
}

export interface EffectiveBlock {
  node: ServerBlockNode;
  keys: EffectiveKey[];
  directives: EffectiveDirective[];
  via: ImportNode[];
}

export interface CorefileModel {
  tree: CorefileTree;
  blocks: EffectiveBlock[];
  /** Snippets by name, as defined (top-level ones of the analysed document and of imported files). */
  snippets: Map<string, SnippetNode>;
  /** Findings from expansion: imports, snippets, and syntax errors of imported files. */
  diagnostics: CoreDiagnostic[];
}

/** A word of the model that holds a placeholder with no known value, and what the word is (see env-findings). */
export interface UnknownWord {
  token: ArgToken;
  what: 'address' | 'argument';
}

export interface ModelOptions {
  env: Readonly<Record<string, string>>;
  host: FileHost;
  /** File-system path of the analysed Corefile; relative imports are resolved from its directory. */
  path: string | undefined;
}

// Imports nested deeper than this are a cycle in practice; stopping there keeps the editor responsive long
// before CoreDNS's own caps would end the cycle.
const MAX_DEPTH = 64;
/**
 * CoreDNS counts the imports it expands in one Corefile, those inside imported text included, and refuses
 * the Corefile at the import past the cap: 10 000 snippet imports, 100 000 file or glob imports.
 */
const MAX_SNIPPET_EXPANSIONS = 10_000;
const MAX_FILE_EXPANSIONS = 100_000;

class Expander {
  readonly blocks: EffectiveBlock[] = [];
  readonly snippets = new Map<string, SnippetNode>();
  readonly diagnostics: CoreDiagnostic[] = [];
  private snippetExpansions = 0;
  private fileExpansions = 0;
  private readonly pathOfUri = new Map<string, string>();
  // What one block and one directive collect while they are read, copied out at their final size (see
  // Collector): a large Corefile has tens of thousands of each.
  private readonly keyBuffer = new Collector<EffectiveKey>();
  private readonly directiveBuffer = new Collector<EffectiveDirective>();
  private readonly tokenBuffer = new Collector<ArgToken>();
  /**
   * The words of the model whose placeholders have no known value, in model order, noted while every token
   * passes by anyway so that their findings need no second walk over the model (see unknownWordFindings).
   */
  readonly unknownWords: UnknownWord[] = [];

  constructor(private readonly tree: CorefileTree, private readonly options: ModelOptions) {
    if (options.path) this.pathOfUri.set(tree.uri, options.path);
  }

  run(): void {
    this.topLevel(this.tree.items, [], 0);
  }

  private report(severity: CoreDiagnostic['severity'], code: string, message: string, at: Token | ImportNode, via: ImportNode[]): void {
    const range = 'kind' in at ? nodeRange(at) : tokenRange(at);
    const uri = 'kind' in at ? at.keyword.source.uri : at.source.uri;
    const diagnostic: CoreDiagnostic = { severity, code, message, range };
    if (uri !== this.tree.uri) diagnostic.uri = uri;
    if (via.length > 0) diagnostic.related = via.map((imp) => ({ uri: imp.keyword.source.uri, range: nodeRange(imp), message: 'imported here' }));
    this.diagnostics.push(diagnostic);
  }

  private topLevel(items: TopLevelItem[], via: ImportNode[], depth: number): void {
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.kind === 'snippet') this.defineSnippet(item, via);
      else if (item.kind === 'import') {
        const imported = this.importTokens(item, via, depth);
        if (imported) {
          const parsed = parseTopLevel(imported.tokens);
          this.syntaxErrors(parsed.errors, imported.via);
          this.topLevel(parsed.items, imported.via, depth + 1);
        }
      } else this.serverBlock(item, via, depth);
    }
  }

  private defineSnippet(snippet: SnippetNode, via: ImportNode[]): void {
    if (this.snippets.has(snippet.name)) {
      this.report('error', 'import/snippet-redeclared', `The snippet '(${snippet.name})' is already defined above; CoreDNS refuses a second definition. Rename one of them.`, snippet.nameToken, via);
      return;
    }
    // CoreDNS refuses a snippet that imports itself at the start of one of its lines.
    for (let i = 0; i + 1 < snippet.body.length; i++) {
      const token = snippet.body[i]!;
      if (token.text === 'import' && startsNewLine(snippet.body[i - 1], token) && toArgToken(snippet.body[i + 1]!, this.options.env).value === snippet.name) {
        this.report('error', 'import/cycle', `The snippet '(${snippet.name})' imports itself; CoreDNS refuses it. Remove this import.`, token, via);
      }
    }
    this.snippets.set(snippet.name, snippet);
  }

  private serverBlock(node: ServerBlockNode, via: ImportNode[], depth: number): void {
    const env = this.options.env;
    const onlyUse = via.length === 0;
    // Words noted from here on belong to this block, and leave with it if it is dropped.
    const unknownFrom = this.unknownWords.length;
    const keys = this.keyBuffer;
    for (let i = 0; i < node.keys.length; i++) {
      const token = node.keys[i]!;
      const arg = toArgToken(token, env, onlyUse);
      let text = arg.value;
      if (text.endsWith(',')) text = text.slice(0, -1);
      if (arg.unknownEnv.length > 0) this.unknownWords.push({ token: arg, what: 'address' });
      // CoreDNS drops keys that are empty (a quoted "" or a variable that expands to nothing).
      else if (text === '') continue;
      keys.push({ token: arg, text });
    }
    // Blocks are never nested (imports inside a block add directives to it), so each takes the buffers whole.
    const blockKeys = keys.take(0);
    this.statements(node.statements, via, depth);
    const directives = this.directiveBuffer.take(0);
    if (blockKeys.length > 0 || node.open) this.blocks.push({ node, keys: blockKeys, directives, via });
    else this.unknownWords.length = unknownFrom;
  }

  private statements(statements: Statement[], via: ImportNode[], depth: number): void {
    const env = this.options.env;
    // Tokens of the analysed document itself are used once; imported ones may be used many times.
    const onlyUse = via.length === 0;
    // Indexed loops: these run once per block and directive of a large file, where an iterator per loop adds up.
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      if (statement.kind === 'import') {
        const imported = this.importTokens(statement, via, depth);
        if (imported) {
          const parsed = parseStatements(imported.tokens);
          this.syntaxErrors(parsed.errors, imported.via);
          this.statements(parsed.statements, imported.via, depth + 1);
        }
        continue;
      }
      const name = toArgToken(statement.name, env, onlyUse);
      this.directiveBuffer.push({ name: name.value, tokens: this.directiveTokens(name, statement, via, depth), node: statement, via });
    }
  }

  /**
   * The directive's tokens as its plugin sees them: the name, then each token as itself when it stands for
   * itself, else its substituted copy; imports inside its option blocks are expanded in place. In the usual
   * case every token stands for itself and the plugin reads the tree's own list (neither is ever changed);
   * otherwise a list is built at its final size, as one directive of many.
   */
  private directiveTokens(name: ArgToken, statement: DirectiveNode, via: ImportNode[], depth: number): readonly ArgToken[] {
    const source = statement.tokens;
    const onlyUse = via.length === 0;
    if (name === source[0] && this.readableAsWritten(source, onlyUse, statement.blocks.length > 0)) return source as readonly LexedToken[];
    const env = this.options.env;
    const tokens = this.tokenBuffer;
    const unknownWords = this.unknownWords;
    const unknownFrom = unknownWords.length;
    let importsLookedUp = statement.blocks.length === 0;
    tokens.push(name);
    for (let i = 1; i < source.length; i++) {
      const token = source[i]!;
      // An import can only be a line of one of the directive's blocks, and its keyword is one of these
      // tokens: only a directive holding that word needs its import lines looked up.
      if (!importsLookedUp && token.text === 'import') {
        importsLookedUp = true;
        const importKeywords = collectImports(statement.blocks, undefined);
        if (importKeywords) {
          // Start over, expanding each import line in place.
          tokens.truncate(0);
          unknownWords.length = unknownFrom;
          const spliced = [name];
          this.spliceTokens(source, 1, importKeywords, spliced, via, depth);
          return spliced;
        }
      }
      const arg = toArgToken(token, env, onlyUse);
      if (arg !== token && arg.unknownEnv.length > 0) unknownWords.push({ token: arg, what: 'argument' });
      tokens.push(arg);
    }
    return tokens.take(0);
  }

  /**
   * Whether the plugin can read a directive's tokens as they are: each stands for itself (see toArgToken), and
   * no word after the name can start an import line of the directive's blocks.
   */
  private readableAsWritten(tokens: readonly Token[], onlyUse: boolean, hasBlocks: boolean): boolean {
    const env = this.options.env;
    for (let i = 1; i < tokens.length; i++) {
      const token = tokens[i]!;
      if ((hasBlocks && token.text === 'import') || toArgToken(token, env, onlyUse) !== token) return false;
    }
    return true;
  }

  /** Copies tokens from `from` on, replacing each import statement inside option blocks by the tokens it imports. */
  private spliceTokens(source: readonly Token[], from: number, importKeywords: ReadonlySet<Token>, out: ArgToken[], via: ImportNode[], depth: number): void {
    for (let i = from; i < source.length; i++) {
      const token = source[i]!;
      if (importKeywords.has(token)) {
        const arg = source[i + 1];
        const node: ImportNode = { kind: 'import', keyword: token, args: arg ? [arg] : [] };
        i++;
        const imported = this.importTokens(node, via, depth);
        if (imported) {
          const nested = new Set<Token>();
          imported.tokens.forEach((t, index) => {
            if (t.text === 'import' && index + 1 < imported.tokens.length && startsNewLine(imported.tokens[index - 1], t)) nested.add(t);
          });
          this.spliceTokens(imported.tokens, 0, nested, out, imported.via, depth + 1);
        }
        continue;
      }
      const arg = toArgToken(token, this.options.env, via.length === 0);
      if (arg.unknownEnv.length > 0) this.unknownWords.push({ token: arg, what: 'argument' });
      out.push(arg);
    }
  }

  private syntaxErrors(errors: { code: string; message: string; range: CoreDiagnostic['range']; severity: 'error' | 'warning' }[], via: ImportNode[]): void {
    for (const e of errors) {
      const diagnostic: CoreDiagnostic = { severity: e.severity, code: e.code, message: e.message, range: e.range };
      const owner = via[via.length - 1];
      if (owner && owner.keyword.source.uri !== this.tree.uri) diagnostic.uri = owner.keyword.source.uri;
      if (via.length > 0) diagnostic.related = via.map((imp) => ({ uri: imp.keyword.source.uri, range: nodeRange(imp), message: 'imported here' }));
      this.diagnostics.push(diagnostic);
    }
  }

  /** The tokens an import brings in: a snippet defined above, or the files its path or glob names. */
  private importTokens(node: ImportNode, via: ImportNode[], depth: number): { tokens: Token[]; via: ImportNode[] } | undefined {
    const argToken = node.args[0];
    if (!argToken || node.args.length !== 1) return undefined; // the parser already reported the count
    const arg = toArgToken(argToken, this.options.env);
    if (arg.unknownEnv.length > 0) {
      this.report('information', 'import/unknown-variable', `The import target depends on ${writtenPlaceholders(arg)}, whose value is not known here, so it is not followed. Give the value in the corefileLens.env setting or with --env.`, arg, via);
      return undefined;
    }
    const target = arg.value;
    if (target === '') return undefined;
    const chain = [...via, node];
    if (depth >= MAX_DEPTH) {
      this.report('error', 'import/cycle', `Importing '${target}' never ends: the imports form a cycle. CoreDNS refuses it after too many expansions; break the cycle.`, node, via);
      return undefined;
    }
    const snippet = this.snippets.get(target);
    const cap = snippet ? MAX_SNIPPET_EXPANSIONS : MAX_FILE_EXPANSIONS;
    const count = snippet ? ++this.snippetExpansions : ++this.fileExpansions;
    if (count > cap) {
      const what = snippet ? 'snippet' : 'file';
      this.report('error', 'import/too-many-expansions', `This is ${what} import number ${count.toLocaleString('en')} of this Corefile, counting imports inside imported text; CoreDNS expands at most ${cap.toLocaleString('en')} and refuses to start. Import fewer ${what}s, for example by merging what they bring in.`, node, via);
      return undefined;
    }
    if (snippet) return { tokens: snippet.body, via: chain };
    return this.importFiles(node, target, chain, via);
  }

  private importFiles(node: ImportNode, target: string, chain: ImportNode[], via: ImportNode[]): { tokens: Token[]; via: ImportNode[] } | undefined {
    const fromPath = this.pathOfUri.get(node.keyword.source.uri);
    if (!target.startsWith('/') && !fromPath) {
      this.report('information', 'import/unresolved', `'${target}' is not a snippet defined above, and this document has no location to resolve a relative path from. Save the file to check the import.`, node, via);
      return undefined;
    }
    const pattern = target.startsWith('/') ? target : joinPath(dirName(fromPath!), target);
    const problem = globProblem(pattern);
    if (problem) {
      this.report('error', 'import/bad-glob', `${problem} CoreDNS refuses this import pattern.`, node, via);
      return undefined;
    }
    const matches = isGlobPattern(pattern) ? expandGlob(pattern, this.options.host) : this.options.host.stat(pattern) ? [pattern] : [];
    if (matches.length === 0) {
      if (isGlobPattern(pattern)) {
        this.report('warning', 'import/no-match', `No file here matches '${target}'. CoreDNS only logs a warning for an empty glob, so these directives will be missing unless the files exist where CoreDNS runs.`, node, via);
      } else if (this.snippetDefinedLater(target)) {
        this.report('error', 'import/snippet-after-use', `The snippet '(${target})' is defined below this import; CoreDNS only knows snippets defined before their use, and looks for a file named '${target}' instead. Move the snippet above.`, node, via);
      } else {
        this.report('warning', 'import/file-not-found', `'${target}' is neither a snippet defined above nor a file found here (${pattern}). CoreDNS refuses to start if the file is missing where it runs.`, node, via);
      }
      return undefined;
    }
    const tokens: Token[] = [];
    for (const file of matches) {
      if (this.options.host.stat(file) === 'directory') {
        this.report('error', 'import/is-directory', `'${file}' is a directory; CoreDNS cannot import it. Import the files inside it with a glob such as '${target.replace(/\/?$/, '/*')}'.`, node, via);
        continue;
      }
      const text = this.options.host.readFile(file);
      if (text === undefined) {
        this.report('warning', 'import/unreadable', `'${file}' cannot be read here; CoreDNS refuses to start if it cannot read it.`, node, via);
        continue;
      }
      const uri = fileUri(file);
      this.pathOfUri.set(uri, file);
      appendAll(tokens, lexCorefile(text, uri).tokens);
    }
    return { tokens, via: chain };
  }

  private snippetDefinedLater(name: string): boolean {
    return this.tree.items.some((item) => item.kind === 'snippet' && item.name === name);
  }
}

/** The keywords of the import lines in the blocks, nested ones included; undefined when there are none. */
function collectImports(blocks: readonly OptionBlock[], into: Set<Token> | undefined): Set<Token> | undefined {
  for (const block of blocks) {
    for (const line of block.lines) {
      if (line.kind === 'import') (into ??= new Set<Token>()).add(line.keyword);
      else if (line.blocks.length > 0) into = collectImports(line.blocks, into);
    }
  }
  return into;
}

export function fileUri(path: string): string {
  return 'file://' + path.split('/').map((part) => encodeURIComponent(part)).join('/');
}

export function buildModel(tree: CorefileTree, options: ModelOptions): CorefileModel {
  return expandCorefile(tree, options).model;
}

/**
 * The model, with the words of its blocks whose placeholders have no known value, keys before directive
 * arguments of each block and in the order of the model (directive names excluded): what
 * unknownVariableFindings would find by walking the model again.
 */
export function expandCorefile(tree: CorefileTree, options: ModelOptions): { model: CorefileModel; unknownWords: UnknownWord[] } {
  const expander = new Expander(tree, options);
  expander.run();
  return { model: { tree, blocks: expander.blocks, snippets: expander.snippets, diagnostics: expander.diagnostics }, unknownWords: expander.unknownWords };
}
