// Answers "does CoreDNS X.Y.Z know this directive / option / form?" so the linter can tell a user
// that their target release predates (or has dropped) what they wrote. The facts live in
// versions-data.ts; this module only looks them up and compares versions.
//
// Answers are exact from 1.6.0 on. For older targets, anything that existed at 1.6.0 is reported
// as available, because the tables do not reach further back (except for removed directives).
import { compareVersions, isVersionString } from './semver.js';
import {
  DIRECTIVE_SINCE,
  FEATURE_HISTORY,
  LENIENT_BLOCKS,
  OPTION_HISTORY,
  RELEASES,
  REMOVED_DIRECTIVES,
  UNRELEASED,
  type DirectiveSince,
  type OptionHistory,
  type RemovedDirective,
} from './versions-data.js';

export { UNRELEASED };
export type { DirectiveSince, OptionHistory, RemovedDirective };

/** Every CoreDNS release from 1.6.0 to 1.14.7, oldest first. */
export const KNOWN_VERSIONS: readonly string[] = RELEASES;
export const OLDEST_KNOWN_VERSION: string = RELEASES[0];
export const LATEST_KNOWN_VERSION: string = RELEASES[RELEASES.length - 1];

const KNOWN_SET: ReadonlySet<string> = new Set<string>(RELEASES);

export function isKnownVersion(version: string): boolean {
  return KNOWN_SET.has(version);
}

export interface RemovedStatus {
  status: 'removed';
  /** The last release that accepted it. */
  lastVersion: string;
  /** What to write instead, when there is a direct successor. */
  replacement?: string;
  note: string;
}

export interface DeprecatedStatus {
  status: 'deprecated';
  /** The first release that warns about it or ignores it. */
  since: string;
  replacement?: string;
  note: string;
}

export type DirectiveStatus =
  | { status: 'available' }
  | { status: 'not-yet'; since: string }
  | RemovedStatus
  /** The name is neither a current directive nor one that CoreDNS removed. */
  | { status: 'unknown' };

export type OptionStatus =
  | { status: 'available' }
  | { status: 'not-yet'; since: string }
  | DeprecatedStatus
  | RemovedStatus;

const SINCE_BY_NAME: ReadonlyMap<string, DirectiveSince> = new Map(DIRECTIVE_SINCE.map((entry) => [entry.name, entry]));
const REMOVED_BY_NAME: ReadonlyMap<string, RemovedDirective> = new Map(REMOVED_DIRECTIVES.map((entry) => [entry.name, entry]));

const historyKey = (directive: string, option: string): string => `${directive}\u0000${option}`;
const OPTIONS_BY_KEY: ReadonlyMap<string, OptionHistory> = new Map(
  OPTION_HISTORY.map((entry) => [historyKey(entry.directive, entry.option), entry]),
);
const FEATURES_BY_KEY: ReadonlyMap<string, OptionHistory> = new Map(
  FEATURE_HISTORY.map((entry) => [historyKey(entry.directive, entry.option), entry]),
);

// A target that is not a version string is treated as the newest known release: that is the
// settings default, and version strings are validated (and reported) where the user typed them.
function effectiveVersion(version: string): string {
  return isVersionString(version) ? version : LATEST_KNOWN_VERSION;
}

// Whether `version` has something first released in `since`. Unreleased things count as present
// only for targets newer than every known release (someone building CoreDNS from its main branch).
function hasReached(version: string, since: string): boolean {
  // The reference build behind the fact sheets and CoreDNS's verdicts (commit 4b26cced) already has them
  // and calls itself 1.14.7, so the default target accepts them too.
  if (since === UNRELEASED) return compareVersions(version, LATEST_KNOWN_VERSION) >= 0;
  return compareVersions(version, since) >= 0;
}

// The release just before `removedIn`, for "last accepted in" messages.
function releaseBefore(removedIn: string): string {
  const index = RELEASES.indexOf(removedIn as (typeof RELEASES)[number]);
  if (index > 0) return RELEASES[index - 1];
  return removedIn;
}

