// The file plugin's query behaviour (plugin/file/file.go ServeDNS): queries under one of its origins are
// answered from that zone file, read from the simulated world by the path the Corefile wrote; anything
// else goes to the next plugin.
import type { Handler } from '../../resolve/types.js';
import type { FileConfig, FileZone } from '../file.js';
import type { HandlerSite } from '../types.js';
import { listZones, matchZone, questionOf, stepper } from './zones/common.js';
import { candidatePaths, loadZoneFile } from './zones/load.js';
import { serveZone } from './zones/serve-zone.js';

export function fileHandler(config: FileConfig, site: HandlerSite): Handler {
  // Several lines may name the same origin; CoreDNS keeps the zone of the last one.
  const byOrigin = new Map<string, FileZone>();
  for (const zone of config.zones) byOrigin.set(zone.origin.toLowerCase(), zone);
  const origins = [...byOrigin.keys()];
  return {
    name: 'file',
    serve(req, next, ctx) {
      const step = stepper(ctx, 'file', site);
      const q = questionOf(req);
      const origin = matchZone(origins, q.name);
      if (origin === undefined) {
        step('passed', `${q.name} is not in the zones of file (${listZones(origins)}): passed to the next plugin.`);
        return next(req);
      }
      const entry = byOrigin.get(origin)!;
      const load = loadZoneFile(ctx.world.files, candidatePaths(entry.file, entry.path), origin);
      if (!load.ok) {
        if (load.reason === 'missing') {
          const refuses = config.reload === 0 ? " (with 'reload 0' CoreDNS would not even start)" : '';
          step('error', `The zone file ${entry.file} for ${origin} is not available in the simulation (looked for ${load.tried.join(', ')}; add it to the scenario's mounts). Without it the zone has no SOA and CoreDNS answers SERVFAIL${refuses}.`);
        } else {
          step('error', `The zone file ${load.path} cannot be loaded for ${origin}: ${load.message}. CoreDNS refuses to start with this file; the simulation answers SERVFAIL.`);
        }
        return { rcode: 'SERVFAIL', answeredBy: 'file' };
      }
      return serveZone(load.zone, req, next, ctx, site, { plugin: 'file', fallthrough: config.fallthrough, source: `the zone file ${load.path}`, referralKeepsAaWithAnswer: true });
    },
  };
}
