// The hints of one Corefile text, at positions in that text: the plain Corefile and each Corefile embedded
// in YAML (whose positions the caller maps) come through here, so both get the same hints.
import { analyzeCorefile } from '../../corefile/analyze.js';
import type { FileHost } from '../../host.js';
import type { AnalysisSettings } from '../../settings.js';
import { addressHints } from './address.js';
import { orderHints, type PlacedHint } from './order.js';

/** Order hints only when the `inlayHints.executionOrder` setting allows them; address hints always. */
export function corefileHints(input: { uri: string; text: string; path?: string }, settings: AnalysisSettings, host: FileHost): PlacedHint[] {
  const { blocks } = analyzeCorefile(input, settings, host);
  const order = settings['inlayHints.executionOrder'] ? orderHints(blocks, input.uri) : [];
  return [...order, ...addressHints(blocks, input.uri)];
}
