// Everything CoreDNS would check before it serves a query, applied to the expanded model: addresses and
// their duplicates, unknown directives, repeat rules, and each plugin's own setup checks.
import type { FileHost } from '../host.js';
import type { AnalysisSettings } from '../settings.js';
import type { CoreDiagnostic, Range, Severity } from '../types.js';
import * as order from '../plugins/order.js';
import * as registry from '../plugins/registry.js';
import type { BlockInfo, SetupContext } from '../plugins/types.js';
import * as address from './address.js';
import type { ServerKey } from './address.js';
import { findDuplicateKeys, type PlaceName } from './duplicates.js';
import { Dispenser, type ArgToken } from './dispenser.js';
import { writtenPlaceholders } from './env.js';
import type { CorefileModel, EffectiveBlock, EffectiveDirective } from './model.js';
import { closest } from './suggest.js';
import * as optionVersions from './option-versions.js';
import { findExternalPlugin } from '../plugins/external.js';
import * as versions from '../plugins/versions.js';
import type { DirectiveStatus } from '../plugins/versions.js';
import * as tls from '../plugins/tls.js';
import { autopathPodsWarning, type AutopathConfig } from '../plugins/autopath.js';
import type { KubernetesConfig } from '../plugins/kubernetes.js';
import type { RootConfig } from '../plugins/root.js';

// Local references to imported functions used for every block, directive or token: run as CommonJS (as tsx
// runs the tests and the benchmark), each use of an imported binding is a call through the exporting
// module's getters.
const { executionIndex, isDirective, PLUGIN_ORDER } = order;
const { pluginModule } = registry;
const { parseServerKey } = address;
const { checkOptionVersions, sameRange } = optionVersions;
const { directiveStatus, featureStatus } = versions;
const { checkTransportsNeedTls } = tls;

export interface CheckedBlock {
  block: EffectiveBlock;
  keys: Array<{ key: ServerKey; token: ArgToken }>;
  /** Typed configuration per directive, as its module read it. */
  configs: Map<string, unknown>;
}

export interface CheckResult {
  blocks: CheckedBlock[];
  diagnostics: CoreDiagnostic[];
}

export interface CheckOptions {
  settings: AnalysisSettings;
  host: FileHost;
  baseDir: string | undefined;
  /** How messages name other places (duplicate addresses); line numbers of the text by default. */
  placeName?: PlaceName;
}

export function checkModel(model: CorefileModel, options: CheckOptions): CheckResult {
  const diagnostics: CoreDiagnostic[] = [];
  const docUri = model.tree.uri;
  const push = (severity: Severity, code: string, message: string, range: Range, uri: string, via: EffectiveBlock['via']): void => {
    const d: CoreDiagnostic = { severity, code, message, range };
    if (uri !== docUri) d.uri = uri;
    if (via.length > 0) d.related = via.map((imp) => ({ uri: imp.keyword.uri, range: imp.range, message: 'imported here' }));
    diagnostics.push(d);
  };

  const blocks: CheckedBlock[] = model.blocks.map((block) => {
    const keys = block.keys.map(({ token, text }) => {
      const key = parseServerKey(text);
      if (token.unknownEnv.length === 0) {
        for (const p of key.problems) push(p.severity, p.code, p.message, keyRange(token, text, p.start, p.end), token.uri, block.via);
      }
      return { key, token };
    });
    return { block, keys, configs: new Map<string, unknown>() };
  });

  const duplicateInput = blocks.map((b) => {
    const keys = b.keys.filter((k) => k.token.unknownEnv.length === 0 && k.key.problems.every((p) => p.severity !== 'error'));
    const uri = b.block.keys[0]?.token.uri ?? b.block.node.open?.uri ?? docUri;
    return {
      keys: keys.map((k) => ({ key: k.key, range: k.token.range })),
      bindAddresses: bindAddresses(b.block),
      hasView: b.block.directives.some((d) => d.name === 'view'),
      ...(uri !== docUri ? { uri } : {}),
      via: b.block.via,
    };
  });
  for (const d of findDuplicateKeys(duplicateInput, docUri, options.placeName)) {
    // A clash inside an imported file is tied to the import chain that brought its block in.
    const owner = d.uri === undefined ? undefined : duplicateInput.find((b) => b.uri === d.uri && b.keys.some((k) => k.range === d.range || sameStart(k.range, d.range)));
    if (owner && owner.via.length > 0) d.related = [...(d.related ?? []), ...owner.via.map((imp) => ({ uri: imp.keyword.uri, range: imp.range, message: 'imported here' }))];
    diagnostics.push(d);
  }

  const statuses = new Map<string, DirectiveStatus>();
  for (const checked of blocks) {
    checkDirectives(checked, options, push, statuses);
    checkAcrossDirectives(checked, push);
  }
  return { blocks, diagnostics };
}

