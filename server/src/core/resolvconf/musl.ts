// musl's resolv.conf reader (src/network/resolvconf.c, __get_resolv_conf), reproduced on raw lines.
// musl reads lines with fgets into a 256-byte buffer and drops any line that does not fit, matches
// keywords at column 1 followed by any C white space, reads `nameserver`, `domain`/`search` (the same
// thing to musl) and three numeric options found anywhere on an `options` line with strstr. Nothing
// else in the file, and no environment variable, changes musl's behaviour.
import type { Range } from '../types.js';
import { muslNameserverAddress, type IpAddress } from './addresses.js';
import { isCSpace, muslStrtoul } from './cnumbers.js';
import { defaultConfig, MAXNS, type EffectiveResolvConf } from './config.js';
import type { ResolvConfFile, ResolvConfLine } from './model.js';
import type { NumericOption } from './options.js';
import { span, spanRange, type Span } from './span.js';

/** fgets(line, 256, f) keeps at most 255 bytes including the `\n`; longer lines are skipped whole. */
export const MUSL_MAX_LINE_BYTES = 254;

export interface MuslOptionEffect {
  option: NumericOption;
  /** The word in which musl found `name:`. */
  span: Span;
  /** musl took a value from it (it must start with a digit). */
  applied: boolean;
  parsed?: number;
  value?: number;
  capped: boolean;
}

export type MuslLine =
  | { kind: 'none' }
  /** The line has 255 bytes or more: musl skips it, whatever it says. */
  | { kind: 'dropped'; bytes: number }
  | { kind: 'options'; effects: MuslOptionEffect[] }
  | { kind: 'nameserver'; word?: Span; address?: IpAddress }
  | { kind: 'search'; keyword: 'domain' | 'search'; values: Span[] };

/** UTF-8 length: musl counts bytes, editors count UTF-16 units. */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

// musl also lets `timeout:` be followed by a `.`, but strtoul then reads nothing: no effect either way.
const NUMERIC: ReadonlyArray<{ option: NumericOption; cap: number }> = [
  { option: 'ndots', cap: 15 },
  { option: 'attempts', cap: 10 },
  { option: 'timeout', cap: 60 },
];

function wordAround(raw: string, at: number): Span {
  let start = at;
  while (start > 0 && !isCSpace(raw[start - 1])) start--;
  let end = at;
  while (end < raw.length && !isCSpace(raw[end])) end++;
  return span(raw, start, end);
}

function muslOptions(raw: string): MuslOptionEffect[] {
  const effects: MuslOptionEffect[] = [];
  for (const { option, cap } of NUMERIC) {
    const name = `${option}:`;
    const at = raw.indexOf(name);
    if (at < 0) continue;
    const valueAt = at + name.length;
    const c = raw[valueAt];
    const read = c !== undefined && c >= '0' && c <= '9' ? muslStrtoul(raw, valueAt) : undefined;
    const word = wordAround(raw, at);
    if (!read) {
      effects.push({ option, span: word, applied: false, capped: false });
      continue;
    }
    effects.push({
      option,
      span: word,
      applied: true,
      parsed: read.value,
      value: Math.min(read.value, cap),
      capped: read.value > cap,
    });
  }
  return effects;
}

/** What musl makes of one line. `newline` says whether a `\n` followed it (musl's isspace sees it). */
export function interpretMuslLine(raw: string, newline: boolean): MuslLine {
  const bytes = utf8Length(raw);
  if (bytes > MUSL_MAX_LINE_BYTES) return { kind: 'dropped', bytes };
  const at = (k: number): string | undefined => (k < raw.length ? raw[k] : k === raw.length && newline ? '\n' : undefined);
  if (raw.startsWith('options') && isCSpace(at(7))) return { kind: 'options', effects: muslOptions(raw) };
  if (raw.startsWith('nameserver') && isCSpace(at(10))) {
    let p = 11;
    while (isCSpace(raw[p])) p++;
    let z = p;
    while (z < raw.length && !isCSpace(raw[z])) z++;
    if (z <= p) return { kind: 'nameserver' };
    const word = span(raw, p, z);
    const address = muslNameserverAddress(word.text);
    return { kind: 'nameserver', word, ...(address ? { address } : {}) };
  }
  const keyword = raw.startsWith('domain') ? 'domain' : raw.startsWith('search') ? 'search' : undefined;
  if (keyword && isCSpace(at(6))) {
    const values: Span[] = [];
    let i = 7;
    while (i < raw.length) {
      while (isCSpace(raw[i])) i++;
      const start = i;
      while (i < raw.length && !isCSpace(raw[i])) i++;
      if (i > start) values.push(span(raw, start, i));
    }
    return { kind: 'search', keyword, values };
  }
  return { kind: 'none' };
}

/** musl's reading of every line of the file, index for index with `file.lines`. */
export function interpretMusl(file: ResolvConfFile): MuslLine[] {
  return file.lines.map((line) => interpretMuslLine(line.raw, line.newline));
}

function directiveRange(line: ResolvConfLine): Range {
  return line.directive ? line.directive.range : line.range;
}

export function muslEffective(file: ResolvConfFile): EffectiveResolvConf {
  const config = defaultConfig('musl');
  const servers: Array<{ address: string; range: Range }> = [];
  interpretMusl(file).forEach((effect, index) => {
    const line = file.lines[index]!;
    if (effect.kind === 'options') {
      for (const e of effect.effects) {
        if (!e.applied || e.value === undefined) continue;
        config[e.option] = e.value;
        config.origin[e.option] = spanRange(line, e.span);
      }
    } else if (effect.kind === 'nameserver') {
      if (servers.length < MAXNS && effect.address && effect.word) {
        servers.push({ address: effect.address.address, range: spanRange(line, effect.word) });
      }
    } else if (effect.kind === 'search') {
      config.search = effect.values.map((v) => v.text);
      config.searchSource = effect.values.length > 0 ? effect.keyword : 'none';
      config.origin.search = directiveRange(line);
    }
  });
  if (servers.length === 0) {
    config.nameservers = ['127.0.0.1'];
    config.defaultNameserver = true;
  } else {
    config.nameservers = servers.map((s) => s.address);
    config.origin.nameservers = servers.map((s) => s.range);
  }
  return config;
}
