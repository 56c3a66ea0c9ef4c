// A checker for the expr-lang expressions CoreDNS compiles at start-up (template `var`/`expr`, view
// `expr`): expr.Compile(source, expr.Env(env), expr.DisableBuiltin("type")) parses the text and then
// type-checks it against the environment, refusing unknown names, wrong argument counts and operands of
// the wrong type. This follows expr v1.17's parser and checker for the types CoreDNS's env uses.
import { compileGoRegex } from './query-a-regex.js';
import { ExprSyntaxError } from './query-c-expr-lexer.js';
import { ExprParser, type ExprNode } from './query-c-expr-parser.js';

export type ExprType =
  | { kind: 'unknown' | 'nil' | 'bool' | 'int' | 'float' | 'string' | 'bytes' | 'map' }
  | { kind: 'array'; elem: ExprType }
  | { kind: 'func'; params: ExprType[]; variadic: boolean; result: ExprType }
  | { kind: 'predicate'; result: ExprType };

export interface ExprError {
  /** Offset in the expression text (UTF-16 code units). */
  offset: number;
  message: string;
}

export interface ExprCheck {
  error?: ExprError;
  /** The type of the result (unknown when it depends on run-time values). */
  type: ExprType;
}

const T = {
  unknown: { kind: 'unknown' } as ExprType,
  nil: { kind: 'nil' } as ExprType,
  bool: { kind: 'bool' } as ExprType,
  int: { kind: 'int' } as ExprType,
  float: { kind: 'float' } as ExprType,
  string: { kind: 'string' } as ExprType,
  bytes: { kind: 'bytes' } as ExprType,
  map: { kind: 'map' } as ExprType,
};
const fn = (params: ExprType[], result: ExprType, variadic = false): ExprType => ({ kind: 'func', params, variadic, result });
const arrayOf = (elem: ExprType): ExprType => ({ kind: 'array', elem });

/** plugin/pkg/expression.DefaultEnv: the names every CoreDNS expression may use, with their Go types. */
export function corednsExprEnv(): Map<string, ExprType> {
  return new Map<string, ExprType>([
    ['incidr', fn([T.string, T.string], T.bool)],
    ['metadata', fn([T.string], T.string)],
    ['type', fn([], T.string)],
    ['name', fn([], T.string)],
    ['class', fn([], T.string)],
    ['proto', fn([], T.string)],
    ['size', fn([], T.int)],
    ['client_ip', fn([], T.string)],
    ['port', fn([], T.string)],
    ['id', fn([], T.int)],
    ['opcode', fn([], T.int)],
    ['do', fn([], T.bool)],
    ['bufsize', fn([], T.int)],
    ['server_ip', fn([], T.string)],
    ['server_port', fn([], T.string)],
  ]);
}

/** The template plugin's env: the default one plus `group(name or index)` for regex groups. */
export function templateExprEnv(): Map<string, ExprType> {
  const env = corednsExprEnv();
  env.set('group', fn([T.unknown], T.string));
  return env;
}

