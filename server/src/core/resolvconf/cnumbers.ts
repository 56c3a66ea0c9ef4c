// The two number readers the libcs use on `options` values. They differ in ways that change results:
// glibc's strtol skips white space, accepts a sign, and reads 0 when there is no number at all; musl
// only reads a value that starts with a digit.

const C_SPACE = new Set([' ', '\t', '\n', '\v', '\f', '\r']);

/** C's isspace in the C locale. */
export function isCSpace(c: string | undefined): boolean {
  return c !== undefined && C_SPACE.has(c);
}

export interface ReadNumber {
  /** The value the caller ends up with. */
  value: number;
  /** At least one digit was read. */
  hasDigits: boolean;
  /** Where the digits (and sign) were, as offsets into the string; start === end when none. */
  start: number;
  end: number;
}

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

/**
 * glibc's `int i = strtol(s + from, NULL, 10)` on a 64-bit system: leading white space skipped, an
 * optional sign, decimal digits; out-of-range values clamp to LONG_MIN/LONG_MAX, and the assignment
 * to int keeps the low 32 bits (so a huge number becomes -1).
 */
export function glibcStrtolToInt(s: string, from: number): ReadNumber {
  let i = from;
  while (isCSpace(s[i])) i++;
  const start = i;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') {
    negative = s[i] === '-';
    i++;
  }
  const digitsStart = i;
  while (i < s.length && s[i]! >= '0' && s[i]! <= '9') i++;
  if (i === digitsStart) return { value: 0, hasDigits: false, start: from, end: from };
  let big = BigInt(s.slice(digitsStart, i));
  if (negative) big = -big;
  if (big > LONG_MAX) big = LONG_MAX;
  if (big < LONG_MIN) big = LONG_MIN;
  return { value: Number(BigInt.asIntN(32, big)), hasDigits: true, start, end: i };
}

/**
 * musl's `strtoul(p, &z, 10)` where p[0] is already known to be a digit: decimal digits; an
 * overflowing value becomes ULONG_MAX, which every caller then caps.
 */
export function muslStrtoul(s: string, from: number): ReadNumber {
  let i = from;
  while (i < s.length && s[i]! >= '0' && s[i]! <= '9') i++;
  if (i === from) return { value: 0, hasDigits: false, start: from, end: from };
  const big = BigInt(s.slice(from, i));
  const value = big > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(big);
  return { value, hasDigits: true, start: from, end: i };
}
