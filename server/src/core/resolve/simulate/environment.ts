// Where the stub's queries arrive and which files the analysis sees: the small decisions around a
// simulation that are not CoreDNS's nor the libc's.
import type { FileHost } from '../../host.js';

export interface PortChoice {
  port: number;
  /** Set when the choice needs saying: no block listens where a pod's resolver sends. */
  warning?: string;
}

/**
 * A pod's resolver always sends to port 53 (resolv.conf cannot name a port). When no plain-DNS block
 * listens there but exactly one other port does, the simulation sends there instead and says so, since
 * the Corefile is then meant to sit behind something that maps the port (a Service's targetPort).
 */
export function choosePort(listeners: ReadonlyArray<{ port: number; transport: string }>): PortChoice {
  const dnsPorts = [...new Set(listeners.filter((l) => l.transport === 'dns').map((l) => l.port))];
  if (dnsPorts.includes(53)) return { port: 53 };
  if (dnsPorts.length === 1) {
    const port = dnsPorts[0]!;
    return { port, warning: `No server block listens on port 53, where a pod's resolver sends; the queries are sent to port ${port}, the only DNS port of the Corefile (as a Service with targetPort ${port} would).` };
  }
  if (dnsPorts.length === 0) return { port: 53, warning: 'No server block serves plain DNS (dns:// or no scheme): a pod resolver\'s queries to port 53 find no listener.' };
  return { port: 53, warning: `No server block listens on port 53, and the Corefile has several DNS ports (${dnsPorts.join(', ')}): the queries go to port 53, where nothing answers them.` };
}

/** Files of `first` (the scenario's mounts), then those of `second` (the disk around the Corefile). */
export function overlayHost(first: FileHost, second: FileHost | undefined): FileHost {
  if (!second) return first;
  return {
    readFile: (path) => first.readFile(path) ?? second.readFile(path),
    stat: (path) => first.stat(path) ?? second.stat(path),
    readDir: (path) => {
      const a = first.readDir(path);
      const b = second.readDir(path);
      if (!a) return b;
      if (!b) return a;
      return [...new Set([...a, ...b])].sort();
    },
  };
}
