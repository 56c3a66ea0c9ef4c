// Checks on the words of an `options` line that are not numbers: flags, removed options, unknown
// words. glibc matches flags by their beginning (`rotatex` is `rotate`); musl ignores every flag.
import { quote, type CheckContext } from './check-context.js';
import type { GlibcOptionEffect } from './glibc-line.js';
import type { ResolvConfLine } from './model.js';
import { GLIBC_NEGATION_SINCE, KNOWN_OPTION_WORDS, NUMERIC_OPTIONS, REMOVED_GLIBC_OPTIONS, type GlibcFlag } from './options.js';
import { spanRange } from './span.js';
import { closest } from './suggest.js';

/** Why musl has no use for each glibc flag, in musl's own terms. */
const MUSL_REASON: Record<GlibcFlag, string> = {
  rotate: 'it always sends each query to all name servers at once',
  edns0: 'it never sends EDNS0',
  singleRequest: 'it always sends the A and AAAA queries together',
  singleRequestReopen: 'it always sends the A and AAAA queries together',
  noTldQuery: 'it always tries the bare name last',
  useVc: 'it uses TCP only after a truncated UDP reply',
  noReload: 'it reads resolv.conf again for every lookup',
  trustAd: 'it has no such option',
  noAaaa: 'it still sends AAAA queries',
  strictError: 'it has no such option',
};

type FlagEffect = Extract<GlibcOptionEffect, { kind: 'flag' }>;
type IgnoredEffect = Extract<GlibcOptionEffect, { kind: 'ignored' }>;

function checkFlag(ctx: CheckContext, line: ResolvConfLine, e: FlagEffect): void {
  const range = spanRange(line, e.span);
  const word = e.span.text;
  if (ctx.resolver === 'musl') {
    ctx.report('information', 'resolvconf/ignored-by-musl', range, `musl ignores ${quote(word)}: ${MUSL_REASON[e.info.flag]}. Remove it if only musl programs read this file.`);
    return;
  }
  if (!e.exact) {
    ctx.report(
      'warning',
      'resolvconf/option-prefix-match',
      range,
      `glibc compares only the beginning of an option and reads ${quote(word)} as \`${e.negated ? '-' : ''}${e.info.word}\` (musl ignores it). Write \`${e.negated ? '-' : ''}${e.info.word}\`.`,
    );
  }
  if (e.negated) {
    ctx.report(
      'hint',
      'resolvconf/option-needs-newer-glibc',
      range,
      `A leading \`-\` clears a flag only since glibc ${GLIBC_NEGATION_SINCE}; older glibc ignores ${quote(word)}, so do not rely on it there.`,
    );
  } else if (e.info.since) {
    ctx.report(
      'hint',
      'resolvconf/option-needs-newer-glibc',
      range,
      `\`${e.info.word}\` needs glibc ${e.info.since} or later; older glibc ignores it, so do not rely on it there.`,
    );
  }
}

function unknownOptionMessage(word: string): string {
  const bare = word.startsWith('-') ? word.slice(1) : word;
  const ignored = 'glibc and musl ignore it';
  const numeric = NUMERIC_OPTIONS.find((o) => bare === o.name || bare.startsWith(`${o.name}=`));
  if (numeric) {
    const value = bare.includes('=') ? bare.slice(bare.indexOf('=') + 1) : String(numeric.default);
    return `\`${numeric.name}\` takes its value after a colon, e.g. \`${numeric.name}:${value}\`; ${ignored} as written.`;
  }
  const fixed = optionSuggestion(bare);
  if (fixed) {
    return `Unknown option ${quote(word)}: ${ignored}. Did you mean \`${fixed}\`?`;
  }
  return `Unknown option ${quote(word)}: ${ignored}. glibc knows ndots:, timeout:, attempts: and flags such as rotate, edns0, single-request, use-vc, trust-ad.`;
}

/**
 * The option an unknown word (without its leading `-`) is a typo of, value kept (`ndost:2` → `ndots:2`),
 * when the message offers one; quick fixes replace the word with it.
 */
export function optionSuggestion(bare: string): string | undefined {
  if (NUMERIC_OPTIONS.some((o) => bare === o.name || bare.startsWith(`${o.name}=`))) return undefined;
  const colon = bare.indexOf(':');
  const key = colon >= 0 ? bare.slice(0, colon + 1) : bare;
  const suggestion = closest(key, KNOWN_OPTION_WORDS);
  if (suggestion === undefined) return undefined;
  return suggestion.endsWith(':') && colon >= 0 ? `${suggestion}${bare.slice(colon + 1)}` : suggestion;
}

function checkIgnored(ctx: CheckContext, line: ResolvConfLine, e: IgnoredEffect): void {
  const range = spanRange(line, e.span);
  const word = e.span.text.replace(/\r$/, '');
  if (word === '') return;
  const removed = REMOVED_GLIBC_OPTIONS.get(e.negated ? word.slice(1) : word);
  if (removed) {
    ctx.report('warning', 'resolvconf/removed-option', range, `${removed} musl never read it. Remove it.`);
    return;
  }
  ctx.report('warning', 'resolvconf/unknown-option', range, unknownOptionMessage(word));
}

/** Flags and unknown words of one options line; `skip` tells which words other checks own. */
export function checkOptionWords(ctx: CheckContext, line: ResolvConfLine, effects: GlibcOptionEffect[], skip: (index: number) => boolean): void {
  effects.forEach((e, index) => {
    if (skip(index)) return;
    if (e.kind === 'flag') checkFlag(ctx, line, e);
    else if (e.kind === 'ignored') checkIgnored(ctx, line, e);
  });
}
