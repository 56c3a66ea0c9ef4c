// A snippet's body is raw tokens until it is imported: CoreDNS pastes it where the import stands. Editor
// features still want its structure, so it is read the way it will be used: as whole server blocks when
// a top-level import names it, and as the directives of a block otherwise.
import type { SnippetNode, Statement, TopLevelItem } from '../../corefile/ast.js';
import { parseStatements, parseTopLevel } from '../../corefile/parse.js';

export type SnippetBody = { kind: 'items'; items: TopLevelItem[] } | { kind: 'statements'; statements: Statement[] };

/** The names top-level imports use (with exactly one argument, as CoreDNS requires). */
export function topLevelImportNames(items: readonly TopLevelItem[]): Set<string> {
  const names = new Set<string>();
  for (const item of items) if (item.kind === 'import' && item.args.length === 1) names.add(item.args[0]!.text);
  return names;
}

export function snippetBody(snippet: SnippetNode, topLevelImports: ReadonlySet<string>): SnippetBody {
  return topLevelImports.has(snippet.name)
    ? { kind: 'items', items: parseTopLevel(snippet.body).items }
    : { kind: 'statements', statements: parseStatements(snippet.body).statements };
}
