// The rewrite rule types other than `name`: type, class, ttl, rcode, cname and edns0, each read with the
// argument rules of CoreDNS 1.14's rewrite plugin.
import type { ArgToken } from '../../corefile/dispenser.js';
import { normalizeName } from '../../corefile/zone.js';
import type { SetupContext } from '../types.js';
import type { Range } from '../../types.js';
import { CLASSES, isRrType, RCODES } from './query-a-net.js';
import { compileGoRegex, parseGoUintBase0 } from './query-a-regex.js';
import { tokenRange } from '../../corefile/token.js';

export interface RuleContext {
  ctx: SetupContext;
  /** The `rewrite` token of the rule's line. */
  directive: ArgToken;
}

type Mode = 'stop' | 'continue';
type Match = 'exact' | 'prefix' | 'suffix' | 'substring' | 'regex';

export type OtherRewriteRule =
  | { kind: 'type'; mode: Mode; from: string; to: string; range: Range }
  | { kind: 'class'; mode: Mode; from: string; to: string; range: Range }
  | { kind: 'ttl'; mode: Mode; match: Match; name: string; min: number; max: number; range: Range }
  | { kind: 'rcode'; mode: Mode; match: Match; name: string; from: number; to: number; range: Range }
  | { kind: 'cname'; mode: Mode; match: Match; from: string; to: string; range: Range }
  | {
      kind: 'edns0';
      mode: Mode;
      option: 'local' | 'nsid' | 'subnet';
      action: 'set' | 'append' | 'replace' | 'unset';
      code?: number;
      data?: string;
      v4Prefix?: number;
      v6Prefix?: number;
      revert: boolean;
      range: Range;
    };

type Edns0Rule = Extract<OtherRewriteRule, { kind: 'edns0' }>;

const MATCHES: readonly string[] = ['exact', 'prefix', 'suffix', 'substring', 'regex'];
const RULE_TYPES = 'name, type, class, ttl, rcode, cname, edns0';

export function readOtherRule(rc: RuleContext, mode: Mode, typeToken: ArgToken, args: ArgToken[]): OtherRewriteRule | undefined {
  const { ctx } = rc;
  const range = tokenRange(typeToken);
  switch (typeToken.value.toLowerCase()) {
    case 'type':
    case 'class': {
      const kind = typeToken.value.toLowerCase() as 'type' | 'class';
      if (args.length !== 2) {
        ctx.report('error', 'rewrite/wrong-arguments', `A ${kind} rule takes exactly two ${kind}s (FROM TO); CoreDNS refuses ${args.length}. Write e.g. '${kind === 'type' ? 'type ANY HINFO' : 'class CH IN'}'.`, args[2] ?? typeToken);
        return undefined;
      }
      const [from, to] = args.map((a) => a.value.toUpperCase()) as [string, string];
      const valid = kind === 'type' ? isRrType : (s: string): boolean => CLASSES.includes(s);
      for (const [i, value] of [from, to].entries()) {
        if (!valid(value)) {
          ctx.report('error', `rewrite/bad-${kind}`, `'${args[i]!.value}' is not a DNS ${kind}; CoreDNS refuses it. ${kind === 'type' ? 'Use a record type such as A, AAAA, MX or TXT.' : 'Use IN, CH, HS, CS, NONE or ANY.'}`, args[i]);
          return undefined;
        }
      }
      return { kind, mode, from, to, range };
    }
    case 'ttl':
      return readTtl(ctx, mode, typeToken, args);
    case 'rcode':
      return readRcode(ctx, mode, typeToken, args);
    case 'cname':
      return readCname(ctx, mode, typeToken, args);
    case 'edns0':
      return readEdns0(ctx, mode, typeToken, args);
    default:
      ctx.report('error', 'rewrite/unknown-rule', `Unknown rewrite rule type '${typeToken.value}'; CoreDNS refuses it. Use one of: ${RULE_TYPES} (optionally after stop or continue).`, typeToken);
      return undefined;
  }
}

