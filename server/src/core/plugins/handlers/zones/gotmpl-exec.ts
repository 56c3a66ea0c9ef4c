// Executes a parsed Go text/template over Go values, following text/template's exec.go: pipelines pass
// their value as the last argument of the next command, fields are looked up on objects (with methods)
// and maps (a missing key prints "<no value>"), variables are scoped to their control structure, and
// errors stop the execution with a message like Go's.
import type { Arg, Command, ParsedTemplate, Pipe, TemplateNode } from './gotmpl-ast.js';
import { GO_FUNCTIONS } from './gotmpl-funcs.js';
import { bool, GoExecError, INVALID, int, isTrue, NIL, printValue, str, typeName, type GoValue, type ParamKind } from './gotmpl-value.js';

export type ExecResult = { ok: true; text: string } | { ok: false; error: string };

/** A value that was not computed: no previous command in the pipeline. */
const MISSING: GoValue = { k: 'invalid' };

class BreakSignal {}
class ContinueSignal {}

const MAX_DEPTH = 10000;

export function executeGoTemplate(name: string, template: ParsedTemplate, data: GoValue): ExecResult {
  const exec = new Executor(template, data);
  try {
    exec.walkList(data, template.root);
    return { ok: true, text: exec.out };
  } catch (error) {
    if (error instanceof GoExecError) return { ok: false, error: `template: ${name}: executing "${name}": ${error.message}` };
    throw error;
  }
}

class Executor {
  out = '';
  private vars: Array<{ name: string; value: GoValue }>;
  private depth = 0;

  constructor(private readonly template: ParsedTemplate, data: GoValue) {
    this.vars = [{ name: '$', value: data }];
  }

  walkList(dot: GoValue, list: readonly TemplateNode[]): void {
    for (const node of list) this.walk(dot, node);
  }

