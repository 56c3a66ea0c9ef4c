// The `queries` of a scenario: "NAME [TYPE]" strings or objects with name, type and expect. Each
// problem names the field (queries[2].expect.rcode) so a user finds it in the file.
import { isObj, type Obj } from '../cluster/fields.js';
import { formatRecord, normalizeType, readRecord } from '../message.js';
import type { RcodeName } from '../types.js';

export interface Expectation {
  /** The names the stub sends, in order (absolute, with the trailing dot). */
  tries?: string[];
  /** The rcode of the last try. */
  rcode?: RcodeName;
  /** The plugin (or `server`) that answered the last try. */
  answeredBy?: string;
  /** The answer records of the last try, in order, in canonical presentation format. */
  answer?: string[];
  /** The answer records of the last try, in any order. */
  answerSet?: string[];
}

export interface ScenarioQuery {
  /** The name exactly as the application passes it (a trailing dot makes it absolute). */
  name: string;
  /** The type mnemonic, upper case (A when not given). */
  type: string;
  expect?: Expectation;
}

export const RCODES: readonly RcodeName[] = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE', 'BADVERS'];

export function isRcode(text: string): text is RcodeName {
  return (RCODES as readonly string[]).includes(text);
}

/** "NAME [TYPE]" as typed on a command line or written in a scenario. */
export function readQueryText(text: string, field: string, errors: string[]): ScenarioQuery | undefined {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > 2) {
    errors.push(`${field}: write a query as "NAME" or "NAME TYPE", not "${text}"`);
    return undefined;
  }
  const type = readType(words[1] ?? 'A', field, errors);
  return type ? { name: words[0]!, type } : undefined;
}

function readType(text: string, field: string, errors: string[]): string | undefined {
  const type = normalizeType(text);
  if (!type) errors.push(`${field}: '${text}' is not a record type (A, AAAA, SRV, PTR, TXT, MX, ... or TYPEn)`);
  return type;
}

export function readQueries(value: unknown, errors: string[]): ScenarioQuery[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.push('queries: write a list of queries ("NAME [TYPE]" or {name, type, expect})');
    return [];
  }
  const out: ScenarioQuery[] = [];
  value.forEach((entry: unknown, i) => {
    const field = `queries[${i}]`;
    if (typeof entry === 'string') {
      const q = readQueryText(entry, field, errors);
      if (q) out.push(q);
      return;
    }
    if (!isObj(entry)) {
      errors.push(`${field}: write "NAME [TYPE]" or an object with name, type and expect`);
      return;
    }
    const q = readQueryObject(entry, field, errors);
    if (q) out.push(q);
  });
  return out;
}

const QUERY_KEYS = new Set(['name', 'type', 'expect']);
const EXPECT_KEYS = new Set(['tries', 'rcode', 'answeredBy', 'answer', 'answerSet']);

function readQueryObject(entry: Obj, field: string, errors: string[]): ScenarioQuery | undefined {
  for (const key of Object.keys(entry)) if (!QUERY_KEYS.has(key)) errors.push(`${field}.${key}: unknown field; a query has name, type and expect`);
  const name = entry.name;
  if (typeof name !== 'string' || name.trim() === '') {
    errors.push(`${field}.name: the name to look up is missing`);
    return undefined;
  }
  const typeValue = entry.type ?? 'A';
  if (typeof typeValue !== 'string') {
    errors.push(`${field}.type: write the type as a word such as A or SRV`);
    return undefined;
  }
  const type = readType(typeValue, `${field}.type`, errors);
  if (!type) return undefined;
  const query: ScenarioQuery = { name: name.trim(), type };
  if (entry.expect !== undefined) {
    const expect = readExpect(entry.expect, `${field}.expect`, errors);
    if (expect) query.expect = expect;
  }
  return query;
}

function readExpect(value: unknown, field: string, errors: string[]): Expectation | undefined {
  if (!isObj(value)) {
    errors.push(`${field}: write an object with tries, rcode, answeredBy, answer or answerSet`);
    return undefined;
  }
  for (const key of Object.keys(value)) if (!EXPECT_KEYS.has(key)) errors.push(`${field}.${key}: unknown field; expect may hold tries, rcode, answeredBy, answer and answerSet`);
  const expect: Expectation = {};
  if (value.tries !== undefined) {
    const tries = stringList(value.tries, `${field}.tries`, errors);
    if (tries) expect.tries = tries.map((t) => (t.endsWith('.') ? t : `${t}.`));
  }
  if (value.rcode !== undefined) {
    const rcode = typeof value.rcode === 'string' ? value.rcode.toUpperCase() : '';
    if (isRcode(rcode)) expect.rcode = rcode;
    else errors.push(`${field}.rcode: '${String(value.rcode)}' is not an rcode (${RCODES.join(', ')})`);
  }
  if (value.answeredBy !== undefined) {
    if (typeof value.answeredBy === 'string') expect.answeredBy = value.answeredBy;
    else errors.push(`${field}.answeredBy: write the plugin name, such as kubernetes or forward`);
  }
  for (const key of ['answer', 'answerSet'] as const) {
    if (value[key] === undefined) continue;
    const records = recordList(value[key], `${field}.${key}`, errors);
    if (records) expect[key] = records;
  }
  return expect;
}

function stringList(value: unknown, field: string, errors: string[]): string[] | undefined {
  if (value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    errors.push(`${field}: write a list of strings`);
    return undefined;
  }
  return value as string[];
}

/** Records in presentation format, rewritten to one canonical spelling so comparisons ignore spacing. */
export function recordList(value: unknown, field: string, errors: string[]): string[] | undefined {
  const texts = stringList(value, field, errors);
  if (!texts) return undefined;
  const out: string[] = [];
  texts.forEach((text, i) => {
    const read = readRecord(text);
    if (read.ok) out.push(formatRecord(read.record));
    else errors.push(`${field}[${i}]: ${read.message}`);
  });
  return out;
}

/**
 * Command-line words into queries: each word is a NAME, and a word right after a NAME that is a record
 * type (A, aaaa, SRV, TYPE65...) is that name's TYPE. `storefront api.github.com AAAA` is two queries.
 */
export function readQueryWords(words: readonly string[]): ScenarioQuery[] {
  const out: ScenarioQuery[] = [];
  for (let i = 0; i < words.length; i++) {
    const name = words[i]!;
    const type = words[i + 1] !== undefined ? normalizeType(words[i + 1]!) : undefined;
    if (type) i++;
    out.push({ name, type: type ?? 'A' });
  }
  return out;
}
