// One `template` block compiled for the simulator and its matching step (plugin/template/template.go
// match): zone, class and type first (a mismatch always moves on to the next template), then the name
// patterns (RE2, unanchored, over the lower-cased name), then the `var` and `expr` lines. The result says
// whether the template answers, and if not whether its fallthrough lets the query go on.
import { RE2JS } from 're2js';
import { requestEnv } from '../../../resolve/engine/request-env.js';
import type { Request } from '../../../resolve/types.js';
import type { TemplateRule } from '../../template.js';
import { compileExpr, evaluate, EvalUnsupported, type CompiledExpr, type ExprEnv, type ExprValue } from '../expr-eval.js';
import { fallsThrough, matchZone } from './common.js';
import { parseGoTemplate, type ParsedTemplate } from './gotmpl-ast.js';
import { bool, NIL, str, type GoValue } from './gotmpl-value.js';
import { templateData } from './template-data.js';

export interface RecordTemplate {
  text: string;
  parsed?: ParsedTemplate;
  error?: string;
}

export interface CompiledRule {
  rule: TemplateRule;
  regexes: Array<{ source: string; re?: RE2JS; error?: string }>;
  answer: RecordTemplate[];
  additional: RecordTemplate[];
  authority: RecordTemplate[];
  vars: Array<{ name: string; expr: CompiledExpr }>;
  exprs: CompiledExpr[];
}

export type RuleMatch =
  | { kind: 'answer'; data: GoValue; regex: string }
  /** Not this template: `passOn` says whether the next template (or plugin) may have the query. */
  | { kind: 'skip'; passOn: boolean; why: string }
  /** A `var` or `expr` uses something the simulator does not evaluate. */
  | { kind: 'not-simulated'; why: string };

const DEFAULT_ENV = ['incidr', 'metadata', 'type', 'name', 'class', 'proto', 'size', 'client_ip', 'port', 'id', 'opcode', 'do', 'bufsize', 'server_ip', 'server_port', 'group'];

function compileTemplates(texts: readonly string[]): RecordTemplate[] {
  return texts.map((text) => {
    const parsed = parseGoTemplate(text);
    return 'template' in parsed ? { text, parsed: parsed.template } : { text, error: parsed.error };
  });
}

export function compileRule(rule: TemplateRule): CompiledRule {
  const envNames = new Set([...DEFAULT_ENV, ...rule.vars.map((v) => v.name)]);
  return {
    rule,
    regexes: rule.regex.map((source) => {
      try {
        return { source, re: RE2JS.compile(source) };
      } catch (error) {
        return { source, error: error instanceof Error ? error.message : String(error) };
      }
    }),
    answer: compileTemplates(rule.answer),
    additional: compileTemplates(rule.additional),
    authority: compileTemplates(rule.authority),
    vars: rule.vars.map((v) => ({ name: v.name, expr: compileExpr(v.expression, envNames) })),
    exprs: rule.exprs.map((source) => compileExpr(source, envNames)),
  };
}

