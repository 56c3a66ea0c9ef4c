// The grammar of expr-lang/expr v1.17 (parser/parser.go), turned into a small syntax tree: operator
// precedence, `not in` style negations, chained comparisons, ternaries, `let`, `if {} else {}`, pipes,
// predicates with `#` and `.field`, member access, slices, arrays and maps. Errors match expr's wording.
import { ExprSyntaxError, lexExpr, type ExprToken } from './query-c-expr-lexer.js';

export type ExprNode =
  | { t: 'bool' | 'nil' | 'int' | 'float' | 'string' | 'bytes'; value: string; from: number }
  | { t: 'ident'; name: string; from: number }
  | { t: 'pointer'; name: string; from: number }
  | { t: 'unary'; op: string; node: ExprNode; from: number }
  | { t: 'binary'; op: string; left: ExprNode; right: ExprNode; from: number }
  | { t: 'cond'; cond: ExprNode; yes: ExprNode; no: ExprNode; from: number }
  | { t: 'call'; callee: ExprNode; name: string; args: ExprNode[]; from: number }
  | { t: 'builtin'; name: string; args: ExprNode[]; from: number }
  | { t: 'member'; node: ExprNode; property: ExprNode; field?: string; method: boolean; from: number }
  | { t: 'slice'; node: ExprNode; start?: ExprNode; end?: ExprNode; from: number }
  | { t: 'array'; items: ExprNode[]; from: number }
  | { t: 'map'; pairs: Array<[ExprNode, ExprNode]>; from: number }
  | { t: 'predicate'; node: ExprNode; from: number }
  | { t: 'seq'; nodes: ExprNode[]; from: number }
  | { t: 'let'; name: string; value: ExprNode; body: ExprNode; from: number };

/** Binary operators with their precedence and whether they associate to the right. */
const BINARY: Record<string, [number, boolean]> = {
  '|': [0, false], or: [10, false], '||': [10, false], and: [15, false], '&&': [15, false],
  '==': [20, false], '!=': [20, false], '<': [20, false], '>': [20, false], '>=': [20, false], '<=': [20, false],
  in: [20, false], matches: [20, false], contains: [20, false], startsWith: [20, false], endsWith: [20, false],
  '..': [25, false], '+': [30, false], '-': [30, false], '*': [60, false], '/': [60, false], '%': [60, false],
  '**': [100, true], '^': [100, true], '??': [500, false],
};
const UNARY: Record<string, number> = { not: 50, '!': 50, '-': 90, '+': 90 };
const COMPARISONS = new Set(['<', '>', '>=', '<=']);
const NEGATABLE = new Set(['contains', 'matches', 'startsWith', 'endsWith', 'in']);

/** The builtins parsed with a predicate argument, and the shape of their arguments. */
const PREDICATES: Record<string, Array<'expr' | 'predicate' | 'optional-predicate' | 'optional-expr'>> = {
  all: ['expr', 'predicate'], none: ['expr', 'predicate'], any: ['expr', 'predicate'], one: ['expr', 'predicate'],
  filter: ['expr', 'predicate'], map: ['expr', 'predicate'], count: ['expr', 'optional-predicate'],
  sum: ['expr', 'optional-predicate'], find: ['expr', 'predicate'], findIndex: ['expr', 'predicate'],
  findLast: ['expr', 'predicate'], findLastIndex: ['expr', 'predicate'], groupBy: ['expr', 'predicate'],
  sortBy: ['expr', 'predicate', 'optional-expr'], reduce: ['expr', 'predicate', 'optional-expr'],
};

export interface ParseOptions {
  /** Names the environment defines: a call to one of them is a call, not a builtin. */
  overridden: ReadonlySet<string>;
  /** Builtins switched off (expr.DisableBuiltin). */
  disabled: ReadonlySet<string>;
  /** Every builtin name expr knows. */
  builtins: ReadonlySet<string>;
}

export class ExprParser {
  private readonly tokens: ExprToken[];
  private index = 0;
  private depth = 0;

  constructor(source: string, private readonly options: ParseOptions) {
    this.tokens = lexExpr(source);
  }

  private get current(): ExprToken {
    return this.tokens[this.index]!;
  }

