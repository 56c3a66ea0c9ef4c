// azure: answers from Azure DNS zones (plugin/azure). The records live in Azure, outside any scenario.
import type { Handler } from '../../resolve/types.js';
import { matchZone } from '../../resolve/message.js';
import type { AzureConfig } from '../azure.js';
import type { HandlerSite } from '../types.js';
import { externalBackendHandler } from './pass-on.js';

export function azureHandler(config: AzureConfig, site: HandlerSite): Handler {
  const zones = config.zones.map((z) => z.zone);
  return externalBackendHandler('azure', site, zones, (zone) => {
    const groups = config.zones.filter((z) => z.zone === zone).map((z) => `${z.resourceGroup} (${z.access})`);
    return `the records for ${zone} come from Azure DNS in resource group ${groups.join(', ')}, which the scenario cannot describe.`;
  }, (qname) => matchZone(zones, qname));
}
