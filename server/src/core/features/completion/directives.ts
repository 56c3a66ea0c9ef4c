// Directive names for a line of a server block: every plugin the targeted CoreDNS release has, with its
// one-line summary, a short Markdown description and a snippet of its required arguments, and the
// plugins declared in the externalPlugins setting. A plugin the block already has is left out when a
// second one would be refused (once per block, or a repeatable plugin before the release that allows
// several) or silently ignored (only the first counts), since offering it would only lead to a finding.
import { modulesInOrder, pluginModule } from '../../plugins/registry.js';
import type { PluginModule, RepeatRule } from '../../plugins/types.js';
import { directiveStatus, featureStatus, OLDEST_KNOWN_VERSION } from '../../plugins/versions.js';
import { DIRECTIVE_SINCE } from '../../plugins/versions-data.js';
import type { AnalysisSettings } from '../../settings.js';
import { code, codeBlock, paragraphs } from '../hover/markdown.js';
import { commonRequiredWords, directiveSyntaxLines, insertionFor } from './snippet.js';
import type { CompletionEntry } from './types.js';

const REPEAT_NOTE: Record<RepeatRule, string> = {
  once: 'Once per server block.',
  'first-only': 'Once per server block: a second one is ignored.',
  repeatable: 'May appear several times in a server block.',
};

/** Whether another line of the directive in a block that already has one would be refused or ignored. */
export function secondIsUseless(module: PluginModule, version: string): boolean {
  if (module.repeat !== 'repeatable') return true;
  return featureStatus(module.name, 'several-in-block', version).status === 'not-yet';
}

function sinceNote(name: string): string | undefined {
  const since = DIRECTIVE_SINCE.find((entry) => entry.name === name)?.since;
  return since === undefined || since === OLDEST_KNOWN_VERSION ? undefined : `Since CoreDNS ${since}.`;
}

function directiveEntry(module: PluginModule): CompletionEntry {
  const { docs } = module;
  const insertion = insertionFor(module.name, commonRequiredWords(directiveSyntaxLines(module.name, docs.syntax), 1));
  const notes = [REPEAT_NOTE[module.repeat], module.setupOnly ? 'Setup only: it never sees a query.' : undefined, sinceNote(module.name)];
  return {
    label: module.name,
    kind: 'directive',
    detail: docs.summary,
    documentation: paragraphs(docs.behaviour, codeBlock(docs.syntax.join('\n'), 'corefile'), notes.filter((n): n is string => n !== undefined).join(' ')),
    ...insertion,
    // Alphabetical: the list is long and people look for a name they know; execution order (which the
    // hover shows) does not depend on where a line is written, so it is no guide to what to type here.
    sortText: module.name,
  };
}

/** `present` holds the directive names the block already has (the line being typed excluded). */
export function directiveItems(present: ReadonlySet<string>, settings: AnalysisSettings): CompletionEntry[] {
  const items: CompletionEntry[] = [];
  for (const module of modulesInOrder()) {
    if (directiveStatus(module.name, settings.corednsVersion).status !== 'available') continue;
    if (present.has(module.name) && secondIsUseless(module, settings.corednsVersion)) continue;
    items.push(directiveEntry(module));
  }
  for (const name of new Set(settings.externalPlugins)) {
    if (pluginModule(name) !== undefined || !/^[A-Za-z0-9_-]+$/.test(name)) continue;
    items.push({
      label: name,
      kind: 'directive',
      detail: 'External plugin of your CoreDNS build',
      documentation: `Declared in the ${code('corefileLens.externalPlugins')} setting. Its arguments are not checked, and its place in the chain is decided by your build's plugin.cfg.`,
      text: name,
      sortText: name,
    });
  }
  return items;
}

/** `import` itself, which may start any line of a block or of the top level. */
export function importKeywordItem(): CompletionEntry {
  return {
    label: 'import',
    kind: 'keyword',
    detail: 'Paste a snippet or files here',
    documentation: `Pastes a snippet defined above, or the files a path or glob matches (relative to the Corefile's folder), in place of this line. CoreDNS wants exactly one argument.`,
    text: 'import',
    snippet: 'import ${1:NAME}',
    sortText: 'import',
  };
}
