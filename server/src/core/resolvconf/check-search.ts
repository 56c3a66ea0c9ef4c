// Checks on `domain` and `search` lines. In both libcs the last such line replaces every earlier one;
// glibc reads only the first word of `domain`, musl treats `domain` exactly like `search`; neither has
// end-of-line comments, so `# ...` after the domains becomes more search domains.
import type { Range } from '../types.js';
import { keywordRange, lineNo, quote, startsComment, toLineEnd, type CheckContext } from './check-context.js';
import type { ResolvConfLine } from './model.js';
import { utf8Length } from './musl.js';
import { spanRange, type Span } from './span.js';

/**
 * glibc 2.26+ also copies the search list into the legacy `_res` fields: at most 6 entries in a 256-byte
 * buffer. When an entry does not fit while the entries before it take no more than the size of the
 * `dnsrch` pointer array (56 bytes on 64-bit systems), its own consistency check fails and glibc aborts
 * the program (assertion in resolv_conf.c; seen with glibc 2.36).
 */
const LEGACY_BUFFER = 256;
const LEGACY_POINTER_ARRAY_BYTES = 7 * 8;

/** glibc before 2.26 kept at most 6 search domains and 255 characters of the search line. */
const LEGACY_MAX_DOMAINS = 6;
const LEGACY_MAX_CHARS = 255;

interface Setter {
  line: ResolvConfLine;
  keyword: string;
  /** The domains as the libc reads them, comment words included. */
  values: Span[];
}

function setterOf(ctx: CheckContext, line: ResolvConfLine): Setter | undefined {
  if (ctx.resolver === 'glibc') {
    const r = ctx.glibc[line.line];
    if (r?.kind === 'domain' && r.value) return { line, keyword: 'domain', values: [r.value] };
    if (r?.kind === 'search' && r.values.length > 0) return { line, keyword: 'search', values: r.values };
    return undefined;
  }
  const r = ctx.musl[line.line];
  return r?.kind === 'search' ? { line, keyword: r.keyword, values: r.values } : undefined;
}

function domainProblem(ctx: CheckContext, name: string): { severity: 'warning' | 'information'; text: string } | undefined {
  if (name === '.') return undefined;
  const body = name.endsWith('.') ? name.slice(0, -1) : name;
  if (body.startsWith('.')) {
    return ctx.resolver === 'glibc'
      ? { severity: 'information', text: `glibc drops the leading dot of ${quote(name)}, but musl skips such an entry. Write it without the leading dot.` }
      : { severity: 'warning', text: `musl skips ${quote(name)} because of its leading dot (an empty label). Write it without the leading dot.` };
  }
  const problem = body.split('.').some((label) => label === '')
    ? 'it has an empty label, `..`'
    : body.split('.').some((label) => label.length > 63)
      ? 'a label is longer than 63 characters'
      : body.length > 253
        ? 'it is longer than 253 characters'
        : undefined;
  return problem
    ? { severity: 'warning', text: `${quote(name)} is not a valid domain name (${problem}): no name can be found through it. Fix or remove it.` }
    : undefined;
}

function checkDomains(ctx: CheckContext, setter: Setter, domains: Span[]): void {
  for (const domain of domains) {
    const range = spanRange(setter.line, domain);
    if (domain.text.endsWith('\r')) {
      if (ctx.resolver === 'glibc') {
        ctx.report(
          'warning',
          'resolvconf/carriage-return',
          range,
          `glibc keeps the carriage return of this CRLF line in the search domain ${quote(domain.text)}, so no name is found through it. Save the file with LF line endings.`,
        );
      }
      continue;
    }
    const problem = domainProblem(ctx, domain.text);
    if (problem) ctx.report(problem.severity, 'resolvconf/invalid-search-domain', range, problem.text);
  }
}

function checkComment(ctx: CheckContext, setter: Setter, domains: Span[], commentAt: number): void {
  const words = setter.values.slice(commentAt).map((v) => v.text.replace(/\r$/, '')).filter((w) => w !== '');
  const range: Range = toLineEnd(setter.line, spanRange(setter.line, setter.values[commentAt]!));
  const then = domains.length > 0 ? ` after ${quote(domains[domains.length - 1]!.text)}` : '';
  ctx.report(
    'warning',
    'resolvconf/trailing-comment',
    range,
    `resolv.conf has no end-of-line comments: ${ctx.resolver} adds ${words.map(quote).join(', ')} to the search list${then}. Move the comment to a line of its own starting with #.`,
  );
}

