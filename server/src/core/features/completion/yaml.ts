// Completion inside Kubernetes YAML: the ConfigMap key under the cursor is completed as its own Corefile
// text through the position map the diagnostics and hover use, and the range comes back to the YAML. An
// `.override` key holds directives of the default block, so it is completed inside that block, together
// with the default block's directives of the main Corefile when one is in reach (a second `cache` there
// is as wrong as one in the key itself). Lines a template decides get nothing. What an item inserts must
// read back as the same Corefile text: the replaced range is checked by parsing the YAML with a sample
// edit, and items whose text the scalar's style cannot hold as written (a quote inside a quoted scalar,
// a line break outside a literal block) are left out.
import { crossKeyContext } from '../../embedded/analyze.js';
import { findEmbeddedCorefiles, type EmbeddedCorefile } from '../../embedded/find.js';
import { embeddedAt } from '../../embedded/locate.js';
import { defaultBlockBody, OverrideWrapper } from '../../embedded/override.js';
import type { YamlSource } from '../../embedded/workspace.js';
import type { FileHost } from '../../host.js';
import type { AnalysisSettings } from '../../settings.js';
import { editorLineStarts } from '../../text-lines.js';
import type { Position, Range } from '../../types.js';
import { corefileCompletion } from './corefile.js';
import type { CompletionEntry, CompletionResult, CompletionTrigger } from './types.js';

export type ScalarStyle = 'literal' | 'folded' | 'double' | 'single' | 'plain';

export interface YamlCompletionInput {
  text: string;
  uri: string;
  position: Position;
  settings: AnalysisSettings;
  host: FileHost;
  trigger: CompletionTrigger;
  workspace: readonly YamlSource[];
}

export function yamlCompletion(input: YamlCompletionInput): CompletionResult | undefined {
  const at = embeddedAt(input.text, input.position);
  if (at === undefined) return undefined;
  const { embedded } = at;
  if (embedded.uncertainLines.has(input.position.line)) return undefined;
  let source = embedded.map.text;
  let inner = at.position;
  let toOwnText = (r: Range): Range | undefined => r;
  if (embedded.kind === 'override') {
    const main = crossKeyContext(input.uri, at.all, input.workspace).main;
    const wrapper = new OverrideWrapper(embedded.map.text, main === undefined ? undefined : defaultBlockBody(main.embedded.map.text));
    source = wrapper.text;
    inner = { line: at.position.line + wrapper.overrideLine, character: at.position.character };
    toOwnText = (r) => wrapper.toOverride(r);
  }
  // The YAML file's path is no base for `import`: paths in a ConfigMap's Corefile are paths in the pod.
  const result = corefileCompletion({ uri: input.uri, text: source, position: inner, settings: input.settings, host: input.host, trigger: input.trigger });
  if (result === undefined) return undefined;
  const own = toOwnText(result.range);
  if (own === undefined) return undefined;
  const range = { start: embedded.map.toYaml(own).start, end: input.position };
  const style = scalarStyle(input.text, embedded);
  const items = result.items.flatMap((item) => fitItem(item, style));
  if (items.length === 0 || !landsExactly(input.text, range, embedded, own, items[0]!.text)) return undefined;
  return { range, items };
}

/** How the key's value is written: the first character after `key:` (tags and anchors skipped). */
export function scalarStyle(yaml: string, embedded: EmbeddedCorefile): ScalarStyle {
  const starts = editorLineStarts(yaml);
  let i = (starts[embedded.keyRange.end.line] ?? yaml.length) + embedded.keyRange.end.character;
  const skipSpace = (): void => {
    while (i < yaml.length && /\s/.test(yaml[i]!)) i++;
  };
  skipSpace();
  if (yaml[i] === ':') i++;
  skipSpace();
  while (yaml[i] === '!' || yaml[i] === '&') {
    while (i < yaml.length && !/\s/.test(yaml[i]!)) i++;
    skipSpace();
  }
  switch (yaml[i]) {
    case '|': return 'literal';
    case '>': return 'folded';
    case '"': return 'double';
    case "'": return 'single';
    default: return 'plain';
  }
}

/**
 * The item as the scalar can hold it, or nothing. Only a literal block keeps line breaks as written (the
 * editor indents a snippet's later lines like the line it starts on, which is the block's indentation).
 * Quoted scalars would need escapes for their quote and backslash; a plain scalar cannot hold `: `, ` #`
 * or flow indicators, so it gets the plain text without placeholders.
 */
function fitItem(item: CompletionEntry, style: ScalarStyle): CompletionEntry[] {
  const { snippet, ...plain } = item;
  const multiLine = (snippet ?? item.text).includes('\n');
  if (multiLine && style !== 'literal') return [];
  const forbidden = style === 'double' ? /["\\]/ : style === 'single' ? /'/ : style === 'plain' ? /: |:$| #|[{}[\],]/ : undefined;
  if (forbidden === undefined) return [item];
  if (snippet !== undefined && !forbidden.test(snippet) && style !== 'plain') return [item];
  return forbidden.test(item.text) ? [] : [plain];
}

/**
 * Whether replacing `range` of the YAML with `sample` changes the embedded Corefile exactly as replacing
 * `own` in its text would: the typed word must come from the YAML verbatim, and the cursor must be where
 * the scalar goes on (not in a block's indentation, where text would end the block).
 */
function landsExactly(yaml: string, range: Range, embedded: EmbeddedCorefile, own: Range, sample: string): boolean {
  if (range.start.line !== range.end.line) return false;
  const yamlLines = editorLineStarts(yaml);
  const from = yamlLines[range.start.line]! + range.start.character;
  const to = yamlLines[range.end.line]! + range.end.character;
  if (to < from) return false;
  const textLines = editorLineStarts(embedded.map.text);
  const ownFrom = (textLines[own.start.line] ?? 0) + own.start.character;
  const ownTo = (textLines[own.end.line] ?? 0) + own.end.character;
  if (yaml.slice(from, to) !== embedded.map.text.slice(ownFrom, ownTo)) return false;
  const edited = yaml.slice(0, from) + sample + yaml.slice(to);
  const expected = embedded.map.text.slice(0, ownFrom) + sample + embedded.map.text.slice(ownTo);
  const again = findEmbeddedCorefiles(edited).find((e) => e.configMap === embedded.configMap && e.key === embedded.key);
  return again !== undefined && again.map.text === expected;
}
