// The CoreDNS server as the simulator runs it (core/dnsserver/server.go's ServeDNS): pick the server block
// for a query by the longest zone on label boundaries among the blocks on the listener it arrived at, run
// that block's plugin chain, and turn the chain's return code into a reply when no plugin wrote one. Every
// decision is recorded as a step pointing at the Corefile, so a person can follow what CoreDNS would do.
import type { CorefileAnalysis } from '../corefile/analyze.js';
import { viewAccepts } from '../plugins/handlers/view.js';
import type { ViewConfig } from '../plugins/view.js';
import type { ClientInfo, DnsMessage, RcodeName, Request, SimulationWorld, Step } from './types.js';
import { blockLabel, buildBlock, type BlockZone, type SimBlock } from './engine/chain.js';
import { runChain, type ChainHost } from './engine/chain-run.js';
import { scrub } from './engine/scrub.js';
import { probeLoops, type LoopVerdict } from './engine/loop-check.js';
import { copyMessage, fqdn, newReply, normalizeType } from './message.js';

export interface Listener {
  port: number;
  /** The server transport of the key (`dns`, `tls`, `https`, `grpc`, `quic`, `https3`); `dns` when not given. */
  transport?: string;
  /** The address the query was sent to (for view's server_ip()); empty when not known. */
  ip?: string;
}

/** The block that handled a query, by the key that matched. */
export interface BlockRef {
  index: number;
  /** `zone:port` as a key is written, with the scheme for transports other than dns. */
  label: string;
  zone: string;
  range: BlockZone['range'];
  uri: string;
}

export interface ServerAnswer {
  /** The reply the client receives; undefined when none is sent (dropped, or nothing written). */
  reply?: DnsMessage;
  /** The plugin whose reply this is, or `dnsserver` when the server answered by itself. */
  answeredBy?: string;
  block?: BlockRef;
  steps: Step[];
  /** True when a plugin deliberately sent no reply (acl drop, erratic drop). */
  dropped?: boolean;
  /** The reply's size on the wire, after the scrub writer made it fit the client's buffer. */
  size?: number;
}

export interface SimServer {
  /** Sends one query to the server, as a client at `client` reaching `listener`. */
  query(msg: DnsMessage, client: ClientInfo, listener: Listener): ServerAnswer;
  /** The listeners the Corefile opens (port and transport), in the order their blocks are written. */
  listeners(): Array<{ port: number; transport: string }>;
}

/**
 * How deep lookups through the whole server may nest. CoreDNS has no such limit (a CNAME loop between
 * plugins recurses until it fails); the simulator stops and says so rather than spin.
 */
export const MAX_LOOKUP_DEPTH = 8;

/**
 * The name the server itself goes by in steps and as the answerer of its own replies: CoreDNS's
 * core/dnsserver package, as the shared cases name it.
 */
export const SERVER = 'dnsserver';

/** Return codes CoreDNS treats as "nothing was written to the client": the server writes them itself. */
const SERVER_WRITES = new Set<RcodeName>(['SERVFAIL', 'REFUSED', 'FORMERR', 'NOTIMP']);

/** One query's journey, including the lookups plugins make through the server on its behalf. */
interface Run {
  steps: Step[];
  client: ClientInfo;
  listener: Required<Listener>;
  /** The blocks on that listener, found once per query (lookups through the server arrive at the same one). */
  blocks: ListenerBlocks | undefined;
}

interface Selection {
  block: SimBlock;
  zone: BlockZone;
}

/** The blocks of one listener: zone → candidates in the order the blocks are written. */
interface ListenerBlocks {
  zones: Map<string, Selection[]>;
  /** The lengths of those zones: a suffix of another length cannot be one, so it is never looked up. */
  zoneLengths: Set<number>;
  /** True when a block on the listener loads chaos or forward, which open classes other than IN. */
  chaosOpen: boolean;
}

export function buildSimServer(analysis: CorefileAnalysis, world: SimulationWorld): SimServer {
  return new Server(analysis, world);
}

class Server implements SimServer {
  private readonly byListener = new Map<string, ListenerBlocks>();
  private readonly listenerOrder: Array<{ port: number; transport: string }> = [];
  private readonly loop: LoopVerdict | undefined;

  constructor(analysis: CorefileAnalysis, private readonly world: SimulationWorld) {
    const blocks = analysis.blocks.map((checked, index) => buildBlock(checked, index));
    for (const block of blocks) {
      for (const zone of block.zones) {
        const id = listenerId(zone.port, zone.transport);
        let entry = this.byListener.get(id);
        if (!entry) {
          entry = { zones: new Map(), zoneLengths: new Set(), chaosOpen: false };
          this.byListener.set(id, entry);
          this.listenerOrder.push({ port: zone.port, transport: zone.transport });
        }
        const list = entry.zones.get(zone.zone) ?? [];
        list.push({ block, zone });
        entry.zones.set(zone.zone, list);
        entry.zoneLengths.add(zone.zone.length);
        if (block.enablesChaos) entry.chaosOpen = true;
      }
    }
    // The loop plugin's probe runs once when CoreDNS starts: a loop makes the whole server exit.
    this.loop = probeLoops(analysis.blocks, world);
  }

