// Quick fixes inside Kubernetes YAML: the finding's YAML range is taken into the ConfigMap key's own
// Corefile text through the same position map the diagnostics use, the fix is computed there, and each
// edit is mapped back with `map.toYaml`. An `.override` key holds bare directives, so it is read wrapped
// in the default block it joins, as hover and the checks read it. Each mapped fix is proven before it is
// offered: the edited YAML is parsed again and the key must hold exactly the fixed Corefile text.
import { findEmbeddedCorefiles, type EmbeddedCorefile } from '../../embedded/find.js';
import { OverrideWrapper } from '../../embedded/override.js';
import type { Range } from '../../types.js';
import { applyEdits } from '../format/edits.js';
import { corefileFixes } from './corefile.js';
import type { FixCandidate } from './types.js';
import { embeddedFor } from '../shared-parse.js';
import { EDITOR_LINE_END } from '../../text-lines.js';

export function yamlFixes(yaml: string, code: string, range: Range, corednsVersion: string): FixCandidate[] {
  const all = embeddedFor(yaml);
  const index = all.findIndex((e) => e.map.fromYaml(range.start) !== undefined);
  const embedded = all[index];
  if (embedded === undefined) return [];
  // Lines a template decides are not what CoreDNS will read, so nothing is fixed there.
  for (let line = range.start.line; line <= range.end.line; line++) if (embedded.uncertainLines.has(line)) return [];
  const start = embedded.map.fromYaml(range.start);
  const end = embedded.map.fromYaml(range.end);
  if (start === undefined || end === undefined) return [];
  const own = embedded.map.text;
  const inOwnText: FixCandidate[] = [];
  if (embedded.kind === 'override') {
    const wrapper = new OverrideWrapper(own, undefined);
    const shift = wrapper.overrideLine;
    const inWrapper = { start: { line: start.line + shift, character: start.character }, end: { line: end.line + shift, character: end.character } };
    for (const fix of corefileFixes(wrapper.text, code, inWrapper, corednsVersion, { text: own, toEdited: (r) => wrapper.toOverride(r) })) inOwnText.push(fix);
  } else {
    for (const fix of corefileFixes(own, code, { start, end }, corednsVersion)) inOwnText.push(fix);
  }
  const out: FixCandidate[] = [];
  for (const fix of inOwnText) {
    const mapped = toYaml(yaml, all, index, embedded, fix);
    if (mapped !== undefined) out.push(mapped);
  }
  return out;
}

/** The fix in YAML positions, when the edited YAML holds exactly the fixed text in the same key. */
function toYaml(yaml: string, all: readonly EmbeddedCorefile[], index: number, embedded: EmbeddedCorefile, fix: FixCandidate): FixCandidate | undefined {
  const edits = fix.edits.map((e) => ({ range: yamlRange(embedded, e.range), newText: e.newText }));
  const expected = applyEdits(embedded.map.text, fix.edits);
  const again = findEmbeddedCorefiles(applyEdits(yaml, edits));
  if (again.length !== all.length) return undefined;
  const same = again[index];
  if (same === undefined || same.key !== embedded.key || same.map.text !== expected) return undefined;
  return { ...fix, edits };
}

/**
 * The YAML range of an edit. Each end is where the character at that position starts in the YAML, so a
 * removal from one line's start to the next line's start also takes the next line's indentation away
 * (the block's indentation of the line that follows stays the one it had). An end at the very end of the
 * text has no character there and ends after the last one.
 */
function yamlRange(embedded: EmbeddedCorefile, r: Range): Range {
  const point = (p: Range['start']): Range['start'] => embedded.map.toYaml({ start: p, end: p }).start;
  const lines = embedded.map.text.split(EDITOR_LINE_END);
  const atTextEnd = r.end.line >= lines.length - 1 && r.end.character >= (lines[lines.length - 1] ?? '').length;
  return { start: point(r.start), end: atTextEnd ? embedded.map.toYaml(r).end : point(r.end) };
}
