// Everything CoreDNS would check before it serves a query, applied to the expanded model: addresses and
// their duplicates, unknown directives, repeat rules, and each plugin's own setup checks.
import type { FileHost } from '../host.js';
import type { AnalysisSettings } from '../settings.js';
import type { CoreDiagnostic, Range, Severity } from '../types.js';
import * as order from '../plugins/order.js';
import * as registry from '../plugins/registry.js';
import type { BlockInfo, PluginModule, SetupContext } from '../plugins/types.js';
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
import { tokenRange, type Token } from './token.js';

// Local references to imported functions used for every block, directive or token: run as CommonJS (as tsx
// runs the tests and the benchmark), each use of an imported binding is a call through the exporting
// module's getters. For the same reason of scale, loops run once per block, key or directive count with an
// index: where the engine does not optimise them away, `for...of` loops allocate an iterator each time.
const { executionIndex, isDirective, PLUGIN_ORDER } = order;
const { pluginModule } = registry;
const { parseServerKey } = address;
const { checkOptionVersions, optionFindingsPossible, sameRange } = optionVersions;
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
  const modelBlocks = model.blocks;
  const blocks: CheckedBlock[] = new Array(modelBlocks.length);
  const duplicateInput: Array<BlockAddresses & { via: EffectiveBlock['via'] }> = new Array(modelBlocks.length);
  for (let b = 0; b < modelBlocks.length; b++) {
    const block = modelBlocks[b]!;
    const keys = readKeys(block);
    // Keys CoreDNS refuses on their own, or whose text is not known, take no part in the duplicate check;
    // the usual block has none of those and hands its own list over.
    let comparable: readonly PlacedKey[] = keys;
    for (let i = 0; i < keys.length; i++) {
      const { key, token } = keys[i]!;
      if (token.unknownEnv.length > 0) {
        if (comparable === keys) comparable = keys.slice(0, i);
        continue;
      }
      const problems = key.problems;
      let refused = false;
      for (let j = 0; j < problems.length; j++) {
        const p = problems[j]!;
        push(p.severity, p.code, p.message, keyRange(token, key.text, p.start, p.end), token.uri, block.via);
        if (p.severity === 'error') refused = true;
      }
      if (refused) {
        if (comparable === keys) comparable = keys.slice(0, i);
      } else if (comparable !== keys) {
        (comparable as PlacedKey[]).push(keys[i]!);
      }
    }
    blocks[b] = { block, keys, configs: new Map<string, unknown>() };
    const uri = block.keys[0]?.token.uri ?? block.node.open?.uri ?? docUri;
    const addresses: BlockAddresses & { via: EffectiveBlock['via'] } = { keys: comparable, bindAddresses: bindAddresses(block), hasView: hasDirective(block, 'view'), via: block.via };
    if (uri !== docUri) addresses.uri = uri;
    duplicateInput[b] = addresses;
  }
  for (const d of findDuplicateKeys(duplicateInput, docUri, options.placeName)) {
    // A clash inside an imported file is tied to the import chain that brought its block in.
    const owner = d.uri === undefined ? undefined : duplicateInput.find((b) => b.uri === d.uri && b.keys.some((k) => startsAt(k.token, d.range)));
    if (owner && owner.via.length > 0) d.related = [...(d.related ?? []), ...owner.via.map((imp) => ({ uri: imp.keyword.uri, range: imp.range, message: 'imported here' }))];
    diagnostics.push(d);
  }

  const shared: AnalysisShared = {
    settings: options.settings, host: options.host, baseDir: options.baseDir, push, statuses: new Map(), suggestions: new Map(), facts: new Map(), directiveSets: newDirectiveSetNode(NO_NAMES),
  };
  // One context serves every setup of the analysis in turn (see PluginSetupContext).
  const context = new PluginSetupContext(shared);
  for (let b = 0; b < blocks.length; b++) {
    const checked = blocks[b]!;
    checkDirectives(checked, shared, context);
    checkAcrossDirectives(checked, push);
  }
  return { blocks, diagnostics };
}

/**
 * The block's keys as CoreDNS reads them, each parsed once: the checks, the duplicate check and every
 * later reader share the result. A block nearly always has one key, and a one-element literal holds exactly
 * that one; as the list outlives the analysis, the engine soon allocates such literals with long-lived data.
 */
function readKeys(block: EffectiveBlock): CheckedBlock['keys'] {
  const written = block.keys;
  if (written.length === 1) {
    const { token, text } = written[0]!;
    return [{ key: parseServerKey(text), token }];
  }
  const keys: CheckedBlock['keys'] = new Array(written.length);
  for (let i = 0; i < written.length; i++) {
    const { token, text } = written[i]!;
    keys[i] = { key: parseServerKey(text), token };
  }
  return keys;
}

const NO_ADDRESSES: readonly string[] = [];
const NO_RANGES: readonly Range[] = [];
const NO_TOKENS: readonly ArgToken[] = [];
/** What the shared context holds before its first setup. */
const NO_BLOCK: BlockInfo = { zones: [], transports: [], directives: new Set() };

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
  /** What the checks need to know about each directive name CoreDNS knows, gathered once per analysis. */
  readonly facts: Map<string, DirectiveFacts>;
  /** The root of the sets of directive names blocks hold (see DirectiveSetNode). */
  readonly directiveSets: DirectiveSetNode;
}

/**
 * Everything about a known directive name that is the same for each of its lines: asked once per name and
 * analysis rather than for every line of a Corefile that repeats the same few directives in every block.
 */
interface DirectiveFacts {
  readonly name: string;
  readonly status: DirectiveStatus;
  readonly module: PluginModule | undefined;
  /** Whether an option of the directive can draw a version finding for the targeted release. */
  readonly optionFindings: boolean;
  /** For a repeatable directive, the release since which it is, when the target predates that. */
  readonly severalSince: string | undefined;
}

