// Checks on `ndots:`, `timeout:` and `attempts:` values. The two libcs read them differently: glibc
// reads any text with strtol (nothing or garbage is 0, a space before the number is skipped, negative
// numbers pass), musl needs a digit right after the colon. Severity follows the consequence: a zero
// attempts or (musl) timeout stops all lookups, which is an error; anything else is a warning.
import { quote, type CheckContext } from './check-context.js';
import type { GlibcOptionEffect } from './glibc-line.js';
import type { ResolvConfLine } from './model.js';
import type { MuslOptionEffect } from './musl.js';
import { numericOption, type NumericOption } from './options.js';
import { spanRange, type Span } from './span.js';

/** One place where the chosen libc sets a numeric option. */
export interface NumericSetting {
  option: NumericOption;
  line: ResolvConfLine;
  span: Span;
  value: number;
}

/** Tells whether a setting is the one that counts in the end (the last one in the file). */
export type IsFinal = (option: NumericOption, line: ResolvConfLine, span: Span) => boolean;

type NumberEffect = Extract<GlibcOptionEffect, { kind: 'number' }>;

function capOf(option: NumericOption, resolver: 'glibc' | 'musl'): number {
  return numericOption(option)!.cap[resolver];
}

function defaultOf(option: NumericOption): number {
  return numericOption(option)!.default;
}

/** The number after the colon is not plain digits (`ndots:5x`, `ndots:+3`). */
function hasGarbage(word: string, option: NumericOption): boolean {
  return !/^\d+$/.test(word.slice(option.length + 1).replace(/\r$/, ''));
}

export function checkGlibcNumber(ctx: CheckContext, line: ResolvConfLine, e: NumberEffect, isFinal: IsFinal): void {
  const range = spanRange(line, e.span);
  const word = quote(e.span.text);
  const { option, value } = e;
  if (e.numberSpan && e.numberSpan.start >= e.span.end) {
    ctx.report(
      'warning',
      'resolvconf/space-in-option',
      { start: range.start, end: spanRange(line, e.numberSpan).end },
      `glibc skips the blank and reads ${option}:${e.parsed}, but musl ignores this value. Write \`${option}:${e.parsed}\` without a space.`,
    );
  }
  const asZero = e.hasDigits ? '' : ' (glibc reads a missing number as 0)';
  if (isFinal(option, line, e.span) && option === 'attempts' && value <= 0) {
    ctx.report(
      'error',
      'resolvconf/zero-attempts',
      range,
      `With ${word} glibc sends no query at all${asZero}, so every DNS lookup fails. Use attempts:1 or more (default ${defaultOf(option)}).`,
    );
    return;
  }
  if (isFinal(option, line, e.span) && option === 'timeout' && value <= 0) {
    ctx.report(
      'information',
      'resolvconf/zero-timeout',
      range,
      `glibc reads ${word} as timeout ${value}${asZero} and still waits at least 1 second per try. Write timeout:1 or more to say what happens.`,
    );
    return;
  }
  if (!e.hasDigits) {
    ctx.report(
      'warning',
      'resolvconf/invalid-option-value',
      range,
      `glibc reads ${word} as ${option}:0 and musl ignores it. Write a number, e.g. \`${option}:${defaultOf(option)}\`.`,
    );
    return;
  }
  if (e.parsed < 0) {
    const consequence = option === 'ndots' ? `keeps only the low 4 bits and uses ndots ${value}` : `uses ${value}`;
    ctx.report(
      'warning',
      'resolvconf/invalid-option-value',
      range,
      `glibc ${consequence}, and musl ignores a negative value. Write a number from 0 to ${capOf(option, 'glibc')}.`,
    );
    return;
  }
  if (e.capped) {
    const cap = capOf(option, 'glibc');
    ctx.report(
      'warning',
      'resolvconf/option-out-of-range',
      range,
      `glibc caps ${option} at ${cap}, so ${word} means ${option}:${cap}. Write ${cap} or less.`,
    );
    return;
  }
  if (e.numberSpan && e.numberSpan.start < e.span.end && hasGarbage(e.span.text, option)) {
    ctx.report(
      'warning',
      'resolvconf/invalid-option-value',
      range,
      `glibc reads only the number at the start of ${word} (${e.parsed}). Write \`${option}:${e.parsed}\`.`,
    );
  }
}

export function checkMuslNumber(
  ctx: CheckContext,
  line: ResolvConfLine,
  f: MuslOptionEffect,
  glibcReading: NumberEffect | undefined,
  isFinal: IsFinal,
): void {
  const range = spanRange(line, f.span);
  const word = quote(f.span.text);
  const { option } = f;
  if (!f.applied || f.value === undefined) {
    if (glibcReading?.numberSpan && glibcReading.numberSpan.start >= glibcReading.span.end) {
      ctx.report(
        'warning',
        'resolvconf/space-in-option',
        { start: range.start, end: spanRange(line, glibcReading.numberSpan).end },
        `musl ignores this value because the number must follow the colon directly (glibc reads ${option}:${glibcReading.parsed}). Write \`${option}:${glibcReading.parsed}\`.`,
      );
      return;
    }
    const glibcSays = glibcReading ? ` (glibc would use ${glibcReading.value})` : '';
    ctx.report(
      'warning',
      'resolvconf/invalid-option-value',
      range,
      `musl ignores ${word} because the value does not start with a digit${glibcSays}. Write a number, e.g. \`${option}:${defaultOf(option)}\`.`,
    );
    return;
  }
  if (!f.span.text.startsWith(`${option}:`)) {
    ctx.report(
      'warning',
      'resolvconf/option-inside-word',
      range,
      `musl finds \`${option}:\` inside ${word} and sets ${option} to ${f.value}, while glibc ignores this word. Remove or correct it.`,
    );
  }
  if (isFinal(option, line, f.span) && option === 'attempts' && f.value === 0) {
    ctx.report(
      'error',
      'resolvconf/zero-attempts',
      range,
      `With ${word} musl divides by zero on every DNS lookup: the program crashes (SIGFPE on x86). Use attempts:1 or more (default ${defaultOf(option)}).`,
    );
    return;
  }
  if (isFinal(option, line, f.span) && option === 'timeout' && f.value === 0) {
    ctx.report(
      'error',
      'resolvconf/zero-timeout',
      range,
      `With ${word} musl sends no query at all: every DNS lookup fails with a temporary error. Use timeout:1 or more (default ${defaultOf(option)}).`,
    );
    return;
  }
  if (f.capped) {
    const cap = capOf(option, 'musl');
    ctx.report('warning', 'resolvconf/option-out-of-range', range, `musl caps ${option} at ${cap}, so ${word} means ${option}:${cap}. Write ${cap} or less.`);
    return;
  }
  if (f.span.text.startsWith(`${option}:`) && hasGarbage(f.span.text, option)) {
    ctx.report('warning', 'resolvconf/invalid-option-value', range, `musl reads only the number at the start of ${word} (${f.parsed}). Write \`${option}:${f.parsed}\`.`);
  }
}
