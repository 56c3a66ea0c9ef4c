// nsid: a plugin with no effect a simulated client can see.
import type { Handler } from '../../resolve/types.js';
import type { NsidConfig } from '../nsid.js';
import type { HandlerSite } from '../types.js';
import { noEffectHandler } from './pass-on.js';

export function nsidHandler(_config: NsidConfig, site: HandlerSite): Handler {
  return noEffectHandler('nsid', site, 'nsid adds its identifier only to replies whose query asked for NSID in EDNS0; the simulated stub resolvers never ask, so it has no effect on the answer.');
}
