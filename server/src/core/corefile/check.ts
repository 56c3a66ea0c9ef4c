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
import { findDuplicateKeys, type BlockAddresses, type PlaceName, type PlacedKey } from './duplicates.js';
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
import { tokenRange } from './token.js';

// Local references to imported functions used for every block, directive or token: run as CommonJS (as tsx
// runs the tests and the benchmark), each use of an imported binding is a call through the exporting
// module's getters. For the same reason of scale, loops run once per block, key or directive count with an
// index: where the engine does not optimise them away, `for...of` loops allocate an iterator each time.
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

  // One pass over the blocks reads their keys and gathers what the duplicate check needs. Loops rather than
  // map/filter chains: a large Corefile has tens of thousands of blocks, and each intermediate list is garbage.
  const blocks: CheckedBlock[] = [];
  const duplicateInput: Array<BlockAddresses & { via: EffectiveBlock['via'] }> = [];
  for (const block of model.blocks) {
    // Both lists are made at their final size (a push onto an empty array reserves room for sixteen); keys
    // CoreDNS refuses on their own, or whose text is not known, take no part in the duplicate check.
    const count = block.keys.length;
    const keys: CheckedBlock['keys'] = new Array(count);
    const comparable: PlacedKey[] = new Array(count);
    let compared = 0;
    for (let i = 0; i < count; i++) {
      const { token, text } = block.keys[i]!;
      const key = parseServerKey(text);
      keys[i] = { key, token };
      if (token.unknownEnv.length > 0) continue;
      let refused = false;
      for (let j = 0; j < key.problems.length; j++) {
        const p = key.problems[j]!;
        push(p.severity, p.code, p.message, keyRange(token, text, p.start, p.end), token.uri, block.via);
        if (p.severity === 'error') refused = true;
      }
      if (!refused) comparable[compared++] = { key, range: tokenRange(token) };
    }
    comparable.length = compared;
    blocks.push({ block, keys, configs: new Map<string, unknown>() });
    const uri = block.keys[0]?.token.uri ?? block.node.open?.uri ?? docUri;
    const addresses: BlockAddresses & { via: EffectiveBlock['via'] } = { keys: comparable, bindAddresses: bindAddresses(block), hasView: hasDirective(block, 'view'), via: block.via };
    if (uri !== docUri) addresses.uri = uri;
    duplicateInput.push(addresses);
  }
  for (const d of findDuplicateKeys(duplicateInput, docUri, options.placeName)) {
    // A clash inside an imported file is tied to the import chain that brought its block in.
    const owner = d.uri === undefined ? undefined : duplicateInput.find((b) => b.uri === d.uri && b.keys.some((k) => k.range === d.range || sameStart(k.range, d.range)));
    if (owner && owner.via.length > 0) d.related = [...(d.related ?? []), ...owner.via.map((imp) => ({ uri: imp.keyword.uri, range: imp.range, message: 'imported here' }))];
    diagnostics.push(d);
  }

  const shared: AnalysisShared = { settings: options.settings, host: options.host, baseDir: options.baseDir, push, statuses: new Map(), suggestions: new Map() };
  for (const checked of blocks) {
    checkDirectives(checked, shared);
    checkAcrossDirectives(checked, push);
  }
  return { blocks, diagnostics };
}

const NO_ADDRESSES: readonly string[] = [];

/**
 * The addresses of the block's `bind` lines, which CoreDNS includes in its duplicate detection. Most blocks
 * have none and share one empty list (typed readonly: the duplicate check only reads it).
 */
function bindAddresses(block: EffectiveBlock): readonly string[] {
  let out: string[] | undefined;
  const directives = block.directives;
  for (let i = 0; i < directives.length; i++) {
    const d = directives[i]!;
    if (d.name !== 'bind') continue;
    out ??= [];
    const tokens = d.tokens;
    for (let t = 1; t < tokens.length; t++) {
      if (tokens[t]!.value === '{') break;
      out.push(tokens[t]!.value);
    }
  }
  return out ?? NO_ADDRESSES;
}

function hasDirective(block: EffectiveBlock, name: string): boolean {
  const directives = block.directives;
  for (let i = 0; i < directives.length; i++) if (directives[i]!.name === name) return true;
  return false;
}

type Push = (severity: Severity, code: string, message: string, range: Range, uri: string, via: EffectiveBlock['via']) => void;

/** What every setup of one analysis shares; held once rather than copied into each setup's context. */
interface AnalysisShared {
  readonly settings: AnalysisSettings;
  readonly host: FileHost;
  readonly baseDir: string | undefined;
  readonly push: Push;
  /** Each directive's status for the targeted release, asked once per name and analysis. */
  readonly statuses: Map<string, DirectiveStatus>;
  /**
   * The "did you mean" of each unknown directive name, found once per name and analysis: a file that
   * repeats a misspelt directive in every block would otherwise measure it against every plugin each time.
   */
  readonly suggestions: Map<string, string | undefined>;
}

