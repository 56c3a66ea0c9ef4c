// Checks on `options` lines: each word (check-option-words.ts, check-option-numbers.ts), words after a
// `#` (not a comment to either libc), options set twice, and the values that finally count.
import { lineNo, quote, startsComment, toLineEnd, type CheckContext } from './check-context.js';
import { checkGlibcNumber, checkMuslNumber, type IsFinal, type NumericSetting } from './check-option-numbers.js';
import { checkOptionWords } from './check-option-words.js';
import type { GlibcOptionEffect } from './glibc-line.js';
import type { ResolvConfLine } from './model.js';
import type { MuslOptionEffect } from './musl.js';
import type { NumericOption } from './options.js';
import { spanRange } from './span.js';

interface OptionsLine {
  line: ResolvConfLine;
  /** glibc's reading of the words, used to name words for both libcs. */
  words: GlibcOptionEffect[];
  /** musl's findings on the line; empty when the chosen libc is glibc. */
  musl: MuslOptionEffect[];
  /** Index of the first word that starts with `#` or `;`, or -1. */
  commentAt: number;
}

function optionsLines(ctx: CheckContext): OptionsLine[] {
  const out: OptionsLine[] = [];
  for (const line of ctx.file.lines) {
    const g = ctx.glibc[line.line];
    const m = ctx.musl[line.line];
    if (g?.kind !== 'options') continue;
    if (ctx.resolver === 'musl' && m?.kind !== 'options') continue;
    const commentAt = g.effects.findIndex((e) => e.kind === 'ignored' && startsComment(e.span.text));
    out.push({ line, words: g.effects, musl: ctx.resolver === 'musl' && m?.kind === 'options' ? m.effects : [], commentAt });
  }
  return out;
}

/** Every place the chosen libc sets a numeric option, in file order. */
function settingsOf(ctx: CheckContext, lines: OptionsLine[]): NumericSetting[] {
  const settings: NumericSetting[] = [];
  for (const { line, words, musl } of lines) {
    if (ctx.resolver === 'glibc') {
      for (const e of words) if (e.kind === 'number') settings.push({ option: e.option, line, span: e.span, value: e.value });
    } else {
      for (const f of musl) if (f.applied && f.value !== undefined) settings.push({ option: f.option, line, span: f.span, value: f.value });
    }
  }
  // musl finds options in a fixed order per line; put each line's settings back in column order.
  return settings.sort((a, b) => a.line.line - b.line.line || a.span.start - b.span.start);
}

/** Words read as the number of a previous option (`ndots: 3` makes `3` part of `ndots:`). */
function consumedWords(words: GlibcOptionEffect[]): Set<number> {
  const consumed = new Set<number>();
  words.forEach((e, k) => {
    if (e.kind !== 'number' || !e.numberSpan || e.numberSpan.end <= e.span.end) return;
    words.forEach((o, j) => {
      if (j > k && o.span.start < e.numberSpan!.end) consumed.add(j);
    });
  });
  return consumed;
}

function checkTrailingComment(ctx: CheckContext, o: OptionsLine): void {
  const first = o.words[o.commentAt]!;
  const applied =
    ctx.resolver === 'glibc'
      ? o.words.slice(o.commentAt).filter((e) => e.kind !== 'ignored').map((e) => e.span.text)
      : o.musl.filter((f) => f.applied && f.span.start >= first.span.start).map((f) => f.span.text);
  const range = toLineEnd(o.line, spanRange(o.line, first.span));
  const lead = `resolv.conf has no end-of-line comments: ${ctx.resolver} reads the words after \`${first.span.text.charAt(0)}\` as options`;
  const fix = 'Move the comment to a line of its own starting with #.';
  if (applied.length > 0) {
    ctx.report('warning', 'resolvconf/trailing-comment', range, `${lead} and applies ${applied.map(quote).join(', ')}. ${fix}`);
  } else {
    ctx.report('information', 'resolvconf/trailing-comment', range, `${lead} (none of them does anything here). ${fix}`);
  }
}

function checkSameLineDuplicates(ctx: CheckContext, o: OptionsLine): void {
  const byOption = new Map<NumericOption, Array<Extract<GlibcOptionEffect, { kind: 'number' }>>>();
  for (const e of o.words) {
    if (e.kind === 'number') byOption.set(e.option, [...(byOption.get(e.option) ?? []), e]);
  }
  for (const [option, list] of byOption) {
    if (list.length < 2) continue;
    const first = list[0]!;
    const last = list[list.length - 1]!;
    const differ = list.some((e) => e.span.text !== first.span.text);
    for (const e of list.slice(1)) {
      ctx.report(
        differ ? 'warning' : 'information',
        'resolvconf/duplicate-option',
        spanRange(o.line, e.span),
        differ
          ? `\`${option}\` is set twice on this line: glibc uses the last one (${quote(last.span.text)}), musl the first (${quote(first.span.text)}). Keep one.`
          : `\`${option}\` is set twice on this line with the same value. Keep one.`,
      );
    }
  }
}

function checkOverrides(ctx: CheckContext, settings: NumericSetting[]): void {
  const lastOf = new Map<NumericOption, NumericSetting>();
  for (const s of settings) lastOf.set(s.option, s);
  for (const s of settings) {
    const last = lastOf.get(s.option)!;
    if (last === s || last.line === s.line) continue;
    ctx.report(
      'information',
      'resolvconf/duplicate-option',
      spanRange(s.line, s.span),
      `${quote(s.span.text)} is replaced by ${quote(last.span.text)} on line ${lineNo(last.line)}: the later value counts. Remove one of them.`,
    );
  }
}

export function checkOptions(ctx: CheckContext): void {
  const lines = optionsLines(ctx);
  const settings = settingsOf(ctx, lines);
  const lastOf = new Map<NumericOption, NumericSetting>();
  for (const s of settings) lastOf.set(s.option, s);
  const isFinal: IsFinal = (option, line, span) => {
    const last = lastOf.get(option);
    return last !== undefined && last.line === line && last.span.start === span.start;
  };
  for (const o of lines) {
    const consumed = consumedWords(o.words);
    const inComment = (index: number): boolean => o.commentAt >= 0 && index >= o.commentAt;
    // musl finds `ndots:` even inside another word; such a word is musl's option, not an unknown one.
    const muslOwned = (k: number): boolean =>
      o.musl.some((f) => f.applied && f.span.start >= o.words[k]!.span.start && f.span.start < o.words[k]!.span.end);
    checkOptionWords(ctx, o.line, o.words, (k) => inComment(k) || consumed.has(k) || muslOwned(k));
    if (ctx.resolver === 'glibc') {
      o.words.forEach((e, k) => {
        if (e.kind === 'number' && !inComment(k) && !consumed.has(k)) checkGlibcNumber(ctx, o.line, e, isFinal);
      });
    } else {
      const commentStart = o.commentAt >= 0 ? o.words[o.commentAt]!.span.start : Infinity;
      for (const f of o.musl) {
        if (f.span.start >= commentStart) continue;
        const glibcReading = o.words.find((e): e is Extract<GlibcOptionEffect, { kind: 'number' }> => e.kind === 'number' && e.span.start === f.span.start);
        checkMuslNumber(ctx, o.line, f, glibcReading, isFinal);
      }
    }
    checkSameLineDuplicates(ctx, o);
    if (o.commentAt >= 0) checkTrailingComment(ctx, o);
  }
  checkOverrides(ctx, settings);
}
