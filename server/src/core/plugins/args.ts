// Value parsers shared by the directive modules, each faithful to the Go function CoreDNS calls
// (time.ParseDuration, strconv.Atoi, strconv.ParseUint, net.ParseIP, net.ParseCIDR), so that a value is
// refused here exactly when CoreDNS refuses it.
import { normalizeZoneArg } from '../corefile/address.js';
import { parseCidr, parseIp } from '../corefile/zone.js';
import { dirName, joinPath } from '../corefile/paths.js';
import { appendAll } from '../append.js';

const UNIT_NANOS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

// The patterns live here rather than as literals in the functions: a regular expression literal makes a
// new RegExp object each time it is evaluated, and these parsers run for nearly every directive.
const DURATION_NUMBER = /^(\d*)(?:\.(\d*))?/;
const DURATION_UNIT = /^(ns|us|µs|μs|ms|s|m|h)/;
const SIGNED_DIGITS = /^[+-]?\d+$/;
const DIGITS = /^\d+$/;
const DECIMAL_FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const SPECIAL_FLOAT = /^[+-]?(inf|infinity|nan)$/i;
const INFINITY_WORD = /^([+-]?)inf(inity)?$/i;

/** Go's time.ParseDuration: `300ms`, `1h30m`, `-1.5h`; a bare number is refused except `0`. Nanoseconds. */
export function parseGoDuration(text: string): number | undefined {
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  while (s !== '') {
    const m = DURATION_NUMBER.exec(s);
    if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) return undefined;
    s = s.slice(m[0].length);
    const unit = DURATION_UNIT.exec(s);
    if (!unit) return undefined;
    s = s.slice(unit[0].length);
    const value = Number(`${m[1] || '0'}.${m[2] ?? '0'}`);
    total += value * UNIT_NANOS[unit[1]!]!;
  }
  // Go refuses durations beyond about 292 years.
  if (total > 9.223372036854775e18) return undefined;
  return sign * total;
}

export const SECOND = 1e9;
export const MINUTE = 60e9;
export const HOUR = 3600e9;

/** strconv.Atoi: optional sign, decimal digits only; refused beyond 64-bit range. */
export function parseGoInt(text: string): number | undefined {
  if (!SIGNED_DIGITS.test(text)) return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n) && Math.abs(n) > 9.2e18) return undefined;
  return n;
}

/** strconv.ParseUint(s, 10, bits): digits only, no sign. */
export function parseGoUint(text: string, bits = 64): number | undefined {
  if (!DIGITS.test(text)) return undefined;
  const n = Number(text);
  if (n > 2 ** bits - 1) return undefined;
  return n;
}

/** strconv.ParseFloat(s, 64) for the plain decimal forms people write. */
export function parseGoFloat(text: string): number | undefined {
  if (!DECIMAL_FLOAT.test(text) && !SPECIAL_FLOAT.test(text)) return undefined;
  return Number(text.replace(INFINITY_WORD, '$1Infinity'));
}

export function isIp(text: string): boolean {
  return parseIp(text) !== undefined;
}

export function isCidr(text: string): boolean {
  return parseCidr(text) !== undefined;
}

/** Go's strconv.ParseBool. */
export function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/**
 * Zones from a plugin's arguments, or the server block's zones when there are none
 * (plugin.OriginsFromArgsOrServerBlock). Arguments that cannot be normalised are returned as bad.
 */
export function originsFromArgs(args: readonly string[], blockZones: readonly string[]): { zones: string[]; bad: string[] } {
  if (args.length === 0) return { zones: [...blockZones], bad: [] };
  const zones: string[] = [];
  const bad: string[] = [];
  for (const arg of args) {
    const normalized = normalizeZoneArg(arg);
    if (normalized.zones.length === 0) bad.push(arg);
    appendAll(zones, normalized.zones);
  }
  return { zones, bad };
}

/** A file argument resolved like CoreDNS does: absolute as is, relative to `root` (or the Corefile's folder). */
export function resolveFilePath(path: string, root: string | undefined): string | undefined {
  if (path.startsWith('/')) return joinPath('/', path);
  if (!root) return undefined;
  return joinPath(root, path);
}

export { dirName };
