// trace: records an OpenTracing span per query; it never changes a reply (plugin/trace).
import type { Handler } from '../../resolve/types.js';
import type { TraceConfig } from '../trace.js';
import type { HandlerSite } from '../types.js';
import { noEffectHandler } from './pass-on.js';

export function traceHandler(config: TraceConfig, site: HandlerSite): Handler {
  return noEffectHandler('trace', site, `trace reports a span to ${config.endpointType} at ${config.endpoint}: no effect on the answer.`);
}
