// A server block as the simulator runs it: its zones per listener, and its plugin chain built once from the
// typed configurations the checker produced. The chain follows plugin.cfg (PLUGIN_ORDER), never the order
// of lines in the Corefile, exactly as CoreDNS compiles a block's plugins into one handler.
import type { CheckedBlock } from '../../corefile/check.js';
import { PLUGIN_ORDER } from '../../plugins/order.js';
import { pluginModule } from '../../plugins/registry.js';
import type { HandlerSite, PluginModule } from '../../plugins/types.js';
import type { Range } from '../../types.js';
import type { Handler, HandlerResult, Next, Request, HandlerContext } from '../types.js';
import { tokenRange } from '../../corefile/token.js';

export interface ChainLink {
  name: string;
  handler: Handler;
  site: HandlerSite;
}

/** One zone a block serves on one listener, with the key that says so. */
export interface BlockZone {
  zone: string;
  port: number;
  transport: string;
  /** The key as written, and where. */
  keyText: string;
  range: Range;
  uri: string;
}

export interface SimBlock {
  /** The block's position among the Corefile's blocks (imports expanded). */
  index: number;
  zones: BlockZone[];
  /** The plugins that see queries, in execution order; empty when the block has none. */
  chain: ChainLink[];
  /** The view directive's configuration and place, when the block has one. */
  view?: { config: unknown; site: HandlerSite };
  /** True when the block loads a plugin that opens the server to non-IN classes (chaos, forward). */
  enablesChaos: boolean;
}

/** Plugins whose presence makes CoreDNS accept queries of other classes than IN (dnsserver.EnableChaos). */
const CHAOS_OPENERS = new Set(['chaos', 'forward']);

/** A plugin the simulator cannot run: it says so in the trace and passes the query on, never guessing. */
function notSimulated(name: string, site: HandlerSite): Handler {
  return {
    name,
    serve(req: Request, next: Next, ctx: HandlerContext): HandlerResult {
      ctx.step({ plugin: name, action: 'not-simulated', detail: `not simulated: the simulator has no model of what '${name}' does to a query, so the query is passed on unchanged.`, range: site.range, uri: site.uri });
      return next(req);
    },
  };
}

/**
 * A handler site that also hands out another directive's configuration in the same block, the way CoreDNS
 * plugins ask their block for another plugin (dnsserver.GetConfig(c).Handler("kubernetes")): autopath and
 * k8s_external read the block's kubernetes configuration through it.
 */
export interface BlockSite extends HandlerSite {
  peer<C>(module: PluginModule<C>): C | undefined;
}

/** The site of a directive: the range of its name where it is first written. */
function siteOf(checked: CheckedBlock, name: string, blockZones: string[]): BlockSite | undefined {
  const directive = checked.block.directives.find((d) => d.name === name);
  const token = directive?.tokens[0];
  if (!token) return undefined;
  return {
    range: tokenRange(token),
    uri: token.source.uri,
    blockZones,
    // The checker stored exactly what module.setup returned under the module's name.
    peer: <C>(module: PluginModule<C>): C | undefined => checked.configs.get(module.name) as C | undefined,
  };
}

/** Builds a block's chain and zones once; a handler that fails to build is reported as not simulated. */
export function buildBlock(checked: CheckedBlock, index: number): SimBlock {
  const zones: BlockZone[] = [];
  for (const { key, token } of checked.keys) {
    for (const zone of key.zones) {
      zones.push({ zone, port: key.port, transport: key.transport, keyText: key.text, range: tokenRange(token), uri: token.source.uri });
    }
  }
  const blockZones = [...new Set(zones.map((z) => z.zone))];
  const chain: ChainLink[] = [];
  let view: SimBlock['view'];
  let enablesChaos = false;
  for (const name of PLUGIN_ORDER) {
    if (!checked.configs.has(name)) continue;
    const module = pluginModule(name);
    const site = siteOf(checked, name, blockZones);
    if (!module || !site || module.setupOnly) continue;
    const config = checked.configs.get(name);
    if (name === 'view') view = { config, site };
    if (CHAOS_OPENERS.has(name)) enablesChaos = true;
    let handler: Handler;
    try {
      handler = module.handler ? module.handler(config, site) : notSimulated(name, site);
    } catch {
      // A configuration the handler cannot use (it only happens with a Corefile CoreDNS refuses) must not
      // stop the whole simulation; the trace shows the plugin as not simulated instead.
      handler = notSimulated(name, site);
    }
    chain.push({ name, handler, site });
  }
  const block: SimBlock = { index, zones, chain, enablesChaos };
  if (view) block.view = view;
  return block;
}

/** The label of a block for one of its zones, as people write a key: `zone:port`, with a scheme when not dns. */
export function blockLabel(zone: BlockZone): string {
  const scheme = zone.transport === 'dns' ? '' : `${zone.transport}://`;
  return `${scheme}${zone.zone}:${zone.port}`;
}
