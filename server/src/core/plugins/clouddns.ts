// The clouddns plugin: serves zones from Google Cloud DNS. Reading follows plugin/clouddns/setup.go; every
// clouddns line is set up on its own.
import type { PluginModule, SetupContext } from './types.js';
import { fallthroughZones, lookUpFile } from './util/query-b-common.js';
import { oneValue, readTuples } from './util/query-b-cloud.js';
import { clouddnsHandler } from './handlers/clouddns.js';
import { appendAll } from '../append.js';

export interface CloudDnsZone {
  zone: string;
  project: string;
  hostedZone: string;
}

export interface CloudDnsConfig {
  zones: CloudDnsZone[];
  credentials?: string;
  fallthrough: string[];
}

function setup(ctx: SetupContext): CloudDnsConfig {
  const { d } = ctx;
  const config: CloudDnsConfig = { zones: [], fallthrough: [] };
  while (d.next()) {
    const tuples = readTuples(ctx, 'clouddns', d.remainingArgTokens(), 3, 'ZONE:PROJECT:HOSTED_ZONE (e.g. example.org.:my-project:example-zone)', new Set());
    appendAll(config.zones, tuples.map(([zone, project, hostedZone]) => ({ zone: zone!, project: project!, hostedZone: hostedZone! })));
    while (d.nextBlock()) {
      const option = d.token()!;
      switch (d.val()) {
        case 'upstream':
          d.remainingArgTokens();
          break;
        case 'credentials': {
          const value = oneValue(ctx, 'clouddns', option, "Write 'credentials FILE'.");
          if (!value || ctx.isUnknown(value)) break;
          config.credentials = value.value;
          if (lookUpFile(ctx, value.value)?.kind !== 'file') {
            ctx.report('warning', 'clouddns/file-not-found', `The credentials file ${value.value} was not found here (the linter cannot see the pod's file system). CoreDNS reads it at startup and refuses to start if it is missing or not a service-account key.`, value);
          }
          break;
        }
        case 'fallthrough':
          config.fallthrough = fallthroughZones(d.remainingArgTokens());
          break;
        default:
          ctx.report('error', 'clouddns/unknown-option', `Unknown property '${d.val()}' of clouddns: CoreDNS refuses to start. Known options: credentials, fallthrough, upstream.`, option);
          d.remainingArgTokens();
      }
    }
  }
  return config;
}

export const clouddns: PluginModule<CloudDnsConfig> = {
  name: 'clouddns',
  setupOnly: false,
  handler: clouddnsHandler,
  repeat: 'repeatable',
  docs: {
    summary: 'Serves zones from Google Cloud DNS managed zones.',
    behaviour: 'Loads the managed zones through the Google Cloud API at startup (CoreDNS fails to start when that fails) and refreshes them periodically; answers queries for them from the copy, with NXDOMAIN for unknown names unless fallthrough hands them on. Other queries are passed on.',
    syntax: ['clouddns ZONE:PROJECT:HOSTED_ZONE... {\n    credentials FILE\n    fallthrough [ZONES...]\n}'],
    arguments: [{ name: 'ZONE:PROJECT:HOSTED_ZONE', syntax: 'ZONE:PROJECT:HOSTED_ZONE...', description: 'The zone name, the Google Cloud project and the managed zone name to load it from.' }],
    options: [
      { name: 'credentials', syntax: 'credentials FILE', description: 'A service-account key file; without it the default Google credentials are used.' },
      { name: 'fallthrough', syntax: 'fallthrough [ZONES...]', description: 'Hand NXDOMAIN answers for these zones (all when none given) to the next plugin.' },
    ],
    examples: ['example.org:53 {\n    clouddns example.org.:my-project:example-zone\n}'],
  },
  setup,
};
