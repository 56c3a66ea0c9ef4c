// text/template's predefined functions (except and/or, which the executor evaluates lazily) and the one
// CoreDNS adds, parseInt (strconv.ParseUint). Each has its Go parameter kinds so the executor can convert
// constants and refuse wrong operands the way Go does.
import { sprintf } from './gotmpl-printf.js';
import { bool, GoExecError, INVALID, isTrue, printValue, sprint, sprintln, str, typeName, uint, type GoValue, type ParamKind } from './gotmpl-value.js';

export interface GoFunction {
  /** Kinds of the fixed parameters. */
  params: ParamKind[];
  /** Kind of each extra argument when the function is variadic. */
  variadic?: ParamKind;
  call(args: GoValue[]): GoValue;
}

type Basic = 'bool' | 'int' | 'uint' | 'float' | 'string' | 'other' | 'invalid';

function basicKind(v: GoValue): Basic {
  switch (v.k) {
    case 'bool':
    case 'int':
    case 'uint':
    case 'float':
    case 'string':
      return v.k;
    case 'invalid':
      return 'invalid';
    default:
      return 'other';
  }
}

const errBadComparison = 'incompatible types for comparison';

function eq(args: GoValue[]): GoValue {
  const [a, ...rest] = args;
  if (!a || rest.length === 0) throw new GoExecError('missing argument for comparison');
  const k1 = basicKind(a);
  for (const b of rest) {
    const k2 = basicKind(b);
    let truth = false;
    if (k1 !== k2) {
      if ((k1 === 'int' || k1 === 'uint') && (k2 === 'int' || k2 === 'uint')) truth = (a as { v: bigint }).v === (b as { v: bigint }).v;
      else if (a.k !== 'invalid' && b.k !== 'invalid') throw new GoExecError(errBadComparison);
    } else if (k1 === 'other') {
      if (a.k === 'nil' || b.k === 'nil') truth = a.k === b.k;
      else throw new GoExecError(`non-comparable type ${typeName(a)}`);
    } else if (k1 !== 'invalid') {
      truth = (a as { v: unknown }).v === (b as { v: unknown }).v;
    }
    if (truth) return bool(true);
  }
  return bool(false);
}

function less(a: GoValue, b: GoValue): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  const numeric = (k: Basic): boolean => k === 'int' || k === 'uint';
  if (k1 !== k2 && !(numeric(k1) && numeric(k2))) throw new GoExecError(errBadComparison);
  if (k1 === 'bool' || k1 === 'other' || k1 === 'invalid') throw new GoExecError('invalid type for comparison');
  return (a as { v: bigint | number | string }).v < (b as { v: bigint | number | string }).v;
}

function length(v: GoValue): GoValue {
  switch (v.k) {
    case 'string':
      return { k: 'int', v: BigInt(Buffer.byteLength(v.v, 'utf8')), type: 'int' };
    case 'slice':
      return { k: 'int', v: BigInt(v.items.length), type: 'int' };
    case 'map':
      return { k: 'int', v: BigInt(v.entries.size), type: 'int' };
    default:
      throw new GoExecError(`len of type ${typeName(v)}`);
  }
}

function indexInt(v: GoValue): number {
  if (v.k !== 'int' && v.k !== 'uint') throw new GoExecError(`cannot index slice/array with type ${typeName(v)}`);
  return Number(v.v);
}

function index(args: GoValue[]): GoValue {
  let item = args[0]!;
  for (const key of args.slice(1)) {
    if (item.k === 'map') {
      if (key.k !== 'string') throw new GoExecError(`value has type ${typeName(key)}; should be string`);
      item = item.entries.get(key.v) ?? item.elemZero;
    } else if (item.k === 'slice') {
      const i = indexInt(key);
      if (i < 0 || i >= item.items.length) throw new GoExecError(`error calling index: index out of range: ${i}`);
      item = item.items[i]!;
    } else if (item.k === 'string') {
      const bytes = Buffer.from(item.v, 'utf8');
      const i = indexInt(key);
      if (i < 0 || i >= bytes.length) throw new GoExecError(`error calling index: index out of range: ${i}`);
      item = uint(bytes[i]!, 'uint8');
    } else if (item.k === 'nil' || item.k === 'invalid') {
      throw new GoExecError('error calling index: index of untyped nil');
    } else {
      throw new GoExecError(`error calling index: can't index item of type ${typeName(item)}`);
    }
  }
  return item;
}

function slice(args: GoValue[]): GoValue {
  const item = args[0]!;
  const bounds = args.slice(1).map(indexInt);
  if (bounds.length > 3) throw new GoExecError(`too many slice indexes: ${bounds.length}`);
  const len = item.k === 'string' ? Buffer.byteLength(item.v, 'utf8') : item.k === 'slice' ? item.items.length : -1;
  if (len < 0) throw new GoExecError(`error calling slice: can't slice item of type ${typeName(item)}`);
  if (item.k === 'string' && bounds.length === 3) throw new GoExecError('error calling slice: cannot 3-index slice a string');
  const [i = 0, j = len] = bounds;
  if (i < 0 || j < i || j > len) throw new GoExecError(`error calling slice: index out of range: ${j > len ? j : i}`);
  if (item.k === 'string') return str(Buffer.from(item.v, 'utf8').subarray(i, j).toString('utf8'));
  if (item.k === 'slice') return { ...item, items: item.items.slice(i, j) };
  return INVALID;
}

