// dnstap: copies queries and replies to a dnstap sink; it never changes a reply (plugin/dnstap).
import type { Handler } from '../../resolve/types.js';
import type { DnstapConfig } from '../dnstap.js';
import type { HandlerSite } from '../types.js';
import { noEffectHandler } from './pass-on.js';

export function dnstapHandler(config: DnstapConfig, site: HandlerSite): Handler {
  const sinks = config.sinks.map((s) => s.address).filter((a) => a !== '');
  return noEffectHandler('dnstap', site, `dnstap sends a copy of the query and reply to ${sinks.length > 0 ? sinks.join(', ') : 'its sink'}: no effect on the answer.`);
}