/** The addresses of the block's `bind` lines, which CoreDNS includes in its duplicate detection. */
function bindAddresses(block: EffectiveBlock): string[] {
  const out: string[] = [];
  for (const d of block.directives) {
    if (d.name !== 'bind') continue;
    for (const t of d.tokens.slice(1)) {
      if (t.value === '{') break;
      out.push(t.value);
    }
  }
  return out;
}

type Push = (severity: Severity, code: string, message: string, range: Range, uri: string, via: EffectiveBlock['via']) => void;

/**
 * What a module's setup sees. One object per setup call, with methods rather than closures: a Corefile of
 * ten thousand blocks runs tens of thousands of setups.
 */
class PluginSetupContext implements SetupContext {
  constructor(
    readonly d: Dispenser,
    readonly block: BlockInfo,
    readonly settings: AnalysisSettings,
    readonly host: FileHost,
    readonly baseDir: string | undefined,
    readonly root: string | undefined,
    /** The occurrences handed to the module, in block order. */
    private readonly handed: readonly EffectiveDirective[],
    /** Ranges whose "unknown option" errors a version finding already covers. */
    private readonly superseded: readonly Range[],
    private readonly push: Push,
  ) {}

  report(severity: Severity, code: string, message: string, at?: ArgToken | Range): void {
    const d = this.d;
    const token = at === undefined ? d.token() : 'uri' in at ? at : undefined;
    const range = at === undefined ? d.range() : 'uri' in at ? at.range : at;
    const handed = this.handed;
    const uri = token?.uri ?? handed[0]!.tokens[0]!.uri;
    // The finding belongs to the occurrence that holds the token (its import chain is the one to show).
    let owner = handed[0]!;
    if (token && handed.length > 1) {
      for (const h of handed) {
        if (h.tokens.includes(token)) {
          owner = h;
          break;
        }
      }
    }
    if (severity === 'error') {
      for (const r of this.superseded) if (sameRange(r, range)) return;
    }
    this.push(severity, code, message, range, uri, owner.via);
  }

  isUnknown(token: ArgToken | undefined): boolean {
    return token !== undefined && token.unknownEnv.length > 0;
  }
}

const NO_RANGES: readonly Range[] = [];

/** The directive names in plugin.cfg order (a block holds a handful, so a plain insertion sort). */
function inExecutionOrder(names: ReadonlySet<string>): string[] {
  const sorted = [...names];
  for (let i = 1; i < sorted.length; i++) {
    const name = sorted[i]!;
    const index = executionIndex(name)!;
    let at = i;
    for (; at > 0 && executionIndex(sorted[at - 1]!)! > index; at--) sorted[at] = sorted[at - 1]!;
    sorted[at] = name;
  }
  return sorted;
}

