// The outline of a resolv.conf: one symbol per line that starts with one of glibc's keywords. A
// `nameserver` line is named with its address, so the three (or more) servers can be told apart in the
// outline; the other keywords carry their values as detail. Words after a `#` or `;` are what people
// write as trailing comments (neither libc has them), so they are left out of the detail.
import { startsComment } from '../../resolvconf/check-context.js';
import { editorPositions } from '../../resolvconf/lsp-lines.js';
import type { ResolvConfToken } from '../../resolvconf/model.js';
import { parseResolvConf } from '../../resolvconf/parse.js';
import type { Range } from '../../types.js';
import type { OutlineSymbol } from '../symbols.js';

export function resolvConfSymbols(text: string): OutlineSymbol[] {
  const file = parseResolvConf(text);
  const move = editorPositions(text);
  const onEditorLines = (r: Range): Range => (move === undefined ? r : { start: move(r.start), end: move(r.end) });
  const out: OutlineSymbol[] = [];
  for (const directive of file.directives) {
    if (directive.name === undefined) continue;
    const values = untilComment(directive.values);
    const named = directive.name === 'nameserver' && values.length > 0;
    out.push({
      name: named ? `nameserver ${values[0]!.text}` : directive.name,
      detail: (named ? values.slice(1) : values).map((v) => v.text).join(' '),
      kind: 'property',
      range: onEditorLines(directive.range),
      selectionRange: onEditorLines(directive.keyword.range),
      children: [],
    });
  }
  return out;
}

function untilComment(values: readonly ResolvConfToken[]): ResolvConfToken[] {
  const end = values.findIndex((v) => startsComment(v.text));
  return end < 0 ? [...values] : values.slice(0, end);
}