  private is(kind: ExprToken['kind'], ...values: string[]): boolean {
    const t = this.current;
    return t.kind === kind && (values.length === 0 || values.includes(t.value));
  }

  private next(): void {
    if (this.current.kind === 'eof') throw new ExprSyntaxError(this.current.from, 'unexpected end of expression');
    this.index++;
  }

  private fail(token: ExprToken, message: string): never {
    throw new ExprSyntaxError(token.from, message);
  }

  private unexpected(token: ExprToken = this.current): never {
    const kind = { identifier: 'Identifier', number: 'Number', string: 'String', bytes: 'Bytes', operator: 'Operator', bracket: 'Bracket', eof: 'EOF' }[token.kind];
    this.fail(token, `unexpected token ${kind}(${JSON.stringify(token.value)})`);
  }

  private expect(kind: ExprToken['kind'], ...values: string[]): void {
    if (this.is(kind, ...values)) this.next();
    else this.unexpected();
  }

  parse(): ExprNode {
    const node = this.sequence();
    if (!this.is('eof')) this.unexpected();
    return node;
  }

  private sequence(): ExprNode {
    const nodes = [this.expression(0)];
    while (this.is('operator', ';')) {
      this.next();
      if (this.is('eof')) break;
      nodes.push(this.expression(0));
    }
    return nodes.length === 1 ? nodes[0]! : { t: 'seq', nodes, from: nodes[0]!.from };
  }

  private expression(precedence: number): ExprNode {
    if (precedence === 0 && this.is('operator', 'let')) return this.letDeclaration();
    if (precedence === 0 && this.is('operator', 'if')) return this.ifElse();
    let left = this.primary();
    let previous = '';
    while (this.is('operator')) {
      let op = this.current;
      let negate = false;
      if (op.value === 'not') {
        const after = this.tokens[this.index + 1]!;
        if (!NEGATABLE.has(after.value)) this.unexpected(after);
        if (BINARY[after.value]![0] < precedence) break;
        this.next();
        op = after;
        negate = true;
      }
      const info = BINARY[op.value];
      if (!info || info[0] < precedence) break;
      this.next();
      if (op.value === '|') {
        const name = this.current;
        this.expect('identifier');
        left = this.call(name, [left], true);
      } else {
        if (previous === '??' && op.value !== '??') {
          this.fail(op, `Operator (${op.value}) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.`);
        }
        if (COMPARISONS.has(op.value)) left = this.comparison(left, op, info[0]);
        else {
          const right = this.expression(info[1] ? info[0] : info[0] + 1);
          left = { t: 'binary', op: op.value, left, right, from: op.from };
          if (negate) left = { t: 'unary', op: 'not', node: left, from: op.from };
        }
      }
      previous = op.value;
    }
    if (precedence === 0) left = this.conditional(left);
    return left;
  }

  /** `a < b < c` is read as `a < b && b < c`. */
  private comparison(first: ExprNode, token: ExprToken, precedence: number): ExprNode {
    let root: ExprNode | undefined;
    let left = first;
    let op = token;
    for (;;) {
      const right = this.expression(precedence + 1);
      const node: ExprNode = { t: 'binary', op: op.value, left, right, from: op.from };
      root = root ? { t: 'binary', op: '&&', left: root, right: node, from: op.from } : node;
      left = right;
      if (!(this.is('operator') && COMPARISONS.has(this.current.value))) break;
      op = this.current;
      this.next();
    }
    return root;
  }

  private letDeclaration(): ExprNode {
    this.expect('operator', 'let');
    const name = this.current;
    this.expect('identifier');
    this.expect('operator', '=');
    const value = this.expression(0);
    this.expect('operator', ';');
    const body = this.sequence();
    return { t: 'let', name: name.value, value, body, from: name.from };
  }

  private ifElse(): ExprNode {
    const from = this.current.from;
    this.next();
    const cond = this.expression(0);
    this.expect('bracket', '{');
    const yes = this.sequence();
    this.expect('bracket', '}');
    this.expect('operator', 'else');
    let no: ExprNode;
    if (this.is('operator', 'if')) no = this.ifElse();
    else {
      this.expect('bracket', '{');
      no = this.sequence();
      this.expect('bracket', '}');
    }
    return { t: 'cond', cond, yes, no, from };
  }