/** expr's builtins: [fewest arguments, most arguments (-1 = any), result type, parameter types]. */
const BUILTINS: Record<string, [number, number, ExprType, ExprType[]?]> = {
  all: [2, 2, T.bool], none: [2, 2, T.bool], any: [2, 2, T.bool], one: [2, 2, T.bool],
  filter: [2, 2, arrayOf(T.unknown)], map: [2, 2, arrayOf(T.unknown)], find: [2, 2, T.unknown],
  findIndex: [2, 2, T.int], findLast: [2, 2, T.unknown], findLastIndex: [2, 2, T.int], count: [1, 2, T.int],
  sum: [1, 2, T.unknown], groupBy: [2, 2, T.map], sortBy: [2, 3, arrayOf(T.unknown)], reduce: [2, 3, T.unknown],
  len: [1, 1, T.int], type: [1, 1, T.string], abs: [1, 1, T.unknown], ceil: [1, 1, T.float], floor: [1, 1, T.float],
  round: [1, 1, T.float], int: [1, 1, T.int], float: [1, 1, T.float], string: [1, 1, T.string],
  trim: [1, 2, T.string, [T.string, T.string]], trimPrefix: [1, 2, T.string, [T.string, T.string]],
  trimSuffix: [1, 2, T.string, [T.string, T.string]], upper: [1, 1, T.string, [T.string]], lower: [1, 1, T.string, [T.string]],
  split: [2, 3, arrayOf(T.string), [T.string, T.string, T.int]], splitAfter: [2, 3, arrayOf(T.string), [T.string, T.string, T.int]],
  replace: [3, 3, T.string, [T.string, T.string, T.string]], repeat: [2, 2, T.string, [T.string, T.int]],
  join: [1, 2, T.string], indexOf: [2, 2, T.int, [T.string, T.string]], lastIndexOf: [2, 2, T.int, [T.string, T.string]],
  hasPrefix: [2, 2, T.bool, [T.string, T.string]], hasSuffix: [2, 2, T.bool, [T.string, T.string]],
  max: [1, -1, T.unknown], min: [1, -1, T.unknown], mean: [1, -1, T.float], median: [1, -1, T.float],
  toJSON: [1, 1, T.string], fromJSON: [1, 1, T.unknown, [T.string]], toBase64: [1, 1, T.string, [T.string]],
  fromBase64: [1, 1, T.string, [T.string]], now: [0, 0, T.unknown], duration: [1, 1, T.unknown, [T.string]],
  date: [1, 3, T.unknown], timezone: [1, 1, T.unknown, [T.string]], first: [1, 1, T.unknown], last: [1, 1, T.unknown],
  get: [2, 2, T.unknown], take: [2, 2, T.unknown], keys: [1, 1, arrayOf(T.unknown)], values: [1, 1, arrayOf(T.unknown)],
  toPairs: [1, 1, arrayOf(T.unknown)], fromPairs: [1, 1, T.map], reverse: [1, 1, arrayOf(T.unknown)],
  uniq: [1, 1, arrayOf(T.unknown)], concat: [1, -1, arrayOf(T.unknown)], flatten: [1, 1, arrayOf(T.unknown)],
  sort: [1, 2, arrayOf(T.unknown)], bitnot: [1, 1, T.int, [T.int]], bitand: [2, 2, T.int, [T.int, T.int]],
  bitor: [2, 2, T.int, [T.int, T.int]], bitxor: [2, 2, T.int, [T.int, T.int]], bitnand: [2, 2, T.int, [T.int, T.int]],
  bitshl: [2, 2, T.int, [T.int, T.int]], bitshr: [2, 2, T.int, [T.int, T.int]], bitushr: [2, 2, T.int, [T.int, T.int]],
};
const BUILTIN_NAMES = new Set(Object.keys(BUILTINS));

/** Go's spelling of a type, as expr prints it in its messages. */
export function typeName(t: ExprType): string {
  switch (t.kind) {
    case 'unknown': return 'interface {}';
    case 'int': return 'int';
    case 'float': return 'float64';
    case 'bytes': return '[]uint8';
    case 'map': return 'map[string]interface {}';
    case 'array': return `[]${typeName(t.elem)}`;
    case 'func': return `func(${t.params.map(typeName).join(', ')}) ${typeName(t.result)}`;
    case 'predicate': return `func(...interface {}) ${typeName(t.result)}`;
    default: return t.kind;
  }
}

const isNumber = (t: ExprType): boolean => t.kind === 'int' || t.kind === 'float';
const isUnknown = (t: ExprType): boolean => t.kind === 'unknown';
const sameType = (a: ExprType, b: ExprType): boolean => typeName(a) === typeName(b);
const assignable = (from: ExprType, to: ExprType): boolean => isUnknown(to) || isUnknown(from) || sameType(from, to) || (from.kind === 'array' && to.kind === 'array');
const comparable = (a: ExprType, b: ExprType): boolean =>
  isUnknown(a) || isUnknown(b) || a.kind === 'nil' || b.kind === 'nil' || (isNumber(a) && isNumber(b)) || (a.kind === 'array' && b.kind === 'array') || sameType(a, b);
