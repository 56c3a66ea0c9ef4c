// The `edns0` rewrite rules: they add, change or remove an EDNS0 option of the query before the plugins
// after rewrite (and the upstreams behind forward) see it. The query gets an OPT record (4096 bytes, no DO
// bit) when it had none. With `revert`, the reply rule takes the option out of the reply again, or puts the
// old value back (edns0.go in CoreDNS 1.14).
import type { RewriteRule } from '../../rewrite.js';
import type { DnsMessage, Request } from '../../../resolve/types.js';
import { formatIpv6, ipBytes, typeCode } from '../../../resolve/message.js';
import type { ResponseRule } from './rewrite-response.js';

type Edns0Rule = Extract<RewriteRule, { kind: 'edns0' }>;

export interface Edns0Outcome {
  done: boolean;
  responseRules: ResponseRule[];
  /** What happened to the query, in a sentence without the leading rule text. */
  detail: string;
}

const NSID = 3;
const SUBNET = 8;

/** The option code a rule works on. */
function codeOf(rule: Edns0Rule): number {
  if (rule.option === 'nsid') return NSID;
  if (rule.option === 'subnet') return SUBNET;
  return rule.code ?? 0;
}

/** Applies one edns0 rule to the query (which the caller owns and may change). */
export function applyEdns0(rule: Edns0Rule, req: Request): Edns0Outcome {
  const msg = req.msg;
  const code = codeOf(rule);
  const name = optionName(code);
  if (rule.option === 'local' && rule.action !== 'unset' && isVariable(rule.data ?? '')) {
    // A variable without a value (no metadata of that name, an address of the other family) ignores the rule.
    const data = variableData(rule.data!, req);
    if (data === undefined) return { done: false, responseRules: [], detail: `${rule.data} has no value for this query, so the rule is skipped` };
    return setOption(ensureOpt(msg), rule, code, data, name, true);
  }
  const opt = ensureOpt(msg);
  if (rule.action === 'unset') {
    const before = opt.options.length;
    opt.options = opt.options.filter((o) => o.code !== code);
    const removed = before - opt.options.length;
    return { done: true, responseRules: [], detail: removed > 0 ? `the query's ${name} option is removed` : `the query has no ${name} option to remove` };
  }
  let data: Uint8Array;
  if (rule.option === 'nsid') data = new Uint8Array();
  else if (rule.option === 'subnet') {
    const subnet = subnetData(rule, req.client.ip);
    if (subnet === undefined) return { done: false, responseRules: [], detail: `the client address ${req.client.ip} is not an IP address, so no subnet can be sent` };
    data = subnet;
  } else data = literalData(rule.data ?? '');
  return setOption(opt, rule, code, data, name, false);
}

/** set/replace change an option that is there; set/append add one that is not (replace then does nothing). */
function setOption(opt: NonNullable<DnsMessage['edns']>, rule: Edns0Rule, code: number, data: Uint8Array, name: string, variable: boolean): Edns0Outcome {
  const shown = `${name} = ${describeData(code, data)}`;
  const existing = opt.options.find((o) => o.code === code);
  if (existing) {
    if (rule.action === 'replace' || rule.action === 'set') {
      const responseRules: ResponseRule[] = rule.revert ? [{ kind: 'edns0-restore', code, data: existing.data }] : [];
      existing.data = data;
      return { done: true, responseRules, detail: `the query's ${name} option is replaced: ${shown}${rule.revert ? '; the reply gets the old value back (revert)' : ''}` };
    }
    // append over an existing option: variable and subnet rules stop here, a plain one adds a second option.
    if (variable || rule.option === 'subnet') return { done: false, responseRules: [], detail: `the query already has ${name}, and append does not change it` };
  }
  if (rule.action === 'append' || rule.action === 'set') {
    opt.options.push({ code, data });
    const responseRules: ResponseRule[] = rule.revert ? [{ kind: 'edns0-remove', code }] : [];
    return { done: true, responseRules, detail: `the query now carries ${shown}, which the plugins after rewrite and the upstreams see${rule.revert ? '; it is taken out of the reply again (revert)' : ''}` };
  }
  return { done: false, responseRules: [], detail: `the query has no ${name} option for 'replace' to change` };
}