/** `statuses` keeps each directive's status for the targeted release, asked once per name and analysis. */
function checkDirectives(checked: CheckedBlock, options: CheckOptions, push: Push, statuses: Map<string, DirectiveStatus>): void {
  const { block } = checked;
  const byName = new Map<string, EffectiveDirective[]>();
  const present = new Set<string>();
  for (const d of block.directives) {
    const nameToken = d.tokens[0]!;
    if (nameToken.unknownEnv.length > 0) {
      push('information', 'env/unknown-directive-name', `The directive name depends on ${writtenPlaceholders(nameToken)}, whose value is not known here, so it is not checked. Give the value in the corefileLens.env setting or with --env.`, nameToken.range, nameToken.uri, d.via);
      continue;
    }
    if (!isDirective(d.name)) {
      reportUnknownDirective(d, options.settings, push);
      continue;
    }
    let status = statuses.get(d.name);
    if (status === undefined) {
      status = directiveStatus(d.name, options.settings.corednsVersion);
      statuses.set(d.name, status);
    }
    if (status.status === 'not-yet') {
      push('error', 'version/directive-not-available', `'${d.name}' first appeared in CoreDNS ${status.since}; the targeted CoreDNS ${options.settings.corednsVersion} refuses it as an unknown directive. Upgrade CoreDNS, or change the target version (corefileLens.corednsVersion, --coredns-version).`, nameToken.range, nameToken.uri, d.via);
      continue;
    }
    const list = byName.get(d.name);
    if (list) list.push(d);
    else {
      byName.set(d.name, [d]);
      present.add(d.name);
    }
  }
  const keys = checked.keys;
  const zones = keys.length === 1 ? keys[0]!.key.zones.slice() : keys.flatMap((k) => k.key.zones);
  const transports = keys.map((k) => k.key.transport);
  const info: BlockInfo = { zones, transports, directives: present };
  for (const f of checkTransportsNeedTls(info.transports, info.directives)) {
    const k = checked.keys[f.keyIndex]!;
    if (k.token.unknownEnv.length > 0) continue;
    push('error', f.code, f.message, k.token.range, k.token.uri, block.via);
  }
  // Setup runs in execution order, as CoreDNS does; the order only matters for which error comes first.
  for (const name of inExecutionOrder(info.directives)) {
    const occurrences = byName.get(name)!;
    const module = pluginModule(name);
    if (!module) continue;
    let handed = occurrences;
    // A directive may be repeatable only since some release (forward since 1.9.4): before that it is once.
    const severalSince = occurrences.length > 1 && module.repeat === 'repeatable' ? severalNotYetSince(name, options.settings.corednsVersion) : undefined;
    if (severalSince !== undefined) {
      for (const extra of occurrences.slice(1)) {
        const t = extra.tokens[0]!;
        push('error', 'version/several-not-available', `CoreDNS ${options.settings.corednsVersion} accepts only one '${name}' per server block and refuses this second one; several are accepted since ${severalSince}. Merge them, or change the target version (corefileLens.corednsVersion, --coredns-version).`, t.range, t.uri, extra.via);
      }
      handed = occurrences.slice(0, 1);
    } else if (module.repeat !== 'repeatable' && occurrences.length > 1) {
      handed = occurrences.slice(0, 1);
      for (const extra of occurrences.slice(1)) {
        const t = extra.tokens[0]!;
        if (module.repeat === 'once') {
          push('error', 'core/once-per-block', `'${name}' can only be used once per server block; CoreDNS refuses a second one. Merge the two into one.`, t.range, t.uri, extra.via);
        } else {
          push('warning', 'core/ignored-repeat', `CoreDNS reads only the first '${name}' of a server block and silently ignores this one. Remove it, or merge it into the first.`, t.range, t.uri, extra.via);
        }
      }
    }
    // Options the targeted release does not know, deprecated or removed; a removed option's own message
    // names the replacement, so the module's plain "unknown option" at the same word is left out.
    let superseded = NO_RANGES as Range[];
    for (const occurrence of handed) {
      for (const f of checkOptionVersions(occurrence, options.settings.corednsVersion)) {
        push(f.severity, f.code, f.message, f.token.range, f.token.uri, occurrence.via);
        if (f.replacesUnknownOption) {
          if (superseded === NO_RANGES) superseded = [];
          superseded.push(f.token.range);
        }
      }
    }
    // One occurrence hands its own token list (the dispenser only reads it); several are joined.
    let tokens = handed[0]!.tokens;
    if (handed.length > 1) {
      tokens = [];
      for (const h of handed) for (const t of h.tokens) tokens.push(t);
    }
    // `root` runs first in execution order, so its directory is known before any plugin that joins paths to it.
    const root = (checked.configs.get('root') as RootConfig | undefined)?.path;
    const ctx = new PluginSetupContext(new Dispenser(tokens), info, options.settings, options.host, options.baseDir, root, handed, superseded, push);
    try {
      checked.configs.set(name, module.setup(ctx));
    } catch (error) {
      const t = handed[0]!.tokens[0]!;
      push('error', 'core/internal-error', `Checking '${name}' failed unexpectedly (${String(error)}). Please report this Corefile.`, t.range, t.uri, handed[0]!.via);
    }
  }
}

