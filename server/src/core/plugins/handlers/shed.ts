// shed: a plugin with no effect a simulated client can see.
import type { Handler } from '../../resolve/types.js';
import type { ShedConfig } from '../shed.js';
import type { HandlerSite } from '../types.js';
import { noEffectHandler } from './pass-on.js';

export function shedHandler(_config: ShedConfig, site: HandlerSite): Handler {
  return noEffectHandler('shed', site, "shed drops UDP queries only when the server's socket is overloaded; a simulated query never meets that, so it has no effect on the answer.");
}
