// The checks of one server block's directives: names CoreDNS does not know (or not in the targeted release),
// lines repeated where CoreDNS refuses or ignores a repeat, options the release does not know, each
// plugin module's own setup in execution order, and the rules that join the typed configs of two directives.
import type { Range } from '../types.js';
import * as order from '../plugins/order.js';
import type { BlockInfo } from '../plugins/types.js';
import * as sharedState from './check-shared.js';
import type { AnalysisShared, Push } from './check-shared.js';
import { NO_RANGES, type PluginSetupContext } from './check-setup-context.js';
import type { CheckedBlock } from './check.js';
import { writtenPlaceholders } from './env.js';
import type { EffectiveBlock, EffectiveDirective } from './model.js';
import { closest } from './suggest.js';
import * as optionVersions from './option-versions.js';
import { findExternalPlugin } from '../plugins/external.js';
import * as tls from '../plugins/tls.js';
import { autopathPodsWarning, type AutopathConfig } from '../plugins/autopath.js';
import type { KubernetesConfig } from '../plugins/kubernetes.js';
import type { RootConfig } from '../plugins/root.js';
import { tokenRange } from './token.js';

// Local references to imported functions used for every block, directive or token (see the same note in
// check.ts: under CommonJS each use of an imported binding is a call through the exporting module's getters).
const { isDirective, PLUGIN_ORDER } = order;
const { completeDirectiveSet, factsOf, statusOf, transportsOf, withName } = sharedState;
const { checkOptionVersions } = optionVersions;
const { checkTransportsNeedTls } = tls;

export function checkDirectives(checked: CheckedBlock, shared: AnalysisShared, ctx: PluginSetupContext): void {
  const push = shared.push;
  const { block } = checked;
  // The names CoreDNS will set up, found by walking the shared sets of names (see DirectiveSetNode in
  // check-shared.ts).
  let names = shared.directiveSets;
  const directives = block.directives;
  for (let i = 0; i < directives.length; i++) {
    const d = directives[i]!;
    const nameToken = d.tokens[0]!;
    if (nameToken.unknownEnv.length > 0) {
      push('information', 'env/unknown-directive-name', `The directive name depends on ${writtenPlaceholders(nameToken)}, whose value is not known here, so it is not checked. Give the value in the corefileLens.env setting or with --env.`, tokenRange(nameToken), nameToken.source.uri, d.via);
      continue;
    }
    if (!isDirective(d.name)) {
      reportUnknownDirective(d, shared);
      continue;
    }
    const status = factsOf(d.name, shared).status;
    if (status.status === 'not-yet') {
      push('error', 'version/directive-not-available', `'${d.name}' first appeared in CoreDNS ${status.since}; the targeted CoreDNS ${shared.settings.corednsVersion} refuses it as an unknown directive. Upgrade CoreDNS, or change the target version (corefileLens.corednsVersion, --coredns-version).`, tokenRange(nameToken), nameToken.source.uri, d.via);
      continue;
    }
    if (!names.names.includes(d.name)) names = withName(names, d.name);
  }
  completeDirectiveSet(names, shared);
  const keys = checked.keys;
  // The zones are only read (a module that keeps them, as cache does, keeps the key's own list).
  const zones = keys.length === 1 ? keys[0]!.key.zones : keys.flatMap((k) => k.key.zones);
  const info: BlockInfo = { zones, transports: transportsOf(keys), directives: names.present! };
  const tlsFindings = checkTransportsNeedTls(info.transports, info.directives);
  for (let i = 0; i < tlsFindings.length; i++) {
    const f = tlsFindings[i]!;
    const k = checked.keys[f.keyIndex]!;
    if (k.token.unknownEnv.length > 0) continue;
    push('error', f.code, f.message, tokenRange(k.token), k.token.source.uri, block.via);
  }
  const version = shared.settings.corednsVersion;
  // `root` runs first in execution order, so its directory is known before any plugin that joins paths to it.
  let root: string | undefined;
  // Setup runs in execution order, as CoreDNS does; the order only matters for which error comes first.
  const inOrder = names.inOrder!;
  for (let n = 0; n < inOrder.length; n++) {
    const facts = inOrder[n]!;
    const module = facts.module;
    if (!module) continue;
    const name = facts.name;
    const firstIndex = firstOccurrence(block, name);
    if (firstIndex < 0) continue;
    const first = directives[firstIndex]!;
    const extras = laterOccurrences(block, first, firstIndex);
    // The occurrences after the first that the module reads too: only a repeatable directive gets them.
    let later: readonly EffectiveDirective[] | undefined;
    if (extras !== undefined) {
      // A directive may be repeatable only since some release (forward since 1.9.4): before that it is once.
      const severalSince = facts.severalSince;
      if (severalSince !== undefined) {
        for (const extra of extras) {
          const t = extra.tokens[0]!;
          push('error', 'version/several-not-available', `CoreDNS ${version} accepts only one '${name}' per server block and refuses this second one; several are accepted since ${severalSince}. Merge them, or change the target version (corefileLens.corednsVersion, --coredns-version).`, tokenRange(t), t.source.uri, extra.via);
        }
      } else if (module.repeat !== 'repeatable') {
        for (const extra of extras) {
          const t = extra.tokens[0]!;
          if (module.repeat === 'once') {
            push('error', 'core/once-per-block', `'${name}' can only be used once per server block; CoreDNS refuses a second one. Merge the two into one.`, tokenRange(t), t.source.uri, extra.via);
          } else {
            push('warning', 'core/ignored-repeat', `CoreDNS reads only the first '${name}' of a server block and silently ignores this one. Remove it, or merge it into the first.`, tokenRange(t), t.source.uri, extra.via);
          }
        }
      } else {
        later = extras;
      }
    }
    // Options the targeted release does not know, deprecated or removed; a removed option's own message
    // names the replacement, so the module's plain "unknown option" at the same word is left out. Most
    // directives have no option rule that can fire for the target, and skip this altogether.
    let superseded = NO_RANGES;
    if (facts.optionFindings) {
      superseded = reportOptionVersions(first, version, push, NO_RANGES);
      if (later !== undefined) for (const occurrence of later) superseded = reportOptionVersions(occurrence, version, push, superseded);
    }
    // One occurrence hands its own token list (the dispenser only reads it); several are joined.
    let tokens = first.tokens;
    if (later !== undefined) {
      const joined = first.tokens.slice();
      for (const h of later) for (const t of h.tokens) joined.push(t);
      tokens = joined;
    }
    ctx.start(tokens, info, root, first, later, superseded);
    try {
      const config = module.setup(ctx);
      checked.configs.set(name, config);
      if (name === 'root') root = (config as RootConfig | undefined)?.path;
    } catch (error) {
      const t = first.tokens[0]!;
      push('error', 'core/internal-error', `Checking '${name}' failed unexpectedly (${String(error)}). Please report this Corefile.`, tokenRange(t), t.source.uri, first.via);
    }
  }
}

