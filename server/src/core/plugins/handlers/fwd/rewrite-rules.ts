// The request side of each rewrite rule type, compiled once from the typed configuration: whether the rule
// matches the query as it stands (after earlier `continue` rules), what it changes, and which reply rules it
// leaves for the way back. Names are matched the way CoreDNS matches them: the query name lower-cased and
// absolute; prefix, suffix and substring are plain string tests, regex finds a match anywhere unless the
// pattern is anchored (name.go, type.go, class.go, ttl.go, rcode.go, cname_target.go in CoreDNS 1.14).
import type { RE2JS } from 're2js';
import type { NameMatch, NameRewriteRule, RewriteRule } from '../../rewrite.js';
import type { Range } from '../../../types.js';
import type { Request } from '../../../resolve/types.js';
import { normalizeClass, normalizeType, typeCode } from '../../../resolve/message.js';
import { classCode } from '../../../resolve/engine/rr-types.js';
import { compileGoRegex } from '../../util/query-a-regex.js';
import { applyEdns0 } from './rewrite-edns0.js';
import { findSubmatch, regexRewriter, remapRewriter, substituteGroups, suffixRewriter, type CnameTargetRule, type ResponseRule } from './rewrite-response.js';

export interface RuleOutcome {
  /** True when the rule applied (CoreDNS's RewriteDone): it counts for stop/continue. */
  done: boolean;
  responseRules: ResponseRule[];
  /** What happened, in a sentence that follows the rule's own text. */
  detail: string;
  /** For name rules: the name the question had before and after. */
  renamed?: { from: string; to: string };
}

export interface CompiledRule {
  mode: 'stop' | 'continue';
  range: Range;
  /** The rule as a person would write it, for the trace. */
  text: string;
  apply(req: Request): RuleOutcome;
}

/** The query name as CoreDNS's request.Name() gives it: lower case, absolute. */
function stateName(req: Request): string {
  const name = req.msg.question[0]?.name ?? '.';
  const abs = name.endsWith('.') ? name : `${name}.`;
  return abs.toLowerCase();
}

function compile(pattern: string): RE2JS | undefined {
  const c = compileGoRegex(pattern);
  return c.ok ? c.regex : undefined;
}

const IGNORED: RuleOutcome = { done: false, responseRules: [], detail: '' };

export function compileRule(rule: RewriteRule): CompiledRule | undefined {
  switch (rule.kind) {
    case 'name':
      return compileNameRule(rule);
    case 'type':
    case 'class': {
      const kind = rule.kind;
      const code = kind === 'type' ? typeCode : classCode;
      const from = code(rule.from) ?? 0;
      const to = code(rule.to) ?? 0;
      return {
        mode: rule.mode, range: rule.range, text: `${kind} ${rule.from} ${rule.to}`,
        apply(req) {
          const q = req.msg.question[0];
          // A type or class CoreDNS numbers 0 (None) never matches: the rule is inert.
          if (!q || from === 0 || to === 0 || code(q[kind]) !== from) return IGNORED;
          q[kind] = (kind === 'type' ? normalizeType(rule.to) : normalizeClass(rule.to)) ?? rule.to;
          return { done: true, responseRules: [], detail: `the question's ${kind} ${rule.from} becomes ${q[kind]}` };
        },
      };
    }
    case 'ttl':
    case 'rcode': {
      const test = nameTest(rule.match, rule.name);
      if (!test) return undefined;
      const value = rule.kind === 'ttl' ? ttlText(rule.min, rule.max) : `${rcodeText(rule.from)} ${rcodeText(rule.to)}`;
      const responseRule: ResponseRule = rule.kind === 'ttl' ? { kind: 'ttl', min: rule.min, max: rule.max } : { kind: 'rcode', from: rule.from, to: rule.to };
      const effect = rule.kind === 'ttl'
        ? (rule.min === rule.max ? `every record of the reply gets TTL ${rule.min}` : `record TTLs in the reply are held between ${rule.min} and ${rule.max}`)
        : `a reply with rcode ${rcodeText(rule.from)} is changed to ${rcodeText(rule.to)}`;
      return {
        mode: rule.mode, range: rule.range, text: `${rule.kind} ${rule.match} ${rule.name} ${value}`,
        apply(req) {
          const name = stateName(req);
          if (!test(name)) return IGNORED;
          return { done: true, responseRules: [responseRule], detail: `${name} matches, so ${effect}` };
        },
      };
    }
    case 'cname': {
      const target = cnameTarget(rule.match, rule.from, rule.to);
      if (!target) return undefined;
      return {
        mode: rule.mode, range: rule.range, text: `cname ${rule.match} ${rule.from} ${rule.to}`,
        apply(req) {
          // The rule applies to every query (it looks only at the reply), so a `stop` cname rule ends the rule list.
          const qtype = req.msg.question[0]?.type ?? 'A';
          return { done: true, responseRules: [{ kind: 'cname', rule: target, qtype }], detail: `every reply is checked for a CNAME whose target matches; such a target is replaced and resolved again` };
        },
      };
    }
    case 'edns0': {
      const args = rule.option === 'subnet' ? ` ${rule.v4Prefix ?? ''} ${rule.v6Prefix ?? ''}` : rule.option === 'local' ? ` ${rule.code ?? ''}${rule.data !== undefined ? ` ${rule.data}` : ''}` : '';
      return {
        mode: rule.mode, range: rule.range, text: `edns0 ${rule.option} ${rule.action}${args}${rule.revert ? ' revert' : ''}`,
        apply: (req) => applyEdns0(rule, req),
      };
    }
  }
}

