// Option names for a line inside a plugin's block, from the plugin module's documented options, with
// their syntax and meaning. Options the targeted release does not have yet, no longer accepts, or has
// deprecated (they only draw a warning, and most do nothing any more) are left out (plugins/versions.ts).
import { pluginModule } from '../../plugins/registry.js';
import type { ParamDoc } from '../../plugins/types.js';
import { LATEST_KNOWN_VERSION, optionHistory, optionStatus, UNRELEASED } from '../../plugins/versions.js';
import type { AnalysisSettings } from '../../settings.js';
import { code, paragraphs } from '../hover/markdown.js';
import { commonRequiredWords, insertionFor } from './snippet.js';
import type { CompletionEntry } from './types.js';

/** A name made of lowercase keywords (`ttl`, `key file`, `transfer from`); placeholders such as ACTION are not. */
const KEYWORDS = /^[a-z][a-z0-9_-]*( [a-z][a-z0-9_-]*)*$/;

/**
 * The words a line of the block starts with for this documented option: its name, or for an option
 * documented by a placeholder (acl's ACTION) the keywords its syntax lists. None for lines that start with
 * data (hosts' inline `ADDRESS NAME...`).
 */
function startsOf(doc: ParamDoc): Array<{ label: string; syntax: string }> {
  if (KEYWORDS.test(doc.name)) return doc.syntax.startsWith(doc.name) ? [{ label: doc.name, syntax: doc.syntax }] : [];
  const first = doc.syntax.split(/\s+/)[0] ?? '';
  const alternatives = first.split('|');
  if (!alternatives.every((a) => /^[a-z][a-z0-9_-]*$/.test(a))) return [];
  const rest = doc.syntax.slice(first.length);
  return alternatives.map((a) => ({ label: a, syntax: `${a}${rest}` }));
}

function documentation(doc: ParamDoc, syntax: string, history: string | undefined): string {
  const extras = [doc.default !== undefined ? `Default: ${doc.default}.` : undefined, doc.values !== undefined ? `Accepted values: ${doc.values}.` : undefined];
  return paragraphs(code(syntax), doc.description, extras.filter((e): e is string => e !== undefined).join(' '), history);
}

/**
 * The words that may start a line of the block, read from the block lines of the documented syntax
 * (`ACTION [type ...] [net ...]` makes acl's type and net words of an action line, not lines of their own),
 * or undefined when the syntax leaves it open (`OPTION...`) or shows no block, and every option may.
 */
function lineStarters(syntax: readonly string[], documented: ReadonlySet<string>): Set<string> | undefined {
  const starters = new Set<string>();
  for (const line of syntax.flatMap((entry) => entry.split('\n'))) {
    if (!/^\s+\S/.test(line)) continue;
    for (const word of line.trim().split(/\s+/)[0]!.replace(/[[\]]/g, '').split('|')) {
      if (/^[A-Z]/.test(word) && !documented.has(word)) return undefined;
      starters.add(word);
    }
  }
  return starters.size > 0 ? starters : undefined;
}

export function optionItems(directive: string, present: ReadonlySet<string>, settings: AnalysisSettings): CompletionEntry[] {
  const module = pluginModule(directive);
  if (module === undefined) return [];
  const version = settings.corednsVersion;
  const items: CompletionEntry[] = [];
  const starters = lineStarters(module.docs.syntax, new Set(module.docs.options.map((o) => o.name)));
  for (const doc of module.docs.options) {
    if (starters !== undefined && !starters.has(doc.name.split(' ')[0]!)) continue;
    for (const { label, syntax } of startsOf(doc)) {
      const keyword = label.split(' ')[0]!;
      const status = optionStatus(directive, keyword, version);
      if (status.status !== 'available') continue;
      // Flags (an option with nothing after its name) mean nothing the second time.
      if (present.has(keyword) && syntax === label) continue;
      const added = optionHistory(directive, keyword)?.added;
      const history = added === UNRELEASED ? `In no CoreDNS release yet: only in builds of its main branch after ${LATEST_KNOWN_VERSION}.` : added !== undefined ? `Since CoreDNS ${added}.` : undefined;
      const insertion = insertionFor(label, commonRequiredWords([syntax], label.split(' ').length));
      items.push({
        label,
        kind: 'option',
        detail: `${directive} option: ${syntax}`,
        documentation: documentation(doc, syntax, history),
        ...insertion,
        sortText: label,
      });
    }
  }
  return items;
}
