// CoreDNS release numbers are plain `MAJOR.MINOR.PATCH` triples: no pre-release tags, no build
// metadata. This module reads and orders them. It never throws, because version strings come from
// user settings and command-line flags that may be anything.

export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

// Each part is a run of digits. Leading zeros are refused so that every version has exactly one
// spelling, which keeps lookups by string (KNOWN_VERSIONS) and comparisons consistent.
const VERSION_PATTERN = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

/** Whether `text` is written exactly as `X.Y.Z` with decimal parts (no `v` prefix, no suffix). */
export function isVersionString(text: string): boolean {
  return parseVersion(text) !== undefined;
}

/** Reads `X.Y.Z`; anything else (including parts too large to be exact numbers) gives undefined. */
// Versions are compared for every directive and option of every block: parsing each string once keeps
// validation of large Corefiles fast.
const PARSED = new Map<string, SemVer | undefined>();

export function parseVersion(text: string): SemVer | undefined {
  if (PARSED.has(text)) return PARSED.get(text);
  const parsed = parseVersionUncached(text);
  if (PARSED.size < 1000) PARSED.set(text, parsed);
  return parsed;
}

function parseVersionUncached(text: string): SemVer | undefined {
  const match = VERSION_PATTERN.exec(text);
  if (!match) return undefined;
  const parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!parts.every((part) => Number.isSafeInteger(part))) return undefined;
  return { major: parts[0], minor: parts[1], patch: parts[2] };
}

export function formatVersion(version: SemVer): string {
  return `${version.major}.${version.minor}.${version.patch}`;
}

/** Negative when `a` is older than `b`, zero when equal, positive when newer. */
export function compareSemVer(a: SemVer, b: SemVer): number {
  if (a.major !== b.major) return a.major < b.major ? -1 : 1;
  if (a.minor !== b.minor) return a.minor < b.minor ? -1 : 1;
  if (a.patch !== b.patch) return a.patch < b.patch ? -1 : 1;
  return 0;
}

/**
 * Orders two version strings. To stay a total order that never throws, strings that are not
 * versions sort before every real version and among themselves by plain string order; callers that
 * care should check `isVersionString` first.
 */
export function compareVersions(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (left && right) return compareSemVer(left, right);
  if (left) return 1;
  if (right) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `version` is the same as or newer than `minimum`; false when either is not a version. */
export function isAtLeast(version: string, minimum: string): boolean {
  const left = parseVersion(version);
  const right = parseVersion(minimum);
  if (!left || !right) return false;
  return compareSemVer(left, right) >= 0;
}
