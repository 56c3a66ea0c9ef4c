// The kubernetes plugin: answers cluster DNS (services, endpoints, pods) for its zones from the Kubernetes
// API. Reading follows plugin/kubernetes/setup.go's ParseStanza option by option.
import type { ArgToken } from '../corefile/dispenser.js';
import { normalizeZoneArg } from '../corefile/address.js';
import { isReverseZone } from '../corefile/zone.js';
import { parseGoDuration, parseGoFloat, parseGoInt } from './args.js';
import type { Range } from '../types.js';
import type { PluginModule, SetupContext } from './types.js';
import { fallthroughZones, lookUpFile, reportArgError, unreachableZones, zonesFromArgs } from './util/query-b-common.js';
import { parseLabelSelector, type LabelRequirement } from './util/query-b-labels.js';
import { kubernetesHandler } from './handlers/kubernetes.js';
import { appendAll } from '../append.js';
import { spanRange, tokenRange } from '../corefile/token.js';

export type PodMode = 'disabled' | 'insecure' | 'verified';

export interface KubernetesConfig {
  /** Normalised zones, in the order written (or the block's zones). */
  zones: string[];
  /** The first zone that is not a reverse zone: the cluster domain records are built under. */
  primaryZone: string | undefined;
  endpoints: string[];
  tls?: { cert: string; key: string; ca: string };
  kubeconfig?: { file: string; context?: string };
  namespaces: string[];
  labels?: LabelRequirement[];
  namespaceLabels?: LabelRequirement[];
  pods: PodMode;
  endpointPodNames: boolean;
  /** TTL of answers in seconds. */
  ttl: number;
  noEndpoints: boolean;
  zonal: boolean;
  /** Zones for which NXDOMAIN falls through to the next plugin; empty when fallthrough is off. */
  fallthrough: string[];
  ignoreEmptyService: boolean;
  multiclusterZones: string[];
  /** Nanoseconds. */
  startupTimeout: number;
  apiserverQps?: number;
  apiserverBurst?: number;
  apiserverMaxInflight?: number;
  /** Where each option was written (its name token), so the simulator's trace can point at the line that decided. */
  optionRanges: Partial<Record<string, Range>>;
}

const OPTIONS = [
  'endpoint', 'tls', 'kubeconfig', 'namespaces', 'labels', 'namespace_labels', 'pods', 'endpoint_pod_names', 'ttl',
  'noendpoints', 'zonal', 'fallthrough', 'ignore', 'multicluster', 'startup_timeout', 'apiserver_qps', 'apiserver_burst',
  'apiserver_max_inflight',
];

/** Options older releases knew; CoreDNS now calls them unknown, so the advice says what replaced them. */
const REMOVED: Record<string, string> = {
  upstream: "'upstream' was removed in CoreDNS 1.7: external names are now always resolved through the server itself. Delete the line.",
  resyncperiod: "'resyncperiod' was removed in CoreDNS 1.7: the plugin now watches the API instead of re-listing. Delete the line.",
};

