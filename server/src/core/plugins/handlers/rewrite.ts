// The rewrite plugin in the simulator. Rules run in Corefile order against the query as it stands; a rule
// that applies changes the query and, with `stop` (the default), ends the list. The changed query goes on
// down the chain of the SAME server block: a rewrite never sends a query to another block. On the way back
// the reply gets the client's question again and the reply rules of every applied rule, last rule first.
// When nothing below wrote a reply, rewrite writes the error itself so that its reply rules still apply
// (Rewrite.ServeDNS and serveWithResponseReverter in CoreDNS 1.14).
import type { RewriteConfig } from '../rewrite.js';
import type { HandlerSite } from '../types.js';
import type { DnsMessage, DnsRecord, Handler, HandlerContext, HandlerResult, Next, Question, RcodeName, Request } from '../../resolve/types.js';
import { fqdn, namesEqual, newReply } from '../../resolve/message.js';
import { isDomainName } from '../../corefile/zone.js';
import { compileRule, type CompiledRule } from './fwd/rewrite-rules.js';
import { revertReply, type ResponseRule, type RevertReport } from './fwd/rewrite-response.js';
import { cloneMessage } from './fwd/records.js';
import { appendAll } from '../../append.js';

/** Codes a plugin returns without writing; any other code counts as written (plugin.ClientWrite). */
const UNWRITTEN: ReadonlySet<RcodeName> = new Set(['SERVFAIL', 'REFUSED', 'FORMERR', 'NOTIMP']);

export function rewriteHandler(config: RewriteConfig, site: HandlerSite): Handler {
  const rules = config.rules.map(compileRule).filter((r): r is CompiledRule => r !== undefined);
  return {
    name: 'rewrite',
    serve(req: Request, next: Next, ctx: HandlerContext): HandlerResult {
      const original = req.msg.question[0];
      if (!original) return next(req);
      const work: Request = { ...req, msg: cloneMessage(req.msg) };
      const responseRules: ResponseRule[] = [];
      let stopped = false;
      let changed = false;
      for (const rule of rules) {
        const outcome = rule.apply(work);
        if (!outcome.done) {
          if (outcome.detail) ctx.step({ plugin: 'rewrite', action: 'passed', detail: `rewrite ${rule.text}: ${outcome.detail}.`, range: rule.range, uri: site.uri });
          continue;
        }
        const name = work.msg.question[0]!.name;
        if (!isDomainName(name)) {
          ctx.step({ plugin: 'rewrite', action: 'error', detail: `rewrite ${rule.text}: the new name '${name}' is not a valid domain name, so CoreDNS answers SERVFAIL.`, range: rule.range, uri: site.uri });
          return { rcode: 'SERVFAIL', answeredBy: 'rewrite' };
        }
        changed = true;
        appendAll(responseRules, outcome.responseRules);
        const stays = outcome.renamed ? ` The query stays in the server block chosen for the original name (zone ${req.zone}): a rewrite never moves it to another block.` : '';
        const flow = rule.mode === 'stop' ? " 'stop': later rewrite rules are not tried." : " 'continue': the next rewrite rules see the changed query.";
        ctx.step({ plugin: 'rewrite', action: 'rewrote', detail: `rewrite ${rule.text}: ${outcome.detail}${endSentence(outcome.detail)}${flow}${stays}`, range: rule.range, uri: site.uri });
        if (rule.mode === 'stop') {
          stopped = true;
          break;
        }
      }
      if (!changed) ctx.step({ plugin: 'rewrite', action: 'passed', detail: `rewrite: no rule matches ${original.name} ${original.type}, so the query passes on unchanged.`, range: site.range, uri: site.uri });
      // Without a `stop` rule and without reply rules CoreDNS does not wrap the reply at all, so even the
      // question is not put back (only a type or class change can leave it that way).
      if (!stopped && responseRules.length === 0) {
        const result = next(work);
        if (changed && result.reply) {
          const asked = questionText(original);
          const written = questionText(result.reply.question[0]);
          const question = written === asked ? '' : `, question included (${written} instead of ${asked})`;
          ctx.step({ plugin: 'rewrite', action: 'no-effect', detail: `rewrite: no rule left anything to undo in the reply, so CoreDNS leaves it as written${question}.`, range: site.range, uri: site.uri });
        }
        return result;
      }
      return serveWithReverter(work, next, ctx, site, original, responseRules);
    },
  };
}

function serveWithReverter(work: Request, next: Next, ctx: HandlerContext, site: HandlerSite, original: Question, rules: ResponseRule[]): HandlerResult {
  const result = next(work);
  if (result.dropped) return result;
  let reply = result.reply;
  let rcode = result.rcode;
  if (!reply) {
    if (!UNWRITTEN.has(result.rcode)) return result;
    // Nothing below wrote: rewrite writes the error itself and reports success, so the server does not
    // write a second reply.
    reply = newReply(work.msg, result.rcode);
    rcode = 'NOERROR';
  }
  const lookup = ctx.lookup.bind(ctx);
  const { reply: reverted, report } = revertReply(reply, original, rules, lookup);
  ctx.step({ plugin: 'rewrite', action: 'modified', detail: describeRevert(report, reverted, original), range: site.range, uri: site.uri });
  return { ...result, rcode, reply: reverted };
}

function describeRevert(report: RevertReport, reply: DnsMessage, original: Question): string {
  const parts: string[] = [];
  parts.push(report.questionRestored ? `the reply gets the client's question back (${questionText(original)})` : `the reply keeps the client's question (${questionText(original)})`);
  if (report.ownersChanged > 0) parts.push(`${report.ownersChanged} owner name${report.ownersChanged === 1 ? ' is' : 's are'} mapped back`);
  if (report.valuesChanged > 0) parts.push(`${report.valuesChanged} name${report.valuesChanged === 1 ? '' : 's'} inside records ${report.valuesChanged === 1 ? 'is' : 'are'} mapped back`);
  if (report.ttlsChanged > 0) parts.push(`${report.ttlsChanged} TTL${report.ttlsChanged === 1 ? ' is' : 's are'} changed`);
  if (report.rcodeChanged) parts.push(`the rcode ${report.rcodeChanged.from} becomes ${report.rcodeChanged.to}`);
  for (const c of report.cnameLookups) parts.push(`the CNAME target ${c.from} is replaced by ${c.to}, which resolves to ${c.rcode} through the server`);
  if (report.unrepresentable.length > 0) parts.push(`not simulated: rcode ${report.unrepresentable.join(', ')} cannot be carried by the simulator's messages, so the rcode is left as it was`);
  const stranger = reply.answer.find((r) => !namesEqual(r.name, original.name) && !reachedByCname(reply.answer, original.name, r.name));
  if (stranger) parts.push(`the answer still names ${fqdn(stranger.name)}, which the client did not ask for and which no CNAME leads to`);
  return `rewrite: ${parts.join('; ')}.`;
}

/** True when a CNAME chain in the answer leads from the asked name to `name`. */
function reachedByCname(answer: DnsRecord[], start: string, name: string): boolean {
  const seen = new Set<string>();
  let current = start;
  for (;;) {
    if (namesEqual(current, name)) return true;
    const key = fqdn(current).toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    const cname = answer.find((r) => r.type === 'CNAME' && namesEqual(r.name, current));
    if (!cname || cname.type !== 'CNAME') return false;
    current = cname.data;
  }
}

function questionText(q: Question | undefined): string {
  return q ? `${q.name} ${q.type}` : 'no question';
}

function endSentence(s: string): string {
  return s.endsWith('.') || s.endsWith(':') ? '' : '.';
}
