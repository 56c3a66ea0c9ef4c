// The reply side of the rewrite plugin: the rules a matched request rule leaves behind, and the reverter that
// applies them to the reply before the client sees it. The reverter always puts the client's own question
// back; it then walks the authority, answer and additional records and applies the rules to each, the last
// rule first, so a chain of `continue` rules is undone in reverse (ResponseReverter in CoreDNS 1.14).
import type { RE2JS } from 're2js';
import type { DnsMessage, DnsRecord, Question, RcodeName } from '../../../resolve/types.js';
import { fqdn, rcodeNumber } from '../../../resolve/message.js';
import { cloneMessage, ownerOf, sectionsOf, setOwner, setTtl, setValueName, ttlOf, valueNameOf } from './records.js';

/** Turns one name into another; returns the input when it does not apply. */
export interface StringRewriter {
  rewrite(src: string): string;
}

/** Replaces `{0}`, `{1}`... with the groups of a match, lowest index first, as CoreDNS does. */
export function substituteGroups(template: string, groups: ReadonlyArray<string | null>): string {
  let s = template;
  groups.forEach((value, index) => {
    s = s.split(`{${index}}`).join(value ?? '');
  });
  return s;
}

/** Go's FindStringSubmatch: the leftmost match and its groups, or undefined. */
export function findSubmatch(re: RE2JS, input: string): Array<string | null> | undefined {
  const m = re.matcher(input);
  if (!m.find()) return undefined;
  const groups: Array<string | null> = [];
  for (let i = 0; i <= m.groupCount(); i++) groups.push(m.group(i));
  return groups;
}

/** A regex match anywhere in the name replaces the WHOLE name with the substituted template. */
export function regexRewriter(re: RE2JS, replacement: string): StringRewriter {
  return {
    rewrite(src) {
      const groups = findSubmatch(re, src);
      return groups ? substituteGroups(replacement, groups) : src;
    },
  };
}

/** Maps one name, and every name below it, to another (the rewriter `answer auto` builds). */
export function remapRewriter(orig: string, replacement: string): StringRewriter {
  return {
    rewrite(src) {
      if (src === orig) return replacement;
      const i = src.length - orig.length;
      if (i > 0 && src[i - 1] === '.' && src.slice(i) === orig) return src.slice(0, i) + replacement;
      return src;
    },
  };
}

/** Replaces a plain string suffix (no label boundary is checked, as in CoreDNS). */
export function suffixRewriter(suffix: string, replacement: string): StringRewriter {
  return {
    rewrite(src) {
      return src.endsWith(suffix) ? src.slice(0, src.length - suffix.length) + replacement : src;
    },
  };
}

/** How a `cname` rule finds the CNAME target to replace and what replaces it. */
export interface CnameTargetRule {
  /** The target text to replace and its replacement, or undefined when the target does not match. */
  fromAndTo(target: string): { from: string; to: string } | undefined;
}

export type ResponseRule =
  | { kind: 'name'; rewriter: StringRewriter }
  | { kind: 'value'; rewriter: StringRewriter }
  | { kind: 'ttl'; min: number; max: number }
  | { kind: 'rcode'; from: number; to: number }
  | { kind: 'cname'; rule: CnameTargetRule; qtype: string }
  | { kind: 'edns0-remove'; code: number }
  | { kind: 'edns0-restore'; code: number; data: Uint8Array };

/** Resolves a name through the whole server again (the cname rule's upstream lookup). */
export type Lookup = (name: string, type: string) => DnsMessage;

/** What the reverter changed, for the trace. */
export interface RevertReport {
  questionRestored: boolean;
  ownersChanged: number;
  valuesChanged: number;
  ttlsChanged: number;
  rcodeChanged?: { from: RcodeName; to: RcodeName };
  /** Rcodes an rcode rule asked for that the simulator cannot carry in a message. */
  unrepresentable: number[];
  cnameLookups: Array<{ from: string; to: string; rcode: RcodeName }>;
}

const RCODE_BY_NUMBER = new Map<number, RcodeName>(
  (['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE', 'BADVERS'] as RcodeName[]).map((r) => [rcodeNumber(r), r]),
);

