// log: writes a query log line after the reply; it never changes a reply (plugin/log).
import type { Handler } from '../../resolve/types.js';
import type { LogConfig } from '../log.js';
import type { HandlerSite } from '../types.js';
import { noEffectHandler } from './pass-on.js';

export function logHandler(_config: LogConfig, site: HandlerSite): Handler {
  return noEffectHandler('log', site, 'log writes a line about the query and its reply to standard output: no effect on the answer.');
}
