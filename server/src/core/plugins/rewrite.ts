// The `rewrite` directive: changes the question (name, type, class, EDNS0 options) before the rest of
// the chain sees it, and optionally the answer on the way back (names, TTLs, rcodes, CNAME targets).
// Each `rewrite` line is one rule, read the way CoreDNS 1.14's rewrite setup reads it.
import type { ArgToken } from '../corefile/dispenser.js';
import { normalizeName } from '../corefile/zone.js';
import type { PluginModule, SetupContext } from './types.js';
import { compileGoRegex, groupReferenceCount } from './util/query-a-regex.js';
import { rewriteDocs } from './util/query-a-rewrite-docs.js';
import { readOtherRule, type OtherRewriteRule, type RuleContext } from './util/query-a-rewrite-rules.js';
import { skipBlock } from './util/query-a-read.js';
import { rewriteHandler } from './handlers/rewrite.js';
import { tokenRange } from '../corefile/token.js';
import type { Range } from '../types.js';

export type RewriteMode = 'stop' | 'continue';
export type NameMatch = 'exact' | 'prefix' | 'suffix' | 'substring' | 'regex';

export interface AnswerRewrite {
  /** `name` rewrites owner names, `value` rewrites record data (names inside records). */
  target: 'name' | 'value';
  /** A regular expression. */
  from: string;
  to: string;
}

export interface NameRewriteRule {
  kind: 'name';
  mode: RewriteMode;
  match: NameMatch;
  from: string;
  to: string;
  /** True when the answer is mapped back to the asked name automatically (always for exact rules). */
  answerAuto: boolean;
  answers: AnswerRewrite[];
  range: Range;
}

export type RewriteRule = NameRewriteRule | OtherRewriteRule;

export interface RewriteConfig {
  rules: RewriteRule[];
}

const MATCHES: readonly NameMatch[] = ['exact', 'prefix', 'suffix', 'substring', 'regex'];

function setup(ctx: SetupContext): RewriteConfig {
  const { d } = ctx;
  const rules: RewriteRule[] = [];
  while (d.next()) {
    const directive = d.token()!;
    let args = d.remainingArgTokens();
    if (args.length < 2) {
      // With fewer than two words on the line, CoreDNS appends every token of the block, ignoring lines.
      while (d.nextBlock()) args = [...args, d.token()!];
    } else if (d.nextArg()) {
      ctx.report('error', 'rewrite/unexpected-block', `A rewrite rule written on its line cannot also have a block; CoreDNS refuses this. Put the rule either on the 'rewrite' line or inside '{ }', not both.`, d.token());
      d.position = d.position - 1;
      skipBlock(ctx);
      continue;
    }
    if (args.some((a) => ctx.isUnknown(a))) continue;
    const rule = readRule({ ctx, directive }, args);
    if (rule) rules.push(rule);
  }
  return { rules };
}

function readRule(rc: RuleContext, args: readonly ArgToken[]): RewriteRule | undefined {
  const { ctx, directive } = rc;
  if (args.length === 0) {
    ctx.report('error', 'rewrite/missing-rule', "rewrite needs a rule; CoreDNS refuses it empty. Write e.g. 'rewrite name old.example.org new.example.org'.", directive);
    return undefined;
  }
  let mode: RewriteMode = 'stop';
  let rest = args;
  const first = args[0]!.value.toLowerCase();
  if (first === 'stop' || first === 'continue') {
    mode = first;
    rest = args.slice(1);
    if (rest.length === 0) {
      ctx.report('error', 'rewrite/missing-rule', `'${first}' must be followed by a rule type; CoreDNS refuses it alone. Write e.g. 'rewrite ${first} name old.example.org new.example.org'.`, args[0]);
      return undefined;
    }
  }
  const typeToken = rest[0]!;
  const ruleArgs = rest.slice(1);
  const type = typeToken.value.toLowerCase();
  if (type === 'answer') {
    ctx.report('error', 'rewrite/answer-without-name', "An answer rewrite must follow a name rule on the same line; CoreDNS refuses it on its own. Write e.g. 'rewrite name regex (.*)\\.old\\.example {1}.new.example answer auto'.", typeToken);
    return undefined;
  }
  if (type === 'name') return readNameRule(rc, mode, typeToken, ruleArgs);
  return readOtherRule(rc, mode, typeToken, ruleArgs);
}