/** evalArgs: a single string operand as it is, anything else as fmt.Sprint would print it. */
function evalArgs(args: GoValue[]): string {
  return args.length === 1 && args[0]!.k === 'string' ? args[0]!.v : sprint(args);
}

function htmlEscape(s: string): string {
  return s.replace(/[&'<>"\u0000]/g, (c) => ({ '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;', '\u0000': '\uFFFD' })[c]!);
}

function jsEscape(s: string): string {
  let out = '';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (c === '\\') out += '\\\\';
    else if (c === "'") out += "\\'";
    else if (c === '"') out += '\\"';
    else if (c === '<') out += '\\u003C';
    else if (c === '>') out += '\\u003E';
    else if (c === '&') out += '\\u0026';
    else if (c === '=') out += '\\u003D';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += c;
  }
  return out;
}

function queryEscape(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** strconv.ParseUint(s, base, bitSize). */
function parseUint(args: GoValue[]): GoValue {
  const s = (args[0] as { v: string }).v;
  const base = Number((args[1] as { v: bigint }).v);
  const bitSizeArg = Number((args[2] as { v: bigint }).v);
  const fail = (why: string): never => {
    throw new GoExecError(`error calling parseInt: strconv.ParseUint: parsing ${JSON.stringify(s)}: ${why}`);
  };
  if (s === '') fail('invalid syntax');
  let digits = s;
  let radix = base;
  if (base === 0) {
    radix = 10;
    const lower = s.toLowerCase();
    if (lower.startsWith('0x')) [radix, digits] = [16, s.slice(2)];
    else if (lower.startsWith('0o')) [radix, digits] = [8, s.slice(2)];
    else if (lower.startsWith('0b')) [radix, digits] = [2, s.slice(2)];
    else if (s.startsWith('0') && s.length > 1) [radix, digits] = [8, s.slice(1)];
    // Underscores are only allowed with base 0, between digits.
    if (/^_|_$|__/.test(digits) && digits !== '') fail('invalid syntax');
    digits = digits.replace(/_/g, '');
  } else if (base < 2 || base > 36) {
    throw new GoExecError(`error calling parseInt: strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid base ${base}`);
  }
  const bitSize = bitSizeArg === 0 ? 64 : bitSizeArg;
  if (bitSize < 0 || bitSize > 64) throw new GoExecError(`error calling parseInt: strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid bit size ${bitSize}`);
  if (digits === '') fail('invalid syntax');
  let value = 0n;
  for (const ch of digits.toLowerCase()) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= radix) fail('invalid syntax');
    value = value * BigInt(radix) + BigInt(d);
  }
  if (value >= 1n << BigInt(bitSize)) fail('value out of range');
  return uint(value, 'uint64');
}

export const GO_FUNCTIONS: ReadonlyMap<string, GoFunction> = new Map<string, GoFunction>([
  ['not', { params: ['any'], call: ([a]) => bool(!isTrue(a!)) }],
  ['len', { params: ['any'], call: ([a]) => length(a!) }],
  ['index', { params: ['any'], variadic: 'any', call: index }],
  ['slice', { params: ['any'], variadic: 'any', call: slice }],
  ['eq', { params: ['any'], variadic: 'any', call: eq }],
  ['ne', { params: ['any', 'any'], call: ([a, b]) => bool(!isTrue(eq([a!, b!]))) }],
  ['lt', { params: ['any', 'any'], call: ([a, b]) => bool(less(a!, b!)) }],
  ['le', { params: ['any', 'any'], call: ([a, b]) => bool(less(a!, b!) || isTrue(eq([a!, b!]))) }],
  ['gt', { params: ['any', 'any'], call: ([a, b]) => bool(!less(a!, b!) && !isTrue(eq([a!, b!]))) }],
  ['ge', { params: ['any', 'any'], call: ([a, b]) => bool(!less(a!, b!)) }],
  ['print', { params: [], variadic: 'any', call: (args) => str(sprint(args)) }],
  ['println', { params: [], variadic: 'any', call: (args) => str(sprintln(args)) }],
  ['printf', { params: ['string'], variadic: 'any', call: ([format, ...rest]) => str(sprintf((format as { v: string }).v, rest)) }],
  ['html', { params: [], variadic: 'any', call: (args) => str(htmlEscape(evalArgs(args))) }],
  ['js', { params: [], variadic: 'any', call: (args) => str(jsEscape(evalArgs(args))) }],
  ['urlquery', { params: [], variadic: 'any', call: (args) => str(queryEscape(evalArgs(args))) }],
  ['call', { params: ['any'], variadic: 'any', call: ([fn]) => { throw new GoExecError(`error calling call: non-function ${printValue(fn!)} of type ${typeName(fn!)}`); } }],
  ['parseInt', { params: ['string', 'int', 'int'], call: parseUint }],
]);