/**
 * What a module's setup sees. One object per setup call, with methods rather than closures, and as few
 * fields as will do: a Corefile of ten thousand blocks runs tens of thousands of setups.
 */
class PluginSetupContext implements SetupContext {
  constructor(
    readonly d: Dispenser,
    readonly block: BlockInfo,
    private readonly shared: AnalysisShared,
    readonly root: string | undefined,
    /** The first occurrence handed to the module. */
    private readonly first: EffectiveDirective,
    /** The occurrences handed after it, in block order, when the module reads several. */
    private readonly later: readonly EffectiveDirective[] | undefined,
    /** Ranges whose "unknown option" errors a version finding already covers. */
    private readonly superseded: readonly Range[],
  ) {}

  get settings(): AnalysisSettings {
    return this.shared.settings;
  }

  get host(): FileHost {
    return this.shared.host;
  }

  get baseDir(): string | undefined {
    return this.shared.baseDir;
  }

  report(severity: Severity, code: string, message: string, at?: ArgToken | Range): void {
    const d = this.d;
    const token = at === undefined ? d.token() : 'uri' in at ? at : undefined;
    const range = at === undefined ? d.range() : 'uri' in at ? tokenRange(at) : at;
    const first = this.first;
    const uri = token?.uri ?? first.tokens[0]!.uri;
    // The finding belongs to the occurrence that holds the token (its import chain is the one to show).
    let owner = first;
    if (token && this.later !== undefined && !first.tokens.includes(token)) {
      for (const h of this.later) {
        if (h.tokens.includes(token)) {
          owner = h;
          break;
        }
      }
    }
    if (severity === 'error') {
      for (const r of this.superseded) if (sameRange(r, range)) return;
    }
    this.shared.push(severity, code, message, range, uri, owner.via);
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

function checkDirectives(checked: CheckedBlock, shared: AnalysisShared): void {
  const push = shared.push;
  const { block } = checked;
  const present = new Set<string>();
  const directives = block.directives;
  for (let i = 0; i < directives.length; i++) {
    const d = directives[i]!;
    const nameToken = d.tokens[0]!;
    if (nameToken.unknownEnv.length > 0) {
      push('information', 'env/unknown-directive-name', `The directive name depends on ${writtenPlaceholders(nameToken)}, whose value is not known here, so it is not checked. Give the value in the corefileLens.env setting or with --env.`, tokenRange(nameToken), nameToken.uri, d.via);
      continue;
    }
    if (!isDirective(d.name)) {
      reportUnknownDirective(d, shared);
      continue;
    }
    const status = statusOf(d.name, shared);
    if (status.status === 'not-yet') {
      push('error', 'version/directive-not-available', `'${d.name}' first appeared in CoreDNS ${status.since}; the targeted CoreDNS ${shared.settings.corednsVersion} refuses it as an unknown directive. Upgrade CoreDNS, or change the target version (corefileLens.corednsVersion, --coredns-version).`, tokenRange(nameToken), nameToken.uri, d.via);
      continue;
    }
    present.add(d.name);
  }
  const keys = checked.keys;
  const zones = keys.length === 1 ? keys[0]!.key.zones.slice() : keys.flatMap((k) => k.key.zones);
  const transports: string[] = new Array<string>(keys.length);
  for (let i = 0; i < keys.length; i++) transports[i] = keys[i]!.key.transport;
  const info: BlockInfo = { zones, transports, directives: present };
  const tlsFindings = checkTransportsNeedTls(info.transports, info.directives);
  for (let i = 0; i < tlsFindings.length; i++) {
    const f = tlsFindings[i]!;
    const k = checked.keys[f.keyIndex]!;
    if (k.token.unknownEnv.length > 0) continue;
    push('error', f.code, f.message, tokenRange(k.token), k.token.uri, block.via);
  }
  const version = shared.settings.corednsVersion;
  // Setup runs in execution order, as CoreDNS does; the order only matters for which error comes first.
  const names = inExecutionOrder(info.directives);
  for (let n = 0; n < names.length; n++) {
    const name = names[n]!;
    const module = pluginModule(name);
    if (!module) continue;
    const first = firstOccurrence(block, name);
    if (!first) continue;
    const extras = laterOccurrences(block, first);
    // The occurrences after the first that the module reads too: only a repeatable directive gets them.
    let later: readonly EffectiveDirective[] | undefined;
    if (extras !== undefined) {
      // A directive may be repeatable only since some release (forward since 1.9.4): before that it is once.
      const severalSince = module.repeat === 'repeatable' ? severalNotYetSince(name, version) : undefined;
      if (severalSince !== undefined) {
        for (const extra of extras) {
          const t = extra.tokens[0]!;
          push('error', 'version/several-not-available', `CoreDNS ${version} accepts only one '${name}' per server block and refuses this second one; several are accepted since ${severalSince}. Merge them, or change the target version (corefileLens.corednsVersion, --coredns-version).`, tokenRange(t), t.uri, extra.via);
        }
      } else if (module.repeat !== 'repeatable') {
        for (const extra of extras) {
          const t = extra.tokens[0]!;
          if (module.repeat === 'once') {
            push('error', 'core/once-per-block', `'${name}' can only be used once per server block; CoreDNS refuses a second one. Merge the two into one.`, tokenRange(t), t.uri, extra.via);
          } else {
            push('warning', 'core/ignored-repeat', `CoreDNS reads only the first '${name}' of a server block and silently ignores this one. Remove it, or merge it into the first.`, tokenRange(t), t.uri, extra.via);
          }
        }
      } else {
        later = extras;
      }
    }
    // Options the targeted release does not know, deprecated or removed; a removed option's own message
    // names the replacement, so the module's plain "unknown option" at the same word is left out.
    let superseded = reportOptionVersions(first, version, push, NO_RANGES);
    if (later !== undefined) for (const occurrence of later) superseded = reportOptionVersions(occurrence, version, push, superseded);
    // One occurrence hands its own token list (the dispenser only reads it); several are joined.
    let tokens = first.tokens;
    if (later !== undefined) {
      tokens = first.tokens.slice();
      for (const h of later) for (const t of h.tokens) tokens.push(t);
    }
    // `root` runs first in execution order, so its directory is known before any plugin that joins paths to it.
    const root = (checked.configs.get('root') as RootConfig | undefined)?.path;
    const ctx = new PluginSetupContext(new Dispenser(tokens), info, shared, root, first, later, superseded);
    try {
      checked.configs.set(name, module.setup(ctx));
    } catch (error) {
      const t = first.tokens[0]!;
      push('error', 'core/internal-error', `Checking '${name}' failed unexpectedly (${String(error)}). Please report this Corefile.`, tokenRange(t), t.uri, first.via);
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
    push(f.severity, f.code, f.message, tokenRange(f.token), f.token.uri, occurrence.via);
    if (f.replacesUnknownOption) (covered ??= superseded.slice()).push(tokenRange(f.token));
  }
  return covered ?? superseded;
}

/**
 * The first line of a directive in the block whose name is known. Whether a name is checked at all
 * depends on the name alone, so the first pass accepted every such line. A block holds a handful of
 * directives, so scanning it beats keeping a map of lines per block.
 */
function firstOccurrence(block: EffectiveBlock, name: string): EffectiveDirective | undefined {
  const directives = block.directives;
  for (let i = 0; i < directives.length; i++) {
    const d = directives[i]!;
    if (d.name === name && d.tokens[0]!.unknownEnv.length === 0) return d;
  }
  return undefined;
}

/** The lines of the same directive after `first`, in block order; undefined for the usual single line. */
function laterOccurrences(block: EffectiveBlock, first: EffectiveDirective): EffectiveDirective[] | undefined {
  const directives = block.directives;
  let later: EffectiveDirective[] | undefined;
  for (let i = directives.indexOf(first) + 1; i < directives.length; i++) {
    const d = directives[i]!;
    if (d.name === first.name && d.tokens[0]!.unknownEnv.length === 0) (later ??= []).push(d);
  }
  return later;
}

/** The release since which several lines of the directive are accepted, when the target predates it. */
function severalNotYetSince(name: string, version: string): string | undefined {
  const status = featureStatus(name, 'several-in-block', version);
  return status.status === 'not-yet' ? status.since : undefined;
}

function statusOf(name: string, shared: AnalysisShared): DirectiveStatus {
  let status = shared.statuses.get(name);
  if (status === undefined) {
    status = directiveStatus(name, shared.settings.corednsVersion);
    shared.statuses.set(name, status);
  }
  return status;
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
      t.uri,
      d.via,
    );
    return;
  }
  const status = statusOf(d.name, shared);
  if (status.status === 'removed') {
    const instead = status.replacement ? ` Use '${status.replacement}' instead.` : '';
    push('error', 'version/directive-removed', `'${d.name}' was removed from CoreDNS after ${status.lastVersion} (${status.note}); CoreDNS ${settings.corednsVersion} refuses it as an unknown directive.${instead}`, tokenRange(t), t.uri, d.via);
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
    t.uri,
    d.via,
  );
}

/** The range of part of a key, when the key is written plainly on one line; else the whole token. */
function keyRange(token: ArgToken, text: string, start: number, end: number): Range {
  const plain = !token.quoted && token.lineBreaks === 0 && token.value === token.text && text.length <= token.text.length;
  if (!plain || end <= start) return tokenRange(token);
  return { start: { line: token.startLine, character: token.startCharacter + start }, end: { line: token.startLine, character: token.startCharacter + end } };
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
    if (message && directive) push('warning', 'autopath/pods-not-verified', message, tokenRange(directive.tokens[0]!), directive.tokens[0]!.uri, directive.via);
  }
}