/**
 * Reports the option findings of one occurrence for the targeted release and returns the ranges whose
 * "unknown option" errors they cover: `superseded` itself, or a new list once there is something to add.
 */
function reportOptionVersions(occurrence: EffectiveDirective, version: string, push: Push, superseded: readonly Range[]): readonly Range[] {
  let covered: Range[] | undefined;
  const findings = checkOptionVersions(occurrence, version);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    push(f.severity, f.code, f.message, tokenRange(f.token), f.token.source.uri, occurrence.via);
    if (f.replacesUnknownOption) (covered ??= superseded.slice()).push(tokenRange(f.token));
  }
  return covered ?? superseded;
}

/**
 * The index of the first line of a directive in the block whose name is known. Whether a name is checked
 * at all depends on the name alone, so the first pass accepted every such line. A block holds a handful of
 * directives, so scanning it beats keeping a map of lines per block.
 */
function firstOccurrence(block: EffectiveBlock, name: string): number {
  const directives = block.directives;
  for (let i = 0; i < directives.length; i++) {
    const d = directives[i]!;
    if (d.name === name && d.tokens[0]!.unknownEnv.length === 0) return i;
  }
  return -1;
}

/** The lines of the same directive after `first` (at `firstIndex`), in block order; undefined for the usual single line. */
function laterOccurrences(block: EffectiveBlock, first: EffectiveDirective, firstIndex: number): EffectiveDirective[] | undefined {
  const directives = block.directives;
  let later: EffectiveDirective[] | undefined;
  for (let i = firstIndex + 1; i < directives.length; i++) {
    const d = directives[i]!;
    if (d.name === first.name && d.tokens[0]!.unknownEnv.length === 0) (later ??= []).push(d);
  }
  return later;
}

function reportUnknownDirective(d: EffectiveDirective, shared: AnalysisShared): void {
  const { settings, push } = shared;
  const t = d.tokens[0]!;
  if (settings.externalPlugins.includes(d.name)) return;
  const external = findExternalPlugin(d.name);
  if (external) {
    push(
      'warning',
      'core/external-plugin',
      `'${d.name}' is an external plugin (${external.summary}); a stock CoreDNS refuses it. It works only in a CoreDNS built with it (${external.repository}). If yours is, list it in the corefileLens.externalPlugins setting or pass --external-plugin ${d.name}.`,
      tokenRange(t),
      t.source.uri,
      d.via,
    );
    return;
  }
  const status = statusOf(d.name, shared);
  if (status.status === 'removed') {
    const instead = status.replacement ? ` Use '${status.replacement}' instead.` : '';
    push('error', 'version/directive-removed', `'${d.name}' was removed from CoreDNS after ${status.lastVersion} (${status.note}); CoreDNS ${settings.corednsVersion} refuses it as an unknown directive.${instead}`, tokenRange(t), t.source.uri, d.via);
    return;
  }
  let suggestion = shared.suggestions.get(d.name);
  if (suggestion === undefined && !shared.suggestions.has(d.name)) {
    suggestion = closest(d.name, PLUGIN_ORDER);
    shared.suggestions.set(d.name, suggestion);
  }
  const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
  push(
    'error',
    'core/unknown-directive',
    `Unknown directive '${d.name}': CoreDNS refuses to start.${hint} If it is a plugin of your own CoreDNS build, list it in the corefileLens.externalPlugins setting or pass --external-plugin ${d.name}.`,
    tokenRange(t),
    t.source.uri,
    d.via,
  );
}

/** Rules that need the typed configurations of two directives of one block. */
export function checkAcrossDirectives(checked: CheckedBlock, push: Push): void {
  const autopath = checked.configs.get('autopath') as AutopathConfig | undefined;
  if (autopath && checked.configs.has('kubernetes')) {
    const kubernetes = checked.configs.get('kubernetes') as KubernetesConfig;
    const message = autopathPodsWarning(autopath, kubernetes.pods);
    const directive = checked.block.directives.find((d) => d.name === 'autopath');
    if (message && directive) push('warning', 'autopath/pods-not-verified', message, tokenRange(directive.tokens[0]!), directive.tokens[0]!.source.uri, directive.via);
  }
}