/** One side unknown and the other of an allowed kind (expr's MaybeCompatible). */
const maybe = (a: ExprType, b: ExprType, ...kinds: Array<(t: ExprType) => boolean>): boolean =>
  (isUnknown(a) && isUnknown(b)) || (isUnknown(a) && kinds.some((k) => k(b))) || (isUnknown(b) && kinds.some((k) => k(a)));
const isString = (t: ExprType): boolean => t.kind === 'string';
const isBool = (t: ExprType): boolean => t.kind === 'bool';
const isInt = (t: ExprType): boolean => t.kind === 'int';

class ExprChecker {
  private readonly scopes: Array<Map<string, ExprType>> = [];
  private readonly predicates: ExprType[] = [];

  constructor(private readonly env: ReadonlyMap<string, ExprType>) {}

  private fail(node: { from: number }, message: string): never {
    throw new ExprSyntaxError(node.from, message);
  }

  visit(node: ExprNode): ExprType {
    switch (node.t) {
      case 'bool': return T.bool;
      case 'nil': return T.nil;
      case 'int': return T.int;
      case 'float': return T.float;
      case 'string': return T.string;
      case 'bytes': return T.bytes;
      case 'ident': return this.identifier(node.name, node);
      case 'pointer': {
        const scope = this.predicates[this.predicates.length - 1];
        if (!scope) this.fail(node, 'cannot use pointer accessor outside predicate');
        if (node.name === '' ) return scope.kind === 'array' ? scope.elem : T.unknown;
        if (node.name === 'index' || node.name === 'acc') return node.name === 'index' ? T.int : T.unknown;
        return this.fail(node, `unknown pointer #${node.name}`);
      }
      case 'unary': return this.unary(node.op, this.visit(node.node), node);
      case 'binary': return this.binary(node);
      case 'cond': {
        const cond = this.visit(node.cond);
        if (!isBool(cond) && !isUnknown(cond)) this.fail(node.cond, `non-bool expression (type ${typeName(cond)}) used as condition`);
        const yes = this.visit(node.yes);
        const no = this.visit(node.no);
        return sameType(yes, no) ? yes : T.unknown;
      }
      case 'call': return this.call(node);
      case 'builtin': return this.builtin(node);
      case 'member': return this.member(node);
      case 'slice': {
        const base = this.visit(node.node);
        for (const index of [node.start, node.end]) {
          if (!index) continue;
          const t = this.visit(index);
          if (!isInt(t) && !isUnknown(t)) this.fail(index, `non-integer slice index ${typeName(t)}`);
        }
        if (isUnknown(base) || isString(base) || base.kind === 'array') return base;
        return this.fail(node, `cannot slice ${typeName(base)}`);
      }
      case 'array': {
        const items = node.items.map((item) => this.visit(item));
        const first = items[0];
        return arrayOf(first && items.every((t) => sameType(t, first)) ? first : T.unknown);
      }
      case 'map':
        for (const [key, value] of node.pairs) {
          this.visit(key);
          this.visit(value);
        }
        return T.map;
      case 'predicate': return { kind: 'predicate', result: this.visit(node.node) };
      case 'seq': {
        let last = T.unknown;
        for (const n of node.nodes) last = this.visit(n);
        return last;
      }
      case 'let': {
        if (this.env.has(node.name)) this.fail(node, `cannot redeclare ${node.name}`);
        const value = this.visit(node.value);
        this.scopes.push(new Map([[node.name, value]]));
        const body = this.visit(node.body);
        this.scopes.pop();
        return body;
      }
    }
  }