/** A match type and name (or pattern) before a value, or just a name (exact). */
function readMatch(ctx: SetupContext, rule: string, matchToken: ArgToken | undefined, nameToken: ArgToken): { match: Match; name: string } | undefined {
  if (!matchToken) return { match: 'exact', name: normalizeName(nameToken.value) };
  const match = matchToken.value.toLowerCase();
  if (!MATCHES.includes(match)) {
    ctx.report('error', 'rewrite/bad-match-type', `A ${rule} rule matches names with exact, prefix, suffix, substring or regex; CoreDNS refuses '${matchToken.value}'.`, matchToken);
    return undefined;
  }
  if (match === 'regex') {
    const compiled = compileGoRegex(nameToken.value);
    if (!compiled.ok || nameToken.value.length > 10000) {
      ctx.report('error', 'rewrite/bad-regex', `'${nameToken.value}' is not a valid regular expression${compiled.ok ? ' (too long)' : ` (${compiled.error})`}; CoreDNS refuses it. CoreDNS uses Go's RE2 syntax.`, nameToken);
      return undefined;
    }
    return { match, name: nameToken.value };
  }
  return { match: match as Match, name: normalizeName(nameToken.value) };
}

/** The ttl rule's value: N, N-M, -M or N- (uint32, min <= max). */
export function parseTtlRange(v: string): { min: number; max: number } | undefined {
  const parts = v.split('-');
  const num = (s: string): number | undefined => (/^\d+$/.test(s) && Number(s) <= 4294967295 ? Number(s) : undefined);
  if (parts.length === 1) {
    const n = num(parts[0]!);
    return n === undefined ? undefined : { min: n, max: n };
  }
  if (parts.length !== 2) return undefined;
  const [a, b] = parts as [string, string];
  if (a === '' && b === '') return undefined;
  const min = a === '' ? 0 : num(a);
  const max = b === '' ? 2147483647 : num(b);
  if (min === undefined || max === undefined || min > max) return undefined;
  return { min, max };
}

function readTtl(ctx: SetupContext, mode: Mode, typeToken: ArgToken, args: ArgToken[]): OtherRewriteRule | undefined {
  if (args.length < 2 || args.length > 3) {
    ctx.report('error', 'rewrite/wrong-arguments', `A ttl rule is 'ttl [MATCH] NAME TTL'; CoreDNS refuses ${args.length} argument${args.length === 1 ? '' : 's'}. Write e.g. 'ttl cdn.example.org 30-300'.`, args[3] ?? typeToken);
    return undefined;
  }
  const valueToken = args[args.length - 1]!;
  const range = parseTtlRange(valueToken.value);
  if (!range) {
    ctx.report('error', 'rewrite/bad-ttl', `'${valueToken.value}' is not a TTL or TTL range; CoreDNS refuses it. Write N, MIN-MAX, -MAX or MIN- with whole seconds up to 4294967295 and MIN <= MAX.`, valueToken);
    return undefined;
  }
  const m = readMatch(ctx, 'ttl', args.length === 3 ? args[0] : undefined, args[args.length - 2]!);
  if (!m) return undefined;
  return { kind: 'ttl', mode, ...m, ...range, range: tokenRange(typeToken) };
}

function rcodeValue(v: string): number | undefined {
  if (/^\d+$/.test(v) && Number(v) <= 23) return Number(v);
  return RCODES[v.toUpperCase()];
}

