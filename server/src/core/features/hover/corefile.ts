// Hover for a Corefile's text (a file, or the text of a ConfigMap key): finds the word under the cursor
// in the syntax tree, then lets the renderer for that kind of word speak. Ranges are in the given text;
// callers for embedded Corefiles map them back.
import { substituteEnv } from '../../corefile/env.js';
import { buildModel } from '../../corefile/model.js';
import { tokenRange, type Token } from '../../corefile/token.js';
import { editorLineStarts, offsetToPosition } from '../../text-lines.js';
import type { Range } from '../../types.js';
import { addressMarkdown } from './address.js';
import { targetOf, tokenAt, type CorefileTarget } from './corefile-target.js';
import { directiveMarkdown } from './directive.js';
import { envMarkdown, envReferences } from './env.js';
import { importMarkdown, snippetMarkdown, type ImportContext } from './import.js';
import { code, paragraphs } from './markdown.js';
import { keywordArgumentDoc, keywordArgumentMarkdown, optionMarkdown } from './option.js';
import { treeFor } from '../shared-parse.js';
import type { CorefilePositionRequest } from '../corefile-request.js';
import { nodeRange } from '../../corefile/node-range.js';

export interface HoverResult {
  /** Markdown. */
  markdown: string;
  /** The hovered word (or placeholder) in the analysed text. */
  range: Range;
}

export interface CorefileHoverInput extends CorefilePositionRequest {
  /** Set for a Corefile inside Kubernetes YAML: the file's ConfigMap keys that hold Corefile text. */
  configMapKeys?: readonly string[];
  /** The 1-based line a person sees for a range of this text; the text's own line by default. */
  displayLine?: (r: Range) => number;
}

export function corefileHover(input: CorefileHoverInput): HoverResult | undefined {
  const tree = treeFor(input.text, input.uri);
  const token = tokenAt(tree.tokens, input.position);
  if (!token) return undefined;
  // The position counts lines as the editor does (a lone `\r` ends one too), not as CoreDNS does.
  const starts = editorLineStarts(input.text);
  const offset = (starts[input.position.line] ?? input.text.length) + input.position.character;
  const ref = envReferences(input.text.slice(token.start, token.end), token.start).find((r) => r.start <= offset && offset <= r.end);
  if (ref) {
    return { markdown: envMarkdown(ref, input.settings), range: { start: offsetToPosition(starts, ref.start), end: offsetToPosition(starts, ref.end) } };
  }
  const target = targetOf(tree, token);
  const markdown = render(target, input, () => {
    const model = buildModel(tree, { env: input.settings.env, host: input.host, path: input.path });
    const ctx: ImportContext = {
      uri: input.uri,
      text: input.text,
      snippets: model.snippets,
      path: input.path,
      host: input.host,
      displayLine: input.displayLine ?? ((r) => r.start.line + 1),
    };
    if (input.configMapKeys !== undefined) ctx.configMapKeys = input.configMapKeys;
    return { ctx, tokens: tree.tokens };
  });
  return markdown === undefined ? undefined : { markdown, range: tokenRange(token) };
}

/** Builds the expanded model only for the hovers that need it (imports and snippets). */
type ImportSetup = () => { ctx: ImportContext; tokens: readonly Token[] };

function render(target: CorefileTarget, input: CorefileHoverInput, importSetup: ImportSetup): string | undefined {
  const { settings } = input;
  const read = (text: string): { value: string; unknown: string[] } => substituteEnv(text, settings.env);
  switch (target.kind) {
    case 'key': {
      const { value, unknown } = read(target.token.text);
      return addressMarkdown(value.endsWith(',') ? value.slice(0, -1) : value, unknown);
    }
    case 'directive': {
      const { value, unknown } = read(target.token.text);
      if (unknown.length > 0) return unknownName('directive', value, unknown);
      return directiveMarkdown(value, settings);
    }
    case 'option': {
      const { value, unknown } = read(target.token.text);
      if (unknown.length > 0) return unknownName('option', value, unknown);
      return optionMarkdown(read(target.directive.name.text).value, value, settings);
    }
    case 'argument': {
      const directive = read(target.directive.name.text).value;
      const word = read(target.token.text).value;
      const doc = keywordArgumentDoc(directive, word);
      return doc === undefined ? undefined : keywordArgumentMarkdown(directive, word, doc, settings);
    }
    case 'import': {
      const { ctx } = importSetup();
      const arg = target.node.args[0];
      if (arg === undefined || target.node.args.length !== 1) {
        return paragraphs(`**import**`, `CoreDNS wants exactly one argument: a snippet name, a file path or a glob.`);
      }
      const { value, unknown } = read(arg.text);
      return importMarkdown(value, unknown, nodeRange(target.node), ctx);
    }
    case 'snippet': {
      const { ctx, tokens } = importSetup();
      return snippetMarkdown(target.node, tokens, ctx);
    }
    case 'word':
      return undefined;
  }
}

function unknownName(what: string, written: string, unknown: readonly string[]): string {
  return paragraphs(
    `**${code(written)}** — ${what} name from the environment`,
    `The name depends on ${unknown.map((v) => code(`{$${v}}`)).join(', ')}, whose value is not known here. Give the value in the ${code('corefileLens.env')} setting to see what it is.`,
  );
}
