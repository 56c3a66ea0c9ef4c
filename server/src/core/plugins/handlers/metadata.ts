// metadata: lets plugins publish values (metadata) that later plugins read; it never changes a reply
// (plugin/metadata). The simulator's plugins put their values on the request directly.
import type { Handler } from '../../resolve/types.js';
import type { MetadataConfig } from '../metadata.js';
import type { HandlerSite } from '../types.js';
import { noEffectHandler } from './pass-on.js';

export function metadataHandler(config: MetadataConfig, site: HandlerSite): Handler {
  return noEffectHandler('metadata', site, `metadata makes other plugins' values available to log, view and templates${config.zones.length > 0 ? ` for ${config.zones.join(', ')}` : ''}: no effect on the answer.`);
}
