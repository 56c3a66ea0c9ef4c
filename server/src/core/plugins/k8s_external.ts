// The k8s_external plugin: answers for Kubernetes services' external addresses (LoadBalancer and external
// IPs) under its own zones, using the kubernetes plugin's data. Reading follows plugin/k8s_external/setup.go.
import { parseGoInt } from './args.js';
import type { PluginModule, SetupContext } from './types.js';
import { fallthroughZones, reportArgError, zonesFromArgs } from './util/query-b-common.js';
import { k8sExternalHandler } from './handlers/k8s_external.js';

export interface K8sExternalConfig {
  zones: string[];
  /** TTL of answers in seconds. */
  ttl: number;
  /** The label under each zone that holds the zone's own SOA/NS records. */
  apex: string;
  headless: boolean;
  fallthrough: string[];
}

const OPTIONS = ['ttl', 'apex', 'headless', 'fallthrough'];

function setup(ctx: SetupContext): K8sExternalConfig {
  const { d } = ctx;
  const config: K8sExternalConfig = { zones: [], ttl: 5, apex: 'dns', headless: false, fallthrough: [] };
  let first = true;
  while (d.next()) {
    const directive = d.token()!;
    // The handler finds the kubernetes plugin when the server starts; without it CoreDNS stops there.
    if (first && !ctx.block.directives.has('kubernetes')) {
      ctx.report('error', 'k8s_external/needs-kubernetes', "k8s_external reads services from the kubernetes plugin, which this server block does not have: CoreDNS fails to start ('kubernetes plugin not loaded'). Add a kubernetes directive to this block.", directive);
    }
    first = false;
    config.zones = zonesFromArgs(ctx, 'k8s_external', d.remainingArgTokens());
    while (d.nextBlock()) {
      const option = d.token()!;
      switch (d.val()) {
        case 'ttl': {
          const args = d.remainingArgTokens();
          if (args.length === 0) {
            reportArgError(ctx, 'k8s_external', "Give the TTL in seconds, e.g. 'ttl 30'.", option);
            break;
          }
          if (ctx.isUnknown(args[0])) break;
          const ttl = parseGoInt(args[0]!.value);
          if (ttl === undefined) ctx.report('error', 'k8s_external/invalid-ttl', `The ttl '${args[0]!.value}' is not an integer: CoreDNS refuses to start. Write whole seconds between 0 and 3600.`, args[0]);
          else if (ttl < 0 || ttl > 3600) ctx.report('error', 'k8s_external/invalid-ttl', `The ttl must be within [0, 3600], got ${ttl}: CoreDNS refuses to start.`, args[0]);
          else config.ttl = ttl;
          break;
        }
        case 'apex': {
          const args = d.remainingArgTokens();
          if (args.length === 0) reportArgError(ctx, 'k8s_external', "Give the apex label, e.g. 'apex dns'.", option);
          else config.apex = args[0]!.value;
          break;
        }
        case 'headless':
          // CoreDNS reads no arguments here, so a word after `headless` is read as the next option.
          config.headless = true;
          break;
        case 'fallthrough':
          config.fallthrough = fallthroughZones(d.remainingArgTokens());
          break;
        default:
          ctx.report('error', 'k8s_external/unknown-option', `Unknown property '${d.val()}' of k8s_external: CoreDNS refuses to start. Known options: ${OPTIONS.join(', ')}.`, option);
          d.remainingArgTokens();
      }
    }
  }
  return config;
}

export const k8s_external: PluginModule<K8sExternalConfig> = {
  name: 'k8s_external',
  setupOnly: false,
  repeat: 'repeatable',
  docs: {
    summary: "Publishes Kubernetes services' external addresses (LoadBalancer ingress and external IPs) under a zone of your choice.",
    behaviour: 'For queries under its zones, answers A/AAAA/SRV (and the apex SOA/NS) from the services the kubernetes plugin in the same block watches, as SERVICE.NAMESPACE.ZONE; unknown names get NXDOMAIN unless fallthrough passes them on. Other queries are passed to the next plugin. Needs the kubernetes plugin in the same server block.',
    syntax: ['k8s_external [ZONES...]', 'k8s_external [ZONES...] {\n    ttl SECONDS\n    apex LABEL\n    headless\n    fallthrough [ZONES...]\n}'],
    arguments: [{ name: 'ZONES', syntax: 'ZONES...', description: 'The zones to publish services under.', default: "the server block's zones" }],
    options: [
      { name: 'ttl', syntax: 'ttl SECONDS', description: 'TTL of the answers.', default: '5', values: '0..3600' },
      { name: 'apex', syntax: 'apex LABEL', description: "The label under the zone whose address records answer the zone's NS queries.", default: 'dns' },
      { name: 'headless', syntax: 'headless', description: 'Also publish the pod addresses behind headless services.' },
      { name: 'fallthrough', syntax: 'fallthrough [ZONES...]', description: 'Hand NXDOMAIN answers for these zones (all when none given) to the next plugin.' },
    ],
    examples: ['.:53 {\n    kubernetes cluster.local\n    k8s_external example.org {\n        ttl 30\n    }\n}'],
  },
  setup,
  handler: k8sExternalHandler,
};
