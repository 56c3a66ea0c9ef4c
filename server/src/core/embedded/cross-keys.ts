// The main Corefile analysed the way CoreDNS reads it in the pod: with the keys of the `coredns-custom`
// ConfigMap present under /etc/coredns/custom, so `import /etc/coredns/custom/*.server` and `*.override`
// bring them in. A `.server` key that serves `.:53` again is then the duplicate-address error of the
// combined Corefile, and a second `cache` (or, before CoreDNS 1.9.4, `forward`) from an `.override` is the
// once-per-block error of the block that imports it. Each finding is handed back on the key (and file) its
// text is in, in YAML positions, with related places mapped the same way.
import type { ImportNode, Statement, TopLevelItem } from '../corefile/ast.js';
import { linePlaceName, type PlaceName } from '../corefile/duplicates.js';
import { findCorefileProblems } from '../corefile/analyze.js';
import { isGlobPattern } from '../corefile/paths.js';
import type { FileHost } from '../host.js';
import type { AnalysisSettings } from '../settings.js';
import type { CoreDiagnostic, Location, Range } from '../types.js';
import { customKeyUri, customMountHost, isUnderCustomMount, CUSTOM_MOUNT_DIR } from './custom-mount.js';
import type { EmbeddedCorefile } from './find.js';
import type { PlacedCorefile } from './workspace.js';
import { nodeRange } from '../corefile/node-range.js';

/** A finding in YAML positions of the file `uri`. */
export interface PlacedFinding {
  uri: string;
  diagnostic: CoreDiagnostic;
}

export interface CrossKeyAnalysis {
  findings: PlacedFinding[];
  /** The custom keys the main Corefile imports; the others are never read by CoreDNS. */
  imported: Set<EmbeddedCorefile>;
}

/**
 * Everything the Corefile analysis reports, each finding still carrying the document it is in: the analysis's
 * own findings (findCorefileProblems), before analyzeCorefile would move findings of imported files onto the
 * import line; here those files are ConfigMap keys, and their findings belong on the keys themselves.
 */
export function corefileFindings(uri: string, text: string, settings: AnalysisSettings, host: FileHost, placeName?: PlaceName): { findings: CoreDiagnostic[]; items: TopLevelItem[] } {
  const { tree, findings } = findCorefileProblems({ uri, text, ...(placeName ? { placeName } : {}) }, settings, host);
  return { findings, items: tree.items };
}

/** The import statements of a Corefile's top level and of its server blocks. */
export function importsOf(items: readonly TopLevelItem[]): ImportNode[] {
  const out: ImportNode[] = [];
  const statements = (list: readonly Statement[]): void => {
    for (const s of list) if (s.kind === 'import') out.push(s);
  };
  for (const item of items) {
    if (item.kind === 'import') out.push(item);
    else if (item.kind === 'block') statements(item.statements);
  }
  return out;
}

/** Whether the Corefile text imports anything from the custom mount (a cheap test before any parsing). */
export function mentionsCustomMount(e: EmbeddedCorefile): boolean {
  return e.map.text.includes(`${CUSTOM_MOUNT_DIR}/`);
}

const sameRange = (a: Range, b: Range): boolean =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

