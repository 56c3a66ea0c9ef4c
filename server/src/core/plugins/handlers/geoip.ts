// geoip: adds location metadata for the client's address from a MaxMind database, which a scenario does not
// carry; the query passes on, and the trace says that plugins reading geoip/ metadata see none.
import type { Handler } from '../../resolve/types.js';
import type { GeoipConfig } from '../geoip.js';
import type { HandlerSite } from '../types.js';

export function geoipHandler(_config: GeoipConfig, site: HandlerSite): Handler {
  return {
    name: 'geoip',
    serve(req, next, ctx) {
      ctx.step({
        plugin: 'geoip',
        action: 'not-simulated',
        detail: 'not simulated: geoip would add location metadata for the client from its database, which the scenario does not have; plugins that read geoip/ metadata see none here.',
        range: site.range,
        uri: site.uri,
      });
      return next(req);
    },
  };
}