/** ResponseReverter.WriteMsg: the client's question back, then the reply rules on every record. */
export function revertReply(reply: DnsMessage, original: Question, rules: readonly ResponseRule[], lookup: Lookup): { reply: DnsMessage; report: RevertReport } {
  const res = cloneMessage(reply);
  const before = res.question[0];
  const questionRestored = !before || before.name !== original.name || before.type !== original.type || before.class !== original.class;
  if (res.question.length === 0) res.question = [{ ...original }];
  else res.question[0] = { ...original };
  const report: RevertReport = { questionRestored, ownersChanged: 0, valuesChanged: 0, ttlsChanged: 0, unrepresentable: [], cnameLookups: [] };
  const startRcode = res.rcode;
  if (rules.length > 0) {
    // Each section is walked as it was when the walk began; a cname rule may replace the answer meanwhile.
    for (const section of sectionsOf(res)) for (const rr of [...section]) applyToRecord(res, rr, rules, lookup, report);
    if (res.answer.length + res.authority.length + res.additional.length === 0) {
      for (let i = rules.length - 1; i >= 0; i--) {
        const rule = rules[i]!;
        if (rule.kind === 'rcode') applyRcode(res, rule, report);
      }
    }
  }
  if (res.rcode !== startRcode) report.rcodeChanged = { from: startRcode, to: res.rcode };
  return { reply: res, report };
}

function applyToRecord(res: DnsMessage, rr: DnsRecord, rules: readonly ResponseRule[], lookup: Lookup, report: RevertReport): void {
  // Changes are counted per record, so a name mapped back by two chained rules counts once.
  const owner = ownerOf(rr);
  const value = valueNameOf(rr);
  const ttl = ttlOf(rr);
  for (let i = rules.length - 1; i >= 0; i--) applyRule(res, rr, rules[i]!, lookup, report);
  if (ownerOf(rr) !== owner) report.ownersChanged++;
  if (valueNameOf(rr) !== value) report.valuesChanged++;
  if (ttlOf(rr) !== ttl) report.ttlsChanged++;
}

function applyRule(res: DnsMessage, rr: DnsRecord, rule: ResponseRule, lookup: Lookup, report: RevertReport): void {
  switch (rule.kind) {
    case 'name': {
      const owner = ownerOf(rr);
      const next = rule.rewriter.rewrite(owner);
      if (next !== owner) setOwner(rr, next);
      return;
    }
    case 'value': {
      const value = valueNameOf(rr);
      if (value === undefined) return;
      const next = rule.rewriter.rewrite(value);
      if (next !== value) setValueName(rr, next);
      return;
    }
    case 'ttl': {
      const ttl = ttlOf(rr);
      if (ttl === undefined) return;
      const next = ttl < rule.min ? rule.min : ttl > rule.max ? rule.max : ttl;
      if (next !== ttl) setTtl(rr, next);
      return;
    }
    case 'rcode':
      applyRcode(res, rule, report);
      return;
    case 'cname':
      applyCname(res, rr, rule, lookup, report);
      return;
    case 'edns0-remove':
      if (res.edns) {
        // Only the first option with the code goes, as CoreDNS removes one and stops.
        const index = res.edns.options.findIndex((o) => o.code === rule.code);
        if (index !== -1) res.edns.options.splice(index, 1);
      }
      return;
    case 'edns0-restore':
      if (res.edns) {
        const index = res.edns.options.findIndex((o) => o.code === rule.code);
        if (index !== -1) res.edns.options[index] = { code: rule.code, data: rule.data };
      }
      return;
  }
}

function applyRcode(res: DnsMessage, rule: Extract<ResponseRule, { kind: 'rcode' }>, report: RevertReport): void {
  if (rcodeNumber(res.rcode) !== rule.from) return;
  const to = RCODE_BY_NUMBER.get(rule.to);
  if (to === undefined) {
    if (!report.unrepresentable.includes(rule.to)) report.unrepresentable.push(rule.to);
    return;
  }
  res.rcode = to;
}

/**
 * cnameTargetRuleWithReqState.RewriteResponse: a CNAME whose target matches is pointed at the new target,
 * the new target is resolved through the server, and the answer becomes the CNAMEs up to that one followed
 * by the new target's answer.
 */
function applyCname(res: DnsMessage, rr: DnsRecord, rule: Extract<ResponseRule, { kind: 'cname' }>, lookup: Lookup, report: RevertReport): void {
  if (rr.type !== 'CNAME') return;
  const target = fqdn(rr.data);
  const match = rule.rule.fromAndTo(target);
  if (!match || match.from !== target) return;
  const up = lookup(match.to, rule.qtype);
  report.cnameLookups.push({ from: target, to: match.to, rcode: up.rcode });
  const answer: DnsRecord[] = [];
  for (const r of res.answer) {
    if (r.type !== 'CNAME') continue;
    answer.push(r);
    if (fqdn(r.data) === match.from) {
      setValueName(r, match.to);
      break;
    }
  }
  res.answer = [...answer, ...up.answer];
  res.flags.tc = up.flags.tc;
}