/** A name test for ttl and rcode rules; regex finds a match anywhere in the name. */
function nameTest(match: NameMatch, name: string): ((n: string) => boolean) | undefined {
  switch (match) {
    case 'exact':
      return (n) => n === name;
    case 'prefix':
      return (n) => n.startsWith(name);
    case 'suffix':
      return (n) => n.endsWith(name);
    case 'substring':
      return (n) => n.includes(name);
    case 'regex': {
      const re = compile(name);
      return re ? (n) => findSubmatch(re, n) !== undefined : undefined;
    }
  }
}

function compileNameRule(rule: NameRewriteRule): CompiledRule | undefined {
  const re = rule.match === 'regex' ? compile(rule.from) : undefined;
  if (rule.match === 'regex' && !re) return undefined;
  const staticRules: ResponseRule[] = [];
  for (const a of rule.answers) {
    const answerRe = compile(a.from);
    if (!answerRe) return undefined;
    staticRules.push({ kind: a.target, rewriter: regexRewriter(answerRe, a.to) });
  }
  // A suffix rule maps its suffix back with a fixed rewriter; the other kinds (exact always, the rest
  // with `answer auto`) map the exact new name back to the name before the rule, decided per query.
  const suffixAuto: ResponseRule[] = rule.match === 'suffix' && rule.answerAuto
    ? [{ kind: 'name', rewriter: suffixRewriter(rule.to, rule.from) }, { kind: 'value', rewriter: suffixRewriter(rule.to, rule.from) }]
    : [];
  const remaps = rule.match !== 'suffix' && (rule.match === 'exact' || rule.answerAuto);
  const answerText = rule.answerAuto && rule.match !== 'exact' ? ' answer auto' : '';
  const explicit = rule.answers.map((a) => ` answer ${a.target} ${a.from} ${a.to}`).join('');
  return {
    mode: rule.mode, range: rule.range, text: `name ${rule.match} ${rule.from} ${rule.to}${answerText}${explicit}`,
    apply(req) {
      const q = req.msg.question[0];
      if (!q) return IGNORED;
      const name = stateName(req);
      const renamed = rename(rule, re, name);
      if (renamed === undefined) return IGNORED;
      q.name = renamed;
      const responseRules: ResponseRule[] = remaps
        ? [{ kind: 'name', rewriter: remapRewriter(renamed, name) }, { kind: 'value', rewriter: remapRewriter(renamed, name) }, ...staticRules]
        : [...suffixAuto, ...staticRules];
      return { done: true, responseRules, detail: `the question ${name} becomes ${renamed}; ${mappingText(rule, name, renamed)}`, renamed: { from: name, to: renamed } };
    },
  };
}

/** The new question name, or undefined when the rule does not match. */
function rename(rule: NameRewriteRule, re: RE2JS | undefined, name: string): string | undefined {
  switch (rule.match) {
    case 'exact':
      return name === rule.from ? rule.to : undefined;
    case 'prefix':
      return name.startsWith(rule.from) ? rule.to + name.slice(rule.from.length) : undefined;
    case 'suffix':
      return name.endsWith(rule.from) ? name.slice(0, name.length - rule.from.length) + rule.to : undefined;
    case 'substring':
      return name.includes(rule.from) ? name.split(rule.from).join(rule.to) : undefined;
    case 'regex': {
      const groups = findSubmatch(re!, name);
      return groups ? substituteGroups(rule.to, groups) : undefined;
    }
  }
}

/** What happens to the answer's names on the way back, in words. */
function mappingText(rule: NameRewriteRule, before: string, after: string): string {
  const explicit = rule.answers.length > 0 ? ` ${rule.answers.map((a) => `'answer ${a.target} ${a.from} ${a.to}' rewrites ${a.target === 'name' ? 'owner names' : 'names inside records'} that match`).join('; ')}.` : '';
  if (rule.match === 'exact') return `answers for ${after} are mapped back to ${before} (an exact rule always does this).${explicit}`;
  if (rule.answerAuto && rule.match === 'suffix') return `'answer auto' maps the suffix ${rule.to} back to ${rule.from} in owner names and in CNAME, SRV, MX, PTR and NS targets.${explicit}`;
  if (rule.answerAuto) return `'answer auto' maps ${after} (and names below it) back to ${before} in owner names and record targets.${explicit}`;
  if (rule.answers.some((a) => a.target === 'name')) return `the answer is mapped only by its answer rules:${explicit}`;
  return `no answer rule maps the reply back, so its records keep the name ${after} although the client asked for ${before}; most resolvers and applications drop such records.${explicit}`;
}

/** cnameTargetRule.getFromAndToTarget: which CNAME target to replace and with what. */
function cnameTarget(match: NameMatch, from: string, to: string): CnameTargetRule | undefined {
  switch (match) {
    case 'exact':
      return { fromAndTo: () => ({ from, to }) };
    case 'prefix':
      return { fromAndTo: (t) => (t.startsWith(from) ? { from: t, to: to + t.slice(from.length) } : undefined) };
    case 'suffix':
      return { fromAndTo: (t) => (t.endsWith(from) ? { from: t, to: t.slice(0, t.length - from.length) + to } : undefined) };
    case 'substring':
      return { fromAndTo: (t) => (t.includes(from) ? { from: t, to: t.split(from).join(to) } : undefined) };
    case 'regex': {
      const re = compile(from);
      if (!re) return undefined;
      return {
        fromAndTo: (t) => {
          const groups = findSubmatch(re, t);
          return groups ? { from: t, to: substituteGroups(to, groups) } : undefined;
        },
      };
    }
  }
}

function ttlText(min: number, max: number): string {
  return min === max ? String(min) : `${min}-${max}`;
}

const RCODE_NAMES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE', 'DSOTYPENI'];

function rcodeText(code: number): string {
  return RCODE_NAMES[code] ?? `RCODE${code}`;
}
