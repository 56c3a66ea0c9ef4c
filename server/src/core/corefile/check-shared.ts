// What the checks of one analysis share: the settings, host and report function every setup sees, and what
// is learnt once per directive name (its status, module and version facts) or once per combination of names
// a block holds (the set handed to setups and its execution order). These live apart from the checks so that
// every check reads the same caches instead of asking the plugin tables again for each line.
import type { FileHost } from '../host.js';
import type { AnalysisSettings } from '../settings.js';
import type { Range, Severity } from '../types.js';
import * as order from '../plugins/order.js';
import * as registry from '../plugins/registry.js';
import type { PluginModule } from '../plugins/types.js';
import type { CheckedBlock } from './check.js';
import type { EffectiveBlock } from './model.js';
import * as optionVersions from './option-versions.js';
import * as versions from '../plugins/versions.js';
import type { DirectiveStatus } from '../plugins/versions.js';

// Local references to imported functions used for every block or directive: run as CommonJS, each use of an
// imported binding is a call through the exporting module's getters (see the same note in check.ts).
const { executionIndex } = order;
const { pluginModule } = registry;
const { optionFindingsPossible } = optionVersions;
const { directiveStatus, featureStatus } = versions;

/** How the checks report a finding, with the import chain of the block or line it belongs to. */
export type Push = (severity: Severity, code: string, message: string, range: Range, uri: string, via: EffectiveBlock['via']) => void;

/** What every setup of one analysis shares; held once rather than copied into each setup's context. */
export interface AnalysisShared {
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
export interface DirectiveFacts {
  readonly name: string;
  readonly status: DirectiveStatus;
  readonly module: PluginModule | undefined;
  /** Whether an option of the directive can draw a version finding for the targeted release. */
  readonly optionFindings: boolean;
  /** For a repeatable directive, the release since which it is, when the target predates that. */
  readonly severalSince: string | undefined;
}

export function factsOf(name: string, shared: AnalysisShared): DirectiveFacts {
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
export interface DirectiveSetNode {
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
export function withName(node: DirectiveSetNode, name: string): DirectiveSetNode {
  let child = node.next?.get(name);
  if (child === undefined) {
    child = newDirectiveSetNode([...node.names, name]);
    (node.next ??= new Map()).set(name, child);
  }
  return child;
}

/** Fills in the node's set and ordered facts the first time a block ends on it. */
export function completeDirectiveSet(node: DirectiveSetNode, shared: AnalysisShared): void {
  if (node.present !== undefined) return;
  node.present = new Set(node.names);
  const sorted = inExecutionOrder(node.names);
  const inOrder: DirectiveFacts[] = new Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) inOrder[i] = factsOf(sorted[i]!, shared);
  node.inOrder = inOrder;
}

/** The root of a new analysis's directive sets: the empty set, before a block names anything. */
export function newDirectiveSets(): DirectiveSetNode {
  return newDirectiveSetNode(NO_NAMES);
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

export function transportsOf(keys: CheckedBlock['keys']): string[] {
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

/** The release since which several lines of the directive are accepted, when the target predates it. */
function severalNotYetSince(name: string, version: string): string | undefined {
  const status = featureStatus(name, 'several-in-block', version);
  return status.status === 'not-yet' ? status.since : undefined;
}

export function statusOf(name: string, shared: AnalysisShared): DirectiveStatus {
  let status = shared.statuses.get(name);
  if (status === undefined) {
    status = directiveStatus(name, shared.settings.corednsVersion);
    shared.statuses.set(name, status);
  }
  return status;
}
