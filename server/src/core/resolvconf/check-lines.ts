// Checks on whole lines: musl reads resolv.conf with a 256-byte buffer and skips every line that does
// not fit (254 bytes plus the newline), whatever it says. A long `search` line, common in clusters
// with many search domains, then leaves musl with no search list at all.
import { keywordRange, type CheckContext } from './check-context.js';
import { MUSL_MAX_LINE_BYTES } from './musl.js';

export function checkLineLength(ctx: CheckContext): void {
  if (ctx.resolver !== 'musl') return;
  for (const line of ctx.file.lines) {
    const r = ctx.musl[line.line];
    const name = line.directive?.name;
    if (r?.kind !== 'dropped' || !name || !line.directive?.atLineStart) continue;
    const what = name === 'search' || name === 'domain' ? ', so it gets no search list from it' : `, so this \`${name}\` line has no effect`;
    ctx.report(
      'warning',
      'resolvconf/line-too-long',
      keywordRange(line),
      `musl skips lines longer than ${MUSL_MAX_LINE_BYTES} bytes and this one has ${r.bytes}${what}. Shorten it (fewer or shorter entries).`,
    );
  }
}
