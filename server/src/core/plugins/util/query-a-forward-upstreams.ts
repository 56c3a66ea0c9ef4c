// How forward reads its TO arguments (CoreDNS's parse.HostPortOrFile, then a host-name lookup): an IP
// address with an optional port and transport, a resolv.conf-style file, or a host name resolved once at
// startup. Also warns about upstreams that send queries back to this machine.
import type { ArgToken } from '../../corefile/dispenser.js';
import { ipv4Value, isDomainName, parseIp, type ParsedIp } from '../../corefile/zone.js';
import type { SetupContext } from '../types.js';
import { readPluginFile } from './query-a-files.js';
import { isLoopbackAddress, isPlainIp, splitHostPort } from './query-a-net.js';

export type UpstreamTransport = 'dns' | 'tls' | 'https';

export interface ForwardUpstream {
  /** The argument as written (after environment substitution). */
  text: string;
  kind: 'address' | 'file' | 'hostname';
  transport: UpstreamTransport;
  /** The IP address, the host name, or the file path. */
  host: string;
  /** The port (the transport's default when none is written); empty for files. */
  port: string;
  /** The TLS server name given with `%name`, for tls:// upstreams. */
  serverName?: string;
  /** For a file read here: the nameserver addresses it lists. */
  nameservers?: string[];
}

const PREFIXES = ['tls', 'dns', 'quic', 'grpc', 'https3', 'https', 'unix'] as const;
type Scheme = (typeof PREFIXES)[number];
const DEFAULT_PORT: Record<UpstreamTransport, string> = { dns: '53', tls: '853', https: '443' };

/** The scheme written before "://" (parse.Transport), or undefined when none of the known ones is. */
function writtenScheme(s: string): Scheme | undefined {
  // Most upstreams are plain addresses. Every known scheme is followed by "://" at the text's first colon,
  // and a one-character search answers that sooner than looking for "://" anywhere.
  const colon = s.indexOf(':');
  if (colon < 0 || !s.startsWith('//', colon + 1)) return undefined;
  for (const p of PREFIXES) {
    if (s.startsWith(p) && s.startsWith('://', p.length)) return p;
  }
  return undefined;
}

/** parse.Transport: the scheme (dns when none) and the rest. */
export function splitScheme(s: string): { scheme: string; rest: string } {
  const scheme = writtenScheme(s);
  return scheme === undefined ? { scheme: 'dns', rest: s } : { scheme, rest: s.slice(scheme.length + 3) };
}

/** Strips a `%zone` suffix (parse.stripZone): everything from the last '%'. */
function stripZone(host: string): string {
  // Most hosts have no zone, and indexOf answers that faster than lastIndexOf.
  if (host.indexOf('%') === -1) return host;
  return host.slice(0, host.lastIndexOf('%'));
}

/** forward's splitZone: the TLS server name written after '%', keeping any port that follows it. */
export function serverNameOf(text: string): string | undefined {
  const { rest } = splitScheme(text);
  const i = rest.lastIndexOf('%');
  if (i === -1) return undefined;
  let zone = rest.slice(i + 1);
  const colon = zone.lastIndexOf(':');
  if (colon !== -1) zone = zone.slice(0, colon).replace(/\]$/, '');
  return zone;
}

/** The nameserver addresses of a resolv.conf-style file, as miekg/dns's ClientConfigFromFile reads them. */
export function resolvConfNameservers(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] !== 'nameserver' || fields.length < 2) continue;
    const name = fields[1]!;
    if (isPlainIp(stripZone(name))) out.push(name);
  }
  return out;
}

const LOOP_EXPLANATION =
  'On nodes that run systemd-resolved, /etc/resolv.conf lists the local stub 127.0.0.53, and a CoreDNS pod with dnsPolicy Default forwards to it; in such setups queries can come back to CoreDNS itself, the `loop` plugin detects the loop and stops CoreDNS, and the pod crash-loops.';

