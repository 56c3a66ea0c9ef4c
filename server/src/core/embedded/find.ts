// Finds the Corefiles inside Kubernetes YAML: the data keys of ConfigMaps (alone, in multi-document files
// and inside `kind: List` items) that CoreDNS reads, each with an exact map from its text back to the YAML.
import { isMap, isScalar, isSeq, parseAllDocuments, type CST, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { Range } from '../types.js';
import { decodeBlockScalar } from './decode-block.js';
import { decodeFlowScalar } from './decode-flow.js';
import { lineStarts, offsetToPosition, PositionMap } from './map.js';
import { MappedText } from './mapped-text.js';

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
  /** True when the text holds template syntax (Helm/Go `{{ }}`, Jinja `{% %}`): it is not what CoreDNS reads. */
  templated: boolean;
  /** Index of the YAML document (0-based) the ConfigMap is in; keys of one ConfigMap share it. */
  document: number;
}

/** Template actions of Go templates (Helm, kubeadm) and Jinja; CoreDNS's own `{%VAR%}` has no space after `{%`. */
const TEMPLATE_SYNTAX = /\{\{|\{%[-+]?\s|\{#/;

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
  const yamlLines = lineStarts(text);
  const found: EmbeddedCorefile[] = [];
  parseAllDocuments(text, { keepSourceTokens: true }).forEach((doc, index) => {
    // A stream that is not YAML at all comes back as an empty list; there is nothing to find in it.
    if (!('contents' in doc)) return;
    for (const configMap of configMapsIn(doc.contents)) {
      found.push(...corefilesOf(configMap, yamlLines, index));
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

function corefilesOf(configMap: YAMLMap, yamlLines: number[], document: number): EmbeddedCorefile[] {
  const data = configMap.get('data', true);
  if (!isMap(data)) return [];
  const out: EmbeddedCorefile[] = [];
  for (const pair of data.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || !isScalar(pair.value)) continue;
    const kind = kindOfKey(pair.key.value);
    const value = pair.value as Scalar;
    if (kind === undefined || typeof value.value !== 'string') continue;
    const keyRange = rangeOf(pair.key, yamlLines);
    const map = new PositionMap(decodeWithSpans(value, keyRange, yamlLines), yamlLines, value.range?.[0] ?? 0);
    out.push({ kind, key: pair.key.value, keyRange, map, templated: TEMPLATE_SYNTAX.test(value.value), document });
  }
  return out;
}

function rangeOf(node: Node, yamlLines: number[]): Range {
  const [start, end] = node.range ?? [0, 0];
  return { start: offsetToPosition(yamlLines, start), end: offsetToPosition(yamlLines, end) };
}

/**
 * The scalar's text with a YAML span per unit. Our decoding must give exactly the text the YAML library
 * (and so Kubernetes) gives; where it does not, every position falls back to the key rather than to a
 * plausible but wrong place.
 */
function decodeWithSpans(value: Scalar, keyRange: Range, yamlLines: number[]): MappedText {
  const token = value.srcToken;
  let mapped: MappedText | undefined;
  if (token?.type === 'block-scalar') mapped = decodeBlockScalar(token);
  else if (token?.type === 'scalar' || token?.type === 'single-quoted-scalar' || token?.type === 'double-quoted-scalar') {
    mapped = decodeFlowScalar(token as CST.FlowScalar);
  }
  if (mapped !== undefined && mapped.toString() === value.value) return mapped;
  const fallback = new MappedText();
  const start = yamlLines[keyRange.start.line]! + keyRange.start.character;
  const end = yamlLines[keyRange.end.line]! + keyRange.end.character;
  fallback.add(String(value.value), start, end);
  return fallback;
}