  private conditional(node: ExprNode): ExprNode {
    let result = node;
    while (this.is('operator', '?')) {
      const from = this.current.from;
      this.next();
      if (!this.is('operator', ':')) {
        const yes = this.expression(0);
        this.expect('operator', ':');
        const no = this.expression(0);
        result = { t: 'cond', cond: result, yes, no, from };
      } else {
        this.next();
        const no = this.expression(0);
        result = { t: 'cond', cond: result, yes: result, no, from };
      }
    }
    return result;
  }

  private primary(): ExprNode {
    const token = this.current;
    if (token.kind === 'operator' && UNARY[token.value] !== undefined) {
      this.next();
      const node = this.expression(UNARY[token.value]!);
      return this.postfix({ t: 'unary', op: token.value, node, from: token.from });
    }
    if (this.is('bracket', '(')) {
      this.next();
      const node = this.sequence();
      this.expect('bracket', ')');
      return this.postfix(node);
    }
    if (this.depth > 0 && (this.is('operator', '#') || this.is('operator', '.'))) {
      let name = '';
      if (this.is('operator', '#')) {
        this.next();
        if (this.is('identifier')) {
          name = this.current.value;
          this.next();
        }
      }
      return this.postfix({ t: 'pointer', name, from: token.from });
    }
    if (this.is('operator', '::')) {
      this.next();
      const name = this.current;
      this.expect('identifier');
      return this.postfix(this.call(name, [], false));
    }
    return this.secondary();
  }

  private secondary(): ExprNode {
    const token = this.current;
    let node: ExprNode;
    switch (token.kind) {
      case 'identifier':
        this.next();
        if (token.value === 'true' || token.value === 'false') return { t: 'bool', value: token.value, from: token.from };
        if (token.value === 'nil') return { t: 'nil', value: 'nil', from: token.from };
        node = this.is('bracket', '(') ? this.call(token, [], true) : { t: 'ident', name: token.value, from: token.from };
        break;
      case 'number':
        this.next();
        return this.number(token);
      case 'string':
      case 'bytes':
        this.next();
        node = { t: token.kind, value: token.value, from: token.from };
        break;
      default:
        if (this.is('bracket', '[')) node = this.arrayLiteral();
        else if (this.is('bracket', '{')) node = this.mapLiteral();
        else this.unexpected();
    }
    return this.postfix(node);
  }

  private number(token: ExprToken): ExprNode {
    const text = token.value.replace(/_/g, '').toLowerCase();
    const integer = /^(0x[0-9a-f]+|0b[01]+|0o[0-7]+|[0-9]+)$/.test(text);
    if (!integer && !/^([0-9]+\.?[0-9]*|\.[0-9]+)(e[+-]?[0-9]+)?$/.test(text)) {
      const base = text.startsWith('0x') ? 'hex' : text.startsWith('0b') ? 'binary' : text.startsWith('0o') ? 'octal' : /[.e]/.test(text) ? 'float' : 'integer';
      this.fail(token, `invalid ${base} literal: ${JSON.stringify(token.value)}`);
    }
    if (integer) {
      const prefix = text.slice(0, 2);
      const value = ['0x', '0b', '0o'].includes(prefix) ? BigInt(text) : BigInt(text.replace(/^0+(?=.)/, ''));
      if (value > 9223372036854775807n) this.fail(token, 'integer literal is too large');
      return { t: 'int', value: token.value, from: token.from };
    }
    return { t: 'float', value: token.value, from: token.from };
  }

  private call(token: ExprToken, args: ExprNode[], checkOverrides: boolean): ExprNode {
    const overridden = checkOverrides && this.options.overridden.has(token.value);
    const shape = PREDICATES[token.value];
    if (shape && !overridden) {
      this.expect('bracket', '(');
      const rest = shape.slice(args.length);
      rest.forEach((kind, i) => {
        if (this.is('bracket', ')')) {
          if (kind.startsWith('optional')) return;
          this.fail(this.current, `expected at least ${rest.length} arguments`);
        }
        if (i > 0) this.expect('operator', ',');
        args.push(kind.endsWith('predicate') ? this.predicate() : this.expression(0));
      });
      if (this.is('operator', ',')) this.next();
      this.expect('bracket', ')');
      return { t: 'builtin', name: token.value, args, from: token.from };
    }
    if (this.options.builtins.has(token.value) && !this.options.disabled.has(token.value) && !overridden) {
      return { t: 'builtin', name: token.value, args: this.arguments(args), from: token.from };
    }
    const callee: ExprNode = { t: 'ident', name: token.value, from: token.from };
    return { t: 'call', callee, name: token.value, args: this.arguments(args), from: token.from };
  }