function setup(ctx: SetupContext): KubernetesConfig {
  const { d } = ctx;
  const config: KubernetesConfig = {
    zones: [], primaryZone: undefined, endpoints: [], namespaces: [], pods: 'disabled', endpointPodNames: false, ttl: 5,
    noEndpoints: false, zonal: false, fallthrough: [], ignoreEmptyService: false, multiclusterZones: [], startupTimeout: 5e9,
    optionRanges: {},
  };
  if (!d.next()) return config;
  const zoneArgs = d.remainingArgTokens();
  config.zones = zonesFromArgs(ctx, 'kubernetes', zoneArgs);
  const unknownZones = zoneArgs.some((t) => ctx.isUnknown(t));
  config.primaryZone = config.zones.find((z) => !isReverseZone(z));
  if (config.primaryZone === undefined && !unknownZones) {
    ctx.report('error', 'kubernetes/no-forward-zone', `kubernetes needs at least one zone that is not a reverse zone (got ${config.zones.join(' ') || 'none'}): CoreDNS refuses to start. Add the cluster domain, e.g. 'kubernetes cluster.local in-addr.arpa ip6.arpa'.`, zoneArgs[0] ?? d.token());
  }
  if (!unknownZones) {
    for (const zone of unreachableZones(config.zones, ctx.block.zones)) {
      ctx.report('warning', 'kubernetes/zone-outside-block', `The zone ${zone} is outside this server block's zones (${ctx.block.zones.join(' ')}): CoreDNS accepts it, but queries for it are never routed to this block, so kubernetes never answers them. Add ${zone} to the block's keys or move kubernetes to a block that serves it.`, zoneArgs.find((t) => zonesFromArgsQuiet(t).includes(zone)) ?? d.token());
    }
  }
  let namespacesToken: ArgToken | undefined;
  let namespaceLabelsToken: ArgToken | undefined;
  let multiclusterTokens: readonly ArgToken[] = [];
  let noEndpointsToken: ArgToken | undefined;

  while (d.nextBlock()) {
    const option = d.token()!;
    const name = d.val();
    config.optionRanges[name] = tokenRange(option);
    switch (name) {
      case 'endpoint_pod_names':
      case 'noendpoints':
      case 'zonal': {
        const extra = d.remainingArgTokens();
        if (extra.length > 0) reportArgError(ctx, 'kubernetes', `'${name}' takes no value; remove '${extra.map((t) => t.value).join(' ')}'.`, extra[0]);
        if (name === 'endpoint_pod_names') config.endpointPodNames = true;
        if (name === 'noendpoints') {
          config.noEndpoints = true;
          noEndpointsToken = option;
        }
        if (name === 'zonal') config.zonal = true;
        break;
      }
      case 'pods': {
        const args = d.remainingArgTokens();
        if (args.length !== 1) {
          reportArgError(ctx, 'kubernetes', "Write 'pods disabled', 'pods insecure' or 'pods verified'.", option);
          break;
        }
        const mode = args[0]!;
        if (ctx.isUnknown(mode)) break;
        if (mode.value === 'disabled' || mode.value === 'insecure' || mode.value === 'verified') config.pods = mode.value;
        else ctx.report('error', 'kubernetes/invalid-pods-mode', `Wrong value for pods: '${mode.value}': CoreDNS refuses to start. Use one of disabled, insecure, verified (lowercase).`, mode);
        break;
      }
      case 'namespaces':
      case 'endpoint': {
        const args = d.remainingArgTokens();
        if (args.length === 0) {
          reportArgError(ctx, 'kubernetes', name === 'endpoint' ? "Give the API server's URL, e.g. 'endpoint https://10.0.0.1:6443'." : "List at least one namespace, e.g. 'namespaces default kube-system'.", option);
          break;
        }
        if (name === 'endpoint') {
          config.endpoints = args.map((t) => t.value);
          if (args.length > 1) ctx.report('warning', 'kubernetes/extra-endpoints', `Only the first endpoint (${args[0]!.value}) is used; the others are ignored. Keep one endpoint.`, args[1]);
        } else {
          appendAll(config.namespaces, args.map((t) => t.value));
          namespacesToken ??= option;
        }
        break;
      }
      case 'tls': {
        const args = d.remainingArgTokens();
        if (args.length !== 3) {
          reportArgError(ctx, 'kubernetes', "Write 'tls CERT KEY CACERT' (three files).", option);
          break;
        }
        config.tls = { cert: args[0]!.value, key: args[1]!.value, ca: args[2]!.value };
        for (const file of args) checkFile(ctx, file, 'CoreDNS cannot connect to the API server and refuses to start');
        break;
      }
      case 'labels':
      case 'namespace_labels': {
        const args = d.remainingArgTokens();
        if (args.length === 0) {
          reportArgError(ctx, 'kubernetes', `Give a label selector, e.g. '${name} app=web'.`, option);
          break;
        }
        if (args.some((t) => ctx.isUnknown(t))) break;
        const text = args.map((t) => t.value).join(' ');
        const parsed = parseLabelSelector(text);
        if (!parsed.ok) {
          const advice = parsed.error.includes('"!="') ? " Write 'key notin (value)' instead of 'key!=value'." : " Use key=value, key==value, key in (a,b), key notin (a,b), key or !key, separated by commas.";
          ctx.report('error', 'kubernetes/invalid-label-selector', `Unable to parse ${name} selector '${text}': ${parsed.error}. CoreDNS refuses to start.${advice}`, spanRange(args[0]!, args[args.length - 1]!));
          break;
        }
        if (name === 'labels') config.labels = parsed.requirements;
        else {
          config.namespaceLabels = parsed.requirements;
          namespaceLabelsToken = option;
        }
        break;
      }
      case 'fallthrough':
        config.fallthrough = fallthroughZones(d.remainingArgTokens());
        break;
      case 'ttl': {
        const args = d.remainingArgTokens();
        if (args.length === 0) {
          reportArgError(ctx, 'kubernetes', "Give the TTL in seconds, e.g. 'ttl 30'.", option);
          break;
        }
        const value = args[0]!;
        if (ctx.isUnknown(value)) break;
        const ttl = parseGoInt(value.value);
        if (ttl === undefined) ctx.report('error', 'kubernetes/invalid-ttl', `The ttl '${value.value}' is not an integer: CoreDNS refuses to start. Write whole seconds between 0 and 3600.`, value);
        else if (ttl < 0 || ttl > 3600) ctx.report('error', 'kubernetes/invalid-ttl', `The ttl must be within [0, 3600], got ${ttl}: CoreDNS refuses to start.`, value);
        else config.ttl = ttl;
        break;
      }
      case 'ignore': {
        const args = d.remainingArgTokens();
        // A bare `ignore` falls through CoreDNS's switch without an error, so it is accepted.
        if (args.length === 0 || ctx.isUnknown(args[0])) break;
        if (args[0]!.value === 'empty_service') config.ignoreEmptyService = true;
        else ctx.report('error', 'kubernetes/invalid-ignore', `Unable to parse ignore value '${args[0]!.value}': CoreDNS refuses to start. The only value is 'ignore empty_service'.`, args[0]);
        break;
      }
      case 'kubeconfig': {
        const args = d.remainingArgTokens();
        if (args.length !== 1 && args.length !== 2) {
          reportArgError(ctx, 'kubernetes', "Write 'kubeconfig FILE [CONTEXT]'.", option);
          break;
        }
        config.kubeconfig = { file: args[0]!.value, ...(args[1] ? { context: args[1].value } : {}) };
        checkFile(ctx, args[0]!, 'CoreDNS cannot load it and refuses to start');
        break;
      }
      case 'multicluster':
        multiclusterTokens = d.remainingArgTokens();
        config.multiclusterZones = multiclusterTokens.flatMap((t) => zonesFromArgsQuiet(t));
        break;
      case 'startup_timeout': {
        const args = d.remainingArgTokens();
        if (args.length === 0) {
          reportArgError(ctx, 'kubernetes', "Give a duration, e.g. 'startup_timeout 10s'.", option);
          break;
        }
        if (ctx.isUnknown(args[0])) break;
        const duration = parseGoDuration(args[0]!.value);
        if (duration === undefined) ctx.report('error', 'kubernetes/invalid-startup-timeout', `Failed to parse startup_timeout '${args[0]!.value}': CoreDNS refuses to start. Write a Go duration such as 10s or 1m.`, args[0]);
        else config.startupTimeout = duration;
        break;
      }
      case 'apiserver_qps':
      case 'apiserver_burst':
      case 'apiserver_max_inflight': {
        const args = d.remainingArgTokens();
        if (args.length !== 1) {
          reportArgError(ctx, 'kubernetes', `Write '${name} NUMBER'.`, option);
          break;
        }
        const value = args[0]!;
        if (ctx.isUnknown(value)) break;
        const number = name === 'apiserver_qps' ? parseGoFloat(value.value) : parseGoInt(value.value);
        const what = name === 'apiserver_qps' ? 'a number' : 'an integer';
        if (number === undefined || Number.isNaN(number)) ctx.report('error', 'kubernetes/invalid-number', `Invalid ${name} '${value.value}': CoreDNS refuses to start. Write ${what} >= 0.`, value);
        else if (number < 0) ctx.report('error', 'kubernetes/invalid-number', `${name} must be >= 0, got ${value.value}: CoreDNS refuses to start.`, value);
        else if (name === 'apiserver_qps') config.apiserverQps = number;
        else if (name === 'apiserver_burst') config.apiserverBurst = number;
        else config.apiserverMaxInflight = number;
        break;
      }
      default: {
        const removed = REMOVED[name];
        const advice = removed ?? `Known options: ${OPTIONS.join(', ')}.`;
        ctx.report('error', 'kubernetes/unknown-option', `Unknown property '${name}' of kubernetes: CoreDNS refuses to start. ${advice}`, option);
        d.remainingArgTokens();
      }
    }
  }

  if (namespacesToken && namespaceLabelsToken) {
    ctx.report('error', 'kubernetes/namespaces-and-namespace-labels', "namespaces and namespace_labels cannot both be set: CoreDNS refuses to start. Keep one of them.", namespaceLabelsToken);
  }
  if (!unknownZones) {
    for (const token of multiclusterTokens) {
      for (const zone of zonesFromArgsQuiet(token)) {
        if (!config.zones.includes(zone)) {
          ctx.report('error', 'kubernetes/multicluster-zone-not-served', `kubernetes is not authoritative for the multicluster zone ${zone} (its zones: ${config.zones.join(' ')}): CoreDNS refuses to start. Add ${zone} to the zones on the kubernetes line.`, token);
        }
      }
    }
  }
  if (config.zonal && config.noEndpoints) {
    ctx.report('error', 'kubernetes/zonal-with-noendpoints', 'zonal requires the endpoint cache, which noendpoints turns off: CoreDNS refuses to start. Remove noendpoints or zonal.', noEndpointsToken);
  }
  return config;
}

