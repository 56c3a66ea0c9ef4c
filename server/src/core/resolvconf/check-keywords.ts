// Checks on the first word of each line: is it a keyword, is it where the libc looks for it (column
// 1), and does it have a value. A line that fails here is ignored whole by the libc, so later checks
// skip it.
import { quote, type CheckContext } from './check-context.js';
import { RESOLV_CONF_KEYWORDS, type ResolvConfDirective, type ResolvConfLine } from './model.js';
import { GLIBC_FLAGS, NUMERIC_OPTIONS, REMOVED_GLIBC_OPTIONS } from './options.js';
import { closest } from './suggest.js';

/** Keywords of other systems' resolv.conf that people carry over. */
const FOREIGN_KEYWORDS: ReadonlyMap<string, string> = new Map([
  ['lookup', '`lookup` belongs to the OpenBSD resolver; on Linux the order of sources is set in /etc/nsswitch.conf.'],
  ['family', '`family` belongs to the OpenBSD resolver; on Linux the address family is chosen by the program.'],
]);

function looksLikeOption(word: string): boolean {
  const bare = word.startsWith('-') ? word.slice(1) : word;
  return (
    NUMERIC_OPTIONS.some((o) => bare.startsWith(`${o.name}:`)) ||
    GLIBC_FLAGS.some((f) => bare === f.word) ||
    REMOVED_GLIBC_OPTIONS.has(bare)
  );
}

function unknownKeywordMessage(word: string): string {
  const ignored = 'glibc and musl ignore this line.';
  if (looksLikeOption(word)) {
    return `${quote(word)} is an option, not a keyword: ${ignored} Put it on an options line: \`options ${word}\`.`;
  }
  const caseMatch = RESOLV_CONF_KEYWORDS.find((k) => k === word.toLowerCase());
  if (caseMatch) return `Keywords are lower case: ${ignored} Write \`${caseMatch}\`.`;
  const glued = RESOLV_CONF_KEYWORDS.find((k) => word.startsWith(k) && /^[:=]./.test(word.slice(k.length)));
  if (glued) {
    return `${quote(word)} runs the keyword and its value together: ${ignored} Separate them with a space: \`${glued} ${word.slice(glued.length + 1)}\`.`;
  }
  const foreign = FOREIGN_KEYWORDS.get(word);
  if (foreign) return `${foreign} ${ignored}`;
  const suggestion = keywordSuggestion(word);
  if (suggestion) return `Unknown keyword ${quote(word)}: ${ignored} Did you mean \`${suggestion}\`?`;
  return `Unknown keyword ${quote(word)}: ${ignored} The keywords are nameserver, domain, search, sortlist and options.`;
}

/**
 * The keyword an unknown first word is a typo of, when the message offers one (quick fixes replace the
 * word with it): not for options, case slips, glued values or other systems' keywords, which the
 * message explains otherwise.
 */
export function keywordSuggestion(word: string): string | undefined {
  if (looksLikeOption(word) || FOREIGN_KEYWORDS.has(word)) return undefined;
  if (RESOLV_CONF_KEYWORDS.some((k) => k === word.toLowerCase())) return undefined;
  if (RESOLV_CONF_KEYWORDS.some((k) => word.startsWith(k) && /^[:=]./.test(word.slice(k.length)))) return undefined;
  return closest(word, RESOLV_CONF_KEYWORDS);
}

function missingValueMessage(ctx: CheckContext, line: ResolvConfLine, directive: ResolvConfDirective): string {
  switch (directive.name) {
    case 'nameserver':
      return '`nameserver` needs the IPv4 or IPv6 address of a DNS server; without one the line is ignored.';
    case 'domain':
    case 'search': {
      if (ctx.resolver === 'musl') {
        return ctx.musl[line.line]?.kind === 'search'
          ? `\`${directive.name}\` without a domain clears the search list in musl (glibc ignores the line). Remove the line or add the domains.`
          : `\`${directive.name}\` without a domain does nothing. Remove the line or add the domains.`;
      }
      return `\`${directive.name}\` without a domain is ignored by glibc (musl would clear the search list). Remove the line or add the domains.`;
    }
    case 'sortlist':
      return '`sortlist` without address/mask pairs does nothing. Remove the line or add the pairs.';
    case 'options':
      return '`options` without options does nothing. Remove the line or add the options.';
    default:
      return 'This keyword needs a value.';
  }
}

export function checkKeywords(ctx: CheckContext): void {
  for (const line of ctx.file.lines) {
    const directive = line.directive;
    if (!directive) continue;
    if (directive.name === undefined) {
      ctx.report('warning', 'resolvconf/unknown-keyword', directive.keyword.range, unknownKeywordMessage(directive.keyword.text));
      continue;
    }
    if (!directive.atLineStart) {
      ctx.report(
        'warning',
        'resolvconf/indented-keyword',
        directive.keyword.range,
        `glibc and musl read keywords only at the very start of a line, so this \`${directive.name}\` line is ignored. Remove the leading blanks.`,
      );
      continue;
    }
    if (directive.values.length === 0) {
      ctx.report('warning', 'resolvconf/missing-value', directive.keyword.range, missingValueMessage(ctx, line, directive));
    }
  }
}
