// bufsize: a plugin with no effect a simulated client can see.
import type { Handler } from '../../resolve/types.js';
import type { BufsizeConfig } from '../bufsize.js';
import type { HandlerSite } from '../types.js';
import { noEffectHandler } from './pass-on.js';

export function bufsizeHandler(_config: BufsizeConfig, site: HandlerSite): Handler {
  return noEffectHandler('bufsize', site, "bufsize lowers the EDNS0 buffer size CoreDNS advertises on the queries it sends upstream; the scenario's upstream answers do not depend on it, so it has no effect on the simulated answer.");
}
