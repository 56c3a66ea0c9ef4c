// The template plugin: answers queries whose class, type, zone and name pattern match, building the
// records from Go templates. Reading follows plugin/template/setup.go's templateParse (including the
// `var` and `expr` options, see the note in templateDocs); the checks of the Go templates and of the
// expr-lang expressions live in util/go-template.ts and util/expr.ts.
import type { ArgToken } from '../corefile/dispenser.js';
import { isSubdomain } from '../corefile/zone.js';
import { parseGoUint } from './args.js';
import { executionIndex } from './order.js';
import { templateDocs } from './template-docs.js';
import type { PluginModule, SetupContext } from './types.js';
import { templateHandler } from './handlers/template.js';
import { checkGoTemplate } from './util/go-template.js';
import { checkExpr, doubleQuoteHint, isExprBuiltin, isExprIdentifier, templateExprEnv, type ExprType } from './util/expr.js';
import { compileGoRegex } from './util/query-a-regex.js';
import { CLASSES, isRrType, RCODES } from './util/query-a-net.js';
import { fallthroughZones, reportArgError, zonesFromArgs } from './util/query-b-common.js';
import { spanRange } from '../corefile/token.js';

export interface TemplateVariable {
  name: string;
  expression: string;
}

export interface TemplateRule {
  /** The query class matched (exact mnemonic; ANY matches every class). */
  qclass: string;
  /** The query type matched (exact mnemonic; ANY matches every type). */
  qtype: string;
  zones: string[];
  /** Name patterns (Go regexp); `.*` when none are written. */
  regex: string[];
  answer: string[];
  additional: string[];
  authority: string[];
  rcode: string;
  ederror?: { code: number; reason?: string };
  /** Zones whose unmatched names are passed on; empty without fallthrough. */
  fallthrough: string[];
  vars: TemplateVariable[];
  exprs: string[];
}

export interface TemplateConfig {
  templates: TemplateRule[];
}

/** CoreDNS's hard limit on a pattern's length (maxRegexpLen). */
const MAX_REGEX_LENGTH = 10000;
const VAR_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const OPTIONS = ['match', 'answer', 'additional', 'authority', 'var', 'expr', 'rcode', 'ederror', 'fallthrough', 'upstream'];

function setup(ctx: SetupContext): TemplateConfig {
  const { d } = ctx;
  const config: TemplateConfig = { templates: [] };
  while (d.next()) {
    const directive = d.token()!;
    const rule = readRule(ctx, directive);
    if (!rule) continue;
    config.templates.push(rule);
    reportShadowing(ctx, rule, directive);
  }
  return config;
}

/** One `template CLASS TYPE [ZONES...] { ... }` occurrence; undefined when its head is unusable. */
function readRule(ctx: SetupContext, directive: ArgToken): TemplateRule | undefined {
  const { d } = ctx;
  if (!d.nextArg() || d.val() === '{') {
    if (d.val() === '{') d.position = d.position - 1;
    reportArgError(ctx, 'template', 'Write the query class and type, e.g. \'template IN A example.org\'.', directive);
    skipBlock(ctx);
    return undefined;
  }
  const classToken = d.token()!;
  if (!ctx.isUnknown(classToken) && !CLASSES.includes(classToken.value)) {
    ctx.report('error', 'template/invalid-class', `Invalid query class '${classToken.value}': CoreDNS refuses to start. Write one of ${CLASSES.join(', ')} (upper case).`, classToken);
  }
  if (!d.nextArg() || d.val() === '{') {
    if (d.val() === '{') d.position = d.position - 1;
    reportArgError(ctx, 'template', 'Write the query type after the class, e.g. \'template IN A\' (ANY matches every type).', classToken);
    skipBlock(ctx);
    return undefined;
  }
  const typeToken = d.token()!;
  if (!ctx.isUnknown(typeToken) && !isRrType(typeToken.value)) {
    ctx.report('error', 'template/invalid-type', `Invalid query type '${typeToken.value}': CoreDNS refuses to start. Write a record type mnemonic in upper case, such as A, AAAA, TXT, PTR or ANY.`, typeToken);
  }
  const rule: TemplateRule = {
    qclass: classToken.value, qtype: typeToken.value, zones: zonesFromArgs(ctx, 'template', d.remainingArgTokens()),
    regex: [], answer: [], additional: [], authority: [], rcode: 'NOERROR', fallthrough: [], vars: [], exprs: [],
  };
  const env = templateExprEnv();
  while (d.nextBlock()) {
    const option = d.token()!;
    switch (option.value) {
      case 'match':
        for (const arg of needArgs(ctx, option, "Write one or more Go regular expressions, e.g. 'match ^ip-(.*)\\.example\\.org\\.$'.")) {
          rule.regex.push(arg.value);
          checkRegex(ctx, arg);
        }
        break;
      case 'answer':
      case 'additional':
      case 'authority':
        for (const arg of needArgs(ctx, option, `Write one or more quoted record templates, e.g. '${option.value} "{{ .Name }} 60 IN A 10.0.0.1"'.`)) {
          rule[option.value].push(arg.value);
          checkTemplate(ctx, option.value, arg);
        }
        break;
      case 'var':
        readVariable(ctx, option, rule, env);
        break;
      case 'expr': {
        const args = needArgs(ctx, option, "Write a boolean expression, e.g. \"expr type() == 'A'\" (string literals in single quotes).");
        if (args.length === 0) break;
        const source = args.map((a) => a.value).join(' ');
        rule.exprs.push(source);
        compile(ctx, source, env, args);
        break;
      }
      case 'rcode':
        readRcode(ctx, option, rule);
        break;
      case 'ederror':
        readEderror(ctx, option, rule);
        break;
      case 'fallthrough':
        rule.fallthrough = fallthroughZones(d.remainingArgTokens());
        break;
      case 'upstream':
        // Deprecated and ignored by CoreDNS (CNAME targets are always resolved); its arguments are skipped.
        d.remainingArgTokens();
        break;
      default:
        ctx.report('error', 'template/unknown-option', `Unknown option '${option.value}' of template (CoreDNS reports a wrong argument count and refuses to start). Known options: ${OPTIONS.join(', ')}.`, option);
        d.remainingArgTokens();
    }
  }
  if (rule.regex.length === 0) rule.regex.push('.*');
  return rule;
}

