// Running a block's chain for one query. Each plugin gets a `next` that runs the rest of the chain; the
// last plugin's `next` is CoreDNS's NextOrFailure with nothing left: SERVFAIL. A plugin that throws is
// treated like a recovered panic: SERVFAIL, as CoreDNS's server does.
//
// This runs for every name a simulated stub sends, so it avoids creating named closures per plugin call:
// the context is a small class and `next` is a bound method.
import type { DnsMessage, HandlerContext, HandlerResult, Next, Request, SimulationWorld, Step } from '../types.js';
import type { ChainLink } from './chain.js';

/** What the chain needs from the server: somewhere to record steps and a way back into the server. */
export interface ChainHost {
  readonly world: SimulationWorld;
  readonly steps: Step[];
  /** The name the server goes by in steps. */
  readonly serverName: string;
  /** A lookup through the whole server, one level deeper than `depth`. */
  lookup(original: DnsMessage, depth: number, caller: string, name: string, type: string): DnsMessage;
}

/** The context one plugin sees while it handles one request. */
class LinkContext implements HandlerContext {
  constructor(
    private readonly host: ChainHost,
    private readonly link: ChainLink,
    private readonly msg: DnsMessage,
    private readonly depth: number,
  ) {}

  get world(): SimulationWorld {
    return this.host.world;
  }

  step(step: Step): void {
    // Every step points at the Corefile: the plugin's directive when the plugin did not say more precisely.
    this.host.steps.push(step.range === undefined || step.uri === undefined ? { ...step, range: step.range ?? this.link.site.range, uri: step.uri ?? this.link.site.uri } : step);
  }

  lookup(name: string, type: string): DnsMessage {
    return this.host.lookup(this.msg, this.depth, this.link.name, name, type);
  }
}

/** The result a plugin's `next` produced, so the answering plugin can be told apart from a modifier. */
interface Frame {
  inner: HandlerResult | undefined;
}

class ChainRun {
  constructor(
    private readonly chain: readonly ChainLink[],
    private readonly host: ChainHost,
    private readonly depth: number,
  ) {}

  at(index: number, caller: string | undefined, frame: Frame | undefined, req: Request): HandlerResult {
    const result = this.serveLink(index, caller, req);
    if (frame) frame.inner = result;
    return result;
  }

  private serveLink(index: number, caller: string | undefined, req: Request): HandlerResult {
    const link = this.chain[index];
    if (!link) return this.noNext(index, caller);
    const frame: Frame = { inner: undefined };
    const next: Next = this.at.bind(this, index + 1, link.name, frame);
    let result: HandlerResult;
    try {
      result = link.handler.serve(req, next, new LinkContext(this.host, link, req.msg, this.depth));
    } catch (error) {
      this.host.steps.push({ plugin: link.name, action: 'error', detail: `The simulation of '${link.name}' failed (${error instanceof Error ? error.message : String(error)}); CoreDNS recovers a failing plugin with SERVFAIL, so the simulator does too.`, range: link.site.range, uri: link.site.uri });
      return { rcode: 'SERVFAIL', answeredBy: link.name };
    }
    if (result.answeredBy !== undefined) return result;
    // Like CoreDNS's plugin writer, the answer belongs to the plugin that wrote it: a plugin that only
    // changed the reply of a later plugin (rewrite, loadbalance, cache) keeps that plugin's name.
    const inner = frame.inner;
    const passedThrough = inner !== undefined && inner.answeredBy !== undefined && (result.reply === undefined || inner.reply !== undefined);
    return { ...result, answeredBy: passedThrough ? inner.answeredBy : link.name };
  }

  private noNext(index: number, caller: string | undefined): HandlerResult {
    const previous = this.chain[index - 1];
    const who = caller ?? this.host.serverName;
    const step: Step = { plugin: who, action: 'error', detail: `${caller ?? 'The block'} passed the query on, but no plugin follows it in this block: CoreDNS returns SERVFAIL ("no next plugin found").` };
    if (caller && previous) {
      step.range = previous.site.range;
      step.uri = previous.site.uri;
    }
    this.host.steps.push(step);
    return { rcode: 'SERVFAIL', answeredBy: who };
  }
}

/** Runs a chain from its first plugin. */
export function runChain(chain: readonly ChainLink[], req: Request, host: ChainHost, depth: number): HandlerResult {
  return new ChainRun(chain, host, depth).at(0, undefined, undefined, req);
}
