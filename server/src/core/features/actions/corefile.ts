// Quick fixes computed on a Corefile's own text: the finding's code says what is wrong, and the parsed
// tree says exactly which words and lines the fix touches. Only directives written directly in a server
// block are edited: a directive inside a snippet or an imported file serves every block that imports it,
// so changing it there could break the others.
import type { DirectiveNode } from '../../corefile/ast.js';
import { closest } from '../../corefile/suggest.js';
import { PLUGIN_ORDER } from '../../plugins/order.js';
import { directiveStatus } from '../../plugins/versions.js';
import type { Range } from '../../types.js';
import type { FixCandidate } from './types.js';
import { anyTreeFor } from '../shared-parse.js';
import { tokenRange } from '../../corefile/token.js';
import { nodeRange } from '../../corefile/node-range.js';
import { EDITOR_LINE_END } from '../../text-lines.js';

/** The codes this file can fix; any other code gets no fix. */
export const COREFILE_FIXABLE = new Set(['core/unknown-directive', 'version/directive-removed', 'core/once-per-block', 'core/ignored-repeat']);

/**
 * Removed directives whose replacement reads the same line (`proxy . 8.8.8.8` is `forward . 8.8.8.8`).
 * Other replacements (`reverse` → `template`, `startup` → `on`) need a rewritten line, so they get none.
 */
const PURE_RENAMES: ReadonlyMap<string, string> = new Map([['proxy', 'forward']]);

/**
 * Where the edits go when the Corefile that was parsed is not the text being edited: an `.override`
 * key is parsed inside the default block it joins, but edited in its own text.
 */
export interface EditedText {
  text: string;
  /** The range in the edited text, or undefined when the parsed range lies outside it. */
  toEdited(r: Range): Range | undefined;
}

export function corefileFixes(text: string, code: string, range: Range, corednsVersion: string, edited: EditedText = { text, toEdited: (r) => r }): FixCandidate[] {
  if (!COREFILE_FIXABLE.has(code)) return [];
  const parsed = directiveNamed(text, range);
  if (parsed === undefined) return [];
  const nameRange = edited.toEdited(tokenRange(parsed.name));
  const directiveRange = edited.toEdited(nodeRange(parsed));
  if (nameRange === undefined || directiveRange === undefined) return [];
  const directive = { ...parsed, range: directiveRange, name: { ...parsed.name, range: nameRange } };
  const name = directive.name;
  // A quoted name or one built from placeholders is not a plain word that can be replaced as written.
  const plainName = !name.quoted && name.range.start.line === name.range.end.line && name.range.end.character - name.range.start.character === name.text.length;
  switch (code) {
    case 'core/unknown-directive': {
      if (!plainName) return [];
      // The same suggestion the check puts in its message, from the same function over the same names.
      const suggestion = closest(name.text, PLUGIN_ORDER);
      if (suggestion === undefined) return [];
      return [{ title: `Change '${name.text}' to '${suggestion}'`, edits: [{ range: name.range, newText: suggestion }], isPreferred: true }];
    }
    case 'version/directive-removed': {
      if (!plainName) return [];
      const status = directiveStatus(name.text, corednsVersion);
      const rename = PURE_RENAMES.get(name.text);
      if (status.status !== 'removed' || rename === undefined || status.replacement !== rename) return [];
      return [{ title: `Replace '${name.text}' with '${rename}'`, edits: [{ range: name.range, newText: rename }], isPreferred: true }];
    }
    case 'core/once-per-block':
    case 'core/ignored-repeat': {
      const removal = wholeLines(edited.text, directive.range);
      if (removal === undefined) return [];
      // CoreDNS already ignores a repeat of a directive that reads only its first line, so removing it
      // changes nothing it does; a refused second line may hold settings the user meant to merge.
      const preferred = code === 'core/ignored-repeat';
      return [{ title: `Remove this repeated '${name.text}'`, edits: [{ range: removal, newText: '' }], isPreferred: preferred }];
    }
  }
  return [];
}

/** The directive written directly in a server block whose name token is exactly at `range`. */
function directiveNamed(text: string, range: Range): DirectiveNode | undefined {
  const tree = anyTreeFor(text);
  for (const item of tree.items) {
    if (item.kind !== 'block') continue;
    for (const statement of item.statements) {
      if (statement.kind === 'directive' && sameRange(tokenRange(statement.name), range)) return statement;
    }
  }
  return undefined;
}

/**
 * The range that removes the lines a directive occupies, its option block included, when nothing else
 * is written on them (a comment after it goes with it); otherwise undefined.
 */
function wholeLines(text: string, range: Range): Range | undefined {
  // The range is on the editor's lines, which a lone `\r` ends too (CoreDNS ends its lines at `\n` only).
  const lines = text.split(EDITOR_LINE_END);
  const first = lines[range.start.line];
  const last = lines[range.end.line];
  if (first === undefined || last === undefined) return undefined;
  if (first.slice(0, range.start.character).trim() !== '') return undefined;
  const after = last.slice(range.end.character).trim();
  if (after !== '' && !after.startsWith('#')) return undefined;
  // When only an empty last line follows (the text ends with a line break), the break before the
  // directive goes instead, so that in YAML the removal never reaches past the end of the key's text.
  const onlyFinalBreakAfter = range.end.line + 2 === lines.length && lines[range.end.line + 1] === '';
  if (range.end.line + 1 < lines.length && !(onlyFinalBreakAfter && range.start.line > 0)) {
    return { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } };
  }
  // The last line has no line break after it: the break before it goes instead.
  if (range.start.line === 0) return { start: { line: 0, character: 0 }, end: { line: range.end.line, character: last.length } };
  const previous = lines[range.start.line - 1]!;
  return { start: { line: range.start.line - 1, character: previous.length }, end: { line: range.end.line, character: last.length } };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
