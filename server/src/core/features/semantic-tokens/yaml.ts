// Semantic tokens inside Kubernetes YAML: each ConfigMap key that holds Corefile text is classified as its
// own text (an `.override` key wrapped in the default block it joins, as hover reads it, so its first words
// are directives rather than server-block keys) and every token is mapped back through the key's position
// map. LSP tokens cannot span lines, and a token must cover exactly the characters of its word: a token is
// kept only when its mapped range stays on one YAML line with the same length (an escape such as `\"` in a
// quoted scalar makes the YAML text longer than the word, and such a word is left to the grammar). Lines a
// template decides get no tokens.
import { OverrideWrapper } from '../../embedded/override.js';
import type { AnalysisSettings } from '../../settings.js';
import type { Range } from '../../types.js';
import { embeddedFor } from '../shared-parse.js';
import { corefileWordTokens } from './corefile.js';
import type { PlacedToken } from './types.js';

export function yamlSemanticTokens(yaml: string, settings: AnalysisSettings): PlacedToken[] {
  const out: PlacedToken[] = [];
  for (const embedded of embeddedFor(yaml)) {
    let text = embedded.map.text;
    let toOwnText = (r: Range): Range | undefined => r;
    if (embedded.kind === 'override') {
      const wrapper = new OverrideWrapper(embedded.map.text, undefined);
      text = wrapper.text;
      toOwnText = (r) => wrapper.toOverride(r);
    }
    for (const word of corefileWordTokens(text, settings)) {
      const own = toOwnText(word.range);
      if (own === undefined) continue;
      const at = embedded.map.toYaml(own);
      const length = word.range.end.character - word.range.start.character;
      if (at.start.line !== at.end.line || at.end.character - at.start.character !== length) continue;
      if (embedded.uncertainLines.has(at.start.line)) continue;
      out.push({ line: at.start.line, character: at.start.character, length, type: word.type, modifiers: word.modifiers });
    }
  }
  return out;
}