/** Classifies each TO token and reports what CoreDNS refuses and what is likely a mistake. */
export function classifyUpstreams(ctx: SetupContext, tokens: readonly ArgToken[], tlsServerName: string | undefined): ForwardUpstream[] {
  // Sized for every token and cut to those classified: an empty array would reserve room for seventeen
  // upstreams on its first push, where a forward line usually lists one to three.
  const out = new Array<ForwardUpstream>(tokens.length);
  let count = 0;
  for (const token of tokens) {
    if (ctx.isUnknown(token)) continue;
    const upstream = classifyOne(ctx, token, tlsServerName);
    if (upstream) out[count++] = upstream;
  }
  // Setting the length is a slow call, needed only when a token was left out.
  if (count < out.length) out.length = count;
  return out;
}

/** The host part without the square brackets around it (every leading '[' and trailing ']'). */
function withoutBrackets(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 0x5b) start++;
  while (end > start && text.charCodeAt(end - 1) === 0x5d) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

// Large Corefiles repeat the same few upstreams in block after block. A plain-DNS address that draws no
// finding reads the same wherever it is written (nothing about its block or the files around matters), so
// its classification is kept, up to a bound, and shared: configs are only read once made.
const PLAIN_DNS_ADDRESSES = new Map<string, ForwardUpstream>();

function rememberPlainDnsAddress(upstream: ForwardUpstream): void {
  if (PLAIN_DNS_ADDRESSES.size >= 1024) PLAIN_DNS_ADDRESSES.clear();
  PLAIN_DNS_ADDRESSES.set(upstream.text, upstream);
}

function classifyOne(ctx: SetupContext, token: ArgToken, tlsServerName: string | undefined): ForwardUpstream | undefined {
  const text = token.value;
  const known = PLAIN_DNS_ADDRESSES.get(text);
  if (known !== undefined) return known;
  const { scheme, rest } = splitScheme(text);
  if (scheme === 'https' && rest.includes('/')) {
    ctx.report('error', 'forward/https-path', `DNS-over-HTTPS upstreams may not carry a path (CoreDNS always uses /dns-query) and CoreDNS refuses '${text}'. Write 'https://${rest.slice(0, rest.indexOf('/'))}'.`, token);
    return undefined;
  }
  if (rest === '') {
    ctx.report('error', 'forward/bad-upstream', `'${text}' has no address; CoreDNS refuses it. Write an IP address, e.g. '${scheme}://10.0.0.1'.`, token);
    return undefined;
  }
  if (scheme !== 'dns' && scheme !== 'tls' && scheme !== 'https') {
    ctx.report('error', 'forward/unsupported-transport', `forward cannot reach upstreams over ${scheme}:// and CoreDNS refuses '${text}'. Use a plain address (DNS), tls:// (DNS-over-TLS) or https:// (DNS-over-HTTPS)${scheme === 'grpc' ? ', or the grpc plugin for gRPC upstreams' : ''}.`, token);
    return undefined;
  }
  const transport: UpstreamTransport = scheme;
  const hp = splitHostPort(rest);
  const hostPart = hp ? hp.host : withoutBrackets(rest);
  const ip = stripZone(hostPart);
  // Parsed once for both questions: is it a plain address (Go's net.ParseIP), and is it this machine? An
  // IPv4 address, by far the most usual upstream, is read as one number without making a list of bytes.
  const v4 = ipv4Value(ip);
  const parsed = v4 < 0 ? parseIp(ip) : undefined;
  if (v4 >= 0 || (parsed !== undefined && parsed.zone === '')) {
    const serverName = transport === 'tls' ? serverNameOf(text) : undefined;
    if (serverName && tlsServerName !== undefined) {
      ctx.report('error', 'forward/servername-conflict', `'${text}' names its TLS server (%${serverName}) while tls_servername ${tlsServerName} is also set; CoreDNS refuses both. Keep one: drop %${serverName} or the tls_servername option.`, token);
    }
    const port = hp ? hp.port : DEFAULT_PORT[transport];
    const loops = transport === 'dns' && port === '53' && (v4 >= 0 ? v4 >>> 24 === 127 && ip !== DOCKER_EMBEDDED_DNS : leadsBackToThisMachine(ip, parsed));
    if (loops) {
      ctx.report('warning', 'forward/loop-risk', `Forwarding to the loopback address ${ip} sends queries to this machine's own resolver, which is often CoreDNS itself or systemd-resolved. ${LOOP_EXPLANATION} Forward to a real upstream resolver's address instead.`, token);
    }
    const upstream: ForwardUpstream = { text, kind: 'address', transport, host: ip, port, serverName };
    if (transport === 'dns' && !loops) rememberPlainDnsAddress(upstream);
    return upstream;
  }
  return classifyFileOrName(ctx, token, transport, hp ? rest : hostPart, hostPart, hp?.port);
}

