// The azure plugin: serves zones from Azure DNS (public or private). Reading follows plugin/azure/setup.go's
// parse, which reads every azure line of a block into one plugin.
import type { ArgToken } from '../corefile/dispenser.js';
import type { PluginModule, SetupContext } from './types.js';
import { fallthroughZones } from './util/query-b-common.js';
import { oneValue, readTuples } from './util/query-b-cloud.js';
import { azureHandler } from './handlers/azure.js';
import { appendAll } from '../append.js';

export interface AzureZone {
  resourceGroup: string;
  zone: string;
  access: 'public' | 'private';
}

export interface AzureConfig {
  zones: AzureZone[];
  environment: string;
  fallthrough: string[];
}

/** The cloud names go-autorest knows (matched after upper-casing); AZURESTACKCLOUD reads a file named by the environment. */
const ENVIRONMENTS = new Set(['AZURECHINACLOUD', 'AZUREGERMANCLOUD', 'AZURECLOUD', 'AZUREPUBLICCLOUD', 'AZUREUSGOVERNMENT', 'AZUREUSGOVERNMENTCLOUD', 'AZURESTACKCLOUD']);
const CREDENTIALS = new Set(['subscription', 'tenant', 'client', 'secret']);

function setup(ctx: SetupContext): AzureConfig {
  const { d } = ctx;
  const config: AzureConfig = { zones: [], environment: 'AzurePublicCloud', fallthrough: [] };
  const seen = new Set<string>();
  while (d.next()) {
    const current = readTuples(ctx, 'azure', d.remainingArgTokens(), 2, 'RESOURCE_GROUP:ZONE (e.g. rg-dns:example.org)', seen)
      .map(([resourceGroup, zone]): AzureZone => ({ resourceGroup: resourceGroup!, zone: zone!, access: 'public' }));
    appendAll(config.zones, current);
    while (d.nextBlock()) {
      const option = d.token()!;
      const name = d.val();
      if (CREDENTIALS.has(name)) {
        oneValue(ctx, 'azure', option, `Write '${name} VALUE'.`);
        continue;
      }
      switch (name) {
        case 'environment': {
          const value = oneValue(ctx, 'azure', option, "Write 'environment NAME', e.g. 'environment AzurePublicCloud'.");
          if (value && !ctx.isUnknown(value)) checkEnvironment(ctx, value, config);
          break;
        }
        case 'fallthrough':
          config.fallthrough = fallthroughZones(d.remainingArgTokens());
          break;
        case 'access': {
          const value = oneValue(ctx, 'azure', option, "Write 'access public' or 'access private'.");
          if (!value || ctx.isUnknown(value)) break;
          if (value.value !== 'public' && value.value !== 'private') ctx.report('error', 'azure/invalid-access', `Invalid access value '${value.value}': CoreDNS refuses to start. Use public or private (lowercase).`, value);
          else for (const zone of current) zone.access = value.value;
          break;
        }
        default:
          ctx.report('error', 'azure/unknown-option', `Unknown property '${name}' of azure: CoreDNS refuses to start. Known options: subscription, tenant, client, secret, environment, fallthrough, access.`, option);
          d.remainingArgTokens();
      }
    }
  }
  return config;
}

function checkEnvironment(ctx: SetupContext, value: ArgToken, config: AzureConfig): void {
  if (ENVIRONMENTS.has(value.value.toUpperCase())) config.environment = value.value;
  else ctx.report('error', 'azure/invalid-environment', `Unknown Azure environment '${value.value}': CoreDNS refuses to start. Use AzurePublicCloud, AzureChinaCloud, AzureUSGovernmentCloud or AzureGermanCloud.`, value);
}

export const azure: PluginModule<AzureConfig> = {
  name: 'azure',
  setupOnly: false,
  handler: azureHandler,
  repeat: 'repeatable',
  docs: {
    summary: 'Serves zones from Azure DNS, public or private.',
    behaviour: 'Loads the zones through the Azure API at startup (CoreDNS fails to start when that fails) and refreshes them periodically; answers queries for them from the copy, with NXDOMAIN for unknown names unless fallthrough hands them on. Other queries are passed on.',
    syntax: ['azure RESOURCE_GROUP:ZONE... {\n    tenant TENANT_ID\n    client CLIENT_ID\n    secret CLIENT_SECRET\n    subscription SUBSCRIPTION_ID\n    environment NAME\n    fallthrough [ZONES...]\n    access public|private\n}'],
    arguments: [{ name: 'RESOURCE_GROUP:ZONE', syntax: 'RESOURCE_GROUP:ZONE...', description: 'The resource group and zone name of each Azure DNS zone to serve.' }],
    options: [
      { name: 'tenant', syntax: 'tenant TENANT_ID', description: 'Azure AD tenant of the service principal.' },
      { name: 'client', syntax: 'client CLIENT_ID', description: 'Application (client) ID of the service principal.' },
      { name: 'secret', syntax: 'secret CLIENT_SECRET', description: 'Client secret of the service principal.' },
      { name: 'subscription', syntax: 'subscription SUBSCRIPTION_ID', description: 'The subscription holding the zones.' },
      { name: 'environment', syntax: 'environment NAME', description: 'The Azure cloud.', default: 'AzurePublicCloud', values: 'AzurePublicCloud, AzureChinaCloud, AzureUSGovernmentCloud, AzureGermanCloud' },
      { name: 'fallthrough', syntax: 'fallthrough [ZONES...]', description: 'Hand NXDOMAIN answers for these zones (all when none given) to the next plugin.' },
      { name: 'access', syntax: 'access public|private', description: 'Whether the zones on this line are public or private DNS zones.', default: 'public' },
    ],
    examples: ['example.org:53 {\n    azure rg-dns:example.org {\n        access public\n    }\n}'],
  },
  setup,
};
