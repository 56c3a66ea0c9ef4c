// resolv.conf: the keywords at the start of a line (glibc and musl read a keyword only at column 1,
// followed by a space or a tab), and after `options` the option words, each saying what glibc and musl do
// with it (resolvconf/options.ts). The three numeric options come first: they are the only ones musl
// reads. Options that glibc no longer reads are not offered, nor flags already on the line.
import { GLIBC_FLAGS, NUMERIC_OPTIONS } from '../../resolvconf/options.js';
import { atModelPosition } from '../../resolvconf/lsp-lines.js';
import { RESOLV_CONF_KEYWORDS, type ResolvConfKeyword } from '../../resolvconf/model.js';
import type { ResolverKind } from '../../settings.js';
import type { Position } from '../../types.js';
import { code, paragraphs } from '../hover/markdown.js';
import type { CompletionEntry, CompletionResult, CompletionTrigger } from './types.js';

const KEYWORD_DETAIL: Record<ResolvConfKeyword, string> = {
  nameserver: 'A DNS server to ask (glibc and musl use the first three)',
  search: 'The search list appended to short names',
  domain: 'The local domain (a one-entry search list)',
  options: 'Resolver settings: ndots, timeout, attempts and glibc flags',
  sortlist: 'glibc only: order addresses by network',
};

export function resolvConfCompletion(text: string, position: Position, resolver: ResolverKind, trigger: CompletionTrigger = {}): CompletionResult | undefined {
  // The libraries (and the model) count lines at `\n` only; the editor also ends one at a lone `\r`.
  return atModelPosition(text, position, (p) => completionOnModelLines(text, p, resolver, trigger));
}

function completionOnModelLines(text: string, position: Position, resolver: ResolverKind, trigger: CompletionTrigger): CompletionResult | undefined {
  const line = text.split('\n')[position.line];
  if (line === undefined || position.character > line.length) return undefined;
  const before = line.slice(0, position.character);
  if (trigger.character === undefined && /^[a-z]*$/i.test(before)) {
    return { range: { start: { line: position.line, character: 0 }, end: position }, items: keywordItems() };
  }
  const options = /^options[ \t]/.exec(before);
  if (options === null) return undefined;
  const prefix = /\S*$/.exec(before)![0];
  if (trigger.character !== undefined && prefix !== '') return undefined;
  const written = new Set(line.split(/\s+/).slice(1));
  const start = { line: position.line, character: position.character - prefix.length };
  written.delete(prefix);
  return { range: { start, end: position }, items: optionItems(written, resolver) };
}

function keywordItems(): CompletionEntry[] {
  return RESOLV_CONF_KEYWORDS.map((keyword, index) => ({
    label: keyword,
    kind: 'keyword',
    detail: KEYWORD_DETAIL[keyword],
    text: `${keyword} `,
    sortText: `${index}`,
  }));
}

function optionItems(written: ReadonlySet<string>, resolver: ResolverKind): CompletionEntry[] {
  const items: CompletionEntry[] = [];
  for (const option of NUMERIC_OPTIONS) {
    items.push({
      label: `${option.name}:`,
      kind: 'keyword',
      detail: `Read by glibc and musl (default ${option.default})`,
      documentation: paragraphs(option.description, `Default ${option.default}; glibc keeps at most ${option.cap.glibc}, musl at most ${option.cap.musl}.`),
      text: `${option.name}:`,
      snippet: `${option.name}:\${1:${option.default}}`,
      sortText: `0${option.name}`,
    });
  }
  for (const flag of GLIBC_FLAGS) {
    if (written.has(flag.word)) continue;
    const since = flag.since !== undefined ? ` Read since glibc ${flag.since}; older releases ignore it.` : '';
    items.push({
      label: flag.word,
      kind: 'keyword',
      detail: resolver === 'musl' ? 'glibc flag; musl (your resolver) ignores it' : 'glibc flag; musl ignores it',
      documentation: paragraphs(`${flag.description}${since}`, `musl reads only ${code('ndots:')}, ${code('timeout:')} and ${code('attempts:')} and ignores this word.`),
      text: flag.word,
      sortText: `1${flag.word}`,
    });
  }
  return items;
}