  private identifier(name: string, node: { from: number }): ExprType {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const t = this.scopes[i]!.get(name);
      if (t) return t;
    }
    if (name === '$env') return T.map;
    const t = this.env.get(name);
    if (t) return t;
    if (BUILTIN_NAMES.has(name) && name !== 'type') return T.unknown;
    return this.fail(node, `unknown name ${name}`);
  }

  private unary(op: string, t: ExprType, node: { from: number }): ExprType {
    if (op === '!' || op === 'not') {
      if (isBool(t) || isUnknown(t)) return T.bool;
    } else if (isNumber(t) || isUnknown(t)) return t;
    return this.fail(node, `invalid operation: ${op} (mismatched type ${typeName(t)})`);
  }

  private binary(node: Extract<ExprNode, { t: 'binary' }>): ExprType {
    const l = this.visit(node.left);
    const r = this.visit(node.right);
    const op = node.op;
    const numberLike = (a: ExprType, b: ExprType): boolean => (isNumber(a) && isNumber(b)) || maybe(a, b, isNumber);
    switch (op) {
      case '==': case '!=':
        if (comparable(l, r)) return T.bool;
        break;
      case 'or': case '||': case 'and': case '&&':
        if ((isBool(l) && isBool(r)) || maybe(l, r, isBool)) return T.bool;
        break;
      case '<': case '>': case '<=': case '>=':
        if (numberLike(l, r) || (isString(l) && isString(r)) || maybe(l, r, isString)) return T.bool;
        break;
      case '-': case '*':
        if (isNumber(l) && isNumber(r)) return l.kind === 'float' || r.kind === 'float' ? T.float : T.int;
        if (maybe(l, r, isNumber)) return T.unknown;
        break;
      case '/': case '**': case '^':
        if (numberLike(l, r)) return T.float;
        break;
      case '%':
        if ((isInt(l) && isInt(r)) || maybe(l, r, isInt)) return T.int;
        break;
      case '+':
        if (isNumber(l) && isNumber(r)) return l.kind === 'float' || r.kind === 'float' ? T.float : T.int;
        if (isString(l) && isString(r)) return T.string;
        if (maybe(l, r, isNumber, isString)) return T.unknown;
        break;
      case 'in':
        if (r.kind === 'map') return T.bool;
        if (r.kind === 'array') {
          if (!comparable(l, r.elem)) this.fail(node, `cannot use ${typeName(l)} as type ${typeName(r.elem)} in array`);
          return T.bool;
        }
        if (isUnknown(r) || (isUnknown(l) && isString(r))) return T.bool;
        break;
      case 'matches':
        if (node.right.t === 'string') {
          const compiled = compileGoRegex(node.right.value);
          if (!compiled.ok) this.fail(node, `error parsing regexp: ${compiled.error}`);
        }
        if (((isString(l) || l.kind === 'bytes') && isString(r)) || maybe(l, r, isString)) return T.bool;
        break;
      case 'contains': case 'startsWith': case 'endsWith':
        if ((isString(l) && isString(r)) || maybe(l, r, isString)) return T.bool;
        break;
      case '..':
        if ((isInt(l) && isInt(r)) || maybe(l, r, isInt)) return arrayOf(T.int);
        break;
      case '??':
        return l.kind === 'nil' ? r : l;
    }
    return this.fail(node, `invalid operation: ${op} (mismatched types ${typeName(l)} and ${typeName(r)})`);
  }

  private call(node: Extract<ExprNode, { t: 'call' }>): ExprType {
    const callee = this.visit(node.callee);
    if (isUnknown(callee)) {
      node.args.forEach((a) => this.visit(a));
      return T.unknown;
    }
    if (callee.kind === 'nil') this.fail(node, `${node.name} is nil; cannot call nil as function`);
    if (callee.kind !== 'func') return this.fail(node, `${typeName(callee)} is not callable`);
    return this.checkArguments(node.name, callee.params, callee.variadic, callee.result, node.args, node);
  }

  private checkArguments(name: string, params: ExprType[], variadic: boolean, result: ExprType, args: ExprNode[], node: { from: number }): ExprType {
    if (variadic ? args.length < params.length - 1 : args.length < params.length) this.fail(node, `not enough arguments to call ${name}`);
    if (!variadic && args.length > params.length) this.fail(node, `too many arguments to call ${name}`);
    args.forEach((arg, i) => {
      const t = this.visit(arg);
      const want = params[Math.min(i, params.length - 1)] ?? T.unknown;
      if (t.kind === 'nil') return;
      if (!assignable(t, want) && !(want.kind === 'float' && t.kind === 'int')) {
        this.fail(arg, `cannot use ${typeName(t)} as argument (type ${typeName(want)}) to call ${name}`);
      }
    });
    return result;
  }

  private builtin(node: Extract<ExprNode, { t: 'builtin' }>): ExprType {
    const [min, max, result, params] = BUILTINS[node.name]!;
    if (node.args.length < min) this.fail(node, `not enough arguments to call ${node.name}`);
    if (max >= 0 && node.args.length > max) this.fail(node, `too many arguments to call ${node.name}`);
    const [first, ...rest] = node.args;
    const collection = first ? this.visit(first) : T.unknown;
    for (const arg of rest) {
      this.predicates.push(collection);
      const t = this.visit(arg);
      this.predicates.pop();
      if (t.kind === 'predicate' && ['all', 'none', 'any', 'one', 'filter'].includes(node.name)) {
        if (!isBool(t.result) && !isUnknown(t.result)) this.fail(arg, `predicate should return boolean (got ${typeName(t.result)})`);
      }
    }
    if (params) {
      node.args.forEach((arg, i) => {
        const t = i === 0 ? collection : this.visit(arg);
        const want = params[i] ?? T.unknown;
        if (!assignable(t, want) && t.kind !== 'nil') this.fail(arg, `cannot use ${typeName(t)} as argument (type ${typeName(want)}) to call ${node.name}`);
      });
    }
    if (node.name === 'len' && !['array', 'map', 'string', 'unknown'].includes(collection.kind)) {
      this.fail(node, `invalid argument for len (type ${typeName(collection)})`);
    }
    return result;
  }

  private member(node: Extract<ExprNode, { t: 'member' }>): ExprType {
    const base = this.visit(node.node);
    const property = this.visit(node.property);
    if (isUnknown(base)) return T.unknown;
    if (node.field !== undefined && base.kind === 'nil') this.fail(node, `type nil has no field ${node.field}`);
    if (base.kind === 'map') return T.unknown;
    if (base.kind === 'array') {
      if (!isInt(property) && !isUnknown(property)) this.fail(node.property, `array elements can only be selected using an integer (got ${typeName(property)})`);
      return base.elem;
    }
    if (node.field !== undefined) {
      return this.fail(node, `type ${typeName(base)} has no ${node.method ? 'method' : 'field'} ${node.field}`);
    }
    return this.fail(node, `type ${typeName(base)}[${typeName(property)}] is undefined`);
  }
}

