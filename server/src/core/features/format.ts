// Formatting: one entry point for the three languages. A Corefile is laid out by brace depth (see
// format/layout.ts) only when CoreDNS provably reads the same tokens on the same lines afterwards; the
// Corefiles in Kubernetes YAML are formatted inside their literal block scalars; resolv.conf is never
// formatted, because glibc and musl give meaning to where a line's words start (a keyword counts only at
// column 1) and there is no nesting to show, so a formatter could only risk a change.
import type { LanguageId, Range } from '../types.js';
import { formatCorefileText } from './format/corefile.js';
import { applyEdits, editBetween, type FormatEdit } from './format/edits.js';
import { formatYaml, type FormatNote } from './format/yaml.js';

export type { FormatEdit } from './format/edits.js';
export type { FormatNote } from './format/yaml.js';

export interface FormatResult {
  /** The formatted document; the input itself where nothing was formatted. */
  text: string;
  /** The edits that turn the input into `text`, in positions of the input. */
  edits: FormatEdit[];
  /** What was left as written, and why. */
  notes: FormatNote[];
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function formatDocument(doc: { text: string; language: LanguageId }): FormatResult {
  const { text } = doc;
  switch (doc.language) {
    case 'corefile': {
      const outcome = formatCorefileText(text);
      if (!outcome.ok) return { text, edits: [], notes: [{ severity: 'error', message: outcome.message, range: outcome.range }] };
      return { text: outcome.text, edits: editBetween(text, outcome.text), notes: [] };
    }
    case 'yaml': {
      const { edits, notes } = formatYaml(text);
      return { text: edits.length === 0 ? text : applyEdits(text, edits), edits, notes };
    }
    case 'resolvconf':
      return {
        text,
        edits: [],
        notes: [{ severity: 'information', range: START, message: 'resolv.conf files are not formatted: the C libraries read each line from its first column, so they are left exactly as written.' }],
      };
  }
}