function readNameRule(rc: RuleContext, mode: RewriteMode, typeToken: ArgToken, args: ArgToken[]): NameRewriteRule | undefined {
  const { ctx } = rc;
  if (args.length < 2) {
    ctx.report('error', 'rewrite/wrong-arguments', "A name rule needs FROM and TO; CoreDNS refuses fewer. Write 'name FROM TO' or 'name exact|prefix|suffix|substring|regex FROM TO'.", args[0] ?? typeToken);
    return undefined;
  }
  let match: NameMatch = 'exact';
  let fromToken = args[0]!;
  let toToken = args[1]!;
  if (args.length >= 3) {
    const m = args[0]!.value.toLowerCase();
    if (!(MATCHES as readonly string[]).includes(m)) {
      ctx.report('error', 'rewrite/bad-match-type', `Unknown name match type '${args[0]!.value}'; CoreDNS refuses it. Use exact, prefix, suffix, substring or regex.`, args[0]);
      return undefined;
    }
    match = m as NameMatch;
    fromToken = args[1]!;
    toToken = args[2]!;
  }
  let from = match === 'regex' ? fromToken.value : normalizeName(fromToken.value);
  let to = normalizeName(toToken.value);
  if (match === 'exact' || match === 'suffix') {
    if (!from.endsWith('.')) from += '.';
    if (!to.endsWith('.')) to += '.';
  }
  const rule: NameRewriteRule = { kind: 'name', mode, match, from, to, answerAuto: match === 'exact', answers: [], range: tokenRange(typeToken) };
  if (args.length > 3 && !readAnswers(rc, rule, args.slice(3))) return undefined;
  if (match === 'regex' && !checkRegex(rc, fromToken, toToken.value, 'name')) return undefined;
  // CoreDNS compiles an exact rule's TO as a pattern and counts the FROM's {N} against it; odd, but it
  // means an exact TO with an unbalanced '(' is refused.
  if (match === 'exact' && !checkRegex(rc, { ...toToken, value: to }, from, 'name')) return undefined;
  if (match !== 'exact' && !rule.answerAuto && !rule.answers.some((a) => a.target === 'name')) {
    ctx.report(
      'warning',
      'rewrite/no-answer-rewrite',
      `This ${match} rule changes the question but not the answer: the client asks for one name and gets records for another, and most resolvers and applications drop such an answer. Add 'answer auto' at the end of the rule (or 'answer name FROM TO' to map the names back).`,
      typeToken,
    );
  }
  return rule;
}

/** Reads `answer auto | answer name FROM TO | answer value FROM TO`, repeated; false after an error. */
function readAnswers(rc: RuleContext, rule: NameRewriteRule, args: ArgToken[]): boolean {
  const { ctx } = rc;
  if (args.length < 2) {
    ctx.report('error', 'rewrite/extra-arguments', `'${args[0]!.value}' after the name rule is not an answer rule; CoreDNS refuses it. Remove it, or write 'answer auto' / 'answer name FROM TO' / 'answer value FROM TO'.`, args[0]);
    return false;
  }
  let i = 0;
  let started = false;
  let sawAuto = false;
  let explicitNames = 0;
  while (i < args.length) {
    if (!started && args[i]!.value !== 'answer') {
      ctx.report('error', 'rewrite/extra-arguments', `'${args[i]!.value}' after the name rule is not an answer rule; CoreDNS refuses it. Remove it, or start the answer part with 'answer'.`, args[i]);
      return false;
    }
    started = true;
    if (args[i]!.value === 'answer') i++;
    const kindToken = args[i];
    if (!kindToken) {
      ctx.report('error', 'rewrite/bad-answer', "'answer' must be followed by auto, name or value; CoreDNS refuses it dangling. Write e.g. 'answer auto'.", args[i - 1]);
      return false;
    }
    i++;
    if (kindToken.value === 'auto') {
      rule.answerAuto = true;
      sawAuto = true;
      continue;
    }
    if (kindToken.value !== 'name' && kindToken.value !== 'value') {
      ctx.report('error', 'rewrite/bad-answer', `Unknown answer rewrite '${kindToken.value}'; CoreDNS refuses it. Use 'answer auto', 'answer name FROM TO' or 'answer value FROM TO'.`, kindToken);
      return false;
    }
    const fromToken = args[i];
    const toToken = args[i + 1];
    if (!fromToken || !toToken) {
      ctx.report('error', 'rewrite/bad-answer', `'answer ${kindToken.value}' needs a FROM pattern and a TO replacement; CoreDNS refuses fewer. Write e.g. 'answer ${kindToken.value} (.*)\\.new\\.example {1}.old.example'.`, fromToken ?? kindToken);
      return false;
    }
    if (!checkRegex(rc, fromToken, toToken.value, `answer ${kindToken.value}`)) return false;
    rule.answers.push({ target: kindToken.value, from: fromToken.value, to: normalizeName(toToken.value) });
    if (kindToken.value === 'name') explicitNames++;
    i += 2;
  }
  if (sawAuto && explicitNames > 0) {
    ctx.report('error', 'rewrite/auto-with-answer-name', "'answer auto' cannot be combined with 'answer name' in one rule; CoreDNS refuses it. Keep one of them.", args[0]);
    return false;
  }
  return true;
}

/** Compiles a FROM pattern with RE2 rules and checks the replacement's `{N}` count against its groups. */
function checkRegex(rc: RuleContext, fromToken: ArgToken, replacement: string, what: string): boolean {
  const { ctx } = rc;
  if (fromToken.value.length > 10000) {
    ctx.report('error', 'rewrite/bad-regex', `The ${what} pattern is longer than 10000 characters; CoreDNS refuses it. Shorten it.`, fromToken);
    return false;
  }
  const compiled = compileGoRegex(fromToken.value);
  if (!compiled.ok) {
    ctx.report('error', 'rewrite/bad-regex', `'${fromToken.value}' is not a valid regular expression (${compiled.error}); CoreDNS refuses it. CoreDNS uses Go's RE2 syntax: no look-ahead or back-references.`, fromToken);
    return false;
  }
  const used = groupReferenceCount(replacement);
  if (used > compiled.groups) {
    ctx.report('error', 'rewrite/too-many-group-references', `The replacement '${replacement}' refers to ${used} different groups ({N}) but '${fromToken.value}' has only ${compiled.groups} capture group${compiled.groups === 1 ? '' : 's'}; CoreDNS refuses it. Add groups '( )' to the pattern or use fewer {N}.`, fromToken);
    return false;
  }
  return true;
}

export const rewrite: PluginModule<RewriteConfig> = {
  name: 'rewrite',
  setupOnly: false,
  repeat: 'repeatable',
  docs: rewriteDocs,
  setup,
  handler: rewriteHandler,
};
