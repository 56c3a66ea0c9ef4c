// Hover for one word of an `options` line: what it means, what glibc and musl each read from this very
// word (glibc matches flags by prefix and reads numbers with strtol; musl finds three numbers with strstr),
// the caps each applies and the value in effect after the whole file.
import type { EffectiveResolvConf } from '../../resolvconf/config.js';
import type { GlibcLine, GlibcOptionEffect } from '../../resolvconf/glibc-line.js';
import type { Resolver, ResolvConfLine, ResolvConfOption } from '../../resolvconf/model.js';
import type { MuslLine, MuslOptionEffect } from '../../resolvconf/musl.js';
import { GLIBC_NEGATION_SINCE, numericOption, REMOVED_GLIBC_OPTIONS, type NumericOptionInfo } from '../../resolvconf/options.js';
import { code, paragraphs } from './markdown.js';

export interface LineReadings {
  glibc: GlibcLine;
  musl: MuslLine;
  effective: Record<Resolver, EffectiveResolvConf>;
  resolver: Resolver;
  line: ResolvConfLine;
}

/** The libc's name, marked when it is the one the `corefileLens.resolver` setting picks. */
export function mark(libc: Resolver, r: Pick<LineReadings, 'resolver'>): string {
  return libc === r.resolver ? `**${libc}** (your resolver)` : libc;
}

export function optionHoverText(option: ResolvConfOption, r: LineReadings): string {
  const column = option.token.range.start.character;
  const glibc = r.glibc.kind === 'options' ? r.glibc.effects.find((e) => e.span.start === column) : undefined;
  const numeric = numericOption(option.name);
  if (numeric && option.value !== undefined) return numericText(numeric, option, glibc, r);
  return flagText(option, glibc, r);
}

function numericText(info: NumericOptionInfo, option: ResolvConfOption, glibc: GlibcOptionEffect | undefined, r: LineReadings): string {
  const musl = r.musl.kind === 'options' ? r.musl.effects.find((e) => e.option === info.name) : undefined;
  const column = option.token.range.start.character;
  return paragraphs(
    `**${info.name}** — resolv.conf option`,
    info.description,
    `Default ${info.default}; glibc keeps at most ${info.cap.glibc}, musl at most ${info.cap.musl}.`,
    [
      `- ${mark('glibc', r)}: ${glibcNumber(glibc, info)} In effect after the whole file: ${r.effective.glibc[info.name]}.`,
      `- ${mark('musl', r)}: ${muslNumber(musl, column, info)} In effect after the whole file: ${r.effective.musl[info.name]}.`,
    ].join('\n'),
  );
}

function glibcNumber(e: GlibcOptionEffect | undefined, info: NumericOptionInfo): string {
  if (e === undefined || e.kind !== 'number') return 'does not read this word.';
  if (!e.hasDigits) return `finds no number here and reads ${e.value}.`;
  if (e.capped) return `reads ${e.parsed} and lowers it to ${e.value}, its cap.`;
  if (info.name === 'ndots' && e.parsed < 0) return `reads ${e.parsed}; its 4-bit field keeps ${e.value}.`;
  return `reads ${e.value}.`;
}

function muslNumber(e: MuslOptionEffect | undefined, column: number, info: NumericOptionInfo): string {
  if (e === undefined) return 'does not read this line.';
  // musl looks only at the first `name:` on the line, wherever it is.
  if (e.span.start !== column) return `reads only the first ${code(`${info.name}:`)} of the line, not this one.`;
  if (!e.applied) return 'ignores it: the value does not start with a digit.';
  if (e.capped) return `reads ${e.parsed} and lowers it to ${e.value}, its cap.`;
  return `reads ${e.value}.`;
}

function flagText(option: ResolvConfOption, glibc: GlibcOptionEffect | undefined, r: LineReadings): string {
  const word = option.token.text;
  const musl = `- ${mark('musl', r)}: ignores it (musl reads only ${code('ndots:')}, ${code('timeout:')} and ${code('attempts:')}).`;
  if (glibc?.kind === 'flag') {
    const info = glibc.info;
    const seen = glibc.negated ? glibc.span.text.slice(1) : glibc.span.text;
    // A CRLF file leaves a carriage return at the end of the last word, which glibc keeps; the prefix match
    // still finds the flag.
    const prefix = glibc.exact
      ? ''
      : seen.replace(/\r$/, '') === info.word
        ? ' The line ends with a carriage return (CRLF), which glibc keeps in the word; it still matches the flag by its beginning.'
        : ` glibc matches flags by their beginning, so it reads ${code(word)} as ${code(info.word)}.`;
    const since = info.since !== undefined ? ` Read since glibc ${info.since}; older releases ignore it.` : '';
    const effect = glibc.negated
      ? `clears the flag (glibc ${GLIBC_NEGATION_SINCE} and later; older releases ignore words starting with ${code('-')}).`
      : 'sets the flag.';
    return paragraphs(`**${info.word}** — resolv.conf option (glibc)`, `${info.description}${since}${prefix}`, [`- ${mark('glibc', r)}: ${effect}`, musl].join('\n'));
  }
  const removed = REMOVED_GLIBC_OPTIONS.get(option.name);
  if (removed) return paragraphs(`**${option.name}** — retired resolv.conf option`, removed, musl);
  return paragraphs(
    `**${word}** — unknown resolv.conf option`,
    'Neither glibc nor musl knows this word; both ignore it without a message.',
  );
}
