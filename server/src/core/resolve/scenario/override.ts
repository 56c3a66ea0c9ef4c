// Replacing parts of a scenario: `corefile resolve --corefile F --cluster F ...` starts from a scenario
// file or the built-in default and swaps in what the flags name; everything else stays as it was.
import { memoryHost } from '../../host.js';
import type { Resolver } from '../../resolvconf/index.js';
import type { ClusterModel } from '../cluster.js';
import type { ResolvConfSource, Scenario } from '../scenario.js';
import { overlayHost } from '../simulate/environment.js';
import type { CorefileSource } from './corefile-source.js';
import type { ScenarioQuery } from './queries.js';

export interface ScenarioOverrides {
  corefile?: CorefileSource;
  resolvConf?: ResolvConfSource;
  cluster?: { model: ClusterModel; problems: string[] };
  resolver?: Resolver;
  /** A new client address; null removes the scenario's (queries then come from an unknown client). */
  clientIP?: string | null;
  queries?: ScenarioQuery[];
}

export function withOverrides(base: Scenario, overrides: ScenarioOverrides): Scenario {
  const next: Scenario = { ...base };
  if (overrides.corefile) {
    next.corefile = overrides.corefile;
    const siblings = overrides.corefile.siblingFiles;
    if (Object.keys(siblings).length > 0) {
      // The ConfigMap's own files come before the scenario's mounts, as in readMounts: a mount wins.
      next.files = overlayHost(base.files, memoryHost(siblings));
      next.mounts = [...base.mounts, ...Object.keys(siblings).map((path) => ({ path, source: 'the coredns ConfigMap' }))];
    }
  }
  if (overrides.resolvConf) next.resolvConf = overrides.resolvConf;
  if (overrides.cluster) {
    next.cluster = overrides.cluster.model;
    next.clusterProblems = overrides.cluster.problems;
  }
  if (overrides.resolver) next.resolver = overrides.resolver;
  if (overrides.clientIP === null) delete next.clientIP;
  else if (overrides.clientIP !== undefined) next.clientIP = overrides.clientIP;
  if (overrides.queries) next.queries = overrides.queries;
  return next;
}
