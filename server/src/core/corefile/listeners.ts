// The HTTP listeners of health, ready, prometheus and pprof. CoreDNS opens each with SO_REUSEPORT, so two
// different plugins on one address both start without complaint and the kernel hands every connection to
// one of them at random: half of the liveness probes or metric scrapes reach the wrong server. CoreDNS
// accepts this, so it is a warning that names both places.
import type { CoreDiagnostic, Range } from '../types.js';
import type { CheckedBlock } from './check.js';

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

const LISTENER_ENTRIES = Object.entries(LISTENERS);

export function findListenerClashes(blocks: readonly CheckedBlock[], documentUri: string): CoreDiagnostic[] {
  const listeners: Listener[] = [];
  for (const checked of blocks) {
    for (const [plugin, fallback] of LISTENER_ENTRIES) {
      const config = checked.configs.get(plugin) as { address?: string } | undefined;
      if (!config) continue;
      const directive = checked.block.directives.find((d) => d.name === plugin);
      const nameToken = directive?.tokens[0];
      if (!nameToken || directive.tokens.some((t) => t.unknownEnv.length > 0)) continue;
      const address = config.address || fallback;
      const split = splitAddress(address);
      if (!split) continue;
      listeners.push({ plugin, address, host: canonicalHost(split.host), port: split.port, range: nameToken.range, uri: nameToken.uri });
    }
  }
  // The finding goes on the later of the two, in the order a reader meets them.
  listeners.sort((a, b) => (a.uri === b.uri ? a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character : a.uri < b.uri ? -1 : 1));
  const findings: CoreDiagnostic[] = [];
  const reported = new Set<string>();
  for (let i = 0; i < listeners.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = listeners[j]!;
      const b = listeners[i]!;
      if (a.plugin === b.plugin || a.port !== b.port || a.host !== b.host) continue;
      const key = `${b.plugin}\u0000${b.range.start.line}\u0000${b.range.start.character}`;
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
  }
  return findings;
}
