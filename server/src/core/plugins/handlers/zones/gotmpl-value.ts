// Go values as a text/template execution sees them: strings, integers of a named Go type, floats, bools,
// nil, slices, maps and objects (structs behind pointers, with fields and methods). Printing follows
// fmt's %v, which is what the template's output uses: slices as [a b], maps as map[k:v] with sorted keys,
// and an object through its String method when it has one.

export type GoValue =
  | { k: 'string'; v: string }
  | { k: 'int'; v: bigint; type: string }
  | { k: 'uint'; v: bigint; type: string }
  | { k: 'float'; v: number }
  | { k: 'bool'; v: boolean }
  | { k: 'nil' }
  | { k: 'invalid' }
  | { k: 'slice'; items: GoValue[]; type: string; elemZero: GoValue }
  | { k: 'map'; entries: Map<string, GoValue>; type: string; elemZero: GoValue }
  | {
      k: 'object';
      type: string;
      fields: Record<string, () => GoValue>;
      methods: Record<string, GoMethod>;
      /** The String method fmt calls when it prints the value. */
      str?: () => string;
      /**
       * True for a struct whose String method has a pointer receiver, held by value in a slice: fmt then
       * prints it as a plain struct ({a b c}) when it prints the slice.
       */
      plainInSlices?: boolean;
    };

export type ParamKind = 'string' | 'int' | 'any';

export interface GoMethod {
  params: ParamKind[];
  call(args: GoValue[]): GoValue;
}

export class GoExecError extends Error {}

export const str = (v: string): GoValue => ({ k: 'string', v });
export const int = (v: number | bigint, type = 'int'): GoValue => ({ k: 'int', v: BigInt(v), type });
export const uint = (v: number | bigint, type: string): GoValue => ({ k: 'uint', v: BigInt(v), type });
export const bool = (v: boolean): GoValue => ({ k: 'bool', v });
export const NIL: GoValue = { k: 'nil' };
export const INVALID: GoValue = { k: 'invalid' };

export function stringSlice(items: readonly string[]): GoValue {
  return { k: 'slice', items: items.map(str), type: '[]string', elemZero: str('') };
}

export function stringMap(entries: ReadonlyMap<string, string>): GoValue {
  return { k: 'map', entries: new Map([...entries].map(([key, v]) => [key, str(v)])), type: 'map[string]string', elemZero: str('') };
}

/** The Go type name used in error messages. */
export function typeName(v: GoValue): string {
  switch (v.k) {
    case 'string':
      return 'string';
    case 'int':
    case 'uint':
    case 'slice':
    case 'map':
    case 'object':
      return v.type;
    case 'float':
      return 'float64';
    case 'bool':
      return 'bool';
    case 'nil':
      return 'nil';
    case 'invalid':
      return '<invalid>';
  }
}

/** text/template's truth: false, 0, "", nil, empty slices and maps are false; objects are true. */
export function isTrue(v: GoValue): boolean {
  switch (v.k) {
    case 'string':
      return v.v !== '';
    case 'int':
    case 'uint':
      return v.v !== 0n;
    case 'float':
      return v.v !== 0;
    case 'bool':
      return v.v;
    case 'nil':
    case 'invalid':
      return false;
    case 'slice':
      return v.items.length > 0;
    case 'map':
      return v.entries.size > 0;
    case 'object':
      return true;
  }
}

/** fmt's %g-like shortest form that %v uses for a float64. */
export function formatFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp < -4 || exp >= 21) {
    const [mantissa, e] = x.toExponential().split('e') as [string, string];
    const n = Number(e);
    return `${mantissa}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(x);
}

/** fmt.Sprint of one value (%v); `nested` when it is an element of a slice or map being printed. */
export function printValue(v: GoValue, nested = false): string {
  switch (v.k) {
    case 'string':
      return v.v;
    case 'int':
    case 'uint':
      return v.v.toString();
    case 'float':
      return formatFloat(v.v);
    case 'bool':
      return v.v ? 'true' : 'false';
    case 'nil':
      return '<nil>';
    case 'invalid':
      return '<no value>';
    case 'slice':
      return `[${v.items.map((item) => printValue(item, true)).join(' ')}]`;
    case 'map':
      return `map[${[...v.entries.keys()].sort().map((key) => `${key}:${printValue(v.entries.get(key)!, true)}`).join(' ')}]`;
    case 'object':
      if (v.str && !(nested && v.plainInSlices)) return v.str();
      return `{${Object.values(v.fields).map((f) => printValue(f(), true)).join(' ')}}`;
  }
}

/** fmt.Sprint of several operands: a space between two operands when neither is a string. */
export function sprint(args: readonly GoValue[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && a.k !== 'string' && args[i - 1]!.k !== 'string') out += ' ';
    out += printValue(a);
  });
  return out;
}

/** fmt.Sprintln: operands always separated by spaces, then a newline. */
export function sprintln(args: readonly GoValue[]): string {
  return `${args.map((a) => printValue(a)).join(' ')}\n`;
}
