// Diagnostics for Kubernetes YAML: every Corefile held by a ConfigMap is analysed like a Corefile file and
// its findings are moved to the YAML positions of the text they are about. The keys of the
// `coredns-custom` ConfigMap are analysed as part of the main Corefile that imports them, wherever in the
// workspace that Corefile is (cross-keys.ts); templated values are analysed for what is literal.
import { appendAll } from '../append.js';
import { analyzeCorefile } from '../corefile/analyze.js';
import { linePlaceName, type PlaceName } from '../corefile/duplicates.js';
import type { FileHost } from '../host.js';
import type { AnalysisSettings } from '../settings.js';
import type { CoreDiagnostic, Range } from '../types.js';
import { customKeyPath } from './custom-mount.js';
import { analyzeWithCustomKeys, mentionsCustomMount } from './cross-keys.js';
import { findEmbeddedCorefiles, type EmbeddedCorefile } from './find.js';
import type { PositionMap } from './map.js';
import { defaultBlockBody, OverrideWrapper } from './override.js';
import { customKeysOf, embeddedInSource, mainCorefileOf, nearest, type PlacedCorefile, type YamlSource } from './workspace.js';

/** The Corefiles that matter to one YAML file: its main Corefile and the custom keys it imports. */
export interface CrossKeyContext {
  main?: PlacedCorefile;
  customs: PlacedCorefile[];
}

/**
 * The main Corefile and the custom keys for the file `uri`: those in the file itself first; a part the file
 * lacks comes from the nearest workspace file that has it (see workspace.ts `nearest`). A workspace
 * Corefile is a partner only when it imports from the custom mount.
 */
export function crossKeyContext(uri: string, embedded: readonly EmbeddedCorefile[], workspace: readonly YamlSource[]): CrossKeyContext {
  const localMain = mainCorefileOf(embedded);
  let main: PlacedCorefile | undefined = localMain === undefined ? undefined : { uri, embedded: localMain };
  let customs: PlacedCorefile[] = customKeysOf(embedded).map((e) => ({ uri, embedded: e }));
  if (main === undefined && customs.length > 0) {
    const hit = nearest(uri, workspace, (all) => {
      const m = mainCorefileOf(all);
      return m !== undefined && mentionsCustomMount(m) ? m : undefined;
    });
    if (hit !== undefined) main = { uri: hit.uri, embedded: hit.found };
  }
  if (main !== undefined && customs.length === 0 && mentionsCustomMount(main.embedded)) {
    const hit = nearest(uri, workspace, (all) => {
      const keys = customKeysOf(all);
      return keys.length > 0 ? keys : undefined;
    });
    if (hit !== undefined) customs = hit.found.map((e) => ({ uri: hit.uri, embedded: e }));
  }
  return { main, customs };
}

/**
 * `path` is the YAML file's path. It is deliberately not handed to the Corefile analysis: file names in a
 * ConfigMap's Corefile are paths inside the CoreDNS pod, not next to the YAML, so resolving them from the
 * YAML's directory would report files missing (or present) for the wrong reason. `workspace` holds the
 * other YAML files in reach (the file itself may be among them; it is skipped).
 */