function factsOf(name: string, shared: AnalysisShared): DirectiveFacts {
  let facts = shared.facts.get(name);
  if (facts === undefined) {
    const version = shared.settings.corednsVersion;
    const module = pluginModule(name);
    facts = {
      name,
      status: statusOf(name, shared),
      module,
      optionFindings: optionFindingsPossible(name, version),
      severalSince: module?.repeat === 'repeatable' ? severalNotYetSince(name, version) : undefined,
    };
    shared.facts.set(name, facts);
  }
  return facts;
}

/**
 * One set of directive names, in the order a block first names them, reached from the root by following
 * those names one by one. Blocks mostly repeat a few combinations, so each combination's set (handed to
 * every setup as BlockInfo.directives, which no one changes) and its names in execution order are made once
 * per analysis and shared, instead of a new Set and a sorted list for every block.
 */
interface DirectiveSetNode {
  /** The names of the path from the root, in the order the block wrote them. */
  readonly names: readonly string[];
  next: Map<string, DirectiveSetNode> | undefined;
  present: ReadonlySet<string> | undefined;
  /** The facts of the names in execution order (plugin.cfg), made with `present`. */
  inOrder: readonly DirectiveFacts[] | undefined;
}

const NO_NAMES: readonly string[] = [];

function newDirectiveSetNode(names: readonly string[]): DirectiveSetNode {
  return { names, next: undefined, present: undefined, inOrder: undefined };
}

/** The node for `node`'s names followed by `name` (which it does not hold yet). */
function withName(node: DirectiveSetNode, name: string): DirectiveSetNode {
  let child = node.next?.get(name);
  if (child === undefined) {
    child = newDirectiveSetNode([...node.names, name]);
    (node.next ??= new Map()).set(name, child);
  }
  return child;
}

/** Fills in the node's set and ordered facts the first time a block ends on it. */
function completeDirectiveSet(node: DirectiveSetNode, shared: AnalysisShared): void {
  if (node.present !== undefined) return;
  node.present = new Set(node.names);
  const sorted = inExecutionOrder(node.names);
  const inOrder: DirectiveFacts[] = new Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) inOrder[i] = factsOf(sorted[i]!, shared);
  node.inOrder = inOrder;
}

/**
 * What a module's setup sees. Setups run one after the other and none keeps its context, so one context
 * (with one dispenser) serves every setup of an analysis and is pointed at the next directive before each:
 * a Corefile of ten thousand blocks runs tens of thousands of setups.
 */
class PluginSetupContext implements SetupContext {
  readonly d = new Dispenser(NO_TOKENS);
  block: BlockInfo = NO_BLOCK;
  root: string | undefined = undefined;
  /** The first occurrence handed to the module. */
  private first: EffectiveDirective | undefined = undefined;
  /** The occurrences handed after it, in block order, when the module reads several. */
  private later: readonly EffectiveDirective[] | undefined = undefined;
  /** Ranges whose "unknown option" errors a version finding already covers. */
  private superseded: readonly Range[] = NO_RANGES;

  constructor(private readonly shared: AnalysisShared) {}

  /** Points the context at the next setup: its tokens, block, root directory and occurrences. */
  start(tokens: readonly ArgToken[], block: BlockInfo, root: string | undefined, first: EffectiveDirective, later: readonly EffectiveDirective[] | undefined, superseded: readonly Range[]): void {
    this.d.restart(tokens);
    this.block = block;
    this.root = root;
    this.first = first;
    this.later = later;
    this.superseded = superseded;
  }

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
    const first = this.first!;
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

/** The directive names in plugin.cfg order (a block holds a handful, so a plain insertion sort). */
function inExecutionOrder(names: readonly string[]): string[] {
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

/** Block transports of single-key blocks, one shared list per transport (setups only read them). */
const SINGLE_TRANSPORTS = new Map<string, string[]>();

function transportsOf(keys: CheckedBlock['keys']): string[] {
  if (keys.length === 1) {
    const transport = keys[0]!.key.transport;
    let list = SINGLE_TRANSPORTS.get(transport);
    if (list === undefined) SINGLE_TRANSPORTS.set(transport, (list = [transport]));
    return list;
  }
  const transports: string[] = new Array<string>(keys.length);
  for (let i = 0; i < keys.length; i++) transports[i] = keys[i]!.key.transport;
  return transports;
}

function checkDirectives(checked: CheckedBlock, shared: AnalysisShared, ctx: PluginSetupContext): void {
  const push = shared.push;
  const { block } = checked;
  // The names CoreDNS will set up, found by walking the shared sets of names (see DirectiveSetNode).
  let names = shared.directiveSets;
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
    const status = factsOf(d.name, shared).status;
    if (status.status === 'not-yet') {
      push('error', 'version/directive-not-available', `'${d.name}' first appeared in CoreDNS ${status.since}; the targeted CoreDNS ${shared.settings.corednsVersion} refuses it as an unknown directive. Upgrade CoreDNS, or change the target version (corefileLens.corednsVersion, --coredns-version).`, tokenRange(nameToken), nameToken.uri, d.via);
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
    push('error', f.code, f.message, tokenRange(k.token), k.token.uri, block.via);
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
      tokens = first.tokens.slice();
      for (const h of later) for (const t of h.tokens) tokens.push(t);
    }
    ctx.start(tokens, info, root, first, later, superseded);
    try {
      const config = module.setup(ctx);
      checked.configs.set(name, config);
      if (name === 'root') root = (config as RootConfig | undefined)?.path;
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

/** Whether the token starts where the range does. */
function startsAt(token: Token, range: Range): boolean {
  return token.startLine === range.start.line && token.startCharacter === range.start.character;
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
