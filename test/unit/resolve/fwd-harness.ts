// A small bench for the forward, cache and rewrite handler tests: a Corefile, the scenario's upstream
// answers, mounted files and an optional cluster go into the real analysis and the real simulated server,
// and one query comes out as rcode, records in presentation format, the answering plugin and the steps.
import { analyzeCorefile } from '../../../server/src/core/corefile/analyze.js';
import { memoryHost } from '../../../server/src/core/host.js';
import { defaultSettings } from '../../../server/src/core/settings.js';
import { clusterFromText, emptyCluster } from '../../../server/src/core/resolve/cluster.js';
import { formatRecord, newQuery } from '../../../server/src/core/resolve/message.js';
import { UpstreamTable } from '../../../server/src/core/resolve/scenario.js';
import { readUpstream, readUpstreamByServer } from '../../../server/src/core/resolve/scenario/upstream-read.js';
import { buildSimServer } from '../../../server/src/core/resolve/server.js';
import type { DnsMessage, Step } from '../../../server/src/core/resolve/types.js';

export interface Bench {
  corefile: string;
  /** The scenario's `upstream` map: "name. TYPE" → records or { rcode }. */
  upstream?: Record<string, unknown>;
  /** The scenario's `upstreamByServer` map: "ip[:port]" → same. */
  upstreamByServer?: Record<string, Record<string, unknown>>;
  /** Files CoreDNS reads, by the path in the Corefile. */
  files?: Record<string, string>;
  /** Kubernetes objects as YAML, for blocks that also run kubernetes. */
  cluster?: string;
}

export interface Asked {
  rcode: string;
  answer: string[];
  authority: string[];
  additional: string[];
  answeredBy: string | undefined;
  steps: Step[];
  reply: DnsMessage | undefined;
  /** The steps of one plugin, their details only. */
  details(plugin: string): string[];
}

/** Sends "NAME [TYPE]" to the Corefile's first listener as a pod at 10.244.1.7 would. */
export function ask(bench: Bench, query: string, options: { do?: boolean; clientIp?: string; transport?: 'udp' | 'tcp'; class?: string } = {}): Asked {
  const host = memoryHost(bench.files ?? {});
  const analysis = analyzeCorefile({ uri: 'file:///test/Corefile', text: bench.corefile }, defaultSettings, host);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the test Corefile has errors: ${errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
  const problems: string[] = [];
  const upstream = new UpstreamTable(readUpstream(bench.upstream ?? {}, 'upstream', problems), readUpstreamByServer(bench.upstreamByServer ?? {}, problems));
  if (problems.length > 0) throw new Error(`bad upstream table: ${problems.join('; ')}`);
  const cluster = bench.cluster ? clusterFromText(bench.cluster).model : emptyCluster();
  const server = buildSimServer(analysis, { files: host, cluster, upstream });
  const [name, type] = query.trim().split(/\s+/);
  const msg = newQuery(name!, type ?? 'A', { ...(options.do ? { do: true } : {}), ...(options.class ? { class: options.class } : {}) });
  const listener = server.listeners()[0] ?? { port: 53, transport: 'dns' };
  const out = server.query(msg, { ip: options.clientIp ?? '10.244.1.7', port: 40000, transport: options.transport ?? 'udp' }, { port: listener.port, transport: listener.transport, ip: '10.96.0.10' });
  const reply = out.reply;
  return {
    rcode: reply?.rcode ?? 'no reply',
    answer: reply?.answer.map(formatRecord) ?? [],
    authority: reply?.authority.map(formatRecord) ?? [],
    additional: reply?.additional.filter((r) => r.type !== 'OPT').map(formatRecord) ?? [],
    answeredBy: out.answeredBy,
    steps: out.steps,
    reply,
    details: (plugin) => out.steps.filter((s) => s.plugin === plugin).map((s) => s.detail),
  };
}
