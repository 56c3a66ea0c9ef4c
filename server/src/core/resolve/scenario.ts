// Scenario files (`*.dnstest.yaml`, DESIGN.md "Scenario files"): the Corefile, the client's resolv.conf
// and resolver, the cluster, the files CoreDNS reads, what upstream servers answer, and the queries to
// run with what is expected of them. Read through a FileHost with paths relative to the scenario file;
// every mistake is reported with the file and the field, and loading never throws.
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { memoryHost, type FileHost } from '../host.js';
import { dirName, joinPath } from '../corefile/paths.js';
import type { Resolver, ResolverEnv } from '../resolvconf/index.js';
import { clusterFromText, emptyCluster, type ClusterModel } from './cluster.js';
import { canonicalIp } from './cluster/ip.js';
import { isObj, type Obj } from './cluster/fields.js';
import { corefileSource, type CorefileSource } from './scenario/corefile-source.js';
import { readQueries, type ScenarioQuery } from './scenario/queries.js';
import { readUpstream, readUpstreamByServer } from './scenario/upstream-read.js';
import { UpstreamTable } from './scenario/upstream.js';
import { appendAll } from '../append.js';

export { corefileSource, type CorefileSource } from './scenario/corefile-source.js';
export type { Expectation, ScenarioQuery } from './scenario/queries.js';
export { readQueryText, readQueryWords } from './scenario/queries.js';
export { withOverrides, type ScenarioOverrides } from './scenario/override.js';
export { UpstreamTable, upstreamTargetKey } from './scenario/upstream.js';

export interface ResolvConfSource {
  text: string;
  /** The file it came from; undefined for generated text. */
  path?: string;
}

export interface Scenario {
  /** The scenario file; undefined for a scenario assembled in memory (CLI flags, the default). */
  path?: string;
  corefile: CorefileSource;
  /** The client's resolv.conf; undefined means the default pod resolv.conf for namespace `default`. */
  resolvConf?: ResolvConfSource;
  resolver: Resolver;
  /** glibc's LOCALDOMAIN and RES_OPTIONS. */
  env: ResolverEnv;
  /** The asking pod's address; undefined when the scenario does not say. */
  clientIP?: string;
  cluster: ClusterModel;
  /** What was wrong in the cluster objects (left out, not fatal). */
  clusterProblems: string[];
  /** The files CoreDNS reads, by the path written in the Corefile (mounts, ConfigMap keys). */
  files: FileHost;
  /** Mounted paths and where their content came from, for the report. */
  mounts: Array<{ path: string; source: string }>;
  upstream: UpstreamTable;
  queries: ScenarioQuery[];
}

export type ScenarioLoad = { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; errors: string[] };

const KEYS = new Set(['corefile', 'resolvConf', 'resolver', 'env', 'clientIP', 'cluster', 'mounts', 'upstream', 'upstreamByServer', 'queries']);
const ENV_KEYS = new Set(['LOCALDOMAIN', 'RES_OPTIONS']);

/** Reads and checks a scenario file. */
export function loadScenario(path: string, host: FileHost): ScenarioLoad {
  const text = host.readFile(path);
  if (text === undefined) return { ok: false, errors: [`${path}: cannot read the scenario file`] };
  return parseScenario(text, path, host);
}

/** Checks scenario text that was read from `path` (relative paths inside it resolve from its directory). */
export function parseScenario(text: string, path: string, host: FileHost): ScenarioLoad {
  let value: unknown;
  try {
    value = parseYaml(text, { maxAliasCount: 1000 });
  } catch (error) {
    const message = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    return { ok: false, errors: [`${path}: not valid YAML: ${message}`] };
  }
  if (!isObj(value)) return { ok: false, errors: [`${path}: a scenario is a YAML mapping with corefile, queries and the other fields of DESIGN.md`] };
  const reader = new ScenarioReader(path, host);
  const scenario = reader.read(value);
  const errors = reader.errors.map((e) => `${path}: ${e}`);
  const warnings = reader.warnings.map((w) => `${path}: ${w}`);
  return scenario && errors.length === 0 ? { ok: true, scenario, warnings } : { ok: false, errors };
}

class ScenarioReader {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  private readonly dir: string;

  constructor(
    private readonly path: string,
    private readonly host: FileHost,
  ) {
    this.dir = dirName(path);
  }

  read(doc: Obj): Scenario | undefined {
    for (const key of Object.keys(doc)) if (!KEYS.has(key)) this.errors.push(`${key}: unknown field; a scenario has ${[...KEYS].join(', ')}`);
    const corefile = this.readCorefile(doc.corefile);
    const resolvConf = this.readResolvConf(doc.resolvConf);
    const resolver = this.readResolver(doc.resolver);
    const env = this.readEnv(doc.env);
    const clientIP = this.readClientIp(doc.clientIP);
    const { cluster, problems } = this.readCluster(doc.cluster);
    const mounted = this.readMounts(doc.mounts, corefile?.siblingFiles ?? {});
    const upstream = new UpstreamTable(readUpstream(doc.upstream, 'upstream', this.errors), readUpstreamByServer(doc.upstreamByServer, this.errors));
    const queries = readQueries(doc.queries, this.errors);
    if (!corefile) return undefined;
    return {
      path: this.path,
      corefile,
      ...(resolvConf ? { resolvConf } : {}),
      resolver,
      env,
      ...(clientIP ? { clientIP } : {}),
      cluster,
      clusterProblems: problems,
      files: memoryHost(mounted.files),
      mounts: mounted.list,
      upstream,
      queries,
    };
  }

