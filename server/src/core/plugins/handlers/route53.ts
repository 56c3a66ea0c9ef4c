// route53: answers from AWS Route 53 hosted zones (plugin/route53). The records live in AWS, outside any
// scenario, so for names in its zones the trace says "not simulated".
import type { Handler } from '../../resolve/types.js';
import { matchZone } from '../../resolve/message.js';
import type { Route53Config } from '../route53.js';
import type { HandlerSite } from '../types.js';
import { externalBackendHandler } from './pass-on.js';

export function route53Handler(config: Route53Config, site: HandlerSite): Handler {
  const zones = config.zones.map((z) => z.zone);
  return externalBackendHandler('route53', site, zones, (zone) => {
    const ids = config.zones.filter((z) => z.zone === zone).map((z) => z.hostedZoneId);
    return `the records for ${zone} come from the Route 53 hosted zone ${ids.join(', ')}, which the scenario cannot describe.`;
  }, (qname) => matchZone(zones, qname));
}
