// The checks CoreDNS's tls plugin makes on its ACME settings before it asks for certificates: domain
// names, the CA directory URL and the DNS resolver address.
import { isDomainName } from '../../corefile/zone.js';
import { isIp } from '../args.js';
import { splitHostPort } from './server-common.js';

/** normalizeACMEDomain: lowercased, without a final dot, optionally `*.` plus a real domain name. */
export function acmeDomainProblem(domain: string): string | undefined {
  const lowered = domain.toLowerCase().replace(/\.$/, '');
  const check = lowered.startsWith('*.') ? lowered.slice(2) : lowered;
  if (lowered === '' || check === '') return 'it is empty';
  if (check.includes('*')) return 'a wildcard is only allowed as the whole first label (*.example.org)';
  if (isIp(check)) return 'it is an IP address, and ACME certificates are issued for names';
  if (!isDomainName(check)) return 'it is not a valid domain name';
  return undefined;
}

/** url.Parse plus CoreDNS's own rule: the scheme must be http or https and a host must be present. */
export function acmeCaProblem(url: string): string | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/.exec(url);
  const scheme = m?.[1]?.toLowerCase();
  if (!m || (scheme !== 'http' && scheme !== 'https')) return 'the scheme must be http or https';
  const rest = m[2]!;
  if (!rest.startsWith('//')) return 'a host is required';
  const authority = rest.slice(2).split(/[/?#]/)[0]!;
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const host = hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : hostPort.replace(/:[^:]*$/, '');
  const port = hostPort.slice(host.length);
  if (port !== '' && !/^:\d*$/.test(port)) return 'the port is not a number';
  if (host === '') return 'a host is required';
  return undefined;
}

/** The resolver must be HOST:PORT with a non-empty host and a port from 1 to 65535. */
export function acmeResolverProblem(resolver: string): string | undefined {
  const split = splitHostPort(resolver);
  if ('error' in split) return split.error;
  if (split.host === '') return 'the host is empty';
  const port = /^[+-]?\d+$/.test(split.port) ? Number(split.port) : NaN;
  if (!(port >= 1 && port <= 65535)) return `the port '${split.port}' is not between 1 and 65535`;
  return undefined;
}
