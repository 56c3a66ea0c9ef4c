// Diagnostics for Kubernetes YAML: every Corefile held by a ConfigMap is analysed like a Corefile file and
// its findings are moved to the YAML positions of the text they are about.
import { analyzeCorefile } from '../corefile/analyze.js';
import type { FileHost } from '../host.js';
import type { AnalysisSettings } from '../settings.js';
import type { CoreDiagnostic, Range } from '../types.js';
import { findEmbeddedCorefiles, type EmbeddedCorefile } from './find.js';
import type { PositionMap } from './map.js';
import { defaultBlockBody, OverrideWrapper } from './override.js';

/**
 * `path` is the YAML file's path. It is deliberately not handed to the Corefile analysis: file names in a
 * ConfigMap's Corefile are paths inside the CoreDNS pod, not next to the YAML, so resolving them from the
 * YAML's directory would report files missing (or present) for the wrong reason.
 */
export function analyzeYaml(text: string, uri: string, path: string | undefined, settings: AnalysisSettings, host: FileHost): CoreDiagnostic[] {
  void path;
  const embedded = findEmbeddedCorefiles(text);
  if (embedded.length === 0) return [];
  const main = embedded.find((e) => e.kind === 'corefile' && !e.templated);
  const out: CoreDiagnostic[] = [];
  for (const e of embedded) {
    if (e.templated) out.push(templateNotice(e));
    else if (e.kind === 'override') out.push(...analyzeOverride(e, main, uri, settings, host));
    else out.push(...analyzeCorefile({ uri, text: e.map.text }, settings, host).diagnostics.map((d) => moveToYaml(d, uri, (r) => e.map.toYaml(r))));
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * A key whose text holds template actions is not what CoreDNS will read, and the template syntax would
 * produce errors that mean nothing; it is named once instead of analysed.
 */
function templateNotice(e: EmbeddedCorefile): CoreDiagnostic {
  return {
    severity: 'information',
    code: 'embedded/template-not-analyzed',
    message: `The value of '${e.key}' holds template syntax ({{ }} or {% %}), so it was not checked. Lint the rendered manifest (for example the output of 'helm template') to check this Corefile.`,
    range: e.keyRange,
  };
}

function analyzeOverride(e: EmbeddedCorefile, main: EmbeddedCorefile | undefined, uri: string, settings: AnalysisSettings, host: FileHost): CoreDiagnostic[] {
  const body = main === undefined ? undefined : defaultBlockBody(main.map.text);
  const wrapper = new OverrideWrapper(e.map.text, body);
  const result: CoreDiagnostic[] = [];
  for (const d of analyzeCorefile({ uri, text: wrapper.text }, settings, host).diagnostics) {
    const inOverride = wrapper.toOverride(d.range);
    // Findings about the main Corefile's own lines are reported on that key, not again here.
    if (inOverride === undefined) continue;
    const toYaml = (r: Range): Range | undefined => {
      const own = wrapper.toOverride(r);
      if (own !== undefined) return e.map.toYaml(own);
      const inMain = main === undefined ? undefined : wrapper.toCorefile(r, main.map.text);
      return inMain === undefined || main === undefined ? undefined : main.map.toYaml(inMain);
    };
    result.push(moveToYaml({ ...d, range: inOverride }, uri, (r) => e.map.toYaml(r), toYaml));
  }
  return result;
}

/**
 * The finding with its range, and the related ranges in this document, turned into YAML positions.
 * Related places that cannot be placed in the YAML (the wrapper's own braces) are dropped.
 */
function moveToYaml(
  d: CoreDiagnostic,
  uri: string,
  toYaml: PositionMap['toYaml'],
  relatedToYaml: (r: Range) => Range | undefined = toYaml,
): CoreDiagnostic {
  const moved: CoreDiagnostic = { ...d, range: toYaml(d.range) };
  if (d.related !== undefined) {
    moved.related = d.related.flatMap((rel) => {
      if (rel.uri !== uri) return [rel];
      const r = relatedToYaml(rel.range);
      return r === undefined ? [] : [{ ...rel, range: r }];
    });
  }
  return moved;
}
