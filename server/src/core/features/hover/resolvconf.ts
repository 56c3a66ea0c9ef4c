// Hover for resolv.conf: what glibc and musl each do with the line or option under the cursor, read by
// the same emulations the checks and the simulator use (resolvconf/glibc-line.ts, musl.ts), and the
// values in effect once the whole file has been read, caps applied.
import type { EffectiveResolvConf } from '../../resolvconf/config.js';
import { effectiveConfig } from '../../resolvconf/effective.js';
import { interpretGlibcLine, type GlibcLine } from '../../resolvconf/glibc-line.js';
import type { Resolver, ResolvConfDirective, ResolvConfKeyword, ResolvConfLine } from '../../resolvconf/model.js';
import { interpretMuslLine, MUSL_MAX_LINE_BYTES, type MuslLine } from '../../resolvconf/musl.js';
import { atModelPosition } from '../../resolvconf/lsp-lines.js';
import { parseResolvConf } from '../../resolvconf/parse.js';
import type { Position, Range } from '../../types.js';
import type { HoverResult } from './corefile.js';
import { code, paragraphs } from './markdown.js';
import { mark, optionHoverText, type LineReadings } from './resolvconf-options.js';

const KEYWORD_TEXT: Record<ResolvConfKeyword, string> = {
  nameserver: 'The address of a DNS server to ask. glibc and musl both keep the first three usable addresses and ignore the rest; with none, both ask 127.0.0.1.',
  domain: 'The local domain. glibc uses its first word as the whole search list; musl reads it exactly like `search`. In both, the last `domain` or `search` line replaces any earlier one.',
  search: 'The search list: domains appended in turn to a name with fewer dots than `ndots`, before the name is tried as written. glibc also tries them when a name with more dots fails as written; musl sends such a name only as written. In both libcs the last `domain` or `search` line replaces any earlier one.',
  sortlist: 'glibc only: networks (with optional masks) by which the addresses of gethostbyname-style lookups are ordered; getaddrinfo does not use it. musl ignores it.',
  options: 'Resolver settings. glibc reads `ndots:`, `timeout:`, `attempts:` and a table of flags; musl reads only the three numbers.',
};

function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

export function resolvConfHover(text: string, position: Position, resolver: Resolver): HoverResult | undefined {
  // The model counts lines as the libraries do; the editor also ends one at a lone `\r`.
  return atModelPosition(text, position, (p) => hoverOnModelLines(text, p, resolver));
}

function hoverOnModelLines(text: string, position: Position, resolver: Resolver): HoverResult | undefined {
  const file = parseResolvConf(text);
  const line = file.lines[position.line];
  const directive = line?.directive;
  if (!line || !directive) return undefined;
  const readings: LineReadings = {
    glibc: interpretGlibcLine(line.raw),
    musl: interpretMuslLine(line.raw, line.newline),
    effective: { glibc: effectiveConfig(file, 'glibc'), musl: effectiveConfig(file, 'musl') },
    resolver,
    line,
  };
  const option = directive.options.find((o) => contains(o.token.range, position));
  if (option) return { markdown: optionHoverText(option, readings), range: option.token.range };
  const word = [directive.keyword, ...directive.values].find((t) => contains(t.range, position));
  if (!word) return undefined;
  return { markdown: lineHoverText(directive, readings), range: word.range };
}

function lineHoverText(directive: ResolvConfDirective, r: LineReadings): string {
  const title = directive.name ? `**${directive.name}** — resolv.conf keyword` : `**${directive.keyword.text}** — not a resolv.conf keyword`;
  if (!directive.name) {
    return paragraphs(title, `Neither glibc nor musl knows this keyword; both skip the line. Keywords are lowercase: ${['nameserver', 'domain', 'search', 'sortlist', 'options'].map((k) => code(k)).join(', ')}.`);
  }
  return paragraphs(
    title,
    KEYWORD_TEXT[directive.name],
    [`- ${mark('glibc', r)}: ${glibcLineText(r.glibc, r)}`, `- ${mark('musl', r)}: ${muslLineText(r.musl, r)}`].join('\n'),
  );
}

const sameStart = (a: Range, b: Range): boolean => a.start.line === b.start.line && a.start.character === b.start.character;

function serverUse(effective: EffectiveResolvConf, line: ResolvConfLine): string {
  const index = effective.origin.nameservers.findIndex((o) => o.start.line === line.line);
  return index >= 0 ? `asks ${code(effective.nameservers[index]!)} as server ${index + 1} of ${effective.nameservers.length}` : 'ignores it: three servers are already listed above';
}

function searchUse(effective: EffectiveResolvConf, directive: ResolvConfDirective | undefined): string {
  const list = effective.search.length > 0 ? effective.search.map((s) => code(s)).join(' ') : 'empty';
  if (directive && effective.origin.search && sameStart(effective.origin.search, directive.range)) return `this line sets the search list: ${list}`;
  return `a later line decides the search list (${list})`;
}

function glibcLineText(g: GlibcLine, r: LineReadings): string {
  const effective = r.effective.glibc;
  switch (g.kind) {
    case 'none':
      return 'ignores the line: a keyword counts only at the start of a line, followed by a space or a tab.';
    case 'nameserver':
      if (!g.word) return 'ignores the line: it has no address.';
      if (!g.address) return `ignores it: ${code(g.word.text)} is not an IP address.`;
      return `${serverUse(effective, r.line)}.`;
    case 'domain':
      return g.value ? `${searchUse(effective, r.line.directive)}.` : 'ignores the line: it has no value.';
    case 'search':
      return g.values.length > 0 ? `${searchUse(effective, r.line.directive)}.` : 'ignores the line: it has no value.';
    case 'sortlist': {
      const good = g.entries.filter((e) => e.address !== undefined && e.mask !== undefined);
      const hang = g.hangsAt !== undefined ? ' **It loops forever on this line** (a word starts with `/`, `&`, a non-ASCII character or a carriage return).' : '';
      return `keeps ${good.length} of ${g.entries.length} entr${g.entries.length === 1 ? 'y' : 'ies'} (at most 10 in the whole file).${hang}`;
    }
    case 'options':
      return `reads ${g.effects.length} option word${g.effects.length === 1 ? '' : 's'}; hover one to see what it does. In effect: ${numbers(effective)}.`;
  }
}

function muslLineText(m: MuslLine, r: LineReadings): string {
  const effective = r.effective.musl;
  switch (m.kind) {
    case 'dropped':
      return `skips the whole line: it is ${m.bytes} bytes long, and musl reads lines of at most ${MUSL_MAX_LINE_BYTES} bytes.`;
    case 'none':
      return r.line.directive?.name === 'sortlist' ? 'ignores sortlist.' : 'ignores the line: a keyword counts only at the start of a line, followed by white space.';
    case 'nameserver':
      if (!m.word) return 'ignores the line: it has no address.';
      if (!m.address) return `ignores it: ${code(m.word.text)} is not an IP address.`;
      return `${serverUse(effective, r.line)}.`;
    case 'search':
      return `${searchUse(effective, r.line.directive)}.`;
    case 'options':
      return `reads ${m.effects.filter((e) => e.applied).map((e) => code(e.option)).join(', ') || 'nothing'} here. In effect: ${numbers(effective)}.`;
  }
}

function numbers(e: EffectiveResolvConf): string {
  return `ndots ${e.ndots}, timeout ${e.timeout}, attempts ${e.attempts}`;
}
