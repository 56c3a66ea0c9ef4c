// fmt.Sprintf for the template function printf: the verbs people use in record templates (%s %v %d %x %X
// %o %b %c %q %e %f %g %t %T %%), flags (+ - # space 0), width and precision (also `*`), and Go's
// in-band complaints for a wrong or missing operand (%!d(string=x), %!s(MISSING), %!(EXTRA ...)).
import { formatFloat, printValue, typeName, type GoValue } from './gotmpl-value.js';

interface Spec {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  precision?: number;
}

export function sprintf(format: string, args: readonly GoValue[]): string {
  let out = '';
  let argIndex = 0;
  let i = 0;
  while (i < format.length) {
    const ch = format[i]!;
    if (ch !== '%') {
      out += ch;
      i++;
      continue;
    }
    i++;
    const spec: Spec = { plus: false, minus: false, sharp: false, space: false, zero: false };
    for (; i < format.length; i++) {
      const f = format[i];
      if (f === '+') spec.plus = true;
      else if (f === '-') spec.minus = true;
      else if (f === '#') spec.sharp = true;
      else if (f === ' ') spec.space = true;
      else if (f === '0') spec.zero = true;
      else break;
    }
    const readNumber = (): number | undefined => {
      if (format[i] === '*') {
        i++;
        const a = args[argIndex++];
        return a && (a.k === 'int' || a.k === 'uint') ? Number(a.v) : undefined;
      }
      const m = /^[0-9]+/.exec(format.slice(i));
      if (!m) return undefined;
      i += m[0].length;
      return Number(m[0]);
    };
    spec.width = readNumber();
    if (format[i] === '.') {
      i++;
      spec.precision = readNumber() ?? 0;
    }
    const verb = format[i];
    i++;
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    if (verb === '%') {
      out += '%';
      continue;
    }
    const arg = args[argIndex++];
    if (arg === undefined) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += pad(formatOne(verb, arg, spec), spec, verb);
  }
  if (argIndex < args.length) {
    out += `%!(EXTRA ${args.slice(argIndex).map((a) => `${typeName(a)}=${printValue(a)}`).join(', ')})`;
  }
  return out;
}

function pad(text: string, spec: Spec, verb: string): string {
  if (spec.width === undefined || text.length >= spec.width) return text;
  const fill = spec.width - text.length;
  if (spec.minus) return text + ' '.repeat(fill);
  if (spec.zero && 'dxXobeEfFgG'.includes(verb)) {
    const sign = /^[+\- ]/.test(text) ? text[0]! : '';
    return sign + '0'.repeat(fill) + text.slice(sign.length);
  }
  return ' '.repeat(fill) + text;
}

function bad(verb: string, arg: GoValue): string {
  return `%!${verb}(${typeName(arg)}=${printValue(arg)})`;
}

function signed(n: bigint, digits: string, spec: Spec): string {
  if (n < 0n) return `-${digits}`;
  if (spec.plus) return `+${digits}`;
  if (spec.space) return ` ${digits}`;
  return digits;
}

function formatOne(verb: string, arg: GoValue, spec: Spec): string {
  switch (verb) {
    case 'v':
      return arg.k === 'string' && spec.sharp ? JSON.stringify(arg.v) : printValue(arg);
    case 'T':
      return typeName(arg);
    case 's':
      if (arg.k === 'string') return spec.precision !== undefined ? [...arg.v].slice(0, spec.precision).join('') : arg.v;
      return arg.k === 'slice' || arg.k === 'map' || arg.k === 'object' || arg.k === 'invalid' ? printValue(arg) : bad(verb, arg);
    case 'q':
      if (arg.k === 'string') return spec.sharp && !arg.v.includes('`') ? `\`${arg.v}\`` : JSON.stringify(arg.v);
      if (arg.k === 'int' || arg.k === 'uint') return `'${String.fromCodePoint(Number(arg.v))}'`;
      return bad(verb, arg);
    case 't':
      return arg.k === 'bool' ? String(arg.v) : bad(verb, arg);
    case 'c':
      return arg.k === 'int' || arg.k === 'uint' ? String.fromCodePoint(Number(arg.v)) : bad(verb, arg);
    case 'd':
    case 'b':
    case 'o':
    case 'O':
    case 'x':
    case 'X': {
      if (arg.k === 'string' && (verb === 'x' || verb === 'X')) {
        const hex = Buffer.from(arg.v, 'utf8').toString('hex');
        return verb === 'X' ? hex.toUpperCase() : hex;
      }
      if (arg.k !== 'int' && arg.k !== 'uint') return bad(verb, arg);
      const n = arg.v;
      const abs = n < 0n ? -n : n;
      const base = verb === 'd' ? 10 : verb === 'b' ? 2 : verb === 'x' || verb === 'X' ? 16 : 8;
      let digits = abs.toString(base);
      if (verb === 'X') digits = digits.toUpperCase();
      if (spec.precision !== undefined) digits = digits.padStart(spec.precision, '0');
      if (spec.sharp || verb === 'O') digits = ({ x: '0x', X: '0X', o: '0', O: '0o', b: '0b', d: '' } as Record<string, string>)[verb] + digits;
      return signed(n, digits, spec);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      if (arg.k !== 'float') return bad(verb, arg);
      const x = arg.v;
      let text: string;
      if (verb === 'f' || verb === 'F') text = x.toFixed(spec.precision ?? 6);
      else if (verb === 'e' || verb === 'E') text = goExponent(x.toExponential(spec.precision ?? 6));
      else text = spec.precision !== undefined ? goExponent(x.toPrecision(spec.precision)) : formatFloat(x);
      if (verb === 'E' || verb === 'G') text = text.toUpperCase();
      return x >= 0 && spec.plus ? `+${text}` : x >= 0 && spec.space ? ` ${text}` : text;
    }
    default:
      return `%!${verb}(${typeName(arg)}=${printValue(arg)})`;
  }
}

/** JavaScript writes 1e+5 where Go writes 1e+05. */
function goExponent(text: string): string {
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}
