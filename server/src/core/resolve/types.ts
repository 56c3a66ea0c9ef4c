// The simulator's vocabulary. A query travels as a DNS message through the same steps CoreDNS takes: the
// stub resolver sends it, the server picks a block, the block's plugins run in plugin.cfg order, and each
// step is recorded with the Corefile range responsible. Records use dns-packet's shapes, so every reply can
// be encoded as a real message (sizes, truncation) and printed in presentation format.
import type { Answer } from 'dns-packet';
import type { FileHost } from '../host.js';
import type { Range } from '../types.js';

/** A resource record in dns-packet's shape: `{ name, type, class, ttl, data }`. Names carry no trailing dot. */
export type DnsRecord = Answer;

export type RcodeName = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED' | 'YXDOMAIN' | 'YXRRSET' | 'NXRRSET' | 'NOTAUTH' | 'NOTZONE' | 'BADVERS';

export interface Question {
  /** The name as sent, absolute, with a trailing dot, letter case preserved. */
  name: string;
  /** The type mnemonic (A, AAAA, SRV, PTR, ANY, TYPE65 ...). */
  type: string;
  /** The class mnemonic (IN, CH, ...). */
  class: string;
}

export interface DnsMessage {
  id: number;
  /** True for a response. */
  response: boolean;
  opcode: string;
  rcode: RcodeName;
  flags: { aa: boolean; tc: boolean; rd: boolean; ra: boolean; ad: boolean; cd: boolean };
  question: Question[];
  answer: DnsRecord[];
  authority: DnsRecord[];
  additional: DnsRecord[];
  /** EDNS0 OPT data when present: advertised UDP size and the DO bit. */
  edns?: { udpSize: number; do: boolean; options: Array<{ code: number; data: Uint8Array }> };
}

/** Why a step happened, for the trace a person reads. */
export type StepAction =
  | 'answered'
  | 'passed'
  | 'fell-through'
  | 'rewrote'
  | 'refused'
  | 'dropped'
  | 'modified'
  | 'forwarded'
  | 'cache-miss'
  | 'no-effect'
  | 'not-simulated'
  | 'error';

export interface Step {
  plugin: string;
  action: StepAction;
  /** A sentence a person understands: what the plugin did and why. */
  detail: string;
  /** The Corefile range responsible (the directive, or the option line that decided). */
  range?: Range;
  uri?: string;
}

/** What a handler returns: the code it returned to the server, and the reply it wrote, if any. */
export interface HandlerResult {
  /** CoreDNS's return code: for codes the client never saw written (SERVFAIL, REFUSED, ...) the server writes them. */
  rcode: RcodeName;
  /** The reply the plugin wrote to the client, when it wrote one. */
  reply?: DnsMessage;
  /** The plugin whose reply this is (for "answeredBy"). */
  answeredBy?: string;
  /** True when the plugin deliberately wrote nothing and the client gets no reply (acl drop, erratic drop). */
  dropped?: boolean;
}

export interface ClientInfo {
  ip: string;
  port: number;
  transport: 'udp' | 'tcp';
}

/** One query as it travels through a server block's chain. */
export interface Request {
  msg: DnsMessage;
  client: ClientInfo;
  /** The port and transport the query arrived on. */
  server: { port: number; transport: string; ip: string };
  /** The zone of the server block that was chosen for the query. */
  zone: string;
  /** Metadata set by plugins (metadata plugin, rewrite, ...), read by templates, log, view. */
  metadata: Map<string, string>;
}

export type Next = (req: Request) => HandlerResult;

/** Everything outside the Corefile that a plugin may consult while it answers. */
export interface SimulationWorld {
  /** Files CoreDNS reads, by the path written in the Corefile (the scenario's mounts). */
  files: FileHost;
  /** The Kubernetes objects of the scenario. */
  cluster: import('./cluster.js').ClusterModel;
  /** What forward targets answer: key "fqdn. TYPE", per target "ip:port" when the scenario says so. */
  upstream: UpstreamAnswers;
}

export type UpstreamValue = { records: DnsRecord[] } | { rcode: RcodeName };

export interface UpstreamAnswers {
  /** The answer of `target` (ip:port) for a question; the scenario's lookup rule applies. */
  answer(target: string, name: string, type: string): { rcode: RcodeName; answer: DnsRecord[] };
}

/** What a handler can do besides passing the query on. */
export interface HandlerContext {
  world: SimulationWorld;
  /** Records a step of the trace. */
  step(step: Step): void;
  /** Resolves a name through the whole server again (CNAME chasing, ExternalName targets, upstream lookups). */
  lookup(name: string, type: string): DnsMessage;
}

/** A plugin's query behaviour, built once per server block from its typed configuration. */
export interface Handler {
  name: string;
  serve(req: Request, next: Next, ctx: HandlerContext): HandlerResult;
}