/** The release since which several lines of the directive are accepted, when the target predates it. */
function severalNotYetSince(name: string, version: string): string | undefined {
  const status = featureStatus(name, 'several-in-block', version);
  return status.status === 'not-yet' ? status.since : undefined;
}

function reportUnknownDirective(d: EffectiveDirective, settings: AnalysisSettings, push: Push): void {
  const t = d.tokens[0]!;
  if (settings.externalPlugins.includes(d.name)) return;
  const external = findExternalPlugin(d.name);
  if (external) {
    push(
      'warning',
      'core/external-plugin',
      `'${d.name}' is an external plugin (${external.summary}); a stock CoreDNS refuses it. It works only in a CoreDNS built with it (${external.repository}). If yours is, list it in the corefileLens.externalPlugins setting or pass --external-plugin ${d.name}.`,
      t.range,
      t.uri,
      d.via,
    );
    return;
  }
  const status = directiveStatus(d.name, settings.corednsVersion);
  if (status.status === 'removed') {
    const instead = status.replacement ? ` Use '${status.replacement}' instead.` : '';
    push('error', 'version/directive-removed', `'${d.name}' was removed from CoreDNS after ${status.lastVersion} (${status.note}); CoreDNS ${settings.corednsVersion} refuses it as an unknown directive.${instead}`, t.range, t.uri, d.via);
    return;
  }
  const suggestion = closest(d.name, PLUGIN_ORDER);
  const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
  push(
    'error',
    'core/unknown-directive',
    `Unknown directive '${d.name}': CoreDNS refuses to start.${hint} If it is a plugin of your own CoreDNS build, list it in the corefileLens.externalPlugins setting or pass --external-plugin ${d.name}.`,
    t.range,
    t.uri,
    d.via,
  );
}

/** The range of part of a key, when the key is written plainly on one line; else the whole token. */
function keyRange(token: ArgToken, text: string, start: number, end: number): Range {
  const plain = !token.quoted && token.lineBreaks === 0 && token.value === token.text && text.length <= token.text.length;
  if (!plain || end <= start) return token.range;
  const base = token.range.start;
  return { start: { line: base.line, character: base.character + start }, end: { line: base.line, character: base.character + end } };
}

function sameStart(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character;
}

/** Rules that need the typed configurations of two directives of one block. */
function checkAcrossDirectives(checked: CheckedBlock, push: Push): void {
  const autopath = checked.configs.get('autopath') as AutopathConfig | undefined;
  if (autopath && checked.configs.has('kubernetes')) {
    const kubernetes = checked.configs.get('kubernetes') as KubernetesConfig;
    const message = autopathPodsWarning(autopath, kubernetes.pods);
    const directive = checked.block.directives.find((d) => d.name === 'autopath');
    if (message && directive) push('warning', 'autopath/pods-not-verified', message, directive.tokens[0]!.range, directive.tokens[0]!.uri, directive.via);
  }
}
