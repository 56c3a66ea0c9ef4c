// The outline of Kubernetes YAML: one symbol per ConfigMap data key that holds a Corefile (`Corefile`,
// `*.server`, `*.override`), named by the key and holding that Corefile's outline, every range mapped to
// the YAML through the same position map as the diagnostics. In templated YAML, a symbol named on a line
// a template decides is left out; its children that are literal stay, one level up.
import { type EmbeddedCorefile } from '../../embedded/find.js';
import { editorLineStarts, offsetToPosition } from '../../text-lines.js';
import type { Range } from '../../types.js';
import type { OutlineSymbol } from '../symbols.js';
import { cover, symbolsOfTree } from './corefile.js';
import { embeddedSource, type EmbeddedSource } from './embedded-source.js';
import { anyTreeFor, embeddedFor } from '../shared-parse.js';

const KEY_DETAIL: Record<EmbeddedCorefile['kind'], string> = {
  corefile: 'Corefile',
  server: 'server blocks, imported by the Corefile',
  override: 'directives joining the default .:53 block',
};

export function yamlSymbols(yaml: string, env: Readonly<Record<string, string>>): OutlineSymbol[] {
  return embeddedFor(yaml).map((embedded) => keySymbol(embedded, env));
}

function keySymbol(embedded: EmbeddedCorefile, env: Readonly<Record<string, string>>): OutlineSymbol {
  const source = embeddedSource(embedded);
  const tree = anyTreeFor(source.text);
  let inner = symbolsOfTree(tree, source.text, env);
  // The wrapper's own block is not in the YAML: the override's directives are the key's children.
  if (source.wrapped && inner[0]?.kind === 'namespace') inner = [...inner[0].children, ...inner.slice(1)];
  const children = mapAll(inner, source);
  const end = valueEnd(embedded);
  const range = cover(embedded.keyRange, end === undefined ? embedded.keyRange : { start: end, end });
  return { name: embedded.key, detail: KEY_DETAIL[embedded.kind], kind: 'module', range, selectionRange: embedded.keyRange, children };
}

/** The YAML position just after the value's last visible character. */
function valueEnd(embedded: EmbeddedCorefile): Range['start'] | undefined {
  const text = embedded.map.text;
  const length = text.trimEnd().length;
  if (length === 0) return undefined;
  const at = offsetToPosition(editorLineStarts(text), length);
  return embedded.map.toYaml({ start: at, end: at }).end;
}

function mapAll(symbols: readonly OutlineSymbol[], source: EmbeddedSource): OutlineSymbol[] {
  return symbols.flatMap((s) => mapSymbol(s, source));
}

function mapSymbol(s: OutlineSymbol, source: EmbeddedSource): OutlineSymbol[] {
  const children = mapAll(s.children, source);
  const range = source.toYaml(s.range);
  const selectionRange = source.toYaml(s.selectionRange);
  if (range === undefined || selectionRange === undefined) return children;
  for (let line = selectionRange.start.line; line <= selectionRange.end.line; line++) if (source.uncertain(line)) return children;
  return [{ ...s, range: cover(range, selectionRange), selectionRange, children }];
}
