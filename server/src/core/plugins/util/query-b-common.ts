// Small readers shared by the query-answering plugins of group B (kubernetes, hosts, file, template, ...):
// zone arguments, fallthrough zones, argument-count errors and file look-ups, each with the exact
// semantics of the CoreDNS helper the plugins call, so every module reports the same thing the same way.
import type { ArgToken } from '../../corefile/dispenser.js';
import { normalizeZoneArg } from '../../corefile/address.js';
import { isSubdomain, parseIp } from '../../corefile/zone.js';
import { pluginFilePath } from './plugin-path.js';
import { executionIndex } from '../order.js';
import type { SetupContext } from '../types.js';
import { appendAll } from '../../append.js';

/**
 * plugin.OriginsFromArgsOrServerBlock: the zones written as arguments, or the block's zones when there
 * are none. CoreDNS silently drops an argument it cannot normalise; we keep its behaviour but warn,
 * because a dropped zone is almost always a typo.
 */
export function zonesFromArgs(ctx: SetupContext, plugin: string, args: readonly ArgToken[]): string[] {
  if (args.length === 0) return [...ctx.block.zones];
  const zones: string[] = [];
  for (const arg of args) {
    if (ctx.isUnknown(arg)) continue;
    const normalized = normalizeZoneArg(arg.value);
    if (normalized.zones.length === 0) {
      ctx.report('warning', `${plugin}/ignored-zone`, `CoreDNS silently ignores the zone '${arg.value}' because it is not a valid name (${normalized.problem?.message ?? 'it cannot be normalised'}). Write a domain name such as example.org.`, arg);
      continue;
    }
    appendAll(zones, normalized.zones);
  }
  return zones;
}

/** fall.F.SetZonesFromArgs: no arguments means every zone; invalid zones are dropped by CoreDNS. */
export function fallthroughZones(args: readonly ArgToken[]): string[] {
  if (args.length === 0) return ['.'];
  return args.flatMap((a) => normalizeZoneArg(a.value).zones);
}

/** Reports CoreDNS's "wrong argument count" refusal at the dispenser's current token. */
export function reportArgError(ctx: SetupContext, plugin: string, advice: string, at?: ArgToken): void {
  ctx.report('error', `${plugin}/wrong-argument-count`, `${ctx.d.argErrorText()}: CoreDNS refuses to start. ${advice}`, at);
}

/** Reports an option CoreDNS does not know, listing the ones it does. */
export function reportUnknownOption(ctx: SetupContext, plugin: string, known: readonly string[], at?: ArgToken): void {
  ctx.report('error', `${plugin}/unknown-option`, `Unknown option '${ctx.d.val()}' of ${plugin}: CoreDNS refuses to start. Known options: ${known.join(', ')}.`, at);
}

/** Skips the rest of the current line (the arguments of an option already reported). */
export function skipLine(ctx: SetupContext): void {
  ctx.d.remainingArgTokens();
}

/**
 * Whether a zone of a plugin can ever see a query routed to this block: the block must serve the zone
 * or something below it. A zone disjoint from all the block's zones never matches a query that reaches here.
 */
export function zoneReachable(zone: string, blockZones: readonly string[]): boolean {
  if (blockZones.length === 0) return true;
  return blockZones.some((b) => isSubdomain(zone, b) || isSubdomain(b, zone));
}

/** The zones of `zones` that no query reaching the block can fall under. */
export function unreachableZones(zones: readonly string[], blockZones: readonly string[]): string[] {
  return zones.filter((z) => !zoneReachable(z, blockZones));
}

export type FileLookup = { path: string; text: string | undefined; kind: 'file' | 'directory' | undefined } | undefined;

/**
 * Resolves a file argument like CoreDNS (see util/plugin-path.ts: absolute, relative to the block's `root`
 * for the plugins that honour it, else relative to the Corefile's folder) and looks it up through the host.
 */
