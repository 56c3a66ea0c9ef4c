// Go regular expressions (RE2 syntax) checked with re2js, and the `{N}` group references CoreDNS's
// rewrite and template replacements use.
import { RE2JS } from 're2js';

export type CompiledRegex = { ok: true; groups: number; regex: RE2JS } | { ok: false; error: string };

/** Compiles like Go's regexp.Compile; never throws. */
export function compileGoRegex(pattern: string): CompiledRegex {
  try {
    const regex = RE2JS.compile(pattern);
    return { ok: true, groups: regex.groupCount(), regex };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message.replace(/^error parsing regexp: /, '') };
  }
}

/**
 * How many distinct references `{0}`..`{100}` a replacement contains. CoreDNS compares this count (not
 * the highest index) with the pattern's number of groups, so `{2}` alone passes with one group.
 */
export function groupReferenceCount(replacement: string): number {
  let count = 0;
  for (let i = 0; i <= 100; i++) if (replacement.includes(`{${i}}`)) count++;
  return count;
}

/** Go's strconv.ParseUint(s, 0, bits): 0x/0o/0b prefixes, a leading 0 for octal, underscores after a prefix. */
export function parseGoUintBase0(text: string, bits: number): number | undefined {
  let s = text;
  let base = 10;
  if (/^0[xX]/.test(s)) {
    base = 16;
    s = s.slice(2);
  } else if (/^0[oO]/.test(s)) {
    base = 8;
    s = s.slice(2);
  } else if (/^0[bB]/.test(s)) {
    base = 2;
    s = s.slice(2);
  } else if (/^0./.test(s)) {
    base = 8;
    s = s.slice(1);
  }
  if (base !== 10 || text.startsWith('0')) {
    // Underscores are allowed only between digits, and only when a base prefix is present.
    if (/^_|_$|__/.test(s) && base !== 8) return undefined;
    s = s.replace(/_/g, '');
  } else if (s.includes('_')) return undefined;
  const digits = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!digits.test(s)) return undefined;
  const n = parseInt(s, base);
  if (n > 2 ** bits - 1) return undefined;
  return n;
}