/** Matches a compiled template against a request; `qname` is the lower-cased name. */
export function matchRule(compiled: CompiledRule, req: Request, qname: string): RuleMatch {
  const { rule } = compiled;
  const q = req.msg.question[0];
  const qclass = q?.class ?? 'IN';
  const qtype = q?.type ?? 'A';
  const zone = matchZone(rule.zones, qname);
  if (zone === undefined) return { kind: 'skip', passOn: true, why: `the name is not in its zones (${rule.zones.join(', ')})` };
  if (rule.qclass !== 'ANY' && qclass !== 'ANY' && qclass !== rule.qclass) return { kind: 'skip', passOn: true, why: `it is for class ${rule.qclass}, the query is ${qclass}` };
  if (rule.qtype !== 'ANY' && qtype !== 'ANY' && qtype !== rule.qtype) return { kind: 'skip', passOn: true, why: `it is for type ${rule.qtype}, the query is ${qtype}` };
  const fall = fallsThrough(rule.fallthrough, qname);
  const noFall = fall ? '' : rule.fallthrough.length > 0 ? ' and its fallthrough zones do not cover it' : ' and it has no fallthrough';
  for (const regex of compiled.regexes) {
    if (!regex.re) continue;
    const m = regex.re.matcher(qname);
    if (!m.find()) continue;
    const match: string[] = [];
    const group = new Map<string, string>();
    for (let i = 0; i <= m.groupCount(); i++) {
      const value = m.group(i) ?? '';
      match.push(value);
      group.set(String(i), value);
    }
    for (const [name, index] of Object.entries(regex.re.namedGroups() as Record<string, number>)) group.set(name, match[index] ?? '');
    const input = {
      zone,
      name: qname,
      regex: regex.source,
      match,
      group,
      class: qclass !== 'ANY' ? qclass : rule.qclass,
      type: qtype !== 'ANY' ? qtype : rule.qtype,
      message: req.msg,
      remote: req.client.ip,
      metadata: req.metadata,
    };
    if (compiled.vars.length === 0 && compiled.exprs.length === 0) return { kind: 'answer', data: templateData(input), regex: regex.source };
    return runExpressions(compiled, req, input, fall, noFall, regex.source);
  }
  const patterns = compiled.regexes.map((r) => r.source).join(', ');
  return { kind: 'skip', passOn: fall, why: `the name matches none of its patterns (${patterns})${noFall}` };
}

/** The `var` lines (each may use the earlier ones) and the `expr` conditions, as CoreDNS runs them. */
function runExpressions(compiled: CompiledRule, req: Request, input: Parameters<typeof templateData>[0], fall: boolean, noFall: string, regex: string): RuleMatch {
  const functions = new Map<string, (...args: ExprValue[]) => ExprValue>();
  for (const [name, fn] of requestEnv(req)) functions.set(name, (...args) => fn(...args));
  functions.set('group', (name) => (typeof name === 'number' ? input.group.get(String(name)) : typeof name === 'string' ? input.group.get(name) : undefined) ?? '');
  const env: ExprEnv = functions;
  const vars = new Map<string, GoValue>();
  const run = (expr: CompiledExpr, what: string): { value: ExprValue } | RuleMatch => {
    try {
      return { value: evaluate(expr, env) };
    } catch (error) {
      if (error instanceof EvalUnsupported) return { kind: 'not-simulated', why: `${what} "${expr.source}" uses ${error.message}, which the simulator does not evaluate` };
      const reason = error instanceof Error ? error.message : String(error);
      return { kind: 'skip', passOn: false, why: `${what} "${expr.source}" fails at run time (${reason}), which ends the query even with fallthrough` };
    }
  };
  for (const v of compiled.vars) {
    const result = run(v.expr, `var ${v.name}`);
    if ('kind' in result) return result;
    vars.set(v.name, toGo(result.value));
  }
  for (const expr of compiled.exprs) {
    const result = run(expr, 'expr');
    if ('kind' in result) return result;
    if (result.value !== true) return { kind: 'skip', passOn: fall, why: `expr "${expr.source}" is ${JSON.stringify(result.value)}${noFall}` };
  }
  return { kind: 'answer', data: templateData({ ...input, vars }), regex };
}

/** An expr result as the Go value a template sees in .Var. */
function toGo(value: ExprValue): GoValue {
  if (value === null) return NIL;
  if (typeof value === 'string') return str(value);
  if (typeof value === 'boolean') return bool(value);
  if (typeof value === 'number') return Number.isInteger(value) ? { k: 'int', v: BigInt(value), type: 'int' } : { k: 'float', v: value };
  if (Array.isArray(value)) return { k: 'slice', items: value.map(toGo), type: '[]interface {}', elemZero: NIL };
  return { k: 'map', entries: new Map(Object.entries(value).map(([k, v]) => [k, toGo(v)])), type: 'map[string]interface {}', elemZero: NIL };
}
