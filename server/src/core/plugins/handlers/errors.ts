// errors: logs the errors plugins return; it never changes a reply (plugin/errors).
import type { Handler } from '../../resolve/types.js';
import type { ErrorsConfig } from '../errors.js';
import type { HandlerSite } from '../types.js';
import { noEffectHandler } from './pass-on.js';

export function errorsHandler(_config: ErrorsConfig, site: HandlerSite): Handler {
  return noEffectHandler('errors', site, 'errors only logs errors that later plugins return: no effect on the answer.');
}
