// Completion for a Corefile's text (a file, or the text of a ConfigMap key): finds what the cursor is
// typing (context.ts) and asks the list for that place. Ranges are in the given text; the YAML caller
// maps them back.
import { buildModel } from '../../corefile/model.js';
import type { CorefileTree } from '../../corefile/ast.js';
import type { Token } from '../../corefile/token.js';
import type { AnalysisSettings } from '../../settings.js';
import { code } from '../hover/markdown.js';
import { corefileCursor, namesInBlock, type CorefileCursor } from './context.js';
import { directiveItems, importKeywordItem } from './directives.js';
import { importItems } from './imports.js';
import { optionItems } from './options.js';
import { topLevelItems } from './top-level.js';
import type { CompletionEntry, CompletionResult, CompletionTrigger } from './types.js';
import { treeFor } from '../shared-parse.js';
import type { CorefilePositionRequest } from '../corefile-request.js';

export interface CorefileCompletionInput extends CorefilePositionRequest {
  trigger: CompletionTrigger;
}

export function corefileCompletion(input: CorefileCompletionInput): CompletionResult | undefined {
  const tree = treeFor(input.text, input.uri);
  const cursor = corefileCursor(input.text, tree, input.position);
  if (cursor === undefined || !wantedFor(input.trigger, cursor)) return undefined;
  const items = itemsFor(cursor, tree, input).sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
  return items.length === 0 ? undefined : { range: cursor.range, items };
}

/**
 * A space or a `$` typed anywhere would otherwise open the list while indenting or writing arguments:
 * a space answers only right after `import`, a `$` only right after `{`.
 */
function wantedFor(trigger: CompletionTrigger, cursor: CorefileCursor): boolean {
  if (trigger.character === ' ') return cursor.context.kind === 'import' && cursor.prefix === '';
  if (trigger.character === '$') return cursor.context.kind === 'env' && cursor.prefix === '';
  return true;
}

function itemsFor(cursor: CorefileCursor, tree: CorefileTree, input: CorefileCompletionInput): CompletionEntry[] {
  const { settings } = input;
  const context = cursor.context;
  switch (context.kind) {
    case 'env':
      return envItems(settings, input.text.charAt(cursor.end) === '}');
    case 'top-level':
      return [...topLevelItems(), importKeywordItem()];
    case 'directive': {
      const present = new Set(namesInBlock(tree.tokens, context.open, cursor.start));
      if (!context.snippet) for (const name of importedNames(tree, context.open, cursor.start, input)) present.add(name);
      return [...directiveItems(present, settings), importKeywordItem()];
    }
    case 'option': {
      const present = new Set(namesInBlock(tree.tokens, context.open, cursor.start));
      return optionItems(context.directive.text, present, settings);
    }
    case 'import':
      return importItems(tree, cursor.start, cursor.prefix, input.path, input.host);
  }
}

/** The directive names of the block as CoreDNS runs it: imports expanded, environment substituted. */
function importedNames(tree: CorefileTree, open: Token, except: number, input: CorefileCompletionInput): string[] {
  const model = buildModel(tree, { env: input.settings.env, host: input.host, path: input.path });
  const block = model.blocks.find((b) => b.node.open?.start === open.start && b.node.open.source.uri === open.source.uri);
  if (block === undefined) return [];
  return block.directives.filter((d) => !(d.via.length === 0 && d.node.name.start === except)).map((d) => d.name);
}

function envItems(settings: AnalysisSettings, closed: boolean): CompletionEntry[] {
  return Object.keys(settings.env).filter((key) => /^[A-Za-z0-9_]+$/.test(key)).sort().map((key) => {
    const value = settings.env[key]!;
    return {
      label: key,
      kind: 'variable',
      detail: value === '' ? 'an empty string' : value,
      documentation: `Environment variable from the ${code('corefileLens.env')} setting; CoreDNS puts in its value from its own environment when it reads the Corefile.`,
      text: closed ? key : `${key}}`,
      sortText: key,
    };
  });
}
