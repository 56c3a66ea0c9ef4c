// header: sets or clears the AA, RA and RD flags on the query before the chain, and on every reply
// written through it (plugin/header).
import type { DnsMessage, Handler } from '../../resolve/types.js';
import { copyMessage } from '../../resolve/message.js';
import type { HeaderConfig, HeaderRule } from '../header.js';
import type { HandlerSite } from '../types.js';

function apply(msg: DnsMessage, rules: readonly HeaderRule[]): void {
  for (const rule of rules) msg.flags[rule.flag] = rule.state;
}

function describe(rules: readonly HeaderRule[]): string {
  return rules.map((r) => `${r.state ? 'sets' : 'clears'} ${r.flag.toUpperCase()}`).join(', ');
}

export function headerHandler(config: HeaderConfig, site: HandlerSite): Handler {
  return {
    name: 'header',
    serve(req, next, ctx) {
      let passed = req;
      if (config.query.length > 0) {
        const msg = copyMessage(req.msg);
        apply(msg, config.query);
        passed = { ...req, msg };
        ctx.step({ plugin: 'header', action: 'modified', detail: `header ${describe(config.query)} on the query before passing it on.`, range: site.range, uri: site.uri });
      }
      const result = next(passed);
      if (!result.reply || config.response.length === 0) return result;
      const reply = copyMessage(result.reply);
      apply(reply, config.response);
      ctx.step({ plugin: 'header', action: 'modified', detail: `header ${describe(config.response)} on the reply.`, range: site.range, uri: site.uri });
      return { ...result, reply };
    },
  };
}
