// The other Kubernetes YAML files of the workspace, as plain data. The `coredns` ConfigMap (key `Corefile`)
// and the `coredns-custom` ConfigMap (keys `*.server`, `*.override`) are often kept in different files;
// the language server hands in the open and on-disk YAML files of its workspace folders, the CLI the other
// YAML files of the same run, and the core pairs them here without touching any file itself.
import { findEmbeddedCorefiles, mayHoldCorefiles, type EmbeddedCorefile } from './find.js';

/** One YAML document of the workspace: its uri and its current text. */
export interface YamlSource {
  uri: string;
  text: string;
}

/** An embedded Corefile together with the file it is in. */
export interface PlacedCorefile {
  uri: string;
  embedded: EmbeddedCorefile;
}

/**
 * Workspace files are parsed again only when their text changes: validating one file consults all the
 * others, and most of them stay the same between two keystrokes.
 */
const parsed = new Map<string, { text: string; embedded: EmbeddedCorefile[] }>();
const PARSED_LIMIT = 512;

export function embeddedInSource(source: YamlSource): EmbeddedCorefile[] {
  if (!mayHoldCorefiles(source.text)) return [];
  const known = parsed.get(source.uri);
  if (known !== undefined && known.text === source.text) return known.embedded;
  const embedded = findEmbeddedCorefiles(source.text);
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(source.uri, { text: source.text, embedded });
  return embedded;
}

/**
 * Keys CoreDNS reads from the custom mount: `.server` and `.override` keys of a ConfigMap that holds no
 * `Corefile` key. Such keys in the `coredns` ConfigMap itself are not under the custom mount.
 */
export function customKeysOf(embedded: readonly EmbeddedCorefile[]): EmbeddedCorefile[] {
  const withCorefile = new Set(embedded.filter((e) => e.kind === 'corefile').map((e) => e.configMap));
  return embedded.filter((e) => e.kind !== 'corefile' && !withCorefile.has(e.configMap));
}

/** The main Corefile of a file: its first `Corefile` key. */
export function mainCorefileOf(embedded: readonly EmbeddedCorefile[]): EmbeddedCorefile | undefined {
  return embedded.find((e) => e.kind === 'corefile');
}

/** How many leading path segments two uris share; the nearer file is the likelier partner. */
function sharedSegments(a: string, b: string): number {
  const as = a.split('/');
  const bs = b.split('/');
  let n = 0;
  while (n < as.length - 1 && n < bs.length - 1 && as[n] === bs[n]) n++;
  return n;
}

/**
 * The workspace file (other than `uri`) for which `pick` finds something, nearest to `uri` first (most
 * shared directories), then in uri order, so the choice does not depend on the order files were found in.
 */
export function nearest<T>(uri: string, workspace: readonly YamlSource[], pick: (embedded: EmbeddedCorefile[]) => T | undefined): { uri: string; found: T } | undefined {
  const candidates = workspace
    .filter((s) => s.uri !== uri)
    .map((s) => ({ s, shared: sharedSegments(uri, s.uri) }))
    .sort((a, b) => b.shared - a.shared || (a.s.uri < b.s.uri ? -1 : a.s.uri > b.s.uri ? 1 : 0));
  for (const { s } of candidates) {
    const found = pick(embeddedInSource(s));
    if (found !== undefined) return { uri: s.uri, found };
  }
  return undefined;
}
