// An RFC 1035 master-file reader with the rules of miekg/dns's ZoneParser, which CoreDNS's file, auto and
// secondary plugins use: $ORIGIN, $TTL, $INCLUDE, relative names, blank owners, parentheses spanning lines,
// `;` comments, quoted strings and backslash escapes. It returns typed records with their ranges so the
// linter can report the first refusal and the resolution engine can answer from the same records.
import { isDomainName, isFqdn, parseIp } from '../../corefile/zone.js';
import type { Range } from '../../types.js';

export interface ZoneRecord {
  /** Absolute owner name as written after origin expansion (case kept). */
  name: string;
  ttl: number;
  class: string;
  type: string;
  /** The rdata fields in presentation form; names made absolute for the types whose fields are names. */
  rdata: string[];
  /** The file the record was read from and where. */
  file: string;
  range: Range;
}

export interface ZoneFileError {
  file: string;
  range: Range;
  message: string;
}

export interface ZoneFileResult {
  records: ZoneRecord[];
  /** The first error, as miekg/dns stops at it; undefined when the whole file reads. */
  error?: ZoneFileError;
}

/** Reads an $INCLUDE target: its text, or undefined when it cannot be read. */
export type IncludeReader = (path: string) => string | undefined;

interface Word {
  text: string;
  quoted: boolean;
  range: Range;
}

interface Line {
  words: Word[];
  /** True when the entry begins with whitespace: the owner is the previous one. */
  blankOwner: boolean;
}

class ZoneError extends Error {
  constructor(readonly range: Range, message: string) {
    super(message);
  }
}

/** Splits text into entries: one per line, except that parentheses join lines. */
function lex(text: string): Line[] {
  const lines: Line[] = [];
  let words: Word[] = [];
  let blankOwner = false;
  let depth = 0;
  let line = 0;
  let col = 0;
  let i = 0;
  const at = (l: number, c: number) => ({ line: l, character: c });
  const flush = (): void => {
    if (words.length > 0) lines.push({ words, blankOwner });
    words = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n') {
      if (depth === 0) flush();
      i++;
      line++;
      col = 0;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      col++;
      continue;
    }
    if (ch === ';') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (ch === '(') {
      depth++;
      i++;
      col++;
      continue;
    }
    if (ch === ')') {
      if (depth === 0) throw new ZoneError({ start: at(line, col), end: at(line, col + 1) }, "extra closing brace ')'");
      depth--;
      i++;
      col++;
      continue;
    }
    const start = at(line, col);
    let value = '';
    let quoted = false;
    if (ch === '"') {
      quoted = true;
      i++;
      col++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) {
          value += text[i]! + text[i + 1]!;
          i += 2;
          col += 2;
          continue;
        }
        if (text[i] === '\n') {
          line++;
          col = 0;
        } else col++;
        value += text[i];
        i++;
      }
      if (i >= text.length) throw new ZoneError({ start, end: at(line, col) }, 'unterminated quoted string');
      i++;
      col++;
    } else {
      while (i < text.length && !/[\s;()"]/.test(text[i]!)) {
        if (text[i] === '\\' && i + 1 < text.length && text[i + 1] !== '\n') {
          value += text[i]! + text[i + 1]!;
          i += 2;
          col += 2;
          continue;
        }
        value += text[i];
        i++;
        col++;
      }
    }
    // An entry whose first word does not start the line inherits the previous owner name.
    if (words.length === 0) blankOwner = start.character > 0;
    words.push({ text: value, quoted, range: { start, end: at(line, col) } });
  }
  if (depth > 0) throw new ZoneError({ start: at(line, col), end: at(line, col) }, "unbalanced parenthesis: a '(' is never closed");
  flush();
  return lines;
}

const CLASSES = new Set(['IN', 'CS', 'CH', 'HS', 'NONE', 'ANY']);

/** Types whose rdata miekg/dns knows; those not checked field by field below are accepted as written. */
const KNOWN_TYPES = new Set([
  'A', 'AAAA', 'NS', 'CNAME', 'PTR', 'MX', 'TXT', 'SPF', 'SRV', 'SOA', 'CAA', 'DNAME', 'NAPTR', 'DS', 'DNSKEY', 'CDS', 'CDNSKEY',
  'RRSIG', 'NSEC', 'NSEC3', 'NSEC3PARAM', 'HINFO', 'SSHFP', 'TLSA', 'SMIMEA', 'HTTPS', 'SVCB', 'LOC', 'RP', 'AFSDB', 'CERT',
  'DHCID', 'IPSECKEY', 'KX', 'OPENPGPKEY', 'URI', 'ZONEMD', 'CSYNC', 'MINFO', 'MB', 'MG', 'MR', 'MD', 'MF', 'NULL', 'X25',
  'ISDN', 'RT', 'NSAPPTR', 'PX', 'GPOS', 'EID', 'NIMLOC', 'L32', 'L64', 'LP', 'NID', 'EUI48', 'EUI64', 'UID', 'GID', 'UINFO',
  'TKEY', 'TALINK', 'APL', 'AVC', 'AMTRELAY', 'HIP', 'KEY', 'SIG', 'NXT', 'NINFO', 'RKEY', 'DLV', 'TA', 'ANY', 'RESINFO', 'NXNAME',
]);

