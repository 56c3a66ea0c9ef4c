// A fake name server for the stub-resolver tests: a table from the name sent (absolute, optionally with
// " TYPE") to the reply. Names missing from the table are NXDOMAIN, like a server that has never heard
// of them. Replies are authoritative (AA set) unless the row says otherwise, as CoreDNS's own answers are.
import assert from 'node:assert/strict';
import { effectiveConfig, parseResolvConf, type EffectiveResolvConf, type ResolverEnv } from '../../../server/src/core/resolvconf/index.js';
import {
  resolveName,
  type SendFn,
  type StubResolver,
  type StubResult,
  type StubStatus,
  type TryOutcome,
} from '../../../server/src/core/resolve/stub/index.js';
import type { DnsMessage, DnsRecord, RcodeName } from '../../../server/src/core/resolve/types.js';

export type FakeReply = 'timeout' | { rcode?: RcodeName; answer?: string[]; additional?: string[]; aa?: boolean; ra?: boolean };
export type FakeTable = Record<string, FakeReply>;

const bare = (name: string): string => (name.endsWith('.') && name !== '.' ? name.slice(0, -1) : name);

/** "owner TTL IN TYPE RDATA" for the few types the tests use. */
export function record(text: string): DnsRecord {
  const [owner, ttl, cls, type, ...rest] = text.trim().split(/\s+/);
  if (!owner || !ttl || !cls || !type) throw new Error(`bad record: ${text}`);
  const base = { name: bare(owner), ttl: Number(ttl), class: cls as 'IN' };
  switch (type) {
    case 'A':
    case 'AAAA':
      return { ...base, type, data: rest[0]! };
    case 'CNAME':
    case 'PTR':
      return { ...base, type, data: bare(rest[0]!) };
    case 'TXT':
      return { ...base, type, data: rest.join(' ').replace(/^"|"$/g, '') };
    case 'SRV':
      return { ...base, type, data: { priority: Number(rest[0]), weight: Number(rest[1]), port: Number(rest[2]), target: bare(rest[3]!) } };
    default:
      throw new Error(`record type ${type} is not used in these tests`);
  }
}

function message(name: string, type: string, reply: Exclude<FakeReply, 'timeout'>): DnsMessage {
  return {
    id: 1,
    response: true,
    opcode: 'QUERY',
    rcode: reply.rcode ?? 'NOERROR',
    flags: { aa: reply.aa ?? true, tc: false, rd: true, ra: reply.ra ?? false, ad: false, cd: false },
    question: [{ name, type, class: 'IN' }],
    answer: (reply.answer ?? []).map(record),
    authority: [],
    additional: (reply.additional ?? []).map(record),
  };
}

/** A sender backed by `table`, and the list of "name TYPE" it was asked, in order. */
export function fakeSend(table: FakeTable): { send: SendFn; asked: string[] } {
  const asked: string[] = [];
  const send: SendFn = (name, type) => {
    asked.push(`${name} ${type}`);
    const reply = table[`${name} ${type}`] ?? table[name] ?? { rcode: 'NXDOMAIN' as const };
    return reply === 'timeout' ? undefined : message(name, type, reply);
  };
  return { send, asked };
}

export function config(text: string, resolver: StubResolver, env: ResolverEnv = {}): EffectiveResolvConf {
  return effectiveConfig(parseResolvConf(text), resolver, env);
}

/** A Kubernetes pod's resolv.conf in namespace `shop`. */
export const POD_SHOP = 'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n';

export interface StubRow {
  rule: string;
  conf: string;
  env?: ResolverEnv;
  name: string;
  /** Defaults to A. */
  type?: string;
  replies?: FakeTable;
  /** The names sent, in order. */
  tries: string[];
  /** The types sent, when they are not all `type`. */
  sentTypes?: string[];
  outcomes?: TryOutcome[];
  status: StubStatus;
  /** Absent for a success. */
  errorName?: string;
  addresses?: string[];
}

/** Runs one row through resolveName and checks everything the row states. */
export function checkRow(resolver: StubResolver, row: StubRow): StubResult {
  const type = row.type ?? 'A';
  const { send } = fakeSend(row.replies ?? {});
  const result = resolveName({ name: row.name, type, resolver, config: config(row.conf, resolver, row.env), send });
  const context = `${resolver}: ${row.rule}\n${result.tries.map((t) => `  ${t.name} ${t.type} → ${t.rcode}: ${t.why}`).join('\n')}\n  ${result.explanation.join('\n  ')}`;
  assert.deepEqual(result.tries.map((t) => t.name), row.tries, context);
  assert.deepEqual(result.tries.map((t) => t.type), row.sentTypes ?? row.tries.map(() => type), context);
  if (row.outcomes) assert.deepEqual(result.tries.map((t) => t.outcome), row.outcomes, context);
  assert.equal(result.status, row.status, context);
  assert.equal(result.errorName, row.errorName, context);
  if (row.addresses) assert.deepEqual(result.addresses, row.addresses, context);
  else if (row.status !== 'success') assert.deepEqual(result.addresses, [], context);
  for (const t of result.tries) assert.ok(t.why.length > 0, `every try says why (${t.name})`);
  assert.ok(result.explanation.length > 0, 'the result explains itself');
  return result;
}