  private arguments(args: ExprNode[]): ExprNode[] {
    const offset = args.length;
    this.expect('bracket', '(');
    while (!this.is('bracket', ')')) {
      if (args.length > offset) this.expect('operator', ',');
      if (this.is('bracket', ')')) break;
      args.push(this.expression(0));
    }
    this.expect('bracket', ')');
    return args;
  }

  private predicate(): ExprNode {
    const from = this.current.from;
    const braces = this.is('bracket', '{');
    if (braces) this.next();
    this.depth++;
    const node = braces ? this.sequence() : this.expression(0);
    if (!braces && this.is('operator', ';')) this.fail(this.current, 'wrap predicate with brackets { and }');
    this.depth--;
    if (braces) this.expect('bracket', '}');
    return { t: 'predicate', node, from };
  }

  private arrayLiteral(): ExprNode {
    const from = this.current.from;
    const items: ExprNode[] = [];
    this.expect('bracket', '[');
    while (!this.is('bracket', ']')) {
      if (items.length > 0) {
        this.expect('operator', ',');
        if (this.is('bracket', ']')) break;
      }
      items.push(this.expression(0));
    }
    this.expect('bracket', ']');
    return { t: 'array', items, from };
  }

  private mapLiteral(): ExprNode {
    const from = this.current.from;
    const pairs: Array<[ExprNode, ExprNode]> = [];
    this.expect('bracket', '{');
    while (!this.is('bracket', '}')) {
      if (pairs.length > 0) {
        this.expect('operator', ',');
        if (this.is('bracket', '}')) break;
        if (this.is('operator', ',')) this.unexpected();
      }
      let key: ExprNode;
      const token = this.current;
      if (token.kind === 'number' || token.kind === 'string' || token.kind === 'identifier') {
        key = { t: 'string', value: token.value, from: token.from };
        this.next();
      } else if (this.is('bracket', '(')) key = this.expression(0);
      else this.fail(token, `a map key must be a quoted string, a number, a identifier, or an expression enclosed in parentheses (unexpected token ${JSON.stringify(token.value)})`);
      this.expect('operator', ':');
      pairs.push([key, this.expression(0)]);
    }
    this.expect('bracket', '}');
    return { t: 'map', pairs, from };
  }

  private postfix(start: ExprNode): ExprNode {
    let node = start;
    for (;;) {
      const token = this.current;
      if (token.kind === 'operator' && (token.value === '.' || token.value === '?.')) {
        this.next();
        if (token.value === '?.' && this.is('bracket', '[')) continue;
        const property = this.current;
        this.next();
        const validName = property.kind === 'identifier' || (property.kind === 'operator' && /^[\p{L}_$][\p{L}\p{Nd}_$]*$/u.test(property.value));
        if (!validName) this.fail(property, 'expected name');
        const method = this.is('bracket', '(');
        const member: ExprNode = { t: 'member', node, property: { t: 'string', value: property.value, from: property.from }, field: property.value, method, from: property.from };
        node = method ? { t: 'call', callee: member, name: property.value, args: this.arguments([]), from: property.from } : member;
      } else if (token.kind === 'bracket' && token.value === '[') {
        this.next();
        if (this.is('operator', ':')) {
          this.next();
          const end = this.is('bracket', ']') ? undefined : this.expression(0);
          node = { t: 'slice', node, ...(end ? { end } : {}), from: token.from };
          this.expect('bracket', ']');
        } else {
          const first = this.expression(0);
          if (this.is('operator', ':')) {
            this.next();
            const end = this.is('bracket', ']') ? undefined : this.expression(0);
            node = { t: 'slice', node, start: first, ...(end ? { end } : {}), from: token.from };
          } else {
            node = { t: 'member', node, property: first, method: false, from: token.from };
          }
          this.expect('bracket', ']');
        }
      } else {
        return node;
      }
    }
  }
}