/** Whether `version` (X.Y.Z) knows `name` as a directive, and if not, why. */
export function directiveStatus(name: string, version: string): DirectiveStatus {
  const target = effectiveVersion(version);
  const current = SINCE_BY_NAME.get(name);
  if (current) {
    return hasReached(target, current.since) ? { status: 'available' } : { status: 'not-yet', since: current.since };
  }
  const removed = REMOVED_BY_NAME.get(name);
  if (removed) {
    if (!hasReached(target, removed.removedIn)) return { status: 'available' };
    return removedStatus(removed.lastVersion, removed.note, removed.replacement);
  }
  return { status: 'unknown' };
}

/**
 * Whether `version` accepts `option` inside `directive` (a block keyword; for rewrite the rule type,
 * for acl the action, for header the selector). A directive the release lacks makes all its options
 * "not yet". Options with no recorded history are reported available: the plugin's own checks decide
 * whether they exist at all.
 */
export function optionStatus(directive: string, option: string, version: string): OptionStatus {
  return statusOf(directive, OPTIONS_BY_KEY.get(historyKey(directive, option)), version);
}

/** Like optionStatus, for argument forms and usages named by the ids in versions-data.ts (FEATURE_HISTORY). */
export function featureStatus(directive: string, feature: string, version: string): OptionStatus {
  return statusOf(directive, FEATURES_BY_KEY.get(historyKey(directive, feature)), version);
}

/** The recorded history of an option, or undefined when none is recorded. */
export function optionHistory(directive: string, option: string): OptionHistory | undefined {
  return OPTIONS_BY_KEY.get(historyKey(directive, option));
}

/**
 * Whether any option word of the directive can have a status other than 'available' in `version`: the
 * directive itself is not available there, or one of its recorded options is not. An option without a
 * record shares its directive's status, so when this is false every word of every line is available.
 */
export function anyOptionNotAvailable(directive: string, version: string): boolean {
  if (statusOf(directive, undefined, version).status !== 'available') return true;
  return optionsOf(directive).some((entry) => statusOf(directive, entry, version).status !== 'available');
}

/** Every recorded option of a directive, in table order. */
export function optionsOf(directive: string): readonly OptionHistory[] {
  return OPTION_HISTORY.filter((entry) => entry.directive === directive);
}

/**
 * Whether `version` silently ignores unknown words in the directive's block (so an option the
 * release does not know is dropped without an error rather than refused).
 */
export function ignoresUnknownOptions(directive: string, version: string): boolean {
  const target = effectiveVersion(version);
  const lenient = LENIENT_BLOCKS.find((entry) => entry.directive === directive);
  return lenient !== undefined && !hasReached(target, lenient.strictSince);
}

function statusOf(directive: string, entry: OptionHistory | undefined, version: string): OptionStatus {
  const target = effectiveVersion(version);
  const owner = directiveStatus(directive, target);
  if (owner.status === 'not-yet') {
    // The option may have arrived later than its directive; report whichever came last.
    const since = entry?.added && entry.added !== UNRELEASED && compareVersions(entry.added, owner.since) > 0 ? entry.added : owner.since;
    return { status: 'not-yet', since };
  }
  // Every option of a directive the release no longer has is gone with it.
  if (owner.status === 'removed') return owner;
  if (!entry) return { status: 'available' };
  if (entry.added && !hasReached(target, entry.added)) return { status: 'not-yet', since: entry.added };
  if (entry.removed && hasReached(target, entry.removed)) {
    return removedStatus(releaseBefore(entry.removed), entry.note, entry.replacement);
  }
  if (entry.deprecated && hasReached(target, entry.deprecated)) {
    const deprecated: DeprecatedStatus = { status: 'deprecated', since: entry.deprecated, note: entry.note };
    if (entry.replacement !== undefined) deprecated.replacement = entry.replacement;
    return deprecated;
  }
  return { status: 'available' };
}

// `replacement` is set only when there is one, so results compare cleanly with deepStrictEqual.
function removedStatus(lastVersion: string, note: string, replacement: string | undefined): RemovedStatus {
  const removed: RemovedStatus = { status: 'removed', lastVersion, note };
  if (replacement !== undefined) removed.replacement = replacement;
  return removed;
}