/** For each type, which rdata positions hold domain names (made absolute against the origin). */
const NAME_FIELDS: Record<string, number[]> = {
  NS: [0], CNAME: [0], PTR: [0], DNAME: [0], MX: [1], SRV: [3], SOA: [0, 1], KX: [1], AFSDB: [1], RT: [1], MB: [0], MG: [0], MR: [0], RP: [0, 1], MINFO: [0, 1],
};

/** BIND-style TTLs miekg accepts: seconds, or a sum of numbers with s/m/h/d/w units. */
export function parseZoneTtl(text: string): number | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n <= 0xffffffff ? n : undefined;
  }
  const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  const re = /(\d+)([smhdwSMHDW])/y;
  let total = 0;
  let pos = 0;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return undefined;
    total += Number(m[1]) * units[m[2]!.toLowerCase()]!;
    pos = re.lastIndex;
  }
  return pos > 0 && total <= 0xffffffff ? total : undefined;
}

function absolute(name: string, origin: string, range: Range): string {
  if (name === '@') return origin;
  if (!isDomainName(name)) throw new ZoneError(range, `bad domain name '${name}'`);
  if (isFqdn(name)) return name;
  if (origin === '.') return `${name}.`;
  return `${name}.${origin}`;
}

function uint(text: string, bits: number, range: Range, what: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 2 ** bits - 1) throw new ZoneError(range, `bad ${what} '${text}'`);
  return Number(text);
}

/** Field checks for the common types; a wrong field is what makes miekg/dns (and so CoreDNS) refuse. */
function checkRdata(type: string, fields: Word[], lineRange: Range): void {
  const need = (n: number): void => {
    if (fields.length < n) throw new ZoneError(lineRange, `bad ${type} rdata: expected ${n} field(s), got ${fields.length}`);
  };
  const f = (i: number): Word => fields[i]!;
  switch (type) {
    case 'A':
    case 'AAAA': {
      need(1);
      const ip = parseIp(f(0).text);
      if (!ip || ip.zone !== '' || (type === 'A' ? ip.bytes.length !== 4 : f(0).text.indexOf(':') < 0)) throw new ZoneError(f(0).range, `bad ${type} address '${f(0).text}'`);
      if (fields.length > 1) throw new ZoneError(f(1).range, `unexpected '${f(1).text}' after the ${type} address`);
      return;
    }
    case 'MX':
    case 'KX':
    case 'AFSDB':
    case 'RT':
      need(2);
      uint(f(0).text, 16, f(0).range, `${type} preference`);
      return;
    case 'SRV':
      need(4);
      for (let i = 0; i < 3; i++) uint(f(i).text, 16, f(i).range, ['SRV priority', 'SRV weight', 'SRV port'][i]!);
      return;
    case 'SOA':
      need(7);
      for (let i = 2; i < 7; i++) {
        if (i === 2) uint(f(i).text, 32, f(i).range, 'SOA serial');
        else if (parseZoneTtl(f(i).text) === undefined) throw new ZoneError(f(i).range, `bad SOA field '${f(i).text}'`);
      }
      return;
    case 'CAA':
      need(3);
      uint(f(0).text, 8, f(0).range, 'CAA flag');
      return;
    case 'TXT':
    case 'SPF':
      return;
    default:
      if (NAME_FIELDS[type]) need(Math.max(...NAME_FIELDS[type]!) + 1);
  }
}

interface State {
  origin: string;
  defaultTtl: number | undefined;
  ttlFromDirective: boolean;
  lastOwner: string | undefined;
}

/**
 * Reads a zone file for `origin` (fully qualified). `$INCLUDE` files are read through `include`,
 * relative to the including file's folder.
 */
export function parseZoneFile(text: string, origin: string, file: string, include: IncludeReader, depth = 0): ZoneFileResult {
  const records: ZoneRecord[] = [];
  const state: State = { origin, defaultTtl: undefined, ttlFromDirective: false, lastOwner: undefined };
  try {
    readInto(text, file, state, include, records, depth);
    return { records };
  } catch (error) {
    if (error instanceof ZoneError) return { records, error: { file: (error as ZoneError & { file?: string }).file ?? file, range: error.range, message: error.message } };
    throw error;
  }
}

