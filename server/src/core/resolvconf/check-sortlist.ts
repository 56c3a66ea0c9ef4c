// Checks on `sortlist` lines. Only glibc reads them, and its reader has a trap: at a `/` or `&` that
// does not follow an address, a non-ASCII character, or the `\r` of a CRLF line, it stops advancing and
// loops forever, so every program on the host hangs in its first DNS lookup (seen with glibc 2.36).
import { keywordRange, quote, type CheckContext } from './check-context.js';
import { MAXRESOLVSORT } from './config.js';
import { inetPton6 } from './addresses.js';
import type { ResolvConfLine } from './model.js';
import { spanRange } from './span.js';

function hangMessage(char: string): string {
  if (char === '\r') {
    return 'glibc loops forever on this sortlist line because it ends with a carriage return (CRLF): every program that resolves a name hangs. Save the file with LF line endings.';
  }
  if (char === '/' || char === '&') {
    return `glibc loops forever on this sortlist line at \`${char}\`, which does not follow a valid address: every program that resolves a name hangs. Write address/mask pairs such as 130.155.160.0/255.255.240.0.`;
  }
  return `glibc loops forever on this sortlist line at ${quote(char)} (it stops at non-ASCII characters and unusual white space): every program that resolves a name hangs. Remove the character.`;
}

function checkGlibcSortlist(ctx: CheckContext, line: ResolvConfLine, kept: { count: number }): void {
  const r = ctx.glibc[line.line];
  if (r?.kind !== 'sortlist') return;
  for (const entry of r.entries) {
    const range = spanRange(line, entry.span);
    if (!entry.address) {
      const v6 = inetPton6(entry.span.text) !== undefined;
      ctx.report(
        'warning',
        'resolvconf/invalid-sortlist-entry',
        range,
        v6
          ? `glibc's sortlist takes IPv4 networks only, so it ignores ${quote(entry.span.text)}.`
          : `${quote(entry.span.text)} is not an IPv4 address: glibc ignores this sortlist entry. Write address[/mask], e.g. 130.155.160.0/255.255.240.0.`,
      );
      continue;
    }
    if (entry.maskSpan && !entry.maskValid) {
      ctx.report(
        'warning',
        'resolvconf/invalid-sortlist-entry',
        spanRange(line, entry.maskSpan),
        `${quote(entry.maskSpan.text)} is not a dotted netmask, so glibc uses the class-based mask ${entry.mask} instead. Write the mask as an address, e.g. 255.255.240.0.`,
      );
    }
    kept.count++;
    if (kept.count > MAXRESOLVSORT) {
      ctx.report(
        'warning',
        'resolvconf/too-many-sortlist-entries',
        range,
        `glibc keeps only the first ${MAXRESOLVSORT} sortlist entries; this one is ignored.`,
      );
    }
  }
  if (r.hangsAt !== undefined) {
    const char = line.raw.charAt(r.hangsAt);
    const range = spanRange(line, { start: r.hangsAt, end: r.hangsAt + 1 });
    ctx.report('error', 'resolvconf/sortlist-hang', char === '\r' ? keywordRange(line) : range, hangMessage(char));
  }
}

export function checkSortlist(ctx: CheckContext): void {
  const kept = { count: 0 };
  for (const line of ctx.file.lines) {
    if (ctx.resolver === 'glibc') {
      checkGlibcSortlist(ctx, line, kept);
    } else if (line.directive?.name === 'sortlist' && line.directive.atLineStart && line.directive.values.length > 0) {
      ctx.report(
        'information',
        'resolvconf/ignored-by-musl',
        keywordRange(line),
        'musl ignores sortlist: it orders addresses by RFC 6724 rules only. Remove it if only musl programs read this file.',
      );
    }
  }
}
