// nomad: answers service lookups from a HashiCorp Nomad cluster's API (plugin/nomad), outside any scenario.
import type { Handler } from '../../resolve/types.js';
import { matchZone } from '../../resolve/message.js';
import type { NomadConfig } from '../nomad.js';
import type { HandlerSite } from '../types.js';
import { externalBackendHandler } from './pass-on.js';

export function nomadHandler(config: NomadConfig, site: HandlerSite): Handler {
  const zones = [config.zone];
  return externalBackendHandler('nomad', site, zones, (zone) =>
    `the records for ${zone} come from the Nomad API (${config.addresses.join(', ') || 'its default address'}), which the scenario cannot describe.`,
  (qname) => matchZone(zones, qname));
}
