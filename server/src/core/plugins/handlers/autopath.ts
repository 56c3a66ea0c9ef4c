// autopath's query behaviour (plugin/autopath/autopath.go): when a query is the client's first search-list
// expansion of a name, CoreDNS walks the rest of the search list itself, by running the rest of the chain
// once per candidate, and answers with the first reply that is not NXDOMAIN, a CNAME from the asked name to
// the found one put in front. That saves the client its NXDOMAIN round trips.
import type { DnsMessage, Handler, HandlerContext, HandlerResult, Next, RcodeName, Request } from '../../resolve/types.js';
import { copyMessage, questionOf } from '../../resolve/message.js';
import type { AutopathConfig } from '../autopath.js';
import { kubernetes } from '../kubernetes.js';
import type { HandlerSite } from '../types.js';
import { absolute, isBelow, longestZone, sameName, trimZone } from './k8s/names.js';
import { peerConfig } from './k8s/peer.js';
import { cnameRecord } from './k8s/rr.js';
import { kubernetesSearchPath, searchFromFile, type SearchPath } from './k8s/search-path.js';
import { KubeView } from './k8s/view.js';
import { stepper } from './zones/common.js';

const PLUGIN = 'autopath';

/** Return codes that mean "nothing was written to the client" (plugin.ClientWrite is false for them). */
const NOT_WRITTEN = new Set<RcodeName>(['SERVFAIL', 'REFUSED', 'FORMERR', 'NOTIMP']);

/** The fixed search path the erratic plugin hands autopath (for testing autopath itself). */
const ERRATIC_SEARCH = ['a.example.org.', 'b.example.org.', ''];

export function autopathHandler(config: AutopathConfig, site: HandlerSite): Handler {
  return {
    name: PLUGIN,
    serve: (req, next, ctx) => serveAutopath(config, site, req, next, ctx),
  };
}

function serveAutopath(config: AutopathConfig, site: HandlerSite, req: Request, next: Next, ctx: HandlerContext): HandlerResult {
  const question = questionOf(req.msg);
  const qname = absolute(question.name);
  const name = qname.toLowerCase();
  const step = stepper(ctx, PLUGIN, site);

  if (longestZone(config.zones, name) === undefined) {
    step('passed', `${qname} is outside autopath's zones (${config.zones.join(' ')}): passed on unchanged.`);
    return next(req);
  }
  const path = searchPathFor(config, site, req, ctx, name);
  if (path.search === undefined || path.search.length === 0) {
    step(path.search === undefined && path.why.startsWith('not simulated') ? 'not-simulated' : 'passed', `${path.why}; the query is passed on unchanged.`);
    return next(req);
  }
  const search = path.search;
  const first = search[0]!;
  if (!(name === first || isBelow(name, first))) {
    step('passed', `${path.why}. ${qname} is not under the first search domain ${first}, so it is not a search-list expansion: passed on unchanged.`);
    return next(req);
  }
  const base = trimZone(qname, first);
  if (base === undefined) {
    step('error', `${path.why}. ${qname} is the first search domain itself, so there is no name to expand: CoreDNS fails to take the base name and returns SERVFAIL.`);
    return { rcode: 'SERVFAIL', answeredBy: PLUGIN };
  }
  step('passed', `${path.why}. ${qname} is '${base}' expanded with the first search domain: autopath walks the search path on the server.`);

  let firstResult: HandlerResult | undefined;
  for (let i = 0; i < search.length; i++) {
    const candidate = `${base}.${search[i]!}`;
    step('passed', `Trying ${candidate} (${search[i] === '' ? 'the bare name' : `search domain ${i + 1}`}) through the rest of the chain.`);
    const attempt = next(withName(req, candidate));
    if (i === 0) firstResult = attempt;
    if (NOT_WRITTEN.has(attempt.rcode) || !attempt.reply) continue;
    if (attempt.reply.rcode === 'NXDOMAIN') continue;
    const reply = copyMessage(attempt.reply);
    const alias = prependCname(reply, qname);
    const how = alias
      ? `autopath answers ${qname} with a CNAME to ${alias} in front of that reply`
      : sameName(candidate, qname) ? `it is the name that was asked, so the reply goes out as it is` : `the reply has no answer records, so no CNAME is added`;
    step('answered', `${candidate} got ${reply.rcode}${reply.answer.length === 0 ? ' with no answer (NODATA), which also ends the walk' : ''}: ${how}.`);
    return { rcode: attempt.rcode, reply, answeredBy: PLUGIN };
  }
  const firstReply = firstResult!;
  if (!NOT_WRITTEN.has(firstReply.rcode) && firstReply.reply) {
    step('answered', `Every candidate was NXDOMAIN: autopath returns the reply of the first one, and the client goes on with its own search list.`);
    return { rcode: firstReply.rcode, reply: firstReply.reply, answeredBy: PLUGIN };
  }
  step('answered', `Every candidate failed, the first with ${firstReply.rcode}: autopath returns that code without a reply.`);
  return { rcode: firstReply.rcode, answeredBy: PLUGIN };
}

function searchPathFor(config: AutopathConfig, site: HandlerSite, req: Request, ctx: HandlerContext, name: string): SearchPath {
  if (config.plugin === 'kubernetes') {
    const k8s = peerConfig(site, kubernetes);
    if (!k8s) return { search: undefined, why: "not simulated: the simulator cannot reach this block's kubernetes configuration, which autopath @kubernetes asks for the search path" };
    return kubernetesSearchPath(k8s, new KubeView(ctx.world.cluster, k8s), ctx.world.files, name, req.client.ip);
  }
  if (config.plugin === 'erratic') return { search: ERRATIC_SEARCH, why: 'erratic hands autopath the fixed search path a.example.org. b.example.org.' };
  if (config.plugin !== undefined) return { search: undefined, why: `not simulated: '${config.plugin}' cannot supply a search path (CoreDNS refuses to start with it)` };
  const file = config.resolvConf ?? '';
  const fromWorld = searchFromFile(ctx.world.files, file);
  const list = fromWorld ?? config.search?.map((s) => absolute(s).toLowerCase());
  if (list === undefined) return { search: undefined, why: `not simulated: ${file} is not among the scenario's mounted files, so its search list is unknown` };
  if (list.length === 0) return { search: undefined, why: `${file} has no search list, so autopath has nothing to walk` };
  return { search: [...list, ''], why: `the search path from ${file} is ${list.join(' ')}, then the bare name` };
}

/** The request with another question name (the rest of the message, EDNS0 included, stays as sent). */
function withName(req: Request, name: string): Request {
  const msg = copyMessage(req.msg);
  const q = msg.question[0];
  if (q) msg.question[0] = { ...q, name };
  return { ...req, msg };
}

/**
 * autopath's cnamer: a CNAME from the original name to the owner of the first answer record that is not
 * the original name (TTL of that record) goes in front; the question becomes the original name again.
 * Returns the CNAME's target, or undefined when none was added.
 */
function prependCname(reply: DnsMessage, original: string): string | undefined {
  let target: string | undefined;
  for (const rr of reply.answer) {
    if (sameName(rr.name, original)) continue;
    const ttl = 'ttl' in rr && typeof rr.ttl === 'number' ? rr.ttl : 0;
    reply.answer = [cnameRecord(original, ttl, absolute(rr.name)), ...reply.answer];
    target = absolute(rr.name);
    break;
  }
  const q = reply.question[0];
  if (q) reply.question[0] = { ...q, name: absolute(original) };
  return target;
}
