// Inlay hints inside Kubernetes YAML: every embedded Corefile whose YAML lines meet the requested range is
// analysed on its own text and its hints are mapped back through the key's position map (the end of the
// words a label follows, mapped as a range, so folded and quoted scalars place it exactly).
//
// `.override` keys are pasted by CoreDNS into the default `.:53` block (as embedded/override.ts reads them for
// the checks), so the numbers are counted in that merged block: an override is read inside the default
// block together with the main Corefile's default-block directives (when the file has the main `Corefile`
// key) and the other override keys of the file; the main Corefile's default block is read with the
// overrides in it. Each key labels only its own lines, and both sides give the same numbers.
//
// Nothing is said on lines a template decides, and no order number is given in a block that a template
// reaches into (for the default block: any key that joins it): the template may add or drop directives.
import type { CorefileTree } from '../../corefile/ast.js';
import { type EmbeddedCorefile } from '../../embedded/find.js';
import { DEFAULT_KEYS, defaultBlockBody, OverrideWrapper } from '../../embedded/override.js';
import type { FileHost } from '../../host.js';
import type { AnalysisSettings } from '../../settings.js';
import { editorLineStarts } from '../../text-lines.js';
import type { Position, Range } from '../../types.js';
import { corefileHints } from './corefile.js';
import type { PlacedHint } from './order.js';
import { anyTreeFor, embeddedFor } from '../shared-parse.js';
import { nodeRange } from '../../corefile/node-range.js';
import { tokenStart } from '../../corefile/token.js';

/** One key's text as analysed, and the way from ranges of that text back to the key's own text. */
interface Source {
  text: string;
  toOwnText(r: Range): Range | undefined;
  /** Whether keys other than this one that join a block starting at `block` (own text) hold templates. */
  othersUncertain(block: Range | undefined): boolean;
}

export function yamlInlayHints(yaml: string, uri: string, range: Range, settings: AnalysisSettings, host: FileHost): PlacedHint[] {
  const all = embeddedFor(yaml);
  const main = all.find((e) => e.kind === 'corefile');
  const overrides = all.filter((e) => e.kind === 'override');
  const out: PlacedHint[] = [];
  for (const embedded of all) {
    const span = yamlSpan(embedded);
    if (span.end.line < range.start.line || span.start.line > range.end.line) continue;
    const source = embedded.kind === 'override'
      ? overrideSource(embedded, main, overrides)
      : embedded === main ? mainSource(embedded, overrides) : plainSource(embedded);
    const toYaml = (r: Range): Range | undefined => {
      const own = source.toOwnText(r);
      return own === undefined ? undefined : embedded.map.toYaml(own);
    };
    for (const hint of corefileHints({ uri, text: source.text }, settings, host)) {
      const at = toYaml(hint.anchor);
      if (at === undefined || uncertain(embedded, at)) continue;
      if (hint.kind === 'order') {
        const own = source.toOwnText(hint.block);
        if (uncertain(embedded, own === undefined ? span : embedded.map.toYaml(own)) || source.othersUncertain(own)) continue;
      }
      out.push({ ...hint, position: at.end, anchor: at });
    }
  }
  return out;
}

function plainSource(embedded: EmbeddedCorefile): Source {
  return { text: embedded.map.text, toOwnText: (r) => r, othersUncertain: () => false };
}

/** An override inside the default block, with what else joins that block before it. */
function overrideSource(embedded: EmbeddedCorefile, main: EmbeddedCorefile | undefined, overrides: readonly EmbeddedCorefile[]): Source {
  const mainBody = main === undefined ? undefined : defaultBlockBody(main.map.text);
  const others = overrides.filter((o) => o !== embedded);
  const parts = [...(mainBody === undefined ? [] : [mainBody.text]), ...others.map((o) => o.map.text)];
  // The wrapper only copies the body's text; its offset matters for related places, which hints never use.
  const wrapper = new OverrideWrapper(embedded.map.text, parts.length === 0 ? undefined : { text: parts.join('\n'), offset: mainBody?.offset ?? 0 });
  const joinedUncertain = others.some((o) => o.uncertainLines.size > 0) || (main !== undefined && mainBody !== undefined && defaultBlockUncertain(main));
  return { text: wrapper.text, toOwnText: (r) => wrapper.toOverride(r), othersUncertain: () => joinedUncertain };
}

/**
 * The main Corefile with every override pasted in at the start of its default block's closing-brace line;
 * lines from there on move down by the overrides' line count, and the pasted lines belong to no position of
 * this key.
 */
function mainSource(embedded: EmbeddedCorefile, overrides: readonly EmbeddedCorefile[]): Source {
  const text = embedded.map.text;
  const tree = anyTreeFor(text);
  const block = defaultBlock(tree);
  if (overrides.length === 0 || block?.open === undefined || block.close === undefined || tokenStart(block.close).line <= tokenStart(block.open).line) {
    return plainSource(embedded);
  }
  const closeLine = tokenStart(block.close).line;
  const insertAt = editorLineStarts(text)[closeLine]!;
  const pasted = overrides.map((o) => o.map.text.replace(/\n?$/, '\n')).join('');
  const added = editorLineStarts(pasted).length - 1;
  const position = (p: Position): Position | undefined => {
    if (p.line < closeLine) return p;
    if (p.line < closeLine + added) return undefined;
    return { line: p.line - added, character: p.character };
  };
  const blockStart = nodeRange(block).start;
  const overridesUncertain = overrides.some((o) => o.uncertainLines.size > 0);
  return {
    text: text.slice(0, insertAt) + pasted + text.slice(insertAt),
    toOwnText: (r) => {
      const start = position(r.start);
      const end = position(r.end);
      return start === undefined || end === undefined ? undefined : { start, end };
    },
    othersUncertain: (r) => overridesUncertain && r !== undefined && r.start.line === blockStart.line && r.start.character === blockStart.character,
  };
}

function defaultBlock(tree: CorefileTree): Extract<CorefileTree['items'][number], { kind: 'block' }> | undefined {
  for (const item of tree.items) if (item.kind === 'block' && item.keys.some((k) => DEFAULT_KEYS.has(k.text))) return item;
  return undefined;
}

function defaultBlockUncertain(main: EmbeddedCorefile): boolean {
  if (main.uncertainLines.size === 0) return false;
  const block = defaultBlock(anyTreeFor(main.map.text));
  return block === undefined || uncertain(main, main.map.toYaml(nodeRange(block)));
}

function uncertain(embedded: EmbeddedCorefile, r: Range): boolean {
  for (let line = r.start.line; line <= r.end.line; line++) if (embedded.uncertainLines.has(line)) return true;
  return false;
}

/** The YAML lines the key's value covers. */
function yamlSpan(embedded: EmbeddedCorefile): Range {
  const starts = editorLineStarts(embedded.map.text);
  const lastLine = starts.length - 1;
  const end = { line: lastLine, character: embedded.map.text.length - starts[lastLine]! };
  return embedded.map.toYaml({ start: { line: 0, character: 0 }, end });
}
