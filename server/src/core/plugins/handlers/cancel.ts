// cancel: a plugin with no effect a simulated client can see.
import type { Handler } from '../../resolve/types.js';
import type { CancelConfig } from '../cancel.js';
import type { HandlerSite } from '../types.js';
import { noEffectHandler } from './pass-on.js';

export function cancelHandler(_config: CancelConfig, site: HandlerSite): Handler {
  return noEffectHandler('cancel', site, 'cancel gives the query a deadline; in the simulation every plugin answers at once, so it has no effect on the answer.');
}