/** Skips the `{ ... }` block of a template whose head could not be read. */
function skipBlock(ctx: SetupContext): void {
  ctx.d.remainingArgTokens();
  while (ctx.d.nextBlock()) ctx.d.remainingArgTokens();
}

function needArgs(ctx: SetupContext, option: ArgToken, advice: string): readonly ArgToken[] {
  const args = ctx.d.remainingArgTokens();
  if (args.length === 0) reportArgError(ctx, 'template', advice, option);
  return args;
}

function checkRegex(ctx: SetupContext, arg: ArgToken): void {
  if (ctx.isUnknown(arg)) return;
  if (arg.value.length > MAX_REGEX_LENGTH) {
    ctx.report('error', 'template/invalid-regex', `The pattern is ${arg.value.length} characters long; CoreDNS refuses patterns longer than ${MAX_REGEX_LENGTH}. Shorten it.`, arg);
    return;
  }
  const compiled = compileGoRegex(arg.value);
  if (!compiled.ok) ctx.report('error', 'template/invalid-regex', `The pattern '${arg.value}' is not a valid Go regular expression (${compiled.error}): CoreDNS refuses to start. Fix the pattern (RE2 syntax: no look-arounds or back-references).`, arg);
}

function checkTemplate(ctx: SetupContext, section: string, arg: ArgToken): void {
  if (ctx.isUnknown(arg)) return;
  const error = checkGoTemplate(arg.value);
  if (error) {
    ctx.report('error', 'template/invalid-template', `The ${section} template does not parse (${error.message}, at character ${error.offset + 1} of the template): CoreDNS refuses to start. Write a Go text/template such as "{{ .Name }} 60 IN A 10.0.0.1"; every '{{' needs a matching '}}'.`, arg);
  }
}

/** `var NAME EXPR...`: a new name for later expressions and for {{ .Var.NAME }} in the templates. */
function readVariable(ctx: SetupContext, option: ArgToken, rule: TemplateRule, env: Map<string, ExprType>): void {
  const args = ctx.d.remainingArgTokens();
  if (args.length < 2) {
    reportArgError(ctx, 'template', "Write a name and an expression, e.g. 'var short trimSuffix(name(), \".example.org.\")'.", args[0] ?? option);
    return;
  }
  const [nameToken, ...rest] = args as [ArgToken, ...ArgToken[]];
  const name = nameToken.value;
  const source = rest.map((a) => a.value).join(' ');
  rule.vars.push({ name, expression: source });
  if (ctx.isUnknown(nameToken)) return;
  if (!VAR_NAME.test(name)) {
    ctx.report('error', 'template/invalid-variable-name', `Invalid variable name '${name}': CoreDNS refuses to start. Use letters, digits and '_', not starting with a digit.`, nameToken);
    return;
  }
  if (env.has(name) || isExprBuiltin(name) || !isExprIdentifier(name)) {
    ctx.report('error', 'template/reserved-variable-name', `The variable name '${name}' is reserved (a built-in function, an expression keyword, or a name already defined in this template): CoreDNS refuses to start. Choose another name.`, nameToken);
    return;
  }
  const type = compile(ctx, source, env, rest);
  env.set(name, type);
}

