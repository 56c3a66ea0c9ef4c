// prometheus: a plugin with no effect a simulated client can see.
import type { Handler } from '../../resolve/types.js';
import type { PrometheusConfig } from '../prometheus.js';
import type { HandlerSite } from '../types.js';
import { noEffectHandler } from './pass-on.js';

export function prometheusHandler(_config: PrometheusConfig, site: HandlerSite): Handler {
  return noEffectHandler('prometheus', site, 'prometheus counts the query and its reply for its metrics endpoint: no effect on the answer.');
}