function readInto(text: string, file: string, state: State, include: IncludeReader, out: ZoneRecord[], depth: number): void {
  let lines: Line[];
  try {
    lines = lex(text);
  } catch (error) {
    if (error instanceof ZoneError) Object.assign(error, { file });
    throw error;
  }
  for (const line of lines) {
    try {
      readLine(line, file, state, include, out, depth);
    } catch (error) {
      if (error instanceof ZoneError && !('file' in error)) Object.assign(error, { file });
      throw error;
    }
  }
}

function readLine(line: Line, file: string, state: State, include: IncludeReader, out: ZoneRecord[], depth: number): void {
  const words = line.words;
  const first = words[0]!;
  const whole: Range = { start: first.range.start, end: words[words.length - 1]!.range.end };
  if (!line.blankOwner && first.text.startsWith('$')) {
    const arg = words[1];
    switch (first.text.toUpperCase()) {
      case '$ORIGIN':
        if (!arg) throw new ZoneError(whole, '$ORIGIN needs a domain name');
        state.origin = absolute(arg.text, state.origin, arg.range);
        return;
      case '$TTL': {
        const ttl = arg ? parseZoneTtl(arg.text) : undefined;
        if (ttl === undefined) throw new ZoneError(arg?.range ?? whole, `bad $TTL value '${arg?.text ?? ''}'`);
        state.defaultTtl = ttl;
        state.ttlFromDirective = true;
        return;
      }
      case '$INCLUDE': {
        if (!arg) throw new ZoneError(whole, '$INCLUDE needs a file name');
        if (depth >= 7) throw new ZoneError(whole, 'too deeply nested $INCLUDE');
        const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) || '/' : '.';
        const path = arg.text.startsWith('/') ? arg.text : `${dir}/${arg.text}`;
        const included = include(path);
        if (included === undefined) throw new ZoneError(arg.range, `failed to open $INCLUDE file ${path}`);
        const inner: State = { ...state, origin: words[2] ? absolute(words[2].text, state.origin, words[2].range) : state.origin };
        readInto(included, path, inner, include, out, depth + 1);
        return;
      }
      case '$GENERATE':
        // Generated records are expanded by miekg/dns at load time; their templates are not checked here.
        return;
      default:
        throw new ZoneError(first.range, `unknown control entry '${first.text}'`);
    }
  }
  let index = 0;
  let owner: string;
  if (line.blankOwner) {
    if (state.lastOwner === undefined) throw new ZoneError(first.range, 'a record without an owner name must follow one with a name');
    owner = state.lastOwner;
  } else {
    owner = absolute(first.text, state.origin, first.range);
    index = 1;
  }
  let ttl: number | undefined;
  let klass: string | undefined;
  for (let k = 0; k < 2 && index < words.length; k++) {
    const w = words[index]!;
    const upper = w.text.toUpperCase();
    if (klass === undefined && CLASSES.has(upper)) {
      klass = upper;
      index++;
    } else if (ttl === undefined && /^\d/.test(w.text) && parseZoneTtl(w.text) !== undefined) {
      ttl = parseZoneTtl(w.text);
      index++;
    }
  }
  const typeWord = words[index];
  if (!typeWord) throw new ZoneError(whole, 'missing record type');
  const type = typeWord.text.toUpperCase();
  const generic = /^TYPE\d+$/.test(type);
  if (!KNOWN_TYPES.has(type) && !generic) throw new ZoneError(typeWord.range, `unknown RR type or bad TTL/class '${typeWord.text}'`);
  const fields = words.slice(index + 1);
  if (fields.length === 0 && type !== 'ANY') throw new ZoneError(typeWord.range, `${type} record without rdata`);
  if (generic || fields[0]?.text === '\\#') {
    if (fields[0]?.text !== '\\#') throw new ZoneError(fields[0]?.range ?? typeWord.range, `${type} needs RFC 3597 rdata: \\# LENGTH HEX`);
  } else {
    checkRdata(type, fields, whole);
  }
  if (ttl !== undefined) {
    if (!state.ttlFromDirective) state.defaultTtl = ttl;
  } else {
    ttl = state.defaultTtl ?? 3600;
  }
  const nameFields = NAME_FIELDS[type] ?? [];
  const rdata = fields.map((w, i) => (nameFields.includes(i) ? absolute(w.text, state.origin, w.range) : w.quoted ? `"${w.text}"` : w.text));
  state.lastOwner = owner;
  out.push({ name: owner, ttl, class: klass ?? 'IN', type, rdata, file, range: whole });
}
