// Insert text with argument placeholders, read from a plugin's documented syntax (man-page notation:
// `forward FROM TO...`, `pods disabled|insecure|verified`, `[OPTIONAL]`). Only what the syntax makes
// certain becomes a placeholder: the words before the first optional one. A syntax whose forms disagree
// on those words (tls CERT KEY vs tls { acme ... }), or that has a required word after an optional one
// (dnstap [listen] ENDPOINT), or a word this reader does not understand gives no placeholders at all,
// so an inserted snippet never asks for something CoreDNS would not take.

/** The required words after the name of one syntax line, or undefined when they are not certain. */
function requiredWords(line: string, nameWords: number): string[] | undefined {
  const words = line.trim().split(/\s+/).slice(nameWords);
  const required: string[] = [];
  let depth = 0;
  let optionalSeen = false;
  for (const word of words) {
    if (depth === 0 && word === '{') break;
    if (depth === 0) {
      if (word.startsWith('[') || word === '...') optionalSeen = true;
      else if (optionalSeen) return undefined;
      else required.push(word);
    }
    for (const ch of word) {
      if (ch === '[') depth++;
      else if (ch === ']') depth = Math.max(0, depth - 1);
    }
  }
  return required;
}

/** The syntax lines of a directive that start with its name (block bodies and closing braces left out). */
export function directiveSyntaxLines(name: string, syntax: readonly string[]): string[] {
  return syntax
    .flatMap((entry) => entry.split('\n'))
    .filter((line) => line === line.trimStart() && line.split(/\s+/)[0] === name);
}

/**
 * The words every form of the syntax requires after the name, or undefined when the forms disagree or a
 * form is not certain. An empty list means the name alone is a complete start.
 */
export function commonRequiredWords(lines: readonly string[], nameWords: number): string[] | undefined {
  let common: string[] | undefined;
  for (const line of lines) {
    const words = requiredWords(line, nameWords);
    if (words === undefined) return undefined;
    if (common === undefined) common = words;
    else if (common.join(' ') !== words.join(' ')) return undefined;
  }
  return common;
}

const PLACEHOLDER = /^[A-Z@][A-Z0-9_:@%.-]*$/;
const LITERAL = /^[a-z0-9][a-z0-9_.-]*$/;

const escapePlaceholder = (text: string): string => text.replace(/[$}\\]/g, (c) => `\\${c}`);
const escapeChoice = (text: string): string => text.replace(/[$}\\,|]/g, (c) => `\\${c}`);

export interface Insertion {
  /** Plain text: the name, and the required keywords when nothing needs filling in. */
  text: string;
  /** Snippet text with tab stops, when there is something to fill in. */
  snippet?: string;
}

/**
 * What to insert for `name` followed by the required words: placeholders as tab stops, alternatives of
 * keywords as a choice, keywords as written. A word this reader does not understand leaves only the name.
 */
export function insertionFor(name: string, required: readonly string[] | undefined): Insertion {
  if (required === undefined || required.length === 0) return { text: name };
  const parts: string[] = [];
  const literal: string[] = [];
  let stop = 0;
  for (const raw of required) {
    const word = raw.endsWith('...') ? raw.slice(0, -3) : raw;
    const alternatives = word.split('|').map((w) => (w.endsWith('...') ? w.slice(0, -3) : w));
    if (alternatives.length > 1 && alternatives.every((w) => LITERAL.test(w))) {
      parts.push(`\${${++stop}|${alternatives.map(escapeChoice).join(',')}|}`);
    } else if (alternatives.every((w) => PLACEHOLDER.test(w))) {
      parts.push(`\${${++stop}:${escapePlaceholder(alternatives.join('|'))}}`);
    } else if (alternatives.length === 1 && LITERAL.test(word)) {
      parts.push(escapePlaceholder(word));
      literal.push(word);
    } else {
      return { text: name };
    }
  }
  if (stop === 0) return { text: [name, ...literal].join(' ') };
  return { text: name, snippet: `${escapePlaceholder(name)} ${parts.join(' ')}` };
}
