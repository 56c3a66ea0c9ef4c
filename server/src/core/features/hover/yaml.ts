// Hover inside Kubernetes YAML: the ConfigMap key under the cursor is handed to the Corefile hover as
// its own text, through the same position map the diagnostics use, and the answer's range is mapped
// back to the YAML. An `.override` key holds bare directives, so it is read wrapped in the default block
// it joins (as embedded/override.ts does for the checks); otherwise its directives would look like
// server-block keys.
import { embeddedAt } from '../../embedded/locate.js';
import { OverrideWrapper } from '../../embedded/override.js';
import type { FileHost } from '../../host.js';
import type { AnalysisSettings } from '../../settings.js';
import type { Position, Range } from '../../types.js';
import { corefileHover, type HoverResult } from './corefile.js';

export function yamlHover(text: string, uri: string, position: Position, settings: AnalysisSettings, host: FileHost): HoverResult | undefined {
  const at = embeddedAt(text, position);
  if (at === undefined) return undefined;
  const { embedded } = at;
  const configMapKeys = at.all.map((e) => e.key);
  let source = embedded.map.text;
  let inner = at.position;
  let toOwnText = (r: Range): Range | undefined => r;
  if (embedded.kind === 'override') {
    const wrapper = new OverrideWrapper(embedded.map.text, undefined);
    source = wrapper.text;
    inner = { line: at.position.line + wrapper.overrideLine, character: at.position.character };
    toOwnText = (r) => wrapper.toOverride(r);
  }
  const toYaml = (r: Range): Range | undefined => {
    const own = toOwnText(r);
    return own === undefined ? undefined : embedded.map.toYaml(own);
  };
  const result = corefileHover({
    uri,
    text: source,
    position: inner,
    settings,
    host,
    configMapKeys,
    displayLine: (r) => (toYaml(r)?.start.line ?? r.start.line) + 1,
  });
  if (result === undefined) return undefined;
  const range = toYaml(result.range);
  if (range === undefined) return undefined;
  // In a templated key, the lines a template decides (its actions, the inside of its if/range/with) are not
  // what CoreDNS will read, so nothing said about them would be reliable; the literal lines get their hover.
  for (let line = range.start.line; line <= range.end.line; line++) if (embedded.uncertainLines.has(line)) return undefined;
  return { markdown: result.markdown, range };
}