/** setupEdns0Opt: the query's OPT record, added (4096 bytes, DO clear) when missing. */
function ensureOpt(msg: DnsMessage): NonNullable<DnsMessage['edns']> {
  if (!msg.edns) msg.edns = { udpSize: 4096, do: false, options: [] };
  return msg.edns;
}

function isVariable(data: string): boolean {
  return data.startsWith('{') && data.endsWith('}');
}

/** Text as bytes, or hex after "0x". */
function literalData(data: string): Uint8Array {
  if (data.startsWith('0x')) {
    const hex = data.slice(2);
    const out = new Uint8Array(hex.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    return out;
  }
  return new TextEncoder().encode(data);
}

/** The client's address family as CoreDNS sees it: 1 for IPv4 (also IPv4-mapped IPv6), 2 for IPv6. */
function familyOf(ip: string): 1 | 2 | undefined {
  const bytes = ipBytes(ip);
  if (!bytes) return undefined;
  if (bytes.length === 4 || isMapped(bytes)) return 1;
  return 2;
}

function isMapped(b: readonly number[]): boolean {
  return b.length === 16 && b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
}

/** ipToWire: 4 bytes for family 1, 16 for family 2; undefined when the address has no such form. */
function ipWire(family: 1 | 2, ip: string): Uint8Array | undefined {
  const bytes = ipBytes(ip);
  if (!bytes) return undefined;
  if (family === 1) {
    if (bytes.length === 4) return Uint8Array.from(bytes);
    return isMapped(bytes) ? Uint8Array.from(bytes.slice(12)) : undefined;
  }
  if (bytes.length === 16) return Uint8Array.from(bytes);
  return Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...bytes]);
}

function uint16(n: number): Uint8Array {
  return Uint8Array.from([(n >> 8) & 0xff, n & 0xff]);
}

/** edns0VariableRule.ruleData: the value a variable stands for in this query. */
function variableData(variable: string, req: Request): Uint8Array | undefined {
  const q = req.msg.question[0];
  const family = familyOf(req.client.ip);
  switch (variable) {
    case '{qname}':
      return q ? new TextEncoder().encode(q.name) : undefined;
    case '{qtype}':
      return q ? uint16(typeCode(q.type) ?? 0) : undefined;
    case '{client_ip}':
      return family === undefined ? undefined : ipWire(family, req.client.ip);
    case '{server_ip}':
      return family === undefined ? undefined : ipWire(family, req.server.ip);
    case '{client_port}':
      return uint16(req.client.port);
    case '{server_port}':
      return uint16(req.server.port);
    case '{protocol}':
      return new TextEncoder().encode(req.client.transport);
    default: {
      const value = req.metadata.get(variable.slice(1, -1));
      return value ? new TextEncoder().encode(value) : undefined;
    }
  }
}

/** The EDNS0 client-subnet option: family, source prefix, scope 0, the masked address cut to the prefix. */
function subnetData(rule: Edns0Rule, clientIp: string): Uint8Array | undefined {
  const family = familyOf(clientIp);
  if (family === undefined) return undefined;
  const address = ipWire(family, clientIp)!;
  const prefix = family === 1 ? (rule.v4Prefix ?? 0) : (rule.v6Prefix ?? 0);
  const masked = address.map((byte, i) => {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    return byte & ((0xff << (8 - bits)) & 0xff);
  });
  return Uint8Array.from([0, family, prefix, 0, ...masked.slice(0, Math.ceil(prefix / 8))]);
}

function optionName(code: number): string {
  if (code === NSID) return 'NSID (option 3)';
  if (code === SUBNET) return 'client subnet (option 8)';
  return `option ${code} (0x${code.toString(16)})`;
}

/** Printable text in quotes, anything else as hex; a subnet as address/prefix. */
function describeData(code: number, data: Uint8Array): string {
  if (code === SUBNET && data.length >= 4) {
    const family = data[1];
    const prefix = data[2]!;
    const bytes = [...data.slice(4)];
    if (family === 1) {
      while (bytes.length < 4) bytes.push(0);
      return `${bytes.join('.')}/${prefix}`;
    }
    while (bytes.length < 16) bytes.push(0);
    return `${formatIpv6(bytes)}/${prefix}`;
  }
  if (data.length === 0) return 'empty';
  const printable = data.every((b) => b >= 0x20 && b < 0x7f);
  if (printable) return `"${new TextDecoder().decode(data)}"`;
  return `0x${[...data].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
