// etcd: answers from SkyDNS-style records kept in etcd (plugin/etcd). etcd is outside any scenario.
import type { Handler } from '../../resolve/types.js';
import { matchZone } from '../../resolve/message.js';
import type { EtcdConfig } from '../etcd.js';
import type { HandlerSite } from '../types.js';
import { externalBackendHandler } from './pass-on.js';

export function etcdHandler(config: EtcdConfig, site: HandlerSite): Handler {
  return externalBackendHandler('etcd', site, config.zones, (zone) =>
    `the records for ${zone} are read from etcd (${config.endpoints.join(', ') || 'its endpoints'}, under ${config.path}), which the scenario cannot describe.`,
  (qname) => matchZone(config.zones, qname));
}
