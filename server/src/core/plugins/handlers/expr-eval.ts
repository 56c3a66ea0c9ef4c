// Evaluates the expr-lang expressions CoreDNS runs per query (view's `expr` lines) over the same syntax
// tree the checker reads. It covers what such conditions are made of: literals, the request functions,
// comparisons, `in`, `matches` (RE2), string operators, and/or/not, ternaries and the common string and
// number builtins. Anything beyond that is an EvalUnsupported error, so the trace can say "not simulated"
// instead of guessing; a run-time error in expr itself makes the condition false, as in CoreDNS.
import { isExprBuiltin } from '../util/expr.js';
import { lexExpr } from '../util/query-c-expr-lexer.js';
import { ExprParser, type ExprNode } from '../util/query-c-expr-parser.js';
import { compileGoRegex } from '../util/query-a-regex.js';

export type ExprValue = string | number | boolean | null | ExprValue[] | { [key: string]: ExprValue };

/** The functions an expression may call (CoreDNS's DefaultEnv), bound to one request. */
export type ExprEnv = ReadonlyMap<string, (...args: ExprValue[]) => ExprValue>;

/** An error expr would raise while running: CoreDNS counts the condition as false. */
export class EvalError extends Error {}
/** A construct the simulator does not evaluate: the trace says so. */
export class EvalUnsupported extends Error {}

export interface CompiledExpr {
  source: string;
  tree?: ExprNode;
  /** Why the expression did not parse (CoreDNS would have refused the Corefile). */
  error?: string;
}

/** Parses an expression once, with the environment's names taking precedence over builtins. */
export function compileExpr(source: string, envNames: ReadonlySet<string>): CompiledExpr {
  try {
    const identifiers = new Set(lexExpr(source).filter((t) => t.kind === 'identifier').map((t) => t.value));
    const builtins = new Set([...identifiers].filter((name) => isExprBuiltin(name)));
    const tree = new ExprParser(source, { overridden: envNames, disabled: new Set(['type']), builtins }).parse();
    return { source, tree };
  } catch (error) {
    return { source, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs a compiled expression; throws EvalError or EvalUnsupported. */
export function evaluate(compiled: CompiledExpr, env: ExprEnv): ExprValue {
  if (!compiled.tree) throw new EvalError(compiled.error ?? 'the expression does not compile');
  return new Evaluator(compiled.source, env).visit(compiled.tree);
}

const isArray = (v: ExprValue): v is ExprValue[] => Array.isArray(v);
const isMap = (v: ExprValue): v is { [key: string]: ExprValue } => typeof v === 'object' && v !== null && !Array.isArray(v);

function equal(a: ExprValue, b: ExprValue): boolean {
  if (isArray(a) && isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]!));
  return a === b;
}

function str(v: ExprValue, what: string): string {
  if (typeof v !== 'string') throw new EvalError(`${what} needs a string`);
  return v;
}

function num(v: ExprValue, what: string): number {
  if (typeof v !== 'number') throw new EvalError(`${what} needs a number`);
  return v;
}

/** Go string-literal escapes, as expr unquotes single- and double-quoted strings. */
function unquote(raw: string): string {
  return raw.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_, e: string) => {
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
    if (e.length === 1) return simple[e] ?? e;
    if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return String.fromCodePoint(parseInt(e.slice(1), 16));
  });
}

const STRING_BUILTINS: Record<string, (args: ExprValue[]) => ExprValue> = {
  lower: ([s]) => str(s ?? null, 'lower').toLowerCase(),
  upper: ([s]) => str(s ?? null, 'upper').toUpperCase(),
  hasPrefix: ([s, p]) => str(s ?? null, 'hasPrefix').startsWith(str(p ?? null, 'hasPrefix')),
  hasSuffix: ([s, p]) => str(s ?? null, 'hasSuffix').endsWith(str(p ?? null, 'hasSuffix')),
  trimPrefix: ([s, p]) => {
    const text = str(s ?? null, 'trimPrefix');
    const prefix = p === undefined ? ' ' : str(p, 'trimPrefix');
    return text.startsWith(prefix) ? text.slice(prefix.length) : text;
  },
  trimSuffix: ([s, p]) => {
    const text = str(s ?? null, 'trimSuffix');
    const suffix = p === undefined ? ' ' : str(p, 'trimSuffix');
    return suffix !== '' && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
  },
  trim: ([s, cut]) => {
    const text = str(s ?? null, 'trim');
    const set = cut === undefined ? ' \t\n\r\v\f' : str(cut, 'trim');
    let a = 0;
    let b = text.length;
    while (a < b && set.includes(text[a]!)) a++;
    while (b > a && set.includes(text[b - 1]!)) b--;
    return text.slice(a, b);
  },
  split: ([s, sep]) => str(s ?? null, 'split').split(str(sep ?? null, 'split')),
  join: ([list, sep]) => {
    if (!isArray(list ?? null)) throw new EvalError('join needs an array');
    return (list as ExprValue[]).map((x) => String(x)).join(sep === undefined ? '' : str(sep, 'join'));
  },
  replace: ([s, from, to]) => str(s ?? null, 'replace').split(str(from ?? null, 'replace')).join(str(to ?? null, 'replace')),
  indexOf: ([s, sub]) => str(s ?? null, 'indexOf').indexOf(str(sub ?? null, 'indexOf')),
  lastIndexOf: ([s, sub]) => str(s ?? null, 'lastIndexOf').lastIndexOf(str(sub ?? null, 'lastIndexOf')),
  repeat: ([s, n]) => str(s ?? null, 'repeat').repeat(num(n ?? null, 'repeat')),
  len: ([v]) => {
    if (typeof v === 'string') return [...v].length;
    if (isArray(v ?? null)) return (v as ExprValue[]).length;
    if (isMap(v ?? null)) return Object.keys(v as object).length;
    throw new EvalError('len needs a string, array or map');
  },
  string: ([v]) => (typeof v === 'string' ? v : JSON.stringify(v)),
  int: ([v]) => {
    if (typeof v === 'number') return Math.trunc(v);
    const parsed = Number.parseInt(str(v ?? null, 'int'), 10);
    if (Number.isNaN(parsed)) throw new EvalError('int needs a number');
    return parsed;
  },
  float: ([v]) => (typeof v === 'number' ? v : Number(str(v ?? null, 'float'))),
  abs: ([v]) => Math.abs(num(v ?? null, 'abs')),
};

