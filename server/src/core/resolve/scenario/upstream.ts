// What the servers behind `forward` answer, as a scenario describes them. The lookup rule is the one
// DESIGN.md fixes: the exact "name TYPE" key gives its records (or its rcode); the name known with
// other types only gives NOERROR without records (NODATA); an unknown name gives NXDOMAIN. Nothing is
// derived from CNAMEs in the keys: a scenario says exactly what a real upstream would return.
import { canonicalIp } from '../cluster/ip.js';
import type { DnsRecord, RcodeName, UpstreamAnswers, UpstreamValue } from '../types.js';

/** One upstream's answers: lower-cased absolute name → type → value. */
export type UpstreamMap = Map<string, Map<string, UpstreamValue>>;

export class UpstreamTable implements UpstreamAnswers {
  constructor(
    /** The answers of every upstream not listed in `byServer`. */
    readonly common: UpstreamMap,
    /** Answers per forward target, keyed "ip:port". */
    readonly byServer: Map<string, UpstreamMap>,
  ) {}

  answer(target: string, name: string, type: string): { rcode: RcodeName; answer: DnsRecord[] } {
    // Most scenarios give no per-server answers: then the target's address need not be read at all.
    if (this.byServer.size === 0) return lookup(this.common, name, type);
    const key = upstreamTargetKey(target);
    const map = (key !== undefined ? this.byServer.get(key) : undefined) ?? this.common;
    return lookup(map, name, type);
  }

  /** True when the scenario says anything at all about upstream answers. */
  get isEmpty(): boolean {
    return this.common.size === 0 && this.byServer.size === 0;
  }
}

function lookup(map: UpstreamMap, name: string, type: string): { rcode: RcodeName; answer: DnsRecord[] } {
  const types = map.get(absoluteLower(name));
  if (!types) return { rcode: 'NXDOMAIN', answer: [] };
  const value = types.get(type.toUpperCase());
  if (!value) return { rcode: 'NOERROR', answer: [] };
  if ('rcode' in value) return { rcode: value.rcode, answer: [] };
  return { rcode: 'NOERROR', answer: value.records.map((r) => ({ ...r })) };
}

export function absoluteLower(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower : `${lower}.`;
}

/**
 * A forward target or an upstreamByServer key as "ip:port": a scheme (dns://) is dropped, IPv6 loses
 * its brackets, and a missing port is 53. Undefined for what is no address at all.
 */
export function upstreamTargetKey(text: string): string | undefined {
  let rest = text.trim().replace(/^dns:\/\//i, '');
  let port = '53';
  const bracket = /^\[([^\]]+)\](?::([0-9]+))?$/.exec(rest);
  if (bracket) return `${hostKey(bracket[1]!)}:${bracket[2] ?? port}`;
  const colons = rest.split(':').length - 1;
  if (colons === 1) {
    const [host, p] = rest.split(':') as [string, string];
    if (!/^[0-9]+$/.test(p)) return undefined;
    rest = host;
    port = p;
  }
  if (rest === '') return undefined;
  return `${hostKey(rest)}:${port}`;
}

function hostKey(host: string): string {
  return canonicalIp(host) ?? host.toLowerCase();
}
