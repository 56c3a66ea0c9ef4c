// Quick fixes in resolv.conf: a misspelt keyword or option word is replaced by the name the finding's
// own message suggests, asked of the same functions the checks use.
import { keywordSuggestion } from '../../resolvconf/check-keywords.js';
import { optionSuggestion } from '../../resolvconf/check-option-words.js';
import { modelPositions } from '../../resolvconf/lsp-lines.js';
import type { Range } from '../../types.js';
import type { FixCandidate } from './types.js';

export const RESOLVCONF_FIXABLE = new Set(['resolvconf/unknown-keyword', 'resolvconf/unknown-option']);

export function resolvConfFixes(text: string, code: string, range: Range): FixCandidate[] {
  if (!RESOLVCONF_FIXABLE.has(code) || range.start.line !== range.end.line) return [];
  // The range is on the editor's lines; the word is read where the libraries' lines (at `\n`) put it.
  const toModel = modelPositions(text);
  const start = toModel ? toModel(range.start) : range.start;
  const end = toModel ? toModel(range.end) : range.end;
  const line = start.line === end.line ? text.split('\n')[start.line] : undefined;
  if (line === undefined) return [];
  const word = line.slice(start.character, end.character);
  if (word === '' || /\s/.test(word)) return [];
  let replacement: string | undefined;
  if (code === 'resolvconf/unknown-keyword') {
    replacement = keywordSuggestion(word);
  } else {
    // A leading `-` asks glibc to clear the flag; it stays, and only the name after it is corrected.
    const negated = word.startsWith('-');
    const fixed = optionSuggestion(negated ? word.slice(1) : word);
    replacement = fixed === undefined ? undefined : `${negated ? '-' : ''}${fixed}`;
  }
  if (replacement === undefined || replacement === word) return [];
  return [{ title: `Change '${word}' to '${replacement}'`, edits: [{ range, newText: replacement }], isPreferred: true }];
}