function checkSeveralDomainValues(ctx: CheckContext, setter: Setter, line: ResolvConfLine): void {
  const values = line.directive?.values ?? [];
  if (setter.keyword !== 'domain' || values.length < 2 || startsComment(values[1]!.text)) return;
  const range = { start: values[1]!.range.start, end: values[values.length - 1]!.range.end };
  const list = `\`search ${values.map((v) => v.text).join(' ')}\``;
  const message =
    ctx.resolver === 'glibc'
      ? `glibc uses only the first word of a domain line (${quote(values[0]!.text)}) and ignores the rest, while musl reads every word. For a list of domains write ${list}.`
      : `musl reads every word of a domain line as a search domain, while glibc would use only ${quote(values[0]!.text)}. For a list of domains write ${list}.`;
  ctx.report('warning', 'resolvconf/domain-with-several-values', range, message);
}

function checkLegacyLimit(ctx: CheckContext, setter: Setter): void {
  if (ctx.resolver !== 'glibc' || setter.keyword !== 'search') return;
  const chars = setter.values.map((v) => v.text).join(' ').length;
  if (setter.values.length <= LEGACY_MAX_DOMAINS && chars <= LEGACY_MAX_CHARS) return;
  ctx.report(
    'hint',
    'resolvconf/search-list-legacy-limit',
    keywordRange(setter.line),
    `glibc before 2.26 used at most ${LEGACY_MAX_DOMAINS} search domains and ${LEGACY_MAX_CHARS} characters of this line; on such old systems the rest is ignored.`,
  );
}

/** The entry of glibc's final search list that makes glibc abort, if any (see LEGACY_BUFFER). */
function abortingEntry(values: Span[]): Span | undefined {
  let used = 0;
  for (const value of values.slice(0, LEGACY_MAX_DOMAINS)) {
    const size = utf8Length(value.text) + 1;
    if (used + size > LEGACY_BUFFER) return used <= LEGACY_POINTER_ARRAY_BYTES ? value : undefined;
    used += size;
  }
  return undefined;
}

function checkGlibcAbort(ctx: CheckContext, last: Setter | undefined): void {
  if (ctx.resolver !== 'glibc' || !last) return;
  const entry = abortingEntry(last.values);
  if (!entry) return;
  ctx.report(
    'error',
    'resolvconf/search-aborts-glibc',
    spanRange(last.line, entry),
    `glibc 2.26 and later abort every program that looks up a name with this search list (an assertion fails in resolv_conf.c): ${quote(entry.text)} does not fit in the 256 bytes glibc keeps for the legacy copy of the list. Shorten the search domains.`,
  );
}

export function checkSearch(ctx: CheckContext): void {
  const setters: Setter[] = [];
  for (const line of ctx.file.lines) {
    const setter = setterOf(ctx, line);
    if (!setter) continue;
    setters.push(setter);
    // glibc reads one word of `domain`: a comment after it does no harm there.
    const readsAll = setter.keyword === 'search' || ctx.resolver === 'musl';
    const commentAt = readsAll ? setter.values.findIndex((v) => startsComment(v.text)) : -1;
    const domains = commentAt >= 0 ? setter.values.slice(0, commentAt) : setter.values;
    checkDomains(ctx, setter, domains);
    if (commentAt >= 0) checkComment(ctx, setter, domains, commentAt);
    checkSeveralDomainValues(ctx, setter, line);
    checkLegacyLimit(ctx, setter);
  }
  const last = setters[setters.length - 1];
  checkGlibcAbort(ctx, last);
  for (const setter of setters.slice(0, -1)) {
    ctx.report(
      'warning',
      'resolvconf/search-overridden',
      keywordRange(setter.line),
      `Only the last domain or search line counts, and the \`${last!.keyword}\` line ${lineNo(last!.line)} replaces this one. Put all domains on one search line.`,
    );
  }
}
