// How the whole-document features (outline, folding) read one Corefile embedded in YAML: the text to parse
// and the way back from its ranges to the YAML file. An `.override` key holds bare directives, so it is
// read wrapped in the default block it joins, as the checks, hover and definition read it; only ranges
// inside the override itself map back. Lines a template decides are reported so that nothing is said
// about them.
import type { EmbeddedCorefile } from '../../embedded/find.js';
import { OverrideWrapper } from '../../embedded/override.js';
import type { Range } from '../../types.js';

export interface EmbeddedSource {
  /** The Corefile text to parse (for an override: the wrapper around it). */
  text: string;
  /** True when `text` is the override wrapper: its outer block is ours, not the user's. */
  wrapped: boolean;
  /** The YAML range of a range of `text`, or undefined when it lies outside the key's own text. */
  toYaml(r: Range): Range | undefined;
  /** Whether a YAML line is decided by a template (Helm, Jinja), so nothing reliable can be said there. */
  uncertain(line: number): boolean;
}

export function embeddedSource(embedded: EmbeddedCorefile): EmbeddedSource {
  const uncertain = (line: number): boolean => embedded.uncertainLines.has(line);
  if (embedded.kind !== 'override') {
    return { text: embedded.map.text, wrapped: false, toYaml: (r) => embedded.map.toYaml(r), uncertain };
  }
  const wrapper = new OverrideWrapper(embedded.map.text, undefined);
  return {
    text: wrapper.text,
    wrapped: true,
    toYaml: (r) => {
      const own = wrapper.toOverride(r);
      return own === undefined ? undefined : embedded.map.toYaml(own);
    },
    uncertain,
  };
}
