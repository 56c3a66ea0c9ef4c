// Formatting the Corefiles inside Kubernetes YAML. Only a literal block scalar (`|`, `|-`, `|+`, with or
// without an indentation indicator) holds its Corefile line for line, so only there can the Corefile's
// lines be rewritten in place: each formatted line is written back with the block's own indentation.
// Folded scalars (`>`) join lines, so re-indenting one would change where YAML folds; quoted and plain
// scalars encode line breaks and escapes; a templated key is not what CoreDNS will read. Those are left
// as written, with a note saying so. Each edit is proven before it is offered: the edited YAML is parsed
// again and the key must now hold exactly the formatted Corefile.
import { findEmbeddedCorefiles, type EmbeddedCorefile } from '../../embedded/find.js';
import { editorLineStarts, hasLoneCarriageReturn } from '../../text-lines.js';
import type { Range } from '../../types.js';
import { formatCorefileText } from './corefile.js';
import { applyEdits, editBetween, type FormatEdit } from './edits.js';
import { lineBreakOf } from './layout.js';
import { embeddedFor } from '../shared-parse.js';

/** Something the formatter left as written, and why. `error` marks a Corefile it could not format. */
export interface FormatNote {
  severity: 'error' | 'information';
  message: string;
  range: Range;
}

export interface YamlFormat {
  edits: FormatEdit[];
  notes: FormatNote[];
}

export function formatYaml(yaml: string): YamlFormat {
  const embedded = embeddedFor(yaml);
  if (embedded.length === 0) return { edits: [], notes: [] };
  if (hasLoneCarriageReturn(yaml)) {
    const range = embedded[0]!.keyRange;
    return { edits: [], notes: [{ severity: 'error', range, message: 'Not formatted: this file holds a carriage return without a line feed after it, where the editor and YAML count lines differently. Replace it with a line break.' }] };
  }
  const edits: FormatEdit[] = [];
  const notes: FormatNote[] = [];
  embedded.forEach((e, index) => {
    const result = formatKey(yaml, e, index);
    if ('edit' in result) {
      if (result.edit !== undefined) edits.push(result.edit);
    } else {
      notes.push(result.note);
    }
  });
  return { edits, notes };
}

type KeyResult = { edit: FormatEdit | undefined } | { note: FormatNote };

function formatKey(yaml: string, e: EmbeddedCorefile, index: number): KeyResult {
  const note = (severity: FormatNote['severity'], message: string, range = e.keyRange): KeyResult => ({ note: { severity, range, message: `${e.key}: ${message}` } });
  if (e.templated) return note('information', 'left as written, because template actions decide part of it; only literal YAML is formatted.');
  const style = scalarStyleAfterKey(yaml, e.keyRange);
  if (style !== 'literal') {
    return note('information', `left as written: only a literal block scalar (\`|\`) keeps a Corefile line for line; this value is ${STYLE_NAMES[style]}, where re-indenting would change the text.`);
  }
  const source = e.map.text;
  const outcome = formatCorefileText(source, { override: e.kind === 'override' });
  if (!outcome.ok) return note('error', outcome.message, outcome.reason === 'syntax' ? e.map.toYaml(outcome.range) : e.keyRange);
  const lines = source.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return { edit: undefined };
  let last = lines.length - 1;
  while (lines[last]!.trim() === '') last--;
  // The formatted lines replace the lines from the first to the last that hold anything; blank lines
  // before and after belong to the YAML layout and its chomping indicator, and stay.
  const formatted = outcome.text.replace(/\n$/, '').split('\n');
  const current = lines.slice(first, last + 1);
  if (formatted.join('\n') === current.join('\n')) return { edit: undefined };
  const place = placeOfLines(yaml, e, first, last);
  if (place === undefined) return note('error', 'not formatted: its lines could not be matched to the YAML exactly.');
  const pad = ' '.repeat(place.column);
  const newText = formatted.map((l) => (l === '' ? '' : pad + l)).join(lineBreakOf(yaml));
  const edit: FormatEdit = { range: place.range, newText };
  const expected = [...lines.slice(0, first), ...formatted, ...lines.slice(last + 1)].join('\n');
  const edited = applyEdits(yaml, [edit]);
  const again = findEmbeddedCorefiles(edited)[index];
  if (again === undefined || again.key !== e.key || again.map.text !== expected) {
    return note('error', 'not formatted: the edited YAML would not have held exactly the formatted Corefile. Please report this file.');
  }
  // The same change as the smallest edit: it lies inside the key's lines, so edits of keys never overlap.
  return { edit: editBetween(yaml, edited)[0] };
}

type ScalarStyle = 'literal' | 'folded' | 'quoted' | 'plain';

const STYLE_NAMES: Record<Exclude<ScalarStyle, 'literal'>, string> = {
  folded: 'a folded block scalar (`>`)',
  quoted: 'a quoted scalar',
  plain: 'a plain scalar (or written in a form this formatter does not edit)',
};

/**
 * The style of the value after a mapping key, read from the characters after the key: `:`, then any tag
 * (`!!str`) or anchor (`&a`), then the value's first character. Anything unusual (the value's tag on the
 * next line, an explicit `?` key) reads as plain, which is never edited.
 */
function scalarStyleAfterKey(yaml: string, keyRange: Range): ScalarStyle {
  const lines = editorLineStarts(yaml);
  let i = lines[keyRange.end.line]! + keyRange.end.character;
  const skipBlanks = (): void => {
    while (yaml[i] === ' ' || yaml[i] === '\t') i++;
  };
  skipBlanks();
  if (yaml[i] !== ':') return 'plain';
  i++;
  for (;;) {
    skipBlanks();
    if (yaml[i] !== '!' && yaml[i] !== '&') break;
    while (i < yaml.length && !/\s/.test(yaml[i]!)) i++;
  }
  const c = yaml[i];
  if (c === '|') return 'literal';
  if (c === '>') return 'folded';
  return c === '"' || c === "'" ? 'quoted' : 'plain';
}

/**
 * Where the Corefile's lines `first..last` are in the YAML: the whole YAML lines that hold them, and the
 * block's indentation. In a literal block scalar every Corefile line is one YAML line, indented by the
 * same amount; anything else means the map is not line for line, and the key is not edited.
 */
function placeOfLines(yaml: string, e: EmbeddedCorefile, first: number, last: number): { range: Range; column: number } | undefined {
  const source = e.map.text;
  const yamlLines = editorLineStarts(yaml);
  const sourceLines = source.split('\n');
  const startOf = (line: number): { line: number; character: number } => e.map.toYaml({ start: { line, character: 0 }, end: { line, character: 0 } }).start;
  const top = startOf(first);
  const column = top.character;
  const lineText = (line: number): string => {
    const from = yamlLines[line]!;
    const to = line + 1 < yamlLines.length ? yamlLines[line + 1]! - 1 : yaml.length;
    return yaml.slice(from, to).replace(/\r$/, '');
  };
  for (let i = first; i <= last; i++) {
    const yamlLine = top.line + i - first;
    const text = sourceLines[i]!;
    if (yamlLine >= yamlLines.length) return undefined;
    if (text === '') continue;
    const at = startOf(i);
    if (at.line !== yamlLine || at.character !== column || lineText(yamlLine) !== ' '.repeat(column) + text) return undefined;
  }
  const bottom = top.line + last - first;
  return { range: { start: { line: top.line, character: 0 }, end: { line: bottom, character: lineText(bottom).length } }, column };
}