function readRcode(ctx: SetupContext, mode: Mode, typeToken: ArgToken, args: ArgToken[]): OtherRewriteRule | undefined {
  if (args.length < 3 || args.length > 4) {
    ctx.report('error', 'rewrite/wrong-arguments', `An rcode rule is 'rcode [MATCH] NAME FROM TO'; CoreDNS refuses ${args.length} argument${args.length === 1 ? '' : 's'}. Write e.g. 'rcode sink.example.org NXDOMAIN NOERROR'.`, args[4] ?? typeToken);
    return undefined;
  }
  const [fromToken, toToken] = args.slice(-2) as [ArgToken, ArgToken];
  const from = rcodeValue(fromToken.value);
  const to = rcodeValue(toToken.value);
  for (const [token, value] of [[fromToken, from], [toToken, to]] as const) {
    if (value === undefined) {
      ctx.report('error', 'rewrite/bad-rcode', `'${token.value}' is not a response code; CoreDNS refuses it. Use a name such as NOERROR, NXDOMAIN, SERVFAIL or REFUSED, or a number 0-23.`, token);
      return undefined;
    }
  }
  const m = readMatch(ctx, 'rcode', args.length === 4 ? args[0] : undefined, args[args.length - 3]!);
  if (!m) return undefined;
  return { kind: 'rcode', mode, ...m, from: from!, to: to!, range: tokenRange(typeToken) };
}

function readCname(ctx: SetupContext, mode: Mode, typeToken: ArgToken, args: ArgToken[]): OtherRewriteRule | undefined {
  if (args.length !== 2 && args.length !== 3) {
    ctx.report('error', 'rewrite/wrong-arguments', `A cname rule is 'cname [MATCH] FROM TO'; CoreDNS refuses ${args.length} argument${args.length === 1 ? '' : 's'}. Write e.g. 'cname suffix .old.example. .new.example.'.`, args[3] ?? typeToken);
    return undefined;
  }
  let match: Match = 'exact';
  if (args.length === 3) {
    const m = args[0]!.value.toLowerCase();
    if (!MATCHES.includes(m)) {
      ctx.report('error', 'rewrite/bad-match-type', `Unknown cname match type '${args[0]!.value}'; CoreDNS refuses it. Use exact, prefix, suffix, substring or regex.`, args[0]);
      return undefined;
    }
    match = m as Match;
  }
  const [fromToken, toToken] = args.slice(-2) as [ArgToken, ArgToken];
  let from = fromToken.value.toLowerCase();
  let to = toToken.value.toLowerCase();
  if (match === 'exact') {
    from = normalizeName(from);
    to = normalizeName(to);
  }
  if (match === 'regex') {
    const compiled = compileGoRegex(from);
    if (!compiled.ok) {
      ctx.report('error', 'rewrite/bad-regex', `'${fromToken.value}' is not a valid regular expression (${compiled.error}); CoreDNS refuses it.`, fromToken);
      return undefined;
    }
  }
  return { kind: 'cname', mode, match, from, to, range: tokenRange(typeToken) };
}

const VARIABLES = ['{qname}', '{qtype}', '{client_ip}', '{client_port}', '{protocol}', '{server_ip}', '{server_port}'];

function isEdns0Variable(v: string): boolean {
  if (VARIABLES.includes(v)) return true;
  // A metadata label: {plugin/name} with both parts non-empty.
  const inner = v.slice(1, -1);
  const slash = inner.indexOf('/');
  return slash > 0 && slash < inner.length - 1;
}

