// minimal: strips the authority and additional sections from positive answers (plugin/minimal).
import type { Handler } from '../../resolve/types.js';
import { copyMessage, typify } from '../../resolve/message.js';
import type { MinimalConfig } from '../minimal.js';
import type { HandlerSite } from '../types.js';

export function minimalHandler(_config: MinimalConfig, site: HandlerSite): Handler {
  return {
    name: 'minimal',
    serve(req, next, ctx) {
      const result = next(req);
      if (!result.reply) return result;
      const type = typify(result.reply);
      if (type !== 'NoError') {
        ctx.step({ plugin: 'minimal', action: 'no-effect', detail: `The reply is ${type === 'Delegation' ? 'a delegation' : 'not a positive answer'} (${type}), so minimal leaves it whole.`, range: site.range, uri: site.uri });
        return { ...result, rcode: 'NOERROR' };
      }
      const trimmed = copyMessage(result.reply);
      const removed = trimmed.authority.length + trimmed.additional.length;
      trimmed.authority = [];
      trimmed.additional = [];
      // The OPT record lives in the additional section too: it goes as well, and the server puts the
      // client's EDNS0 back when it writes the reply.
      delete trimmed.edns;
      ctx.step({ plugin: 'minimal', action: removed > 0 ? 'modified' : 'no-effect', detail: removed > 0 ? `minimal removes ${removed} record(s) from the authority and additional sections of the answer.` : 'The answer has no authority or additional records to remove.', range: site.range, uri: site.uri });
      return { ...result, rcode: 'NOERROR', reply: trimmed };
    },
  };
}