/**
 * Checks an expression like expr.Compile with expr.Env(env) and the `type` builtin disabled (as CoreDNS
 * does): returns the first error with its offset, and the result type. Never throws.
 */
export function checkExpr(source: string, env: ReadonlyMap<string, ExprType>): ExprCheck {
  try {
    const tree = new ExprParser(source, { overridden: new Set(env.keys()), disabled: new Set(['type']), builtins: BUILTIN_NAMES }).parse();
    return { type: new ExprChecker(env).visit(tree) };
  } catch (error) {
    if (error instanceof ExprSyntaxError) return { error: { offset: error.offset, message: error.message }, type: T.unknown };
    return { error: { offset: 0, message: error instanceof Error ? error.message : String(error) }, type: T.unknown };
  }
}

/** expr's builtin names (builtin.Index): a template variable may not take one of them. */
export function isExprBuiltin(name: string): boolean {
  return BUILTIN_NAMES.has(name);
}

/** True when the text is a single identifier to expr (not a keyword such as `in`, `not`, `true`). */
export function isExprIdentifier(name: string): boolean {
  if (!/^[\p{L}_$][\p{L}\p{Nd}_$]*$/u.test(name)) return false;
  return !['in', 'or', 'and', 'matches', 'contains', 'startsWith', 'endsWith', 'let', 'if', 'else', 'not', 'true', 'false', 'nil'].includes(name);
}

/**
 * The Corefile removes double quotes around a word before CoreDNS joins the words of an expression, so
 * `type() == "A"` reaches expr as `type() == A`. When an expression with such a word fails, say so.
 */
export function doubleQuoteHint(words: ReadonlyArray<{ quoted: boolean }>): string {
  return words.some((w) => w.quoted)
    ? ' The Corefile strips double quotes around a word before CoreDNS sees the expression: write string literals in single quotes, e.g. \'A\'.'
    : '';
}
