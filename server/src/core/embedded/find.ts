// Finds the Corefiles inside Kubernetes YAML: the data keys of ConfigMaps (alone, in multi-document files
// and inside `kind: List` items) that CoreDNS reads, each with an exact map from its text back to the YAML.
import { appendAll } from '../append.js';
import { isMap, isScalar, isSeq, parseAllDocuments, type CST, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { Range } from '../types.js';
import { decodeBlockScalar } from './decode-block.js';
import { decodeFlowScalar } from './decode-flow.js';
import { editorLineStarts, offsetToPosition } from '../text-lines.js';
import { PositionMap } from './map.js';
import { MappedText } from './mapped-text.js';
import { maskTemplates, uncertainLines, type MaskedYaml } from './template.js';

/**
 * What a data key holds. `corefile`: a whole Corefile (`Corefile`). `server`: whole server blocks that the
 * main Corefile imports (`*.server`). `override`: directives pasted inside the default `.:53` block
 * (`*.override`, AKS and k3s `coredns-custom`).
 */
export type EmbeddedKind = 'corefile' | 'server' | 'override';

export interface EmbeddedCorefile {
  kind: EmbeddedKind;
  /** The data key as written, e.g. `Corefile` or `example.server`. */
  key: string;
  /** Where the key is in the YAML file. */
  keyRange: Range;
  /** The embedded text and the way back to YAML positions. */
  map: PositionMap;
  /**
   * True when the value holds template actions (Helm/Go `{{ }}`, Jinja `{% %}`): they are masked in `map.text`
   * (see template.ts), and findings on `uncertainLines` are not reported.
   */
  templated: boolean;
  /** YAML lines of this value that template actions decide (the actions' lines and their sections). */
  uncertainLines: ReadonlySet<number>;
  /** Index of the YAML document (0-based) the ConfigMap is in; keys of one ConfigMap share it. */
  document: number;
  /** Ordinal of the ConfigMap in the file (0-based); keys of one ConfigMap share it. */
  configMap: number;
}

const NO_LINES: ReadonlySet<number> = new Set();

export function kindOfKey(key: string): EmbeddedKind | undefined {
  if (key === 'Corefile') return 'corefile';
  if (key.endsWith('.server')) return 'server';
  if (key.endsWith('.override')) return 'override';
  return undefined;
}

/**
 * A file that cannot hold a ConfigMap with such a key is rejected by two substring searches, so opening
 * ordinary YAML in the editor costs no parsing at all.
 */
export function mayHoldCorefiles(text: string): boolean {
  return text.includes('ConfigMap') && (text.includes('Corefile') || text.includes('.server') || text.includes('.override'));
}

export function findEmbeddedCorefiles(text: string): EmbeddedCorefile[] {
  if (!mayHoldCorefiles(text)) return [];
  const yamlLines = editorLineStarts(text);
  // Template syntax is masked first, so it cannot break the YAML parse; offsets are mapped back below.
  const masked = maskTemplates(text);
  const found: EmbeddedCorefile[] = [];
  let configMapIndex = 0;
  parseAllDocuments(masked?.text ?? text, { keepSourceTokens: true }).forEach((doc, index) => {
    // A stream that is not YAML at all comes back as an empty list; there is nothing to find in it.
    if (!('contents' in doc)) return;
    for (const configMap of configMapsIn(doc.contents)) {
      appendAll(found, corefilesOf(configMap, yamlLines, { document: index, configMap: configMapIndex++ }, masked));
    }
  });
  return found;
}

function configMapsIn(node: unknown): YAMLMap[] {
  if (isSeq(node)) return node.items.flatMap(configMapsIn);
  if (!isMap(node)) return [];
  const kind = node.get('kind');
  if (kind === 'ConfigMap') return [node];
  // `kind: List` (and typed lists such as ConfigMapList, as kubectl prints them) keep objects in `items`.
  if (typeof kind === 'string' && kind.endsWith('List')) return configMapsIn(node.get('items', true));
  return [];
}

function corefilesOf(
  configMap: YAMLMap,
  yamlLines: number[],
  where: { document: number; configMap: number },
  masked: MaskedYaml | undefined,
): EmbeddedCorefile[] {
  const data = configMap.get('data', true);
  if (!isMap(data)) return [];
  const original = (offset: number): number => (masked === undefined ? offset : masked.toOriginal(offset));
  const out: EmbeddedCorefile[] = [];
  for (const pair of data.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || !isScalar(pair.value)) continue;
    const kind = kindOfKey(pair.key.value);
    const value = pair.value as Scalar;
    if (kind === undefined || typeof value.value !== 'string') continue;
    const keyRange = rangeOf(pair.key, yamlLines, original);
    const mapped = decodeWithSpans(value, pair.key);
    if (masked !== undefined) mapped.remap(original);
    const valueStart = original(value.range?.[0] ?? 0);
    const map = new PositionMap(mapped, yamlLines, valueStart);
    // The value ends with its last decoded unit: lines after it (a block scalar's trailing blank lines,
    // which an emptied `{{- end }}` line joins) are not part of what CoreDNS reads.
    const valueEnd = mapped.length > 0 ? mapped.ends[mapped.length - 1]! : original(value.range?.[1] ?? 0);
    const inValue = masked?.actions.filter((a) => a.start >= valueStart && a.start < valueEnd) ?? [];
    const templated = inValue.length > 0;
    const lastLine = offsetToPosition(yamlLines, valueEnd).line;
    const uncertain = templated ? uncertainLines(inValue, keyRange.start.line, lastLine) : NO_LINES;
    out.push({ kind, key: pair.key.value, keyRange, map, templated, uncertainLines: uncertain, ...where });
  }
  return out;
}

function rangeOf(node: Node, yamlLines: number[], original: (offset: number) => number): Range {
  const [start, end] = node.range ?? [0, 0];
  return { start: offsetToPosition(yamlLines, original(start)), end: offsetToPosition(yamlLines, original(end)) };
}

/**
 * The scalar's text with a YAML span per unit. Our decoding must give exactly the text the YAML library
 * (and so Kubernetes) gives; where it does not, every position falls back to the key rather than to a
 * plausible but wrong place.
 */
function decodeWithSpans(value: Scalar, key: Scalar): MappedText {
  const token = value.srcToken;
  let mapped: MappedText | undefined;
  if (token?.type === 'block-scalar') mapped = decodeBlockScalar(token);
  else if (token?.type === 'scalar' || token?.type === 'single-quoted-scalar' || token?.type === 'double-quoted-scalar') {
    mapped = decodeFlowScalar(token as CST.FlowScalar);
  }
  if (mapped !== undefined && mapped.toString() === value.value) return mapped;
  const fallback = new MappedText();
  const [start, end] = key.range ?? [0, 0];
  fallback.add(String(value.value), start, end);
  return fallback;
}
