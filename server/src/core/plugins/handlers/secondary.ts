// The secondary plugin's query behaviour: it is the file plugin serving zones that arrive by zone transfer
// (plugin/secondary embeds file.File). The simulator performs no transfer; it serves a copy of the zone
// that the scenario mounts under `secondary:<zone>` and says so in the trace. Without a copy the zone is
// in the state CoreDNS is in before its first successful transfer: no SOA, so every query gets SERVFAIL.
import type { Handler } from '../../resolve/types.js';
import type { SecondaryConfig } from '../secondary.js';
import type { HandlerSite } from '../types.js';
import { listZones, matchZone, questionOf, stepper } from './zones/common.js';
import { loadZoneFile } from './zones/load.js';
import { serveZone } from './zones/serve-zone.js';

/** The mount keys under which a scenario provides the transferred copy of a zone. */
export function secondaryCopyKeys(zone: string): string[] {
  const bare = zone === '.' ? '.' : zone.replace(/\.$/, '');
  return [`secondary:${bare}`, `secondary:${bare}.`];
}

export function secondaryHandler(config: SecondaryConfig, site: HandlerSite): Handler {
  const origins = config.zones.map((z) => z.toLowerCase());
  const primaries = config.transferFrom.length > 0 ? config.transferFrom.join(', ') : 'its primary';
  return {
    name: 'secondary',
    serve(req, next, ctx) {
      const step = stepper(ctx, 'secondary', site);
      const q = questionOf(req);
      const origin = matchZone(origins, q.name);
      if (origin === undefined) {
        const catalog = config.catalog !== undefined ? ' Member zones of a catalog zone are not simulated.' : '';
        step('passed', `${q.name} is not in the zones of secondary (${listZones(origins)}): passed to the next plugin.${catalog}`);
        return next(req);
      }
      const keys = secondaryCopyKeys(origin);
      const load = loadZoneFile(ctx.world.files, keys, origin);
      if (!load.ok) {
        if (load.reason === 'missing') {
          step('error', `secondary would transfer ${origin} from ${primaries}; the simulator does not transfer zones and the scenario mounts no copy of it (mount one as '${keys[0]}'). Before its first transfer the zone has no SOA, so CoreDNS answers SERVFAIL.`);
        } else {
          step('error', `The mounted copy of ${origin} (${load.path}) cannot be read as a zone: ${load.message}. A transfer of such data would fail, leaving the zone empty: SERVFAIL.`);
        }
        return { rcode: 'SERVFAIL', answeredBy: 'secondary' };
      }
      return serveZone(load.zone, req, next, ctx, site, {
        plugin: 'secondary',
        fallthrough: config.fallthrough,
        source: `the mounted copy ${load.path} standing in for the transfer from ${primaries}`,
        referralKeepsAaWithAnswer: true,
      });
    },
  };
}