export function analyzeWithCustomKeys(main: PlacedCorefile, customs: readonly PlacedCorefile[], settings: AnalysisSettings, host: FileHost): CrossKeyAnalysis {
  const byKey = new Map<string, PlacedCorefile>();
  for (const c of customs) if (!byKey.has(c.embedded.key)) byKey.set(c.embedded.key, c);
  const byUri = new Map<string, PlacedCorefile>();
  for (const [key, c] of byKey) byUri.set(customKeyUri(key), c);
  const texts = new Map([...byKey].map(([key, c]) => [key, c.embedded.map.text]));
  const imported = new Set<EmbeddedCorefile>();
  const mountHost = customMountHost(host, texts, (key) => imported.add(byKey.get(key)!.embedded));
  const treeUri = main.uri;
  const ownerOf = (uri: string | undefined): PlacedCorefile | undefined => (uri === undefined || uri === treeUri ? main : byUri.get(uri));
  // Messages name other places by the line of the YAML file that holds them, and that file's name when it
  // is not the one the finding is shown in.
  const placeName: PlaceName = (r, u, here) => {
    const owner = ownerOf(u);
    const hereOwner = ownerOf(here);
    if (owner === undefined || hereOwner === undefined) return linePlaceName(r, u, here);
    const line = `line ${owner.embedded.map.toYaml(r).start.line + 1}`;
    return owner.uri === hereOwner.uri ? line : `${line} of ${decodeURIComponent(owner.uri.replace(/^.*\//, ''))}`;
  };
  const { findings, items } = corefileFindings(treeUri, main.embedded.map.text, settings, mountHost, placeName);

  const toYaml = (owner: PlacedCorefile, r: Range): Location => ({ uri: owner.uri, range: owner.embedded.map.toYaml(r) });
  const mountImports = importsOf(items).filter((imp) => imp.args.length === 1 && isUnderCustomMount(imp.args[0]!.text));

  const out: PlacedFinding[] = [];
  const seen = new Set<string>();
  for (const raw of findings) {
    const d = emptyMountGlob(raw, mountImports, customs) ?? raw;
    let owner = ownerOf(d.uri);
    let placed: CoreDiagnostic = d;
    if (owner === undefined) {
      // A finding inside a real file that the main Corefile (or a key) imports: shown on the import line
      // that leads to it, with its own place as related information, as corefile/analyze.ts does.
      const anchor = d.related?.find((r) => ownerOf(r.uri) !== undefined);
      if (anchor === undefined) continue;
      owner = ownerOf(anchor.uri)!;
      const path = decodeURIComponent(d.uri!.replace(/^file:\/\//, ''));
      placed = {
        ...d,
        range: anchor.range,
        message: `In ${path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`,
        related: [{ uri: d.uri!, range: d.range, message: d.message }, ...(d.related ?? []).filter((r) => r !== anchor)],
      };
    }
    const moved: CoreDiagnostic = { severity: placed.severity, code: placed.code, message: placed.message, range: owner.embedded.map.toYaml(placed.range) };
    if (placed.related !== undefined) {
      moved.related = placed.related.map((r) => {
        const relOwner = ownerOf(r.uri);
        return relOwner === undefined ? r : { ...toYaml(relOwner, r.range), message: r.message };
      });
    }
    const id = `${owner.uri}\u0000${moved.code}\u0000${moved.range.start.line}:${moved.range.start.character}\u0000${moved.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ uri: owner.uri, diagnostic: moved });
  }
  return { findings: out, imported };
}

/**
 * An import glob under the custom mount that matches no key: CoreDNS only logs a warning and imports
 * nothing, and with the ConfigMap in reach we know there is no such key, so it is information, not the
 * "no file here" warning meant for files we cannot see.
 */
function emptyMountGlob(d: CoreDiagnostic, mountImports: readonly ImportNode[], customs: readonly PlacedCorefile[]): CoreDiagnostic | undefined {
  if (d.uri !== undefined || d.code !== 'import/no-match') return undefined;
  const imp = mountImports.find((i) => sameRange(nodeRange(i), d.range));
  if (imp === undefined || !isGlobPattern(imp.args[0]!.text)) return undefined;
  const keys = [...new Set(customs.map((c) => c.embedded.key))].join(', ');
  return {
    severity: 'information',
    code: 'embedded/no-custom-key',
    message: `No key of the coredns-custom ConfigMap (${keys}) matches '${imp.args[0]!.text}', so this import brings in nothing. CoreDNS accepts an empty glob; add a key with a matching name if you meant to extend this Corefile.`,
    range: d.range,
  };
}
