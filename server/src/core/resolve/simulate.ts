// Runs a scenario: the Corefile is analysed once and turned into a simulated server, then each query goes
// through the pod's stub resolver (glibc or musl), whose every try is sent to that server. The result
// records, per try, the block and the plugin steps, and the outcome the application sees.
import { analyzeCorefile, type CorefileAnalysis } from '../corefile/analyze.js';
import type { FileHost } from '../host.js';
import { effectiveConfig, parseResolvConf, type EffectiveResolvConf, type Resolver } from '../resolvconf/index.js';
import { defaultSettings } from '../settings.js';
import { clusterDnsAddress, clusterDomainOf, podResolvConf } from './default-scenario.js';
import { formatRecord, newQuery } from './message.js';
import type { Scenario, ScenarioQuery } from './scenario.js';
import { buildSimServer, type ServerAnswer, type SimServer } from './server.js';
import { choosePort, overlayHost } from './simulate/environment.js';
import type { QueryResultJson, ResolutionResult, StepJson, TryJson } from './simulate/result.js';
import { resolveName, type StubTry } from './stub/index.js';
import type { ClientInfo, DnsMessage, SimulationWorld, Step } from './types.js';

export type { QueryResultJson, ResolutionResult, StepJson, TryJson } from './simulate/result.js';
export { checkExpect } from './simulate/expect.js';

/**
 * The asking client when a scenario names none: an address of TEST-NET-1 (RFC 5737), so it is never a
 * pod of the scenario's cluster and plugins that look at the client (autopath, acl, view) see a stranger.
 */
export const UNKNOWN_CLIENT_IP = '192.0.2.100';

/** The source port of the stub's queries (whoami and log show it). */
const CLIENT_PORT = 41853;

export interface SimulationOptions {
  /** Files around the Corefile (its imports); mounts of the scenario are seen first. */
  host?: FileHost;
  /** Overrides the scenario's resolver. */
  resolver?: Resolver;
  /** Runs these queries instead of the scenario's. */
  queries?: ScenarioQuery[];
}

/** A scenario made ready: the analysed Corefile, the simulated server and the stub's configuration. */
export interface Simulation {
  analysis: CorefileAnalysis;
  server: SimServer;
  resolver: Resolver;
  stubConfig: EffectiveResolvConf;
  client: ClientInfo;
  /** Runs one query through the stub and the server. */
  run(query: ScenarioQuery): QueryResultJson;
  /** The whole result for a list of queries. */
  result(queries: readonly ScenarioQuery[]): ResolutionResult;
}