  private walk(dot: GoValue, node: TemplateNode): void {
    switch (node.t) {
      case 'text':
        this.out += node.text;
        return;
      case 'action': {
        const value = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.out += printValue(value);
        return;
      }
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const value = this.evalPipeline(dot, node.pipe);
        if (isTrue(value)) this.walkList(node.t === 'with' ? value : dot, node.list);
        else if (node.elseList) this.walkList(dot, node.elseList);
        this.vars.length = mark;
        return;
      }
      case 'range':
        this.walkRange(dot, node);
        return;
      case 'template':
        this.walkTemplate(dot, node.name, node.pipe);
        return;
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
    }
  }

  private walkRange(dot: GoValue, node: Extract<TemplateNode, { t: 'range' }>): void {
    const mark = this.vars.length;
    const value = this.evalPipeline(dot, { ...node.pipe, decl: [] });
    let pairs: Array<[GoValue, GoValue]>;
    if (value.k === 'slice') pairs = value.items.map((item, i) => [int(i), item]);
    else if (value.k === 'map') pairs = [...value.entries.keys()].sort().map((key) => [str(key), value.entries.get(key)!]);
    else if (value.k === 'int' || value.k === 'uint') {
      if (node.pipe.decl.length > 1) throw new GoExecError(`can't use ${printValue(value)} to iterate over more than one variable`);
      pairs = [];
      for (let i = 0n; i < value.v; i++) pairs.push([{ ...value, v: i }, { ...value, v: i }]);
    } else if (value.k === 'nil' || value.k === 'invalid') pairs = [];
    else throw new GoExecError(`range can't iterate over ${printValue(value)}`);
    if (pairs.length === 0) {
      if (node.elseList) this.walkList(dot, node.elseList);
      this.vars.length = mark;
      return;
    }
    for (const [key, elem] of pairs) {
      const inner = this.vars.length;
      const decl = node.pipe.decl;
      if (decl.length === 1) this.declare(decl[0]!, elem, node.pipe.isAssign);
      if (decl.length === 2) {
        this.declare(decl[0]!, key, node.pipe.isAssign);
        this.declare(decl[1]!, elem, node.pipe.isAssign);
      }
      try {
        this.walkList(elem, node.list);
      } catch (signal) {
        if (signal instanceof BreakSignal) {
          this.vars.length = inner;
          break;
        }
        if (!(signal instanceof ContinueSignal)) throw signal;
      }
      this.vars.length = inner;
    }
    this.vars.length = mark;
  }

  private walkTemplate(dot: GoValue, name: string, pipe: Pipe | undefined): void {
    const list = this.template.defines.get(name);
    if (!list) throw new GoExecError(`template: no template ${JSON.stringify(name)} associated with template`);
    if (++this.depth > MAX_DEPTH) throw new GoExecError(`exceeded maximum template depth (${MAX_DEPTH})`);
    const newDot = pipe ? this.evalPipeline(dot, pipe) : NIL;
    const saved = this.vars;
    this.vars = [{ name: '$', value: newDot }];
    try {
      this.walkList(newDot, list);
    } finally {
      this.vars = saved;
      this.depth--;
    }
  }

  private declare(name: string, value: GoValue, assign: boolean): void {
    if (!assign) {
      this.vars.push({ name, value });
      return;
    }
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    throw new GoExecError(`undefined variable: ${name}`);
  }

  private varValue(name: string): GoValue {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return this.vars[i]!.value;
    throw new GoExecError(`undefined variable: ${name}`);
  }

  private evalPipeline(dot: GoValue, pipe: Pipe): GoValue {
    let value = MISSING;
    for (const cmd of pipe.cmds) value = this.evalCommand(dot, cmd, value);
    for (const name of pipe.decl) this.declare(name, value, pipe.isAssign);
    return value;
  }

  private evalCommand(dot: GoValue, cmd: Command, final: GoValue): GoValue {
    const first = cmd.args[0]!;
    switch (first.t) {
      case 'field':
        return this.evalFieldChain(dot, dot, first.idents, cmd.args, final);
      case 'chain': {
        if (first.node.t === 'nil') throw new GoExecError('indirection through explicit nil');
        return this.evalFieldChain(dot, this.evalArg(dot, 'any', first.node), first.fields, cmd.args, final);
      }
      case 'variable': {
        const value = this.varValue(first.idents[0]!);
        if (first.idents.length === 1) {
          this.notAFunction(cmd.args, final, first.idents[0]!);
          return value;
        }
        return this.evalFieldChain(dot, value, first.idents.slice(1), cmd.args, final);
      }
      case 'ident':
        return this.evalFunction(dot, first.name, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final, '(pipeline)');
        return this.evalPipeline(dot, first.pipe);
      case 'nil':
        throw new GoExecError('nil is not a command');
      default:
        this.notAFunction(cmd.args, final, describeArg(first));
        return this.evalArg(dot, 'any', first);
    }
  }

  private notAFunction(args: readonly Arg[], final: GoValue, what: string): void {
    if (args.length > 1 || final !== MISSING) throw new GoExecError(`can't give argument to non-function ${what}`);
  }

  private evalFieldChain(dot: GoValue, receiver: GoValue, idents: readonly string[], args: readonly Arg[], final: GoValue): GoValue {
    let value = receiver;
    for (let i = 0; i < idents.length - 1; i++) value = this.evalField(dot, idents[i]!, [], MISSING, value);
    return this.evalField(dot, idents[idents.length - 1]!, args, final, value);
  }

  private evalField(dot: GoValue, name: string, args: readonly Arg[], final: GoValue, receiver: GoValue): GoValue {
    const hasArgs = args.length > 1 || final !== MISSING;
    switch (receiver.k) {
      case 'invalid':
        return INVALID;
      case 'nil':
        throw new GoExecError(`nil pointer evaluating interface {}.${name}`);
      case 'object': {
        const method = receiver.methods[name];
        if (method) return method.call(this.evalArgs(dot, method.params, undefined, args.slice(1), final, name));
        const field = receiver.fields[name];
        if (field) {
          if (hasArgs) throw new GoExecError(`${name} has arguments but cannot be invoked as function`);
          return field();
        }
        throw new GoExecError(`can't evaluate field ${name} in type ${receiver.type}`);
      }
      case 'map': {
        if (hasArgs) throw new GoExecError(`${name} is not a method but has arguments`);
        return receiver.entries.get(name) ?? INVALID;
      }
      default:
        throw new GoExecError(`can't evaluate field ${name} in type ${typeName(receiver)}`);
    }
  }

  private evalFunction(dot: GoValue, name: string, args: readonly Arg[], final: GoValue): GoValue {
    const rest = args.slice(1);
    if (name === 'and' || name === 'or') {
      // and/or evaluate their operands one at a time and stop at the first that decides the result.
      const operands: Array<() => GoValue> = rest.map((a) => () => this.evalArg(dot, 'any', a));
      if (final !== MISSING) operands.push(() => final);
      if (operands.length === 0) throw new GoExecError(`wrong number of args for ${name}: want at least 1 got 0`);
      let value = INVALID;
      for (const operand of operands) {
        value = operand();
        if (isTrue(value) === (name === 'or')) return value;
      }
      return value;
    }
    const fn = GO_FUNCTIONS.get(name);
    if (!fn) throw new GoExecError(`function ${JSON.stringify(name)} not defined`);
    return fn.call(this.evalArgs(dot, fn.params, fn.variadic, rest, final, name));
  }

  /** Evaluates call arguments against the parameter kinds, the pipeline's value last; checks the count. */
  private evalArgs(dot: GoValue, params: readonly ParamKind[], variadic: ParamKind | undefined, args: readonly Arg[], final: GoValue, name: string): GoValue[] {
    const given = args.length + (final !== MISSING ? 1 : 0);
    if (variadic === undefined ? given !== params.length : given < params.length) {
      throw new GoExecError(`wrong number of args for ${name}: want ${variadic === undefined ? '' : 'at least '}${params.length} got ${given}`);
    }
    const kindAt = (i: number): ParamKind => params[i] ?? variadic ?? 'any';
    const values = args.map((a, i) => this.evalArg(dot, kindAt(i), a));
    if (final !== MISSING) values.push(validate(final, kindAt(args.length)));
    return values;
  }

  private evalArg(dot: GoValue, kind: ParamKind, arg: Arg): GoValue {
    switch (arg.t) {
      case 'field':
        return validate(this.evalFieldChain(dot, dot, arg.idents, [arg], MISSING), kind);
      case 'variable':
        return validate(this.evalCommand(dot, { args: [arg] }, MISSING), kind);
      case 'pipe':
        return validate(this.evalPipeline(dot, arg.pipe), kind);
      case 'ident':
        return validate(this.evalFunction(dot, arg.name, [arg], MISSING), kind);
      case 'chain':
        return validate(this.evalCommand(dot, { args: [arg] }, MISSING), kind);
      case 'dot':
        return validate(dot, kind);
      case 'nil':
        if (kind === 'any') return NIL;
        throw new GoExecError(`cannot assign nil to ${kind}`);
      case 'bool':
        if (kind === 'any') return bool(arg.value);
        throw new GoExecError(`expected ${kind}; found ${arg.value}`);
      case 'string':
        if (kind === 'int') throw new GoExecError(`expected integer; found ${JSON.stringify(arg.value)}`);
        return str(arg.value);
      case 'number': {
        const value = numberConstant(arg.text);
        if (kind === 'string') throw new GoExecError(`expected string; found ${arg.text}`);
        if (kind === 'int' && value.k !== 'int') throw new GoExecError(`expected integer; found ${arg.text}`);
        return value;
      }
    }
  }
}

