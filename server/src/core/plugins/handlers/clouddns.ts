// clouddns: answers from Google Cloud DNS zones (plugin/clouddns). The records live in Google Cloud.
import type { Handler } from '../../resolve/types.js';
import { matchZone } from '../../resolve/message.js';
import type { CloudDnsConfig } from '../clouddns.js';
import type { HandlerSite } from '../types.js';
import { externalBackendHandler } from './pass-on.js';

export function clouddnsHandler(config: CloudDnsConfig, site: HandlerSite): Handler {
  const zones = config.zones.map((z) => z.zone);
  return externalBackendHandler('clouddns', site, zones, (zone) => {
    const where = config.zones.filter((z) => z.zone === zone).map((z) => `${z.project}/${z.hostedZone}`);
    return `the records for ${zone} come from Google Cloud DNS (${where.join(', ')}), which the scenario cannot describe.`;
  }, (qname) => matchZone(zones, qname));
}
