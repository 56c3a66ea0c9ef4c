// The one bench of the resolution tests. A Corefile with the files it reads, what upstream servers answer
// and the cluster's objects is written out as an in-memory scenario and goes through the same doors as a
// user's `*.dnstest.yaml`: the scenario reader, then prepareSimulation, which analyses the Corefile and
// builds the simulated server. Queries are then sent straight to that server (not through a stub resolver),
// so a test sees exactly what CoreDNS would write back to one query: rcode, records in presentation format,
// the answering plugin, the block and every step.
import { memoryHost } from '../../../../server/src/core/host.js';
import { formatRecord, newQuery, type QueryOptions } from '../../../../server/src/core/resolve/message.js';
import { parseScenario } from '../../../../server/src/core/resolve/scenario.js';
import type { ServerAnswer, SimServer } from '../../../../server/src/core/resolve/server.js';
import { prepareSimulation } from '../../../../server/src/core/resolve/simulate.js';
import type { ClientInfo, DnsMessage, Step } from '../../../../server/src/core/resolve/types.js';

/** What a scenario would hold; a bare string is a Corefile with nothing around it. */
export interface Bench {
  corefile: string;
  /** Files CoreDNS reads, by the path written in the Corefile (the scenario's mounts). */
  files?: Record<string, string>;
  /** The scenario's `upstream` map: "name. TYPE" → records or { rcode }. */
  upstream?: Record<string, unknown>;
  /** The scenario's `upstreamByServer` map: "ip[:port]" → the same. */
  upstreamByServer?: Record<string, Record<string, unknown>>;
  /** Kubernetes objects as YAML or JSON text. */
  cluster?: string;
}

/** Where the in-memory scenario lives; only the reader sees these paths. */
const DIR = '/bench';

/**
 * Builds the simulated server of a bench. A Corefile with errors, or a bench the scenario reader rejects,
 * throws: such a test would check the linter rather than the simulation.
 */
export function serverFor(bench: Bench | string): SimServer {
  const b = typeof bench === 'string' ? { corefile: bench } : bench;
  const files: Record<string, string> = { [`${DIR}/Corefile`]: b.corefile };
  const mounts: Record<string, string> = {};
  Object.entries(b.files ?? {}).forEach(([target, text], i) => {
    files[`${DIR}/mounts/${i}`] = text;
    mounts[target] = `mounts/${i}`;
  });
  if (b.cluster !== undefined) files[`${DIR}/cluster.yaml`] = b.cluster;
  // JSON is YAML, so the scenario text needs no escaping of its own.
  const text = JSON.stringify({
    corefile: 'Corefile',
    mounts,
    ...(b.cluster !== undefined ? { cluster: 'cluster.yaml' } : {}),
    ...(b.upstream ? { upstream: b.upstream } : {}),
    ...(b.upstreamByServer ? { upstreamByServer: b.upstreamByServer } : {}),
  });
  const loaded = parseScenario(text, `${DIR}/bench.dnstest.yaml`, memoryHost(files));
  if (!loaded.ok) throw new Error(`the bench is not a valid scenario: ${loaded.errors.join('; ')}`);
  if (loaded.scenario.clusterProblems.length > 0) throw new Error(`the bench cluster has problems: ${loaded.scenario.clusterProblems.join('; ')}`);
  const simulation = prepareSimulation(loaded.scenario);
  const errors = simulation.analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the test Corefile has errors: ${errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
  return simulation.server;
}

export interface AskOptions extends QueryOptions {
  /** The asking client; 10.244.1.7:40000 over UDP unless told otherwise. */
  client?: Partial<ClientInfo>;
  /** The listener the query reaches; the Corefile's first one unless told otherwise. */
  port?: number;
  transport?: string;
}

export interface Asked {
  /** The reply's rcode, or 'no reply' when the client gets nothing. */
  rcode: string;
  answer: string[];
  authority: string[];
  additional: string[];
  answeredBy: string | undefined;
  /** The label of the server block that took the query (`zone:port`). */
  block: string | undefined;
  steps: Step[];
  reply: DnsMessage | undefined;
  out: ServerAnswer;
  /** The actions of one plugin's steps, in order. */
  actions(plugin: string): string[];
  /** The details of one plugin's steps, in order. */
  details(plugin: string): string[];
}

/** The client every query comes from unless a test says otherwise: a pod of the test cluster's range. */
const CLIENT: ClientInfo = { ip: '10.244.1.7', port: 40000, transport: 'udp' };

/** Sends "NAME [TYPE]" to a server. */
export function ask(server: SimServer, query: string, options: AskOptions = {}): Asked {
  const [name, type] = query.trim().split(/\s+/);
  const { client, port, transport, ...queryOptions } = options;
  const first = server.listeners()[0] ?? { port: 53, transport: 'dns' };
  const msg = newQuery(name!, type ?? 'A', queryOptions);
  const out = server.query(msg, { ...CLIENT, ...client }, { port: port ?? first.port, transport: transport ?? first.transport, ip: '10.96.0.10' });
  const reply = out.reply;
  const of = (plugin: string): Step[] => out.steps.filter((s) => s.plugin === plugin);
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
    actions: (plugin) => of(plugin).map((s) => s.action),
    details: (plugin) => of(plugin).map((s) => s.detail),
  };
}

/** One query against a fresh server for the bench. */
export function askOnce(bench: Bench | string, query: string, options: AskOptions = {}): Asked {
  return ask(serverFor(bench), query, options);
}