export function prepareSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const resolver = options.resolver ?? scenario.resolver;
  const corefilePath = scenario.corefile.path;
  const analysisHost = overlayHost(scenario.files, options.host);
  const corefileUri = corefilePath ? `file://${corefilePath}` : 'untitled:Corefile';
  const analysis = analyzeCorefile(
    { uri: corefileUri, ...(corefilePath ? { path: corefilePath } : {}), text: scenario.corefile.text },
    { ...defaultSettings, resolver },
    analysisHost,
  );
  const world: SimulationWorld = { files: scenario.files, cluster: scenario.cluster, upstream: scenario.upstream };
  const server = buildSimServer(analysis, world);
  const resolvConf = scenario.resolvConf ?? podResolvConf('default', clusterDomainOf(analysis.blocks), clusterDnsAddress(scenario.cluster));
  const stubConfig = effectiveConfig(parseResolvConf(resolvConf.text), resolver, scenario.env);
  const listener = choosePort(server.listeners());
  const clientIp = scenario.clientIP ?? UNKNOWN_CLIENT_IP;
  const transport: 'udp' | 'tcp' = resolver === 'glibc' && stubConfig.useVc ? 'tcp' : 'udp';
  const client: ClientInfo = { ip: clientIp, port: CLIENT_PORT, transport };
  const serverIp = stubConfig.nameservers[0] ?? '127.0.0.1';

  const warnings = [...scenario.clusterProblems];
  if (listener.warning) warnings.push(listener.warning);
  if (!scenario.clientIP && scenario.cluster.podsByIp(clientIp).length === 0 && usesClientIp(analysis)) {
    warnings.push(`The scenario gives no clientIP: queries come from ${clientIp}, which is no pod of the cluster (autopath, acl and view see an unknown client).`);
  }

  const send = (traces: Map<string, Trace>, name: string, type: string): DnsMessage | undefined => {
    const msg = newQuery(name, type, resolver === 'glibc' && stubConfig.edns0 ? { udpSize: 1200 } : {});
    let answer = server.query(msg, client, { port: listener.port, transport: 'dns', ip: serverIp });
    let retried = false;
    // A truncated UDP reply makes both libcs ask again over TCP; the TCP reply is the one that counts.
    if (answer.reply?.flags.tc && client.transport === 'udp') {
      const overTcp = server.query(msg, { ...client, transport: 'tcp' }, { port: listener.port, transport: 'dns', ip: serverIp });
      answer = { ...overTcp, steps: [...answer.steps, { plugin: 'stub', action: 'passed', detail: 'The UDP reply has the TC bit set: the resolver asks again over TCP.' }, ...overTcp.steps] };
      retried = true;
    }
    traces.set(traceKey(name, type), { answer, retried });
    return answer.reply;
  };

  const run = (query: ScenarioQuery): QueryResultJson => {
    const traces = new Map<string, Trace>();
    // A bound function rather than an arrow: tsx names every arrow stored in a property at run time, which
    // costs more than the lookup itself on this path.
    const stub = resolveName({ name: query.name, type: query.type, resolver, config: stubConfig, send: send.bind(undefined, traces) });
    const tries = stub.tries.map((t) => tryJson(t, traces.get(traceKey(t.name, t.type)), corefileUri));
    const last = tries.at(-1);
    const rcode = last ? last.rcode : null;
    const answeredBy = last ? last.answeredBy : null;
    const answer = last ? [...last.answer] : [];
    // Two literals rather than a conditional spread, which V8 builds slowly; the key order stays the same.
    const result: QueryResultJson['result'] = stub.errorName === undefined
      ? { rcode, answeredBy, answer, stub: stub.status, addresses: [...stub.addresses], explanation: [...stub.explanation] }
      : { rcode, answeredBy, answer, stub: stub.status, error: stub.errorName, addresses: [...stub.addresses], explanation: [...stub.explanation] };
    return {
      query: { name: query.name, type: query.type, resolver },
      stub: { nameservers: [...stubConfig.nameservers], search: [...stubConfig.search], ndots: stubConfig.ndots, api: stub.api },
      tries,
      result,
    };
  };

  const pod = scenario.cluster.podsByIp(clientIp)[0];
  return {
    analysis,
    server,
    resolver,
    stubConfig,
    client,
    run,
    result: (queries) => ({
      version: 1,
      corefile: {
        ...(corefilePath ? { path: corefilePath } : {}),
        ...(scenario.corefile.embedded ? { embedded: scenario.corefile.embedded } : {}),
        errors: analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ code: d.code, message: d.message, range: d.range })),
      },
      resolvConf: { ...(scenario.resolvConf?.path ? { path: scenario.resolvConf.path } : {}), generated: scenario.resolvConf === undefined, text: resolvConf.text },
      client: { ip: clientIp, ...(pod ? { pod: `${pod.namespace}/${pod.name}` } : {}) },
      listener: { port: listener.port, transport: client.transport },
      warnings,
      results: queries.map(run),
    }),
  };
}

/** Runs every query of the scenario (or options.queries) and returns the result JSON. */
export function runScenario(scenario: Scenario, options: SimulationOptions = {}): ResolutionResult {
  const simulation = prepareSimulation(scenario, options);
  return simulation.result(options.queries ?? scenario.queries);
}

interface Trace {
  answer: ServerAnswer;
  retried: boolean;
}

function traceKey(name: string, type: string): string {
  return `${name.toLowerCase()}|${type}`;
}

function tryJson(stubTry: StubTry, trace: Trace | undefined, corefileUri: string): TryJson {
  const reply = trace?.answer.reply ?? stubTry.reply;
  const json: TryJson = {
    name: stubTry.name,
    type: stubTry.type,
    serverBlock: trace?.answer.block?.label ?? null,
    answeredBy: trace?.answer.answeredBy ?? null,
    rcode: reply ? reply.rcode : 'TIMEOUT',
    answer: reply ? reply.answer.map(formatRecord) : [],
    authority: reply ? reply.authority.map(formatRecord) : [],
    additional: reply ? reply.additional.map(formatRecord) : [],
    steps: (trace?.answer.steps ?? []).map((step) => stepJson(step, corefileUri)),
    outcome: stubTry.outcome,
    why: stubTry.why,
  };
  if (reply) json.flags = { aa: reply.flags.aa, tc: reply.flags.tc };
  if (trace?.retried) json.retriedOverTcp = true;
  return json;
}

function stepJson(step: Step, corefileUri: string): StepJson {
  const json: StepJson = { plugin: step.plugin, action: step.action, detail: step.detail };
  if (step.range) json.range = step.range;
  if (step.uri && step.uri !== corefileUri) json.uri = step.uri;
  return json;
}

/** True when a plugin that looks at the client's address is in the Corefile. */
function usesClientIp(analysis: CorefileAnalysis): boolean {
  return analysis.blocks.some((b) => b.block.directives.some((d) => d.name === 'autopath' || d.name === 'acl' || d.name === 'view'));
}