export function lookUpFile(ctx: SetupContext, path: string, honoursRoot = false): FileLookup {
  const resolved = pluginFilePath(ctx, path, honoursRoot);
  if (resolved === undefined) return undefined;
  const kind = ctx.host.stat(resolved);
  return { path: resolved, kind, text: kind === 'file' ? ctx.host.readFile(resolved) : undefined };
}

/** An index of the RR class mnemonics miekg/dns knows (dns.StringToClass), exact case. */
export const CLASS_MNEMONICS: readonly string[] = ['IN', 'CS', 'CH', 'HS', 'NONE', 'ANY'];

/** Plugins that answer queries themselves, so a catch-all earlier in the chain can starve them. */
const ANSWERING = new Set([
  'route53', 'azure', 'clouddns', 'k8s_external', 'kubernetes', 'file', 'auto', 'secondary', 'etcd', 'forward', 'grpc',
  'erratic', 'whoami', 'nomad',
]);

/**
 * Warns when a plugin that never passes queries on (no fallthrough) covers every zone of its block: each
 * answering plugin that runs after it (by plugin.cfg, whatever the Corefile's line order) never sees
 * those queries. Only the whole-block case is reported, because the other plugins' zones are not visible
 * to a module; it is also the usual mistake (a catch-all `hosts` or `template` at the root zone).
 */
export function reportShadowing(ctx: SetupContext, plugin: string, zones: readonly string[], what: string, at: ArgToken | undefined): void {
  const self = executionIndex(plugin);
  if (self === undefined || ctx.block.zones.length === 0) return;
  const covered = ctx.block.zones.every((b) => zones.some((z) => isSubdomain(b, z)));
  if (!covered) return;
  const later = [...ctx.block.directives].filter((name) => ANSWERING.has(name) && (executionIndex(name) ?? -1) > self);
  if (later.length === 0) return;
  later.sort((a, b) => (executionIndex(a) ?? 0) - (executionIndex(b) ?? 0));
  ctx.report(
    'warning',
    `${plugin}/shadows-later-plugins`,
    `${plugin} has no fallthrough and covers every zone of this block, so ${what} never reach ${later.join(', ')}: CoreDNS runs ${plugin} before ${later.length === 1 ? 'it' : 'them'} (the order comes from plugin.cfg; the order of lines in the Corefile does not matter). Add 'fallthrough' to ${plugin}'s block, or narrow its zones.`,
    at,
  );
}

/** Go's net.SplitHostPort, enough to tell a host:port pair from a bare host. */
export function goSplitHostPort(s: string): { host: string; port: string } | undefined {
  const colon = s.lastIndexOf(':');
  if (colon < 0) return undefined;
  let host: string;
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    if (end < 0 || end + 1 !== colon) return undefined;
    host = s.slice(1, end);
    if (host.includes('[') || s.slice(end + 1).includes(']')) return undefined;
  } else {
    host = s.slice(0, colon);
    if (host.includes(':') || host.includes('[') || host.includes(']')) return undefined;
  }
  return { host, port: s.slice(colon + 1) };
}

/** Go's net.ParseIP after CoreDNS's stripZone (everything from the last '%' dropped). */
export function isGoIp(text: string): boolean {
  const percent = text.lastIndexOf('%');
  const bare = percent >= 0 ? text.slice(0, percent) : text;
  const ip = parseIp(bare);
  return ip !== undefined && ip.zone === '';
}

/**
 * CoreDNS's parse.HostPort: an IP address with an optional port (default added); names are refused.
 * The port itself is not checked, as in CoreDNS. Returns the normalised address or undefined.
 */
export function hostPort(s: string, defaultPort: string): string | undefined {
  const split = goSplitHostPort(s);
  if (!split) {
    if (!isGoIp(s)) return undefined;
    return s.includes(':') ? `[${s}]:${defaultPort}` : `${s}:${defaultPort}`;
  }
  if (!isGoIp(split.host)) return undefined;
  const port = split.port === '' ? defaultPort : split.port;
  return split.host.includes(':') ? `[${split.host}]:${port}` : `${split.host}:${port}`;
}
