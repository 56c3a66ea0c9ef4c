// Environment placeholders inside a Corefile word: `{$NAME}` and `{%NAME%}`. CoreDNS replaces both with
// the variable's value when it reads the Corefile (an unset variable becomes an empty string); at lint
// time only the values given in the settings are known.
import type { AnalysisSettings } from '../../settings.js';
import { code, paragraphs } from './markdown.js';

export interface EnvReference {
  name: string;
  /** The placeholder as written, e.g. `{$UPSTREAM}`. */
  text: string;
  /** Offsets of the placeholder in the document. */
  start: number;
  end: number;
}

// The shortest match, as CoreDNS's scan takes the first closing `%}` or `}` after the opening.
const PLACEHOLDER = /\{%([^]*?)%\}|\{\$([^}]*)\}/g;

/** The placeholders in `source` (the word as written in the document, which starts at `offset`). */
export function envReferences(source: string, offset: number): EnvReference[] {
  const found: EnvReference[] = [];
  for (const match of source.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? match[2] ?? '';
    // CoreDNS leaves `{$}` and `{%%}` alone: an empty name is no placeholder.
    if (name === '') continue;
    found.push({ name, text: match[0], start: offset + match.index, end: offset + match.index + match[0].length });
  }
  return found;
}

export function envMarkdown(ref: EnvReference, settings: AnalysisSettings): string {
  const title = `**Environment variable** ${code(ref.name)}`;
  if (Object.prototype.hasOwnProperty.call(settings.env, ref.name)) {
    const value = settings.env[ref.name]!;
    return paragraphs(title, `${code(ref.text)} reads as ${value === '' ? 'an empty string' : code(value)}, the value given in the ${code('corefileLens.env')} setting.`);
  }
  return paragraphs(
    title,
    `Its value is not known at lint time: CoreDNS puts in the variable's value from its own environment when it reads the Corefile, and an empty string when it is unset. Checks that need the value are skipped. Give a value in the ${code('corefileLens.env')} setting (or ${code('--env')} on the command line) to check it.`,
  );
}