/** The zones of one argument, without reporting (the zone line already reported bad ones). */
function zonesFromArgsQuiet(token: ArgToken): string[] {
  return normalizeZoneArg(token.value).zones;
}

/** Client certificates and kubeconfig files are read when the API client is built at startup. */
function checkFile(ctx: SetupContext, token: ArgToken, consequence: string): void {
  if (ctx.isUnknown(token)) return;
  const found = lookUpFile(ctx, token.value);
  if (found && found.kind === 'file') return;
  ctx.report('warning', 'kubernetes/file-not-found', `The file ${token.value} was not found here; the linter cannot see the pod's file system. If it is missing in the pod, ${consequence}.`, token);
}

export const kubernetes: PluginModule<KubernetesConfig> = {
  name: 'kubernetes',
  setupOnly: false,
  repeat: 'once',
  docs: {
    summary: 'Serves the cluster DNS records of Kubernetes services, endpoints and pods from the API server.',
    behaviour: 'Answers queries under its zones from a watched copy of the cluster state (NXDOMAIN for names it does not know). With fallthrough, NXDOMAIN answers for the listed zones are handed to the next plugin instead. Queries outside its zones are passed on.',
    syntax: ['kubernetes [ZONES...]', 'kubernetes [ZONES...] {\n    endpoint URL\n    tls CERT KEY CACERT\n    kubeconfig FILE [CONTEXT]\n    namespaces NAMESPACE...\n    labels SELECTOR\n    namespace_labels SELECTOR\n    pods disabled|insecure|verified\n    endpoint_pod_names\n    ttl SECONDS\n    noendpoints\n    zonal\n    fallthrough [ZONES...]\n    ignore empty_service\n    multicluster ZONES...\n    startup_timeout DURATION\n    apiserver_qps NUMBER\n    apiserver_burst INTEGER\n    apiserver_max_inflight INTEGER\n}'],
    arguments: [{ name: 'ZONES', syntax: 'ZONES...', description: 'The zones served; the first one that is not a reverse zone is the cluster domain. Reverse zones (in-addr.arpa, ip6.arpa or CIDRs) answer PTR queries for service and pod addresses.', default: "the server block's zones" }],
    options: [
      { name: 'endpoint', syntax: 'endpoint URL', description: 'The API server to talk to, when CoreDNS runs outside the cluster. Only the first URL is used.', default: 'in-cluster service account' },
      { name: 'tls', syntax: 'tls CERT KEY CACERT', description: 'Client certificate, key and CA certificate for a remote API server.' },
      { name: 'kubeconfig', syntax: 'kubeconfig FILE [CONTEXT]', description: 'Read the API connection from a kubeconfig file, optionally with a given context.' },
      { name: 'namespaces', syntax: 'namespaces NAMESPACE...', description: 'Only expose services of these namespaces; other names get NXDOMAIN.', default: 'all namespaces' },
      { name: 'labels', syntax: 'labels SELECTOR', description: "Only expose objects matching this label selector (key=value, key==value, key in (a,b), key notin (a,b), key, !key; '!=' is not accepted)." },
      { name: 'namespace_labels', syntax: 'namespace_labels SELECTOR', description: 'Only expose namespaces whose labels match this selector. Cannot be combined with namespaces.' },
      { name: 'pods', syntax: 'pods disabled|insecure|verified', description: 'How A records of the form 1-2-3-4.ns.pod.ZONE are answered: not at all, for any address, or only for addresses of existing pods in that namespace.', default: 'disabled' },
      { name: 'endpoint_pod_names', syntax: 'endpoint_pod_names', description: "Name headless-service endpoints after their pod's name instead of its address." },
      { name: 'ttl', syntax: 'ttl SECONDS', description: 'TTL of the answers.', default: '5', values: '0..3600' },
      { name: 'noendpoints', syntax: 'noendpoints', description: 'Do not watch endpoints: headless services and endpoint names are not answered. Conflicts with zonal.' },
      { name: 'zonal', syntax: 'zonal', description: 'Also answer zone-scoped names from the endpoint cache. Requires endpoints (not noendpoints).' },
      { name: 'fallthrough', syntax: 'fallthrough [ZONES...]', description: 'Hand NXDOMAIN answers for these zones (all when none given) to the next plugin.' },
      { name: 'ignore', syntax: 'ignore empty_service', description: 'Answer NXDOMAIN for services without ready endpoints.' },
      { name: 'multicluster', syntax: 'multicluster ZONES...', description: 'Zones that serve multi-cluster services (MCS API); each must be one of the plugin zones.' },
      { name: 'startup_timeout', syntax: 'startup_timeout DURATION', description: 'How long to wait for the first sync with the API before serving anyway.', default: '5s' },
      { name: 'apiserver_qps', syntax: 'apiserver_qps NUMBER', description: 'Client-side request rate limit towards the API server.', values: '>= 0' },
      { name: 'apiserver_burst', syntax: 'apiserver_burst INTEGER', description: 'Client-side burst allowance towards the API server.', values: '>= 0' },
      { name: 'apiserver_max_inflight', syntax: 'apiserver_max_inflight INTEGER', description: 'Most concurrent requests towards the API server (0 means no limit).', values: '>= 0' },
    ],
    examples: [
      '.:53 {\n    errors\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n        pods insecure\n        fallthrough in-addr.arpa ip6.arpa\n        ttl 30\n    }\n    forward . 10.0.0.1\n    cache 30\n}',
    ],
  },
  setup,
  handler: kubernetesHandler,
};
