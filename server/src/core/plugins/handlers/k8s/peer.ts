// k8s_external and autopath @kubernetes do not read the cluster themselves: in CoreDNS they ask the kubernetes
// plugin of their server block (dnsserver.GetConfig(c).Handler("kubernetes")). The simulator's counterpart
// is the block's typed kubernetes configuration, which the engine offers through the handler site.
import type { HandlerSite, PluginModule } from '../../types.js';

/** A handler site that can also hand out the configuration of another directive of the same server block. */
export interface SiteWithPeers extends HandlerSite {
  /** The typed configuration `module.setup` produced for that directive in this block, if it is there. */
  peer?<C>(module: PluginModule<C>): C | undefined;
}

/** The configuration of another directive of the same block, when the engine provides it. */
export function peerConfig<C>(site: HandlerSite, module: PluginModule<C>): C | undefined {
  const withPeers: SiteWithPeers = site;
  return withPeers.peer?.(module);
}
