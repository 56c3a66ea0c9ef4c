// What a hover over a directive name says: the plugin's own documentation, where it runs in the chain
// (from the one order table), whether it ever sees a query, what a second copy in the block does, and
// whether the targeted CoreDNS release has it. External and unknown names get a short, honest answer.
import { closest } from '../../corefile/suggest.js';
import { findExternalPlugin } from '../../plugins/external.js';
import { executionIndex, PLUGIN_ORDER } from '../../plugins/order.js';
import { pluginModule } from '../../plugins/registry.js';
import type { ParamDoc, PluginModule, RepeatRule } from '../../plugins/types.js';
import { directiveStatus, OLDEST_KNOWN_VERSION } from '../../plugins/versions.js';
import { DIRECTIVE_SINCE } from '../../plugins/versions-data.js';
import type { AnalysisSettings } from '../../settings.js';
import { code, codeBlock, ordinal, paragraphs } from './markdown.js';

const REPEAT_TEXT: Record<RepeatRule, string> = {
  once: 'Once per server block: CoreDNS refuses to start when a block has a second one.',
  'first-only': 'Only the first one in a server block counts: CoreDNS silently ignores any later one.',
  repeatable: 'May appear several times in a server block; CoreDNS reads every one.',
};

export function directiveMarkdown(name: string, settings: AnalysisSettings): string {
  const module = pluginModule(name);
  if (module) return knownDirective(module, settings);
  if (executionIndex(name) !== undefined) {
    // A directive of the order table without a module would be a gap in the registry; say only what is known.
    return paragraphs(`**${name}** — CoreDNS directive`, orderLine(name));
  }
  return otherDirective(name, settings);
}

function knownDirective(module: PluginModule, settings: AnalysisSettings): string {
  const { docs } = module;
  return paragraphs(
    `**${module.name}** — CoreDNS plugin`,
    docs.summary,
    docs.behaviour,
    codeBlock(docs.syntax.join('\n'), 'corefile'),
    paramList('Arguments', docs.arguments),
    paramList('Options', docs.options),
    [
      `- ${orderLine(module.name)}`,
      `- ${module.setupOnly ? 'Setup only: it configures the server and never sees a query.' : 'In the query chain: it sees each query that reaches it, and answers it or passes it on.'}`,
      `- ${REPEAT_TEXT[module.repeat]}`,
      `- ${versionLine(module.name, settings.corednsVersion)}`,
    ].join('\n'),
  );
}

function orderLine(name: string): string {
  const index = executionIndex(name)!;
  return `Runs ${ordinal(index + 1)} of ${PLUGIN_ORDER.length}; Corefile order does not matter.`;
}

/** One line per argument or option: its syntax, meaning, default and accepted values. */
export function paramLine(param: ParamDoc): string {
  const extras = [param.default !== undefined ? `default ${param.default}` : undefined, param.values !== undefined ? `values: ${param.values}` : undefined]
    .filter((e): e is string => e !== undefined);
  return `- ${code(param.syntax)} — ${param.description}${extras.length > 0 ? ` (${extras.join('; ')})` : ''}`;
}

function paramList(title: string, params: readonly ParamDoc[]): string | undefined {
  if (params.length === 0) return undefined;
  return `**${title}**\n\n${params.map(paramLine).join('\n')}`;
}

function versionLine(name: string, target: string): string {
  const status = directiveStatus(name, target);
  const since = DIRECTIVE_SINCE.find((entry) => entry.name === name)?.since;
  const sinceText = since === undefined ? '' : since === OLDEST_KNOWN_VERSION ? ` (present since ${since} or earlier)` : ` (since ${since})`;
  switch (status.status) {
    case 'available':
      return `Available in the targeted CoreDNS ${target}${sinceText}.`;
    case 'not-yet':
      return `**Not in the targeted CoreDNS ${target}**: it first appeared in ${status.since}, so that release refuses it as an unknown directive.`;
    case 'removed':
      return `**Removed**: CoreDNS ${target} refuses it; the last release that accepted it was ${status.lastVersion}.`;
    case 'unknown':
      return `CoreDNS ${target} does not know it.`;
  }
}

function otherDirective(name: string, settings: AnalysisSettings): string {
  const target = settings.corednsVersion;
  const declared = settings.externalPlugins.includes(name);
  const external = findExternalPlugin(name);
  if (external) {
    return paragraphs(
      `**${name}** — external plugin`,
      `${external.summary}.`,
      `Not part of a stock CoreDNS: it works only in a CoreDNS built with it (${external.repository}). Where it runs in the chain is decided by that build's plugin.cfg.`,
      declared ? `Declared in the ${code('corefileLens.externalPlugins')} setting, so it is accepted here.` : `If your CoreDNS is built with it, list it in the ${code('corefileLens.externalPlugins')} setting.`,
    );
  }
  if (declared) {
    return paragraphs(
      `**${name}** — plugin of your own CoreDNS build`,
      `Declared in the ${code('corefileLens.externalPlugins')} setting. Corefile Lens knows nothing else about it: its arguments are not checked and its place in the chain is decided by your build's plugin.cfg.`,
    );
  }
  const status = directiveStatus(name, target);
  if (status.status === 'removed') {
    const instead = status.replacement ? ` Use ${code(status.replacement)} instead.` : '';
    return paragraphs(`**${name}** — removed directive`, `CoreDNS accepted it up to ${status.lastVersion}; CoreDNS ${target} refuses it. ${status.note}${instead}`);
  }
  const suggestion = closest(name, PLUGIN_ORDER);
  return paragraphs(
    `**${name}** — unknown directive`,
    `A stock CoreDNS ${target} has no plugin by this name and refuses to start.${suggestion ? ` Did you mean ${code(suggestion)}?` : ''}`,
  );
}
