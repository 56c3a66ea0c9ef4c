// What a hover over an option (the first word of a line inside a plugin's block, or a keyword argument
// such as rewrite's rule type) says: its documentation from the plugin module and its version history
// against the targeted CoreDNS release.
import { pluginModule } from '../../plugins/registry.js';
import type { ParamDoc } from '../../plugins/types.js';
import { optionHistory, optionStatus } from '../../plugins/versions.js';
import type { AnalysisSettings } from '../../settings.js';
import { code, paragraphs } from './markdown.js';

/** The documented option of a directive's block by its name, if any. */
export function optionDoc(directive: string, option: string): ParamDoc | undefined {
  return pluginModule(directive)?.docs.options.find((o) => o.name === option);
}

/**
 * A keyword argument of a directive: an argument whose documented name lists the word among its
 * alternatives (`continue|stop`) or is the word itself in lower case (rewrite's `name`, `ttl`).
 * Placeholders such as `FROM` are capitalised, so they never match a written word.
 */
export function keywordArgumentDoc(directive: string, word: string): ParamDoc | undefined {
  return pluginModule(directive)?.docs.arguments.find((a) => a.name.split('|').includes(word) && a.name.toLowerCase() === a.name);
}

export function optionMarkdown(directive: string, option: string, settings: AnalysisSettings): string {
  const doc = optionDoc(directive, option);
  const version = versionText(directive, option, settings.corednsVersion);
  if (!doc) {
    const known = pluginModule(directive)?.docs.options.map((o) => code(o.name)) ?? [];
    const list = known.length > 0 ? ` Its options are ${known.join(', ')}.` : ` It takes no options in a block.`;
    return paragraphs(`**${option}** — not an option of ${code(directive)}`, `${code(directive)} has no documented option by this name.${list}`, version);
  }
  return paramMarkdown(doc, `option of ${code(directive)}`, version);
}

export function keywordArgumentMarkdown(directive: string, word: string, doc: ParamDoc, settings: AnalysisSettings): string {
  return paramMarkdown(doc, `argument of ${code(directive)}`, versionText(directive, word, settings.corednsVersion));
}

function paramMarkdown(doc: ParamDoc, role: string, version: string | undefined): string {
  return paragraphs(
    `**${doc.name}** — ${role}`,
    code(doc.syntax),
    doc.description,
    [doc.default !== undefined ? `- Default: ${doc.default}` : undefined, doc.values !== undefined ? `- Accepted values: ${doc.values}` : undefined]
      .filter((l): l is string => l !== undefined)
      .join('\n'),
    version,
  );
}

/** The option's history and what the targeted release makes of it; nothing when there is nothing to say. */
function versionText(directive: string, option: string, target: string): string | undefined {
  const history = optionHistory(directive, option);
  const status = optionStatus(directive, option, target);
  const facts: string[] = [];
  if (history?.added) facts.push(`added in ${history.added}`);
  if (history?.deprecated) facts.push(`deprecated from ${history.deprecated}`);
  if (history?.removed) facts.push(`refused from ${history.removed}`);
  const historyText = facts.length > 0 ? ` History: ${facts.join(', ')}.` : '';
  switch (status.status) {
    case 'available':
      return history ? `Available in the targeted CoreDNS ${target}.${historyText}` : undefined;
    case 'not-yet':
      return `**Not in the targeted CoreDNS ${target}**: it first appeared in ${status.since}.${historyText}`;
    case 'deprecated':
      return `**Deprecated** in the targeted CoreDNS ${target} (since ${status.since}): ${status.note}${status.replacement ? ` Use ${code(status.replacement)} instead.` : ''}`;
    case 'removed':
      return `**Not accepted** by the targeted CoreDNS ${target}; the last release that accepted it was ${status.lastVersion}. ${status.note}${status.replacement ? ` Use ${code(status.replacement)} instead.` : ''}`;
  }
}
