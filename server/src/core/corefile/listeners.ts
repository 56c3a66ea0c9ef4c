// The HTTP listeners of health, ready, prometheus and pprof. CoreDNS opens each with SO_REUSEPORT, so two
// different plugins on one address both start without complaint and the kernel hands every connection to
// one of them at random: half of the liveness probes or metric scrapes reach the wrong server. CoreDNS
// accepts this, so it is a warning that names both places.
import type { CoreDiagnostic, Range } from '../types.js';
import type { CheckedBlock } from './check.js';
import { tokenRange } from './token.js';

const LISTENERS: Record<string, string> = {
  health: ':8080',
  ready: ':8181',
  prometheus: 'localhost:9153',
  pprof: 'localhost:6053',
};

interface Listener {
  plugin: string;
  address: string;
  host: string;
  port: string;
  range: Range;
  uri: string;
}

/** host:port split the way Go's net.SplitHostPort reads it; undefined when it is not host:port. */
function splitAddress(address: string): { host: string; port: string } | undefined {
  const index = address.lastIndexOf(':');
  if (index < 0) return undefined;
  let host = address.slice(0, index);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return { host, port: address.slice(index + 1) };
}

/** Hosts that bind the same socket address: every-address spellings, and localhost as Go resolves it. */
function canonicalHost(host: string): string {
  const lower = host.toLowerCase();
  if (lower === '' || lower === '0.0.0.0' || lower === '::') return '*';
  if (lower === 'localhost') return '127.0.0.1';
  return lower;
}

// The plugins and their default addresses as two lists: every block is asked for each plugin by index,
// which spares an iterator and a destructured pair per block and plugin in a Corefile of ten thousand blocks.
const LISTENER_PLUGINS = Object.keys(LISTENERS);
const LISTENER_DEFAULTS = Object.values(LISTENERS);

export function findListenerClashes(blocks: readonly CheckedBlock[], documentUri: string): CoreDiagnostic[] {
  const listeners: Listener[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const checked = blocks[b]!;
    for (let p = 0; p < LISTENER_PLUGINS.length; p++) {
      const plugin = LISTENER_PLUGINS[p]!;
      const config = checked.configs.get(plugin) as { address?: string } | undefined;
      if (!config) continue;
      const fallback = LISTENER_DEFAULTS[p]!;
      const directive = checked.block.directives.find((d) => d.name === plugin);
      const nameToken = directive?.tokens[0];
      if (!nameToken || directive.tokens.some((t) => t.unknownEnv.length > 0)) continue;
      const address = config.address || fallback;
      const split = splitAddress(address);
      if (!split) continue;
      listeners.push({ plugin, address, host: canonicalHost(split.host), port: split.port, range: tokenRange(nameToken), uri: nameToken.source.uri });
    }
  }
  // The finding goes on the later of the two, in the order a reader meets them.
  listeners.sort((a, b) => (a.uri === b.uri ? a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character : a.uri < b.uri ? -1 : 1));
  // Each listener clashes with the first one before it on the same host and port that another plugin
  // opens. Per host and port it is enough to keep the first listener and the first of another plugin than
  // that one: a later listener's partner is the first unless they are the same plugin. One pass, where
  // comparing every pair would take seconds for a Corefile with health and ready in ten thousand blocks.
  const seen = new Map<string, { first: Listener; firstOther: Listener | undefined }>();
  const findings: CoreDiagnostic[] = [];
  let reported: Set<string> | undefined;
  for (const b of listeners) {
    const socket = `${b.port.length} ${b.port} ${b.host}`;
    const earlier = seen.get(socket);
    if (earlier === undefined) {
      seen.set(socket, { first: b, firstOther: undefined });
      continue;
    }
    const a = earlier.first.plugin !== b.plugin ? earlier.first : earlier.firstOther;
    if (earlier.firstOther === undefined && earlier.first.plugin !== b.plugin) earlier.firstOther = b;
    if (a === undefined) continue;
    const key = `${b.plugin}\u0000${b.range.start.line}\u0000${b.range.start.character}`;
    reported ??= new Set();
    if (reported.has(key)) continue;
    reported.add(key);
    const d: CoreDiagnostic = {
      severity: 'warning',
      code: 'core/listener-clash',
      message: `${b.plugin} listens on ${b.address}, where ${a.plugin} already listens (${a.address}). CoreDNS opens both with SO_REUSEPORT, so each connection reaches one of them at random and about half of the ${b.plugin === 'prometheus' || a.plugin === 'prometheus' ? 'scrapes' : 'probes'} get the wrong server. Give each plugin its own port.`,
      range: b.range,
      related: [{ uri: a.uri, range: a.range, message: `${a.plugin} listens here` }],
    };
    if (b.uri !== documentUri) d.uri = b.uri;
    findings.push(d);
  }
  return findings;
}