class Evaluator {
  constructor(private readonly source: string, private readonly env: ExprEnv) {}

  visit(node: ExprNode): ExprValue {
    switch (node.t) {
      case 'bool':
        return node.value === 'true';
      case 'nil':
        return null;
      case 'int':
        return Number(node.value.replace(/_/g, ''));
      case 'float':
        return Number(node.value.replace(/_/g, ''));
      case 'string':
        return this.source[node.from] === '`' ? node.value : unquote(node.value);
      case 'unary': {
        const value = this.visit(node.node);
        if (node.op === 'not' || node.op === '!') {
          if (typeof value !== 'boolean') throw new EvalError(`invalid operation: ${node.op} on a non-boolean`);
          return !value;
        }
        const n = num(value, `unary ${node.op}`);
        return node.op === '-' ? -n : n;
      }
      case 'binary':
        return this.binary(node.op, node.left, node.right);
      case 'cond': {
        const cond = this.visit(node.cond);
        if (typeof cond !== 'boolean') throw new EvalError('a condition must be a boolean');
        return this.visit(cond ? node.yes : node.no);
      }
      case 'call': {
        const fn = this.env.get(node.name);
        if (!fn) throw new EvalUnsupported(`the function ${node.name}()`);
        return fn(...node.args.map((a) => this.visit(a)));
      }
      case 'builtin': {
        const builtin = STRING_BUILTINS[node.name];
        if (!builtin) throw new EvalUnsupported(`the builtin ${node.name}()`);
        return builtin(node.args.map((a) => this.visit(a)));
      }
      case 'array':
        return node.items.map((item) => this.visit(item));
      case 'member': {
        const base = this.visit(node.node);
        const key = this.visit(node.property);
        if (isArray(base) && typeof key === 'number') {
          const index = key < 0 ? base.length + key : key;
          if (index < 0 || index >= base.length) throw new EvalError('index out of range');
          return base[index]!;
        }
        if (isMap(base) && typeof key === 'string') return base[key] ?? null;
        throw new EvalError('cannot index this value');
      }
      case 'map': {
        const out: { [key: string]: ExprValue } = {};
        for (const [k, v] of node.pairs) out[String(this.visit(k))] = this.visit(v);
        return out;
      }
      default:
        throw new EvalUnsupported(`the ${node.t} construct`);
    }
  }

  private binary(op: string, leftNode: ExprNode, rightNode: ExprNode): ExprValue {
    // and/or short-circuit as in expr.
    if (op === 'and' || op === '&&' || op === 'or' || op === '||') {
      const left = this.visit(leftNode);
      if (typeof left !== 'boolean') throw new EvalError(`invalid operation: ${op} on a non-boolean`);
      if ((op === 'and' || op === '&&') && !left) return false;
      if ((op === 'or' || op === '||') && left) return true;
      const right = this.visit(rightNode);
      if (typeof right !== 'boolean') throw new EvalError(`invalid operation: ${op} on a non-boolean`);
      return right;
    }
    if (op === '??') {
      const left = this.visit(leftNode);
      return left === null ? this.visit(rightNode) : left;
    }
    const left = this.visit(leftNode);
    const right = this.visit(rightNode);
    switch (op) {
      case '==': return equal(left, right);
      case '!=': return !equal(left, right);
      case '<': case '>': case '<=': case '>=': {
        if (!((typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string'))) {
          throw new EvalError(`invalid operation: ${op} on mismatched types`);
        }
        if (op === '<') return left < right;
        if (op === '>') return left > right;
        if (op === '<=') return left <= right;
        return left >= right;
      }
      case 'in':
        if (isArray(right)) return right.some((x) => equal(x, left));
        if (isMap(right)) return typeof left === 'string' && left in right;
        throw new EvalError('invalid operation: in needs an array or a map');
      case 'matches': {
        const compiled = compileGoRegex(str(right, 'matches'));
        if (!compiled.ok) throw new EvalError(compiled.error);
        return compiled.regex.matcher(str(left, 'matches')).find();
      }
      case 'contains': return str(left, 'contains').includes(str(right, 'contains'));
      case 'startsWith': return str(left, 'startsWith').startsWith(str(right, 'startsWith'));
      case 'endsWith': return str(left, 'endsWith').endsWith(str(right, 'endsWith'));
      case '+':
        if (typeof left === 'string' && typeof right === 'string') return left + right;
        return num(left, '+') + num(right, '+');
      case '-': return num(left, '-') - num(right, '-');
      case '*': return num(left, '*') * num(right, '*');
      case '/': return num(left, '/') / num(right, '/');
      case '%': {
        const divisor = num(right, '%');
        if (divisor === 0) throw new EvalError('integer divide by zero');
        return num(left, '%') % divisor;
      }
    }
    throw new EvalUnsupported(`the operator ${op}`);
  }
}