/** Anything that is not an IP address is first tried as a file, then as a host name. */
function classifyFileOrName(ctx: SetupContext, token: ArgToken, transport: UpstreamTransport, path: string, hostPart: string, port: string | undefined): ForwardUpstream | undefined {
  const text = token.value;
  // A path is never a host name; a bare word is a file only when one of that name is there.
  const asFile = path.includes('/') || ctx.host.stat(path) === 'file';
  if (asFile && path === '/etc/resolv.conf' && ctx.host.stat(path) !== 'file') {
    ctx.report('warning', 'forward/loop-risk', `forward reads /etc/resolv.conf of the machine or pod CoreDNS runs in. ${LOOP_EXPLANATION} On such nodes point the kubelet at /run/systemd/resolve/resolv.conf, or forward to explicit upstream addresses.`, token);
    return { text, kind: 'file', transport: 'dns', host: path, port: '' };
  }
  if (asFile) {
    const found = readPluginFile(ctx, 'forward', { ...token, value: path }, `CoreDNS takes '${path}' for a host name, cannot resolve it and refuses to start.`);
    const upstream: ForwardUpstream = { text, kind: 'file', transport: 'dns', host: path, port: '' };
    if (!found) return upstream;
    upstream.nameservers = resolvConfNameservers(found.text);
    if (upstream.nameservers.length === 0) {
      ctx.report('warning', 'forward/file-no-nameservers', `${found.path} lists no nameserver, so CoreDNS skips this upstream; if it is the only one, CoreDNS refuses to start. Add 'nameserver ADDRESS' lines to the file.`, token);
    }
    const loop = upstream.nameservers.find((ns) => leadsBackToThisMachine(stripZone(ns)));
    if (loop) {
      ctx.report('warning', 'forward/loop-risk', `${found.path} lists the loopback nameserver ${loop}. ${LOOP_EXPLANATION} Use a file that lists real upstream resolvers (e.g. /run/systemd/resolve/resolv.conf) or forward to explicit addresses.`, token);
    }
    return upstream;
  }
  const name = hostPart.replace(/%[^%]*$/, '');
  if (!isDomainName(name) || name === '') {
    ctx.report('warning', 'forward/file-not-found', `'${text}' is neither an IP address nor a valid host name, so CoreDNS reads it as a resolv.conf-style file; no such file was found here. If it is also missing where CoreDNS runs, CoreDNS refuses to start. Write an IP address such as 10.0.0.1.`, token);
    return { text, kind: 'file', transport: 'dns', host: path, port: '' };
  }
  ctx.report('warning', 'forward/hostname-upstream', `'${name}' is a host name: CoreDNS looks it up once at startup (through the 'resolver' option or the system resolver) and refuses to start if the lookup fails; later address changes are not noticed. Prefer IP addresses, or make sure the name resolves where CoreDNS starts.`, token);
  return { text, kind: 'hostname', transport, host: name, port: port ?? DEFAULT_PORT[transport], serverName: transport === 'tls' ? serverNameOf(text) : undefined };
}

/**
 * Docker's embedded DNS server answers at 127.0.0.11 inside every container on a user-defined network and
 * passes names it does not know to the host's resolvers, so forwarding there never comes back to CoreDNS.
 */
const DOCKER_EMBEDDED_DNS = '127.0.0.11';

/** A loopback resolver on port 53 that may be CoreDNS itself or a local stub in front of it. */
function leadsBackToThisMachine(ip: string, parsed: ParsedIp | undefined = parseIp(ip)): boolean {
  return parsed !== undefined && isLoopbackAddress(parsed) && ip !== DOCKER_EMBEDDED_DNS;
}
