// A bench for the server and the handler tests of the engine: a Corefile goes through the real analysis
// into the real simulated server, and queries come out as rcode, records in presentation format, the
// answering plugin and the steps. Upstream answers, files and the client are given per test.
import { analyzeCorefile } from '../../../server/src/core/corefile/analyze.js';
import { memoryHost } from '../../../server/src/core/host.js';
import { defaultSettings } from '../../../server/src/core/settings.js';
import { clusterFromText, emptyCluster } from '../../../server/src/core/resolve/cluster.js';
import { formatRecord, newQuery, type QueryOptions } from '../../../server/src/core/resolve/message.js';
import { UpstreamTable } from '../../../server/src/core/resolve/scenario.js';
import { readUpstream } from '../../../server/src/core/resolve/scenario/upstream-read.js';
import { buildSimServer, type ServerAnswer, type SimServer } from '../../../server/src/core/resolve/server.js';
import type { ClientInfo, DnsMessage, Step } from '../../../server/src/core/resolve/types.js';

export interface World {
  /** The scenario's `upstream` map: "name. TYPE" → records or { rcode }. */
  upstream?: Record<string, unknown>;
  files?: Record<string, string>;
  cluster?: string;
}

/** Builds the simulated server of a Corefile that must lint without errors. */
export function serverFor(corefile: string, world: World = {}): SimServer {
  const host = memoryHost(world.files ?? {});
  const analysis = analyzeCorefile({ uri: 'file:///test/Corefile', text: corefile }, defaultSettings, host);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the test Corefile has errors: ${errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
  const problems: string[] = [];
  const upstream = new UpstreamTable(readUpstream(world.upstream ?? {}, 'upstream', problems), new Map());
  if (problems.length > 0) throw new Error(`bad upstream table: ${problems.join('; ')}`);
  const cluster = world.cluster ? clusterFromText(world.cluster).model : emptyCluster();
  return buildSimServer(analysis, { files: host, cluster, upstream });
}

export interface AskOptions extends QueryOptions {
  client?: Partial<ClientInfo>;
  port?: number;
  transport?: string;
}

export interface Asked {
  rcode: string;
  answer: string[];
  authority: string[];
  additional: string[];
  answeredBy: string | undefined;
  block: string | undefined;
  steps: Step[];
  reply: DnsMessage | undefined;
  out: ServerAnswer;
  /** The actions of one plugin's steps, in order. */
  actions(plugin: string): string[];
}

/** Sends "NAME [TYPE]" as a client at 10.244.1.7:40000 over UDP to port 53 (unless told otherwise). */
export function ask(server: SimServer, query: string, options: AskOptions = {}): Asked {
  const [name, type] = query.trim().split(/\s+/);
  const { client, port, transport, ...queryOptions } = options;
  const msg = newQuery(name!, type ?? 'A', queryOptions);
  const out = server.query(msg, { ip: '10.244.1.7', port: 40000, transport: 'udp', ...client }, { port: port ?? 53, transport: transport ?? 'dns', ip: '10.96.0.10' });
  const reply = out.reply;
  return {
    rcode: reply?.rcode ?? 'no reply',
    answer: reply?.answer.map(formatRecord) ?? [],
    authority: reply?.authority.map(formatRecord) ?? [],
    additional: reply?.additional.map(formatRecord) ?? [],
    answeredBy: out.answeredBy,
    block: out.block?.label,
    steps: out.steps,
    reply,
    out,
    actions: (plugin) => out.steps.filter((s) => s.plugin === plugin).map((s) => s.action),
  };
}

/** One query against a fresh server for the Corefile. */
export function askOnce(corefile: string, query: string, options: AskOptions = {}, world: World = {}): Asked {
  return ask(serverFor(corefile, world), query, options);
}
