// The upstreams one `forward` line really sends to, in the order CoreDNS builds its proxy list: each TO in
// turn, a resolv.conf-style file expanded to its nameserver lines (port 53), host names kept as written
// (CoreDNS resolves them once at startup), and duplicates dropped with the first one kept
// (parse.HostPortOrFile, classifyToAddrs and expandAndDedup in CoreDNS 1.14).
import type { FileHost } from '../../../host.js';
import type { ForwardStanza } from '../../forward.js';
import { resolvConfNameservers } from '../../util/query-a-forward-upstreams.js';

export interface ForwardTarget {
  /** "ip:port" ("[v6]:port"), the key the scenario's upstreamByServer uses; a file or host name otherwise. */
  key: string;
  /** How a person reads it: the key plus where it came from when that is not obvious. */
  label: string;
  transport: 'dns' | 'tls' | 'https';
}

export interface TargetList {
  targets: ForwardTarget[];
  /** Sentences about how TO entries turned into targets (files read, files missing, host names). */
  notes: string[];
}

/** Expands a stanza's TO entries with the world's files, the way CoreDNS expands them at startup. */
export function forwardTargets(stanza: ForwardStanza, files: FileHost): TargetList {
  const targets: ForwardTarget[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  const add = (t: ForwardTarget): void => {
    if (seen.has(t.key)) return;
    seen.add(t.key);
    targets.push(t);
  };
  for (const up of stanza.upstreams) {
    if (up.kind === 'address') {
      add({ key: joinHostPort(up.host, up.port), label: joinHostPort(up.host, up.port) + transportSuffix(up.transport), transport: up.transport });
      continue;
    }
    if (up.kind === 'hostname') {
      const key = joinHostPort(up.host, up.port);
      notes.push(`${up.host} is a host name that CoreDNS resolves once at startup; the simulation asks the scenario's upstream for "${key}"`);
      add({ key, label: key + transportSuffix(up.transport), transport: up.transport });
      continue;
    }
    const text = files.readFile(up.host);
    if (text === undefined) {
      // Without the file the scenario cannot say which nameservers it lists; its answers are the
      // scenario's general upstream answers, asked under the file's name.
      notes.push(`${up.host} is not among the scenario's mounts, so its nameservers are unknown; the simulation asks the scenario's upstream answers under "${up.host}"`);
      add({ key: up.host, label: up.host, transport: 'dns' });
      continue;
    }
    const servers = resolvConfNameservers(text);
    if (servers.length === 0) {
      notes.push(`${up.host} lists no nameserver, so CoreDNS skips it`);
      continue;
    }
    notes.push(`${up.host} lists ${servers.map((s) => stripZone(s)).join(', ')}`);
    for (const s of servers) {
      const key = joinHostPort(stripZone(s), '53');
      add({ key, label: `${key} (from ${up.host})`, transport: 'dns' });
    }
  }
  return { targets, notes };
}

/** Go's net.JoinHostPort: IPv6 addresses go in brackets. */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function stripZone(host: string): string {
  const i = host.lastIndexOf('%');
  return i === -1 ? host : host.slice(0, i);
}

function transportSuffix(transport: ForwardTarget['transport']): string {
  if (transport === 'tls') return ' over DNS-over-TLS';
  if (transport === 'https') return ' over DNS-over-HTTPS';
  return '';
}