  query(msg: DnsMessage, client: ClientInfo, listener: Listener): ServerAnswer {
    const transport = listener.transport ?? 'dns';
    const blocks = this.byListener.get(listenerId(listener.port, transport));
    const run: Run = { steps: [], client, listener: { port: listener.port, transport, ip: listener.ip ?? '' }, blocks };
    if (this.loop?.crashes) return { steps: [{ ...this.loop.step }], answeredBy: 'loop' };
    if (this.loop) run.steps.push({ ...this.loop.step });
    return this.serve(run, msg, 0);
  }

  listeners(): Array<{ port: number; transport: string }> {
    return this.listenerOrder.map((l) => ({ ...l }));
  }

  private serve(run: Run, msg: DnsMessage, depth: number): ServerAnswer {
    const steps = run.steps;
    const question = msg.question[0];
    if (!question) return this.serverReply(run, msg, 'SERVFAIL', 'The query has no question: the server answers SERVFAIL.', 'error');
    const entry = run.blocks;
    if (!entry) {
      return this.serverReply(run, msg, 'REFUSED', `No server block listens on ${run.listener.transport === 'dns' ? '' : `${run.listener.transport}://`}port ${run.listener.port}: the query is refused.`);
    }
    if (question.class !== 'IN' && !entry.chaosOpen) {
      return this.serverReply(run, msg, 'REFUSED', `The query's class is ${question.class}, and no block on this port loads chaos or forward (which open other classes than IN): the server refuses it.`);
    }
    const chosen = selectBlock(entry, question.name, question.type, (s) => acceptsView(s, requestFor(run, msg, s.zone.zone), run));
    if (chosen === 'refused-empty') return this.serverReply(run, msg, 'REFUSED', `The block for ${question.name} has no plugin that answers queries: the server refuses it.`);
    if (!chosen) {
      return this.serverReply(run, msg, 'REFUSED', `No server block on port ${run.listener.port} serves ${question.name} (no zone of a block is a suffix of it, and there is no '.' block): the server refuses it.`);
    }
    const label = blockLabel(chosen.zone);
    const blockRef: BlockRef = { index: chosen.block.index, label, zone: chosen.zone.zone, range: chosen.zone.range, uri: chosen.zone.uri };
    steps.push({
      plugin: SERVER,
      action: 'passed',
      detail: depth === 0
        ? `Server block ${label} handles ${question.name}: ${chosen.zone.zone === '.' ? "no longer zone matches, so the '.' block takes it" : `${chosen.zone.zone} is the longest zone on this port that contains it`}.`
        : `The lookup of ${question.name} ${question.type} starts over at block selection: server block ${label} handles it.`,
      range: chosen.zone.range,
      uri: chosen.zone.uri,
    });

    const host: ChainHost = { world: this.world, steps, serverName: SERVER, lookup: this.lookup.bind(this, run) };
    const result = runChain(chosen.block.chain, requestFor(run, msg, chosen.zone.zone), host, depth);
    const answer: ServerAnswer = { steps, block: blockRef };
    if (result.answeredBy !== undefined) answer.answeredBy = result.answeredBy;
    if (result.dropped) {
      answer.dropped = true;
      return answer;
    }
    if (result.reply) {
      // The scrub writer changes the written message (EDNS0, truncation); the plugin's object stays as it was.
      const reply = writtenCopy(result.reply);
      const outcome = scrub(msg, reply, run.client.transport);
      if (outcome.dropped > 0) {
        steps.push({ plugin: SERVER, action: 'modified', detail: `The reply does not fit the client's ${run.client.transport === 'udp' ? `${Math.max(msg.edns?.udpSize ?? 0, 512)}-byte UDP buffer` : 'buffer'}: ${outcome.dropped} record(s) are left out and the TC bit is set, so the client should retry over TCP.` });
      }
      answer.reply = reply;
      answer.size = outcome.size;
      return answer;
    }
    if (SERVER_WRITES.has(result.rcode)) {
      const reply = newReply(msg, result.rcode);
      const outcome = scrub(msg, reply, run.client.transport);
      steps.push({ plugin: SERVER, action: 'answered', detail: `${result.answeredBy ?? 'The chain'} returned ${result.rcode} without writing a reply, so the server writes a ${result.rcode} reply.` });
      answer.reply = reply;
      answer.size = outcome.size;
      return answer;
    }
    steps.push({ plugin: SERVER, action: 'error', detail: `${result.answeredBy ?? 'The chain'} returned ${result.rcode} but wrote no reply: the client receives nothing and times out.` });
    return answer;
  }

  /** A reply the server writes by itself (errorAndMetricsFunc): the rcode, the client's EDNS0. */
  private serverReply(run: Run, msg: DnsMessage, rcode: RcodeName, detail: string, action: Step['action'] = 'refused'): ServerAnswer {
    run.steps.push({ plugin: SERVER, action, detail });
    const reply = newReply(msg, rcode);
    const outcome = scrub(msg, reply, run.client.transport);
    return { reply, answeredBy: SERVER, steps: run.steps, size: outcome.size };
  }

  /** A lookup through the whole server (plugin/pkg/upstream): a copy of the query with a new question. */
  private lookup(run: Run, original: DnsMessage, depth: number, caller: string, name: string, type: string): DnsMessage {
    const msg = copyMessage(original);
    msg.question = [{ name: fqdn(name), type: normalizeType(type) ?? type.toUpperCase(), class: 'IN' }];
    msg.answer = [];
    msg.authority = [];
    msg.additional = [];
    if (depth + 1 > MAX_LOOKUP_DEPTH) {
      run.steps.push({ plugin: caller, action: 'error', detail: `Lookups through the server are nested ${MAX_LOOKUP_DEPTH} deep (a CNAME or rewrite loop?): the simulator stops here with SERVFAIL; CoreDNS would recurse until it fails.` });
      return newReply(msg, 'SERVFAIL');
    }
    const answer = this.serve(run, msg, depth + 1);
    if (answer.reply) return answer.reply;
    run.steps.push({ plugin: caller, action: 'error', detail: `The lookup of ${msg.question[0]!.name} ${msg.question[0]!.type} got no reply, which ${caller} treats as a failure (SERVFAIL).` });
    return newReply(msg, 'SERVFAIL');
  }
}

/** The message the scrub writer may change: the plugin's reply with its own flags (the records are shared). */
function writtenCopy(reply: DnsMessage): DnsMessage {
  // A literal rather than a spread: a spread of a message is slow to build in V8, and this runs per reply.
  const copy: DnsMessage = {
    id: reply.id,
    response: reply.response,
    opcode: reply.opcode,
    rcode: reply.rcode,
    flags: { aa: reply.flags.aa, tc: reply.flags.tc, rd: reply.flags.rd, ra: reply.flags.ra, ad: reply.flags.ad, cd: reply.flags.cd },
    question: reply.question,
    answer: reply.answer,
    authority: reply.authority,
    additional: reply.additional,
  };
  if ('edns' in reply) copy.edns = reply.edns;
  return copy;
}

function requestFor(run: Run, msg: DnsMessage, zone: string): Request {
  return { msg, client: run.client, server: { port: run.listener.port, transport: run.listener.transport, ip: run.listener.ip }, zone, metadata: new Map() };
}

function listenerId(port: number, transport: string): string {
  return `${transport}:${port}`;
}

/**
 * CoreDNS's selection: the query name itself, then each parent on label boundaries; a block with no
 * plugins refuses; blocks whose view rejects the query are skipped; DS queries prefer the parent zone.
 * The '.' blocks come last, as a wildcard.
 */
function selectBlock(entry: ListenerBlocks, qname: string, qtype: string, accepts: (s: Selection) => boolean): Selection | 'refused-empty' | undefined {
  const { zones, zoneLengths } = entry;
  const name = fqdn(qname).toLowerCase();
  let dsCandidate: Selection | undefined;
  // Each suffix on a label boundary, longest first: "a.b.", "b.", and for the root name itself ".".
  for (let offset = 0; offset < name.length; ) {
    const candidates = zoneLengths.has(name.length - offset) ? zones.get(name.slice(offset)) : undefined;
    if (candidates) {
      for (const candidate of candidates) {
        if (candidate.block.chain.length === 0) return 'refused-empty';
        if (!accepts(candidate)) continue;
        if (qtype !== 'DS') return candidate;
        // A DS record lives in the parent zone: keep looking for a parent this server also serves.
        dsCandidate = candidate;
      }
    }
    const dot = name.indexOf('.', offset);
    if (dot === -1 || dot === name.length - 1) break;
    offset = dot + 1;
  }
  if (qtype === 'DS' && dsCandidate) return dsCandidate;
  for (const candidate of zones.get('.') ?? []) {
    if (candidate.block.chain.length === 0) continue;
    if (accepts(candidate)) return candidate;
  }
  return undefined;
}

function acceptsView(selection: Selection, req: Request, run: Run): boolean {
  const view = selection.block.view;
  if (!view) return true;
  // The checker stored the view module's own configuration under 'view'.
  const verdict = viewAccepts(view.config as ViewConfig, req);
  run.steps.push({
    plugin: 'view',
    action: verdict.unsupported ? 'not-simulated' : verdict.accepted ? 'passed' : 'fell-through',
    detail: verdict.detail,
    range: view.site.range,
    uri: view.site.uri,
  });
  return verdict.accepted;
}