/** A typed parameter accepts only its own Go type (reflect's assignability for these kinds). */
function validate(value: GoValue, kind: ParamKind): GoValue {
  if (kind === 'any') return value;
  if (value.k === 'invalid') throw new GoExecError(`invalid value; expected ${kind}`);
  const ok = kind === 'string' ? value.k === 'string' : value.k === 'int' && value.type === 'int';
  if (!ok) throw new GoExecError(`wrong type for value; expected ${kind}; got ${typeName(value)}`);
  return value;
}

/** idealConstant: a number literal is an int unless it is written as a float. */
function numberConstant(text: string): GoValue {
  const clean = text.replace(/_/g, '');
  const isHex = /^[+-]?0[xX]/.test(clean);
  if (!isHex && /[.eEpP]/.test(clean)) return { k: 'float', v: Number(clean) };
  const negative = clean.startsWith('-');
  const body = clean.replace(/^[+-]/, '');
  let value: bigint;
  if (/^0[oO]/.test(body)) value = BigInt(`0o${body.slice(2)}`);
  else if (/^0[0-7]+$/.test(body)) value = BigInt(`0o${body.slice(1)}`);
  else value = BigInt(body);
  return int(negative ? -value : value);
}

function describeArg(arg: Arg): string {
  switch (arg.t) {
    case 'string':
      return JSON.stringify(arg.value);
    case 'number':
      return arg.text;
    case 'bool':
      return String(arg.value);
    case 'dot':
      return '.';
    default:
      return arg.t;
  }
}