/** Compiles an expression against the env; returns its result type (unknown after an error). */
function compile(ctx: SetupContext, source: string, env: ReadonlyMap<string, ExprType>, tokens: readonly ArgToken[]): ExprType {
  if (tokens.some((t) => ctx.isUnknown(t))) return { kind: 'unknown' };
  const result = checkExpr(source, env);
  if (result.error) {
    const names = [...env.keys()].join(', ');
    ctx.report('error', 'template/invalid-expression', `The expression '${source}' does not compile (${result.error.message}, at character ${result.error.offset + 1}): CoreDNS refuses to start. Expressions may use ${names} and expr's built-in functions; call the request functions with parentheses, e.g. name().${doubleQuoteHint(tokens)}`, spanRange(tokens[0]!, tokens[tokens.length - 1]!));
    return { kind: 'unknown' };
  }
  return result.type;
}

function readRcode(ctx: SetupContext, option: ArgToken, rule: TemplateRule): void {
  const { d } = ctx;
  // CoreDNS reads one argument; anything after it on the line is read as the next option.
  if (!d.nextArg() || d.val() === '{') {
    reportArgError(ctx, 'template', "Write a response code, e.g. 'rcode NXDOMAIN'.", option);
    return;
  }
  const value = d.token()!;
  rule.rcode = value.value;
  if (ctx.isUnknown(value)) return;
  if (!Object.hasOwn(RCODES, value.value)) {
    ctx.report('error', 'template/invalid-rcode', `Unknown rcode '${value.value}': CoreDNS refuses to start. Write an upper-case name such as NOERROR, NXDOMAIN, SERVFAIL or REFUSED.`, value);
  }
}

function readEderror(ctx: SetupContext, option: ArgToken, rule: TemplateRule): void {
  const args = ctx.d.remainingArgTokens();
  if (args.length !== 1 && args.length !== 2) {
    reportArgError(ctx, 'template', "Write an Extended DNS Error code and an optional reason, e.g. 'ederror 15 \"blocked\"'.", args[2] ?? option);
    return;
  }
  const codeToken = args[0]!;
  if (ctx.isUnknown(codeToken)) return;
  const code = parseGoUint(codeToken.value, 16);
  if (code === undefined) {
    ctx.report('error', 'template/invalid-ederror', `The Extended DNS Error code '${codeToken.value}' is not a number from 0 to 65535: CoreDNS refuses to start. Write a decimal code, e.g. 15 (Blocked).`, codeToken);
    return;
  }
  rule.ederror = args[1] ? { code, reason: args[1].value } : { code };
}

/** Plugins after template in plugin.cfg whose handlers answer or pass on ordinary queries. */
const LATER_HANDLERS = new Set([
  'transfer', 'hosts', 'route53', 'azure', 'clouddns', 'k8s_external', 'kubernetes', 'file', 'auto', 'secondary', 'etcd',
  'forward', 'grpc', 'erratic', 'whoami', 'nomad',
]);
const CATCH_ALL = new Set(['.*', '^.*', '.*$', '^.*$', '(.*)', '^(.*)$', '.+', '^.+', '.+$', '^.+$', '(.+)', '^(.+)$']);

/**
 * A template of every type (class IN or ANY) over all the block's zones stops every such query: names
 * its patterns match are answered, and without fallthrough the others get SERVFAIL. Plugins that run
 * after it therefore never see them. Only that whole-block case is reported; narrower templates are the
 * usual deliberate filters (e.g. answering AAAA with NOERROR).
 */
function reportShadowing(ctx: SetupContext, rule: TemplateRule, at: ArgToken): void {
  if (rule.qtype !== 'ANY' || (rule.qclass !== 'IN' && rule.qclass !== 'ANY')) return;
  const blockZones = ctx.block.zones;
  if (blockZones.length === 0 || !blockZones.every((b) => rule.zones.some((z) => isSubdomain(b, z)))) return;
  const catchesAll = rule.regex.some((r) => CATCH_ALL.has(r)) && rule.exprs.length === 0;
  if (rule.fallthrough.length > 0 && !catchesAll) return;
  const self = executionIndex('template')!;
  const later = [...ctx.block.directives]
    .filter((name) => LATER_HANDLERS.has(name) && (executionIndex(name) ?? -1) > self)
    .sort((a, b) => (executionIndex(a) ?? 0) - (executionIndex(b) ?? 0));
  if (later.length === 0) return;
  const why = rule.fallthrough.length > 0
    ? 'its match pattern accepts every name, so its fallthrough never applies'
    : "it has no fallthrough (names its patterns do not match get SERVFAIL)";
  ctx.report(
    'warning',
    'template/shadows-later-plugins',
    `This template matches every query type in all of this block's zones and ${why}, so ${later.join(', ')} never ${later.length === 1 ? 'sees' : 'see'} those queries: CoreDNS always runs template before ${later.length === 1 ? 'it' : 'them'} (the order comes from plugin.cfg; the order of lines in the Corefile does not matter). Narrow the template to the types or names it should answer, or add 'fallthrough' with a match pattern that does not accept every name.`,
    at,
  );
}

export const template: PluginModule<TemplateConfig> = {
  name: 'template',
  setupOnly: false,
  repeat: 'repeatable',
  docs: templateDocs,
  setup,
  handler: templateHandler,
};