  private resolve(relative: string): string {
    return relative.startsWith('/') ? relative : joinPath(this.dir, relative);
  }

  private readFileField(value: unknown, field: string): { text: string; path: string } | undefined {
    if (typeof value !== 'string' || value.trim() === '') {
      this.errors.push(`${field}: write the path of a file, relative to the scenario`);
      return undefined;
    }
    const path = this.resolve(value.trim());
    const text = this.host.readFile(path);
    if (text === undefined) {
      this.errors.push(`${field}: cannot read '${value}' (looked for ${path})`);
      return undefined;
    }
    return { text, path };
  }

  private readCorefile(value: unknown): CorefileSource | undefined {
    if (value === undefined) {
      this.errors.push('corefile: missing; write the path of the Corefile (or of a YAML file with the coredns ConfigMap)');
      return undefined;
    }
    const file = this.readFileField(value, 'corefile');
    if (!file) return undefined;
    const found = corefileSource(file.text, file.path);
    if (!found.ok) {
      this.errors.push(`corefile: ${String(value)}: ${found.message}`);
      return undefined;
    }
    return found.source;
  }

  private readResolvConf(value: unknown): ResolvConfSource | undefined {
    if (value === undefined || value === null) return undefined;
    return this.readFileField(value, 'resolvConf');
  }

  private readResolver(value: unknown): Resolver {
    if (value === undefined || value === null) return 'glibc';
    if (value === 'glibc' || value === 'musl') return value;
    this.errors.push(`resolver: '${String(value)}' is not a resolver; write glibc or musl`);
    return 'glibc';
  }

  private readEnv(value: unknown): ResolverEnv {
    const env: ResolverEnv = {};
    if (value === undefined || value === null) return env;
    if (!isObj(value)) {
      this.errors.push('env: write a mapping such as { RES_OPTIONS: "ndots:2" }');
      return env;
    }
    for (const [key, v] of Object.entries(value)) {
      if (!ENV_KEYS.has(key)) {
        this.errors.push(`env.${key}: the resolvers read only LOCALDOMAIN and RES_OPTIONS`);
        continue;
      }
      if (typeof v !== 'string') this.errors.push(`env.${key}: write the value as a string`);
      else if (key === 'LOCALDOMAIN') env.LOCALDOMAIN = v;
      else env.RES_OPTIONS = v;
    }
    return env;
  }

  private readClientIp(value: unknown): string | undefined {
    if (value === undefined || value === null) return undefined;
    const ip = typeof value === 'string' ? canonicalIp(value) : undefined;
    if (!ip) this.errors.push(`clientIP: '${String(value)}' is not an IP address`);
    return ip;
  }

  private readCluster(value: unknown): { cluster: ClusterModel; problems: string[] } {
    if (value === undefined || value === null) return { cluster: emptyCluster(), problems: [] };
    const file = this.readFileField(value, 'cluster');
    if (!file) return { cluster: emptyCluster(), problems: [] };
    const built = clusterFromText(file.text);
    const problems = built.problems.map((p) => `cluster: ${p}`);
    appendAll(this.warnings, problems);
    return { cluster: built.model, problems };
  }

  /**
   * Each mount maps a path as written in the Corefile to a file of the scenario, or to a directory whose
   * files all appear below that path (for `auto`). Files of the coredns ConfigMap come first, so an
   * explicit mount of the same path wins.
   */
  private readMounts(value: unknown, configMapFiles: Record<string, string>): { files: Record<string, string>; list: Array<{ path: string; source: string }> } {
    const files: Record<string, string> = { ...configMapFiles };
    const list = Object.keys(configMapFiles).map((path) => ({ path, source: 'the coredns ConfigMap' }));
    if (value === undefined || value === null) return { files, list };
    if (!isObj(value)) {
      this.errors.push('mounts: write a mapping from the path in the Corefile to a file of the scenario');
      return { files, list };
    }
    for (const [target, source] of Object.entries(value)) {
      const field = `mounts."${target}"`;
      if (typeof source !== 'string' || source.trim() === '') {
        this.errors.push(`${field}: write the path of a file or directory, relative to the scenario`);
        continue;
      }
      const from = this.resolve(source.trim());
      const kind = this.host.stat(from);
      if (kind === 'directory') {
        for (const [sub, text] of this.readTree(from)) files[joinPath(target, sub)] = text;
      } else {
        const text = this.host.readFile(from);
        if (text === undefined) {
          this.errors.push(`${field}: cannot read '${source}' (looked for ${from})`);
          continue;
        }
        files[target] = text;
      }
      list.push({ path: target, source: from });
    }
    return { files, list };
  }

  private readTree(dir: string, prefix = ''): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (const name of this.host.readDir(dir) ?? []) {
      const path = `${dir}/${name}`;
      const rel = prefix ? `${prefix}/${name}` : name;
      if (this.host.stat(path) === 'directory') appendAll(out, this.readTree(path, rel));
      else {
        const text = this.host.readFile(path);
        if (text !== undefined) out.push([rel, text]);
      }
    }
    return out;
  }
}