export function analyzeYaml(
  text: string,
  uri: string,
  path: string | undefined,
  settings: AnalysisSettings,
  host: FileHost,
  workspace: readonly YamlSource[] = [],
  /** The ConfigMaps of `text` when they were already found (the editor features' shared parse). */
  found?: EmbeddedCorefile[],
): CoreDiagnostic[] {
  void path;
  const embedded = found ?? findEmbeddedCorefiles(text);
  if (embedded.length === 0) return [];
  const context = crossKeyContext(uri, embedded, workspace);
  const out: CoreDiagnostic[] = [];
  const done = new Set<EmbeddedCorefile>();
  let imported: Set<EmbeddedCorefile> | undefined;
  if (context.main !== undefined && context.customs.length > 0) {
    const cross = analyzeWithCustomKeys(context.main, context.customs, settings, host);
    imported = cross.imported;
    for (const f of cross.findings) if (f.uri === uri) out.push(f.diagnostic);
    if (context.main.uri === uri) done.add(context.main.embedded);
    for (const e of cross.imported) done.add(e);
  }
  const customs = new Set(context.customs.map((c) => c.embedded));
  for (const e of embedded) {
    if (e.templated) out.push(templateNotice(e));
    if (done.has(e)) continue;
    if (imported !== undefined && customs.has(e)) out.push(notImported(e, context.main!, uri));
    if (e.kind === 'override') {
      // An override CoreDNS never reads is checked alone; otherwise inside the default block it would join.
      const main = imported !== undefined && customs.has(e) ? undefined : context.main;
      appendAll(out, analyzeOverride(e, main, uri, settings, host));
    } else {
      // Messages that name another line of this Corefile name the YAML file's line.
      const placeName: PlaceName = (r, u, here) => (u === uri && here === uri ? `line ${e.map.toYaml(r).start.line + 1}` : linePlaceName(r, u, here));
      appendAll(out, analyzeCorefile({ uri, text: e.map.text, placeName }, settings, host).diagnostics.map((d) => moveToYaml(d, uri, (r) => e.map.toYaml(r))));
    }
  }
  const uncertain = uncertainLinesByUri(uri, embedded, workspace);
  return out
    .filter((d) => d.code === TEMPLATE_NOTICE || !touchesTemplate(d, uri, uncertain))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

const TEMPLATE_NOTICE = 'embedded/template-partly-checked';

/** Template actions make a value differ from what CoreDNS reads; the notice says what was left out. */
function templateNotice(e: EmbeddedCorefile): CoreDiagnostic {
  return {
    severity: 'information',
    code: TEMPLATE_NOTICE,
    message: `The value of '${e.key}' holds template syntax ({{ }} or {% %}): only its literal lines were checked, and findings on lines the template decides are left out. Lint the rendered manifest (for example the output of 'helm template') to check all of it.`,
    range: e.keyRange,
  };
}

function notImported(e: EmbeddedCorefile, main: PlacedCorefile, uri: string): CoreDiagnostic {
  const where = main.uri === uri ? '' : ` (in ${main.uri})`;
  return {
    severity: 'information',
    code: 'embedded/custom-key-not-imported',
    message: `No import of the main Corefile${where} matches ${customKeyPath(e.key)}, so CoreDNS never reads '${e.key}'. Import it (for example 'import /etc/coredns/custom/*.${e.kind}'), or rename the key to match an existing import.`,
    range: e.keyRange,
  };
}

/** Lines decided by templates, for this file and each workspace file, by uri. */
function uncertainLinesByUri(uri: string, embedded: readonly EmbeddedCorefile[], workspace: readonly YamlSource[]): Map<string, Set<number>> {
  const byUri = new Map<string, Set<number>>();
  const collect = (u: string, list: readonly EmbeddedCorefile[]): void => {
    const lines = new Set<number>();
    for (const e of list) for (const l of e.uncertainLines) lines.add(l);
    if (lines.size > 0) byUri.set(u, lines);
  };
  collect(uri, embedded);
  for (const s of workspace) if (s.uri !== uri) collect(s.uri, embeddedInSource(s));
  return byUri;
}

/** Whether the finding, or a place it points at, is on a line a template decides. */
function touchesTemplate(d: CoreDiagnostic, uri: string, uncertain: ReadonlyMap<string, Set<number>>): boolean {
  const hits = (u: string, r: Range): boolean => {
    const lines = uncertain.get(u);
    if (lines === undefined) return false;
    for (let l = r.start.line; l <= r.end.line; l++) if (lines.has(l)) return true;
    return false;
  };
  return hits(uri, d.range) || (d.related ?? []).some((r) => hits(r.uri, r.range));
}

function analyzeOverride(e: EmbeddedCorefile, main: PlacedCorefile | undefined, uri: string, settings: AnalysisSettings, host: FileHost): CoreDiagnostic[] {
  const body = main === undefined ? undefined : defaultBlockBody(main.embedded.map.text);
  const wrapper = new OverrideWrapper(e.map.text, body);
  const result: CoreDiagnostic[] = [];
  for (const d of analyzeCorefile({ uri, text: wrapper.text }, settings, host).diagnostics) {
    const inOverride = wrapper.toOverride(d.range);
    // Findings about the main Corefile's own lines are reported on that key, not again here.
    if (inOverride === undefined) continue;
    const related = (r: Range): { uri: string; range: Range } | undefined => {
      const own = wrapper.toOverride(r);
      if (own !== undefined) return { uri, range: e.map.toYaml(own) };
      const inMain = main === undefined ? undefined : wrapper.toCorefile(r, main.embedded.map.text);
      return inMain === undefined || main === undefined ? undefined : { uri: main.uri, range: main.embedded.map.toYaml(inMain) };
    };
    result.push(moveToYaml({ ...d, range: inOverride }, uri, (r) => e.map.toYaml(r), related));
  }
  return result;
}

/**
 * The finding with its range, and the related places in this document, turned into YAML positions.
 * Related places that cannot be placed in the YAML (the wrapper's own braces) are dropped.
 */
function moveToYaml(
  d: CoreDiagnostic,
  uri: string,
  toYaml: PositionMap['toYaml'],
  related: (r: Range) => { uri: string; range: Range } | undefined = (r) => ({ uri, range: toYaml(r) }),
): CoreDiagnostic {
  const moved: CoreDiagnostic = { ...d, range: toYaml(d.range) };
  if (d.related !== undefined) {
    moved.related = d.related.flatMap((rel) => {
      if (rel.uri !== uri) return [rel];
      const placed = related(rel.range);
      return placed === undefined ? [] : [{ ...rel, ...placed }];
    });
  }
  return moved;
}
