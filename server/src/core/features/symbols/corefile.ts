// The outline of one Corefile, in the Corefile text's own positions: server blocks (named by their keys
// as written, with a summary of transports, zones and ports), snippets, top-level imports, and inside them
// the directives with their option lines. A snippet's body means nothing until it is imported, so it is
// read as server blocks when some top-level import names it and as directives otherwise.
import type { CorefileTree, ImportNode, OptionBlock, OptionLine, ServerBlockNode, SnippetNode, Statement, TopLevelItem } from '../../corefile/ast.js';
import { parseServerKey } from '../../corefile/address.js';
import { substituteEnv } from '../../corefile/env.js';
import { spanRange, tokenRange, type Token } from '../../corefile/token.js';
import type { Range } from '../../types.js';
import type { OutlineSymbol } from '../symbols.js';
import { snippetBody, topLevelImportNames } from './snippet-body.js';
import { anyTreeFor } from '../shared-parse.js';
import { nodeRange } from '../../corefile/node-range.js';
import { directiveArgs } from '../../corefile/directive-args.js';

/** How many zones a block's detail lists before it only counts the rest (a CIDR key can expand to many). */
const MAX_ZONES_SHOWN = 3;

export function corefileSymbols(text: string, env: Readonly<Record<string, string>>): OutlineSymbol[] {
  return symbolsOfTree(anyTreeFor(text), text, env);
}

export function symbolsOfTree(tree: CorefileTree, text: string, env: Readonly<Record<string, string>>): OutlineSymbol[] {
  const writer = new SymbolWriter(text, env, topLevelImportNames(tree.items));
  return tree.items.map((item) => writer.item(item));
}

class SymbolWriter {
  constructor(
    private readonly text: string,
    private readonly env: Readonly<Record<string, string>>,
    private readonly topLevelImports: ReadonlySet<string>,
  ) {}

  item(item: TopLevelItem): OutlineSymbol {
    switch (item.kind) {
      case 'block':
        return this.block(item);
      case 'snippet':
        return this.snippet(item);
      case 'import':
        return this.importLine(item);
    }
  }

  private block(block: ServerBlockNode): OutlineSymbol {
    const first = block.keys[0];
    const last = block.keys[block.keys.length - 1];
    // The keys exactly as written (a quoted zone and its port are two words with nothing between them),
    // on one line.
    const name = first === undefined || last === undefined ? '' : this.text.slice(first.start, last.end).replace(/\s+/g, ' ');
    const selection = first === undefined || last === undefined ? nodeRange(block) : span(first, last);
    return symbol(name, blockDetail(block.keys.map((k) => k.text), this.env), 'namespace', nodeRange(block), selection,
      block.statements.map((s) => this.statement(s)));
  }

  private snippet(snippet: SnippetNode): OutlineSymbol {
    const body = snippetBody(snippet, this.topLevelImports);
    const children = body.kind === 'items' ? body.items.map((item) => this.item(item)) : body.statements.map((s) => this.statement(s));
    return symbol(this.written(snippet.nameToken), 'snippet', 'function', nodeRange(snippet), tokenRange(snippet.nameToken), children);
  }

  private importLine(node: ImportNode): OutlineSymbol {
    return symbol('import', this.words(node.args), 'file', nodeRange(node), tokenRange(node.keyword), []);
  }

  private statement(statement: Statement): OutlineSymbol {
    if (statement.kind === 'import') return this.importLine(statement);
    return symbol(this.written(statement.name), this.words(directiveArgs(statement)), 'property', nodeRange(statement), tokenRange(statement.name),
      this.optionBlocks(statement.blocks));
  }

  private optionBlocks(blocks: readonly OptionBlock[]): OutlineSymbol[] {
    return blocks.flatMap((b) => b.lines.map((line) => (line.kind === 'import' ? this.importLine(line) : this.option(line))));
  }

  private option(line: OptionLine): OutlineSymbol {
    return symbol(this.written(line.name), this.words(line.args), 'field', nodeRange(line), tokenRange(line.name), this.optionBlocks(line.blocks));
  }

  /** A token as the user wrote it, quotes included. */
  private written(token: Token): string {
    const slice = this.text.slice(token.start, token.end);
    return slice === '' ? token.text : slice;
  }

  private words(tokens: readonly Token[]): string {
    return tokens.map((t) => this.written(t)).join(' ');
  }
}

/**
 * What a block serves, read by the same address rules as the checks: its zones, then each transport and
 * port, e.g. `example.org. example.net. · dns port 53`. Keys CoreDNS refuses add nothing; placeholders
 * are filled from the known environment.
 */
export function blockDetail(keys: readonly string[], env: Readonly<Record<string, string>>): string {
  const zones: string[] = [];
  const listeners: string[] = [];
  for (const key of keys) {
    const value = substituteEnv(key, env).value.replace(/,$/, '');
    if (value === '') continue;
    const parsed = parseServerKey(value);
    if (parsed.zones.length === 0) continue;
    for (const zone of parsed.zones) if (!zones.includes(zone)) zones.push(zone);
    const listener = parsed.transport === 'unix' ? 'unix socket' : `${parsed.transport} port ${parsed.port}`;
    if (!listeners.includes(listener)) listeners.push(listener);
  }
  if (zones.length === 0) return '';
  const shown = zones.slice(0, MAX_ZONES_SHOWN).join(' ');
  const more = zones.length > MAX_ZONES_SHOWN ? ` +${zones.length - MAX_ZONES_SHOWN} more` : '';
  return `${shown}${more} · ${listeners.join(', ')}`;
}

function span(first: Token, last: Token): Range {
  return spanRange(first, last);
}

/** A symbol whose range holds its selection range, as editors require, and whose name is never empty. */
export function symbol(name: string, detail: string, kind: OutlineSymbol['kind'], range: Range, selectionRange: Range, children: OutlineSymbol[]): OutlineSymbol {
  return { name: name === '' ? '(unnamed)' : name, detail, kind, range: cover(range, selectionRange), selectionRange, children };
}

/** The smallest range holding both. */
export function cover(a: Range, b: Range): Range {
  const start = before(b.start, a.start) ? b.start : a.start;
  const end = before(a.end, b.end) ? b.end : a.end;
  return { start, end };
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
