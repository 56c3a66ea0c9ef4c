// The auto plugin's query behaviour (plugin/auto/auto.go ServeDNS): a query must first fall under the
// plugin's zones, then under one of the zones found in the directory; it is answered from that zone like
// the file plugin answers (auto has no fallthrough). Everything else goes to the next plugin.
import type { Handler } from '../../resolve/types.js';
import type { AutoConfig } from '../auto.js';
import type { HandlerSite } from '../types.js';
import { count, listZones, matchZone, questionOf, stepper } from './zones/common.js';
import { scanDirectory, type AutoScan } from './zones/auto-scan.js';
import { serveZone } from './zones/serve-zone.js';

export function autoHandler(config: AutoConfig, site: HandlerSite): Handler {
  const origins = config.zones.map((z) => z.toLowerCase());
  return {
    name: 'auto',
    serve(req, next, ctx) {
      const step = stepper(ctx, 'auto', site);
      const q = questionOf(req);
      if (matchZone(origins, q.name) === undefined) {
        step('passed', `${q.name} is not in the zones of auto (${listZones(origins)}): passed to the next plugin.`);
        return next(req);
      }
      const { scan, directory } = scanFor(config, ctx.world.files);
      const loaded = scan.zones.map((z) => z.origin);
      const origin = matchZone(loaded, q.name);
      if (origin === undefined) {
        const found = config.directory === ''
          ? 'auto has no directory option, so CoreDNS loads no zones at all'
          : directory === undefined
            ? `the directory ${config.directory} is not in the simulation (mount zone files below it in the scenario)`
            : scan.zones.length === 0
              ? `no file in ${directory} matches ${config.pattern} and loads`
              : `the zones loaded from ${directory} are ${listZones(loaded)}`;
        const skipped = scan.skipped.length > 0 ? ` Left out: ${scan.skipped.join('; ')}.` : '';
        step('passed', `${found}; none holds ${q.name}: passed to the next plugin.${skipped}`);
        return next(req);
      }
      const entry = scan.zones.find((z) => z.origin === origin)!;
      return serveZone(entry.zone, req, next, ctx, site, {
        plugin: 'auto',
        fallthrough: [],
        source: `${entry.path}, one of ${count(scan.zones.length, 'zone')} found in ${directory}`,
        referralKeepsAaWithAnswer: false,
      });
    },
  };
}

/** The scan of the directory, read by the path the Corefile wrote (the scenario mounts it there). */
function scanFor(config: AutoConfig, files: Parameters<typeof scanDirectory>[0]): { scan: AutoScan; directory: string | undefined } {
  const directory = config.directory;
  if (directory === '' || files.stat(directory) !== 'directory') return { scan: { zones: [], skipped: [] }, directory: undefined };
  return { scan: scanDirectory(files, directory, config.pattern, config.template), directory };
}