function readEdns0(ctx: SetupContext, mode: Mode, typeToken: ArgToken, allArgs: ArgToken[]): OtherRewriteRule | undefined {
  const range = tokenRange(typeToken);
  if (allArgs.length < 2) {
    ctx.report('error', 'rewrite/wrong-arguments', "An edns0 rule is 'edns0 local|nsid|subnet set|append|replace|unset ...'; CoreDNS refuses fewer words. Write e.g. 'edns0 nsid set'.", allArgs[0] ?? typeToken);
    return undefined;
  }
  const option = allArgs[0]!.value.toLowerCase();
  const action = allArgs[1]!.value.toLowerCase();
  if (action !== 'set' && action !== 'append' && action !== 'replace' && action !== 'unset') {
    ctx.report('error', 'rewrite/bad-edns0-action', `Unknown edns0 action '${allArgs[1]!.value}'; CoreDNS refuses it. Use set, append, replace or unset.`, allArgs[1]);
    return undefined;
  }
  if (option !== 'local' && option !== 'nsid' && option !== 'subnet') {
    ctx.report('error', 'rewrite/bad-edns0-option', `Unknown edns0 option '${allArgs[0]!.value}'; CoreDNS refuses it. Use local, nsid or subnet.`, allArgs[0]);
    return undefined;
  }
  const base: Edns0Rule = { kind: 'edns0', mode, option, action, revert: false, range };
  if (action === 'unset') {
    const want = option === 'local' ? 3 : 2;
    if (allArgs.length !== want) {
      ctx.report('error', 'rewrite/wrong-arguments', `'edns0 ${option} unset' takes ${option === 'local' ? 'exactly one CODE' : 'nothing more'}; CoreDNS refuses this. Write 'edns0 ${option} unset${option === 'local' ? ' 0xffee' : ''}'.`, allArgs[want] ?? allArgs[1]);
      return undefined;
    }
    if (option !== 'local') return base;
    const code = optionCode(ctx, allArgs[2]!);
    return code === undefined ? undefined : { ...base, code };
  }
  let args = allArgs;
  if (args[args.length - 1]!.value === 'revert') {
    base.revert = true;
    args = args.slice(0, -1);
  }
  if (option === 'nsid') {
    if (args.length !== 2) {
      ctx.report('error', 'rewrite/wrong-arguments', `'edns0 nsid ${action}' takes no further value (only an optional 'revert'); CoreDNS refuses '${args[2]!.value}'.`, args[2]);
      return undefined;
    }
    return base;
  }
  if (args.length !== 4) {
    const shape = option === 'local' ? 'CODE DATA' : 'V4_PREFIX_LENGTH V6_PREFIX_LENGTH';
    ctx.report('error', 'rewrite/wrong-arguments', `'edns0 ${option} ${action}' needs ${shape} (and optionally 'revert'); CoreDNS refuses this. Write e.g. 'edns0 ${option} ${action} ${option === 'local' ? '0xffee {client_ip}' : '24 56'}'.`, args[4] ?? args[1]);
    return undefined;
  }
  if (option === 'subnet') {
    const v4 = parseGoUintBase0(args[2]!.value, 16);
    const v6 = parseGoUintBase0(args[3]!.value, 16);
    if (v4 === undefined || v4 > 32) {
      ctx.report('error', 'rewrite/bad-subnet', `The IPv4 prefix length must be 0-32; CoreDNS refuses '${args[2]!.value}'.`, args[2]);
      return undefined;
    }
    if (v6 === undefined || v6 > 128) {
      ctx.report('error', 'rewrite/bad-subnet', `The IPv6 prefix length must be 0-128; CoreDNS refuses '${args[3]!.value}'.`, args[3]);
      return undefined;
    }
    return { ...base, v4Prefix: v4, v6Prefix: v6 };
  }
  const code = optionCode(ctx, args[2]!);
  if (code === undefined) return undefined;
  const data = args[3]!;
  if (data.value.startsWith('{') && data.value.endsWith('}')) {
    if (!isEdns0Variable(data.value)) {
      ctx.report('error', 'rewrite/bad-variable', `Unknown variable '${data.value}'; CoreDNS refuses it. Use {qname}, {qtype}, {client_ip}, {client_port}, {protocol}, {server_ip}, {server_port} or a metadata label {plugin/name}.`, data);
      return undefined;
    }
  } else if (data.value.startsWith('0x') && !/^(?:[0-9a-fA-F]{2})*$/.test(data.value.slice(2))) {
    ctx.report('error', 'rewrite/bad-hex', `'${data.value}' starts with 0x but is not an even number of hex digits; CoreDNS refuses it. Fix the hex data, or drop the 0x to send the text as is.`, data);
    return undefined;
  }
  return { ...base, code, data: data.value };
}

function optionCode(ctx: SetupContext, token: ArgToken): number | undefined {
  const code = parseGoUintBase0(token.value, 16);
  if (code === undefined) {
    ctx.report('error', 'rewrite/bad-option-code', `The EDNS0 option code must be a number 0-65535 (decimal or 0x hex); CoreDNS refuses '${token.value}'.`, token);
  }
  return code;
}
