// resolv.conf semantic tokens: the keywords glibc reads (at the start of a line, where both libcs look for
// them) and the option names glibc or musl know on an `options` line; options glibc stopped reading are
// marked `deprecated`. Unknown words get nothing: the checks report them.
import { parseResolvConf } from '../../resolvconf/parse.js';
import { GLIBC_FLAGS, numericOption, REMOVED_GLIBC_OPTIONS } from '../../resolvconf/options.js';
import type { PlacedToken } from './types.js';

export function resolvConfSemanticTokens(text: string): PlacedToken[] {
  const out: PlacedToken[] = [];
  for (const directive of parseResolvConf(text).directives) {
    const keyword = directive.keyword.range;
    if (directive.name === undefined || !directive.atLineStart) continue;
    out.push({ line: keyword.start.line, character: keyword.start.character, length: keyword.end.character - keyword.start.character, type: 'keyword', modifiers: [] });
    for (const option of directive.options) {
      const known = option.value !== undefined ? numericOption(option.name) !== undefined : GLIBC_FLAGS.some((f) => f.word === option.name);
      const removed = option.value === undefined && REMOVED_GLIBC_OPTIONS.has(option.name);
      if (!known && !removed) continue;
      const r = option.nameRange;
      if (r.start.line !== r.end.line) continue;
      out.push({ line: r.start.line, character: r.start.character, length: r.end.character - r.start.character, type: 'property', modifiers: removed ? ['deprecated'] : [] });
    }
  }
  return out;
}
