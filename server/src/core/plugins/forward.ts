// The `forward` directive: sends queries for a zone to upstream resolvers over DNS, DNS-over-TLS or
// DNS-over-HTTPS. Reads its arguments the way CoreDNS 1.14's forward setup does (FROM, TO..., the option
// block) and adds warnings for the mistakes that make CoreDNS loop or never use the forwarder.
import { normalizeZoneArg } from '../corefile/address.js';
import type { ArgToken } from '../corefile/dispenser.js';
import { isSubdomain, isDomainName, normalizeName } from '../corefile/zone.js';
import { parseGoDuration, parseGoInt, parseGoUint, SECOND } from './args.js';
import type { PluginModule, SetupContext } from './types.js';
import { checkTlsFiles } from './util/query-a-files.js';
import { forwardDocs } from './util/query-a-forward-docs.js';
import { classifyUpstreams, type ForwardUpstream } from './util/query-a-forward-upstreams.js';
import { isPlainIp, RCODES, splitHostPort } from './util/query-a-net.js';
import { forwardHandler } from './handlers/forward.js';
import { appendAll } from '../append.js';
import { joinsRoot } from './util/plugin-path.js';
import { appendOrStart } from './util/lists.js';
import type { Token } from '../corefile/token.js';

/** CoreDNS refuses a forward stanza with more TO entries than this. */
export const MAX_UPSTREAMS = 15;

export type ForwardPolicy = 'random' | 'round_robin' | 'sequential';

export interface ForwardStanza {
  /** The normalised FROM zone (the first one, when a CIDR expands to several). */
  from: string;
  upstreams: readonly ForwardUpstream[];
  except: readonly string[];
  maxFails: number;
  maxConnectAttempts: number;
  /** Nanoseconds between health checks; 0 disables them. */
  healthCheck: number;
  healthCheckRecursionDesired: boolean;
  healthCheckDomain: string;
  forceTcp: boolean;
  preferUdp: boolean;
  /** The `tls` option's CERT/KEY/CA paths, as written; undefined when the option is absent. */
  tls?: string[];
  tlsServerName?: string;
  /** Nanoseconds. */
  expire: number;
  maxAge: number;
  maxIdleConns: number;
  readTimeout: number;
  dohMethod: 'GET' | 'POST';
  policy: ForwardPolicy;
  maxConcurrent: number;
  /** Rcodes (numbers) on which the next forward stanza is tried. */
  next: readonly number[];
  nextOnNodata: boolean;
  failfastAllUnhealthyUpstreams: boolean;
  /** Rcodes on which the next upstream of this stanza is tried. */
  failover: readonly number[];
  resolver: readonly string[];
  sourceAddress?: string;
  /** The stanza's `forward` word, for the simulator's explanations (its range is made when one is shown). */
  directive: Token;
}

export interface ForwardConfig {
  /** The stanzas in Corefile order; a query not handled by one is offered to the next. */
  stanzas: ForwardStanza[];
}

// The list options are absent from most stanzas, so their defaults share one (readonly) empty list instead of
// five new arrays per forward line; an option that sets a list assigns a new one, never appends to these.
const NO_UPSTREAMS: readonly ForwardUpstream[] = [];
const NO_ZONES: readonly string[] = [];
const NO_RCODES: readonly number[] = [];
const NO_RESOLVERS: readonly string[] = [];

function newStanza(directive: Token): ForwardStanza {
  return {
    from: '.', upstreams: NO_UPSTREAMS, except: NO_ZONES, maxFails: 2, maxConnectAttempts: 0, healthCheck: 0.5 * SECOND,
    healthCheckRecursionDesired: true, healthCheckDomain: '.', forceTcp: false, preferUdp: false, expire: 10 * SECOND,
    maxAge: 0, maxIdleConns: 0, readTimeout: 2 * SECOND, dohMethod: 'POST', policy: 'random', maxConcurrent: 0,
    next: NO_RCODES, nextOnNodata: false, failfastAllUnhealthyUpstreams: false, failover: NO_RCODES, resolver: NO_RESOLVERS, directive,
  };
}

function setup(ctx: SetupContext): ForwardConfig {
  const { d } = ctx;
  let stanzas: ForwardStanza[] | undefined;
  while (d.next()) {
    const directive = d.token()!;
    const stanza = newStanza(directive);
    stanzas = appendOrStart(stanzas, stanza);
    if (!d.nextArg()) {
      ctx.report('error', 'forward/missing-from', `${d.argErrorText()}: forward needs a zone and at least one upstream. Write e.g. 'forward . 10.0.0.1'.`, directive);
      continue;
    }
    const fromToken = d.token()!;
    if (fromToken.value === '{') {
      ctx.report('error', 'forward/missing-from', `forward needs a zone and at least one upstream before '{'. Write e.g. 'forward . 10.0.0.1 {'.`, fromToken);
      d.position = d.position - 1;
      skipBlock(ctx);
      continue;
    }
    readFrom(ctx, stanza, fromToken);
    const toTokens = d.remainingArgTokens();
    if (toTokens.length === 0) {
      ctx.report('error', 'forward/missing-to', `forward ${fromToken.value} has no upstream: CoreDNS refuses it. Add at least one, e.g. 'forward ${fromToken.value} 10.0.0.1' or 'forward ${fromToken.value} /etc/resolv.conf'.`, fromToken);
    }
    // Only the first max_age option is needed afterwards, to point at it when it is shorter than expire.
    let maxAgeOption: ArgToken | undefined;
    while (d.nextBlock()) {
      if (maxAgeOption === undefined && d.val() === 'max_age') maxAgeOption = d.token();
      readOption(ctx, stanza);
    }
    if (stanza.maxAge > 0 && stanza.maxAge < stanza.expire) {
      const at = maxAgeOption ?? directive;
      ctx.report('error', 'forward/max-age-below-expire', `max_age must not be shorter than expire (${stanza.expire / SECOND}s); CoreDNS refuses it. Raise max_age or lower expire.`, at);
    }
    if (toTokens.length > 0) {
      stanza.upstreams = classifyUpstreams(ctx, toTokens, stanza.tlsServerName);
      if (toTokens.length > MAX_UPSTREAMS) {
        ctx.report('error', 'forward/too-many-upstreams', `forward accepts at most ${MAX_UPSTREAMS} upstreams and ${toTokens.length} are listed; CoreDNS refuses to start. Keep the ${MAX_UPSTREAMS} you need, or split the zone over several forward lines.`, toTokens[MAX_UPSTREAMS]!);
      }
    }
    warnFromOutsideZones(ctx, stanza, fromToken);
  }
  return { stanzas: stanzas ?? [] };
}

function readFrom(ctx: SetupContext, stanza: ForwardStanza, token: ArgToken): void {
  if (ctx.isUnknown(token)) return;
  const normalized = normalizeZoneArg(token.value);
  const first = normalized.zones[0];
  if (first === undefined) {
    const why = normalized.problem ? ` (${normalized.problem.message})` : '';
    ctx.report('error', 'forward/bad-from', `CoreDNS cannot read '${token.value}' as a zone${why} and refuses to start. Write a domain such as 'example.org' or '.', or a CIDR such as '10.0.0.0/8'.`, token);
    return;
  }
  stanza.from = first;
  if (normalized.zones.length > 1) {
    ctx.report('warning', 'forward/from-cidr-split', `'${token.value}' covers ${normalized.zones.length} reverse zones, but forward uses only the first one (${first}). Use a CIDR on an octet boundary (e.g. /8, /16, /24), or one forward line per zone.`, token);
  }
}

/** A forward whose FROM shares no names with the block's zones is never asked anything. */
function warnFromOutsideZones(ctx: SetupContext, stanza: ForwardStanza, token: ArgToken): void {
  const zones = ctx.block.zones;
  if (ctx.isUnknown(token) || zones.length === 0) return;
  // A loop rather than some(): its callback would be a new closure for every forward line.
  for (const zone of zones) {
    if (isSubdomain(stanza.from, zone) || isSubdomain(zone, stanza.from)) return;
  }
  ctx.report('warning', 'forward/from-outside-zones', `This forward handles ${stanza.from}, but the server block only receives queries for ${ctx.block.zones.join(', ')}; the two do not overlap, so this forward never sees a query. Use '.' or a zone inside the block's zones, or move it to a block for ${stanza.from}.`, token);
}

function skipRestOfLine(ctx: SetupContext): void {
  while (ctx.d.nextArg()) {
    if (ctx.d.val() === '{') {
      ctx.d.position = ctx.d.position - 1;
      return;
    }
  }
}

function skipBlock(ctx: SetupContext): void {
  while (ctx.d.nextBlock()) {
    // Options of a stanza that failed before its block are not read, as CoreDNS stops there too.
  }
}

/**
 * Reads exactly one more argument on the line, or reports the option's argument error. The example value
 * is joined to the option's name only for the message, so a well-formed option builds no text.
 */
function oneArg(ctx: SetupContext, option: ArgToken, exampleValue: string): ArgToken | undefined {
  if (ctx.d.nextArg()) return ctx.d.token()!;
  ctx.report('error', 'forward/missing-value', `'${option.value}' needs a value; CoreDNS refuses it. Write e.g. '${option.value} ${exampleValue}'.`, option);
  return undefined;
}

function noArgs(ctx: SetupContext, option: ArgToken): void {
  if (ctx.d.nextArg()) {
    ctx.report('error', 'forward/unexpected-value', `'${option.value}' takes no value; CoreDNS refuses '${ctx.d.val()}'. Write '${option.value}' alone on its line.`, ctx.d.token());
    skipRestOfLine(ctx);
  }
}

function duration(ctx: SetupContext, option: ArgToken, token: ArgToken, min: 'non-negative' | 'positive', example: string): number | undefined {
  if (ctx.isUnknown(token)) return undefined;
  const value = parseGoDuration(token.value);
  if (value === undefined) {
    ctx.report('error', 'forward/bad-duration', `'${token.value}' is not a duration; CoreDNS refuses it. Write a Go duration with a unit, e.g. '${option.value} ${example}'.`, token);
    return undefined;
  }
  if (value < 0 || (min === 'positive' && value === 0)) {
    ctx.report('error', 'forward/bad-duration', `${option.value} must be ${min === 'positive' ? 'greater than zero' : 'zero or more'}; CoreDNS refuses '${token.value}'. Write e.g. '${option.value} ${example}'.`, token);
    return undefined;
  }
  return value;
}

function nonNegativeInt(ctx: SetupContext, option: ArgToken, token: ArgToken, kind: 'uint32' | 'int'): number | undefined {
  if (ctx.isUnknown(token)) return undefined;
  const value = kind === 'uint32' ? parseGoUint(token.value, 32) : parseGoInt(token.value);
  if (value === undefined || value < 0) {
    ctx.report('error', 'forward/bad-number', `${option.value} needs a whole number of 0 or more; CoreDNS refuses '${token.value}'. Write e.g. '${option.value} 2'.`, token);
    return undefined;
  }
  return value;
}

function rcodes(ctx: SetupContext, option: ArgToken, allowNoError: boolean): number[] {
  const tokens = ctx.d.remainingArgTokens();
  if (tokens.length === 0) {
    ctx.report('error', 'forward/missing-value', `'${option.value}' needs at least one response code; CoreDNS refuses it. Write e.g. '${option.value} SERVFAIL REFUSED'.`, option);
    return [];
  }
  const out: number[] = [];
  for (const token of tokens) {
    if (ctx.isUnknown(token)) continue;
    const code = RCODES[token.value.toUpperCase()];
    if (code === undefined) {
      ctx.report('error', 'forward/bad-rcode', `'${token.value}' is not a response code; CoreDNS refuses it. Use a name such as SERVFAIL, REFUSED or NXDOMAIN.`, token);
    } else if (code === 0 && !allowNoError) {
      ctx.report('error', 'forward/failover-noerror', `NOERROR cannot be a failover code (it is a successful answer); CoreDNS refuses it. List only error codes such as SERVFAIL or REFUSED.`, token);
    } else {
      out.push(code);
    }
  }
  return out;
}

function readOption(ctx: SetupContext, s: ForwardStanza): void {
  const { d } = ctx;
  const option = d.token()!;
  switch (option.value) {
    case 'except': {
      const zones = d.remainingArgTokens();
      if (zones.length === 0) {
        ctx.report('error', 'forward/missing-value', `'except' needs the zones to leave out; CoreDNS refuses it bare. Write e.g. 'except internal.example.org'.`, option);
      }
      const except = [...s.except];
      for (const z of zones) appendAll(except, normalizeZoneArg(z.value).zones);
      s.except = except;
      return;
    }
    case 'max_fails':
    case 'max_connect_attempts': {
      const t = oneArg(ctx, option, '3');
      if (!t) return;
      const n = nonNegativeInt(ctx, option, t, 'uint32');
      if (n === undefined) return;
      if (option.value === 'max_fails') s.maxFails = n;
      else s.maxConnectAttempts = n;
      return;
    }
    case 'health_check':
      return readHealthCheck(ctx, s, option);
    case 'force_tcp':
      noArgs(ctx, option);
      s.forceTcp = true;
      return;
    case 'prefer_udp':
      noArgs(ctx, option);
      s.preferUdp = true;
      return;
    case 'tls': {
      const args = d.remainingArgTokens();
      if (args.length > 3) {
        ctx.report('error', 'forward/tls-arguments', `'tls' takes at most three files (CERT KEY CA); CoreDNS refuses ${args.length}. Write 'tls', 'tls CA', 'tls CERT KEY' or 'tls CERT KEY CA'.`, args[3]);
        return;
      }
      s.tls = args.map((a) => a.value);
      // forward joins relative TLS files to the block's `root` (its upstream files are not).
      checkTlsFiles(ctx, 'forward', args.filter((a) => !ctx.isUnknown(a)), joinsRoot('forward', 'tls'));
      return;
    }
    case 'tls_servername': {
      const t = oneArg(ctx, option, 'dns.example.net');
      if (t) s.tlsServerName = t.value;
      return;
    }
    case 'expire':
    case 'max_age': {
      const t = oneArg(ctx, option, '10s');
      const v = t && duration(ctx, option, t, 'non-negative', '10s');
      if (v === undefined) return;
      if (option.value === 'expire') s.expire = v;
      else s.maxAge = v;
      return;
    }
    case 'read_timeout': {
      const t = oneArg(ctx, option, '2s');
      const v = t && duration(ctx, option, t, 'positive', '2s');
      if (v !== undefined) s.readTimeout = v;
      return;
    }
    case 'max_idle_conns':
    case 'max_concurrent': {
      const t = oneArg(ctx, option, '100');
      const n = t && nonNegativeInt(ctx, option, t, 'int');
      if (n === undefined) return;
      if (option.value === 'max_idle_conns') s.maxIdleConns = n;
      else s.maxConcurrent = n;
      return;
    }
    case 'doh_method': {
      const t = oneArg(ctx, option, 'GET');
      if (!t || ctx.isUnknown(t)) return;
      if (t.value === 'GET' || t.value === 'POST') s.dohMethod = t.value;
      else ctx.report('error', 'forward/bad-doh-method', `doh_method must be GET or POST, in capitals; CoreDNS refuses '${t.value}'.`, t);
      return;
    }
    case 'policy': {
      const t = oneArg(ctx, option, 'sequential');
      if (!t || ctx.isUnknown(t)) return;
      if (t.value === 'random' || t.value === 'round_robin' || t.value === 'sequential') s.policy = t.value;
      else ctx.report('error', 'forward/bad-policy', `Unknown policy '${t.value}'; CoreDNS refuses it. Use random (the default), round_robin or sequential.`, t);
      return;
    }
    case 'next':
      s.next = rcodes(ctx, option, true);
      return;
    case 'failover':
      s.failover = rcodes(ctx, option, false);
      return;
    case 'next_on_nodata':
      noArgs(ctx, option);
      s.nextOnNodata = true;
      return;
    case 'failfast_all_unhealthy_upstreams':
      noArgs(ctx, option);
      s.failfastAllUnhealthyUpstreams = true;
      return;
    case 'resolver':
      return readResolver(ctx, s, option);
    case 'source_address': {
      const t = oneArg(ctx, option, '10.0.0.5');
      if (!t || ctx.isUnknown(t)) return;
      if (isPlainIp(t.value)) s.sourceAddress = t.value;
      else ctx.report('error', 'forward/bad-source-address', `source_address must be an IP address of this host; CoreDNS refuses '${t.value}'.`, t);
      return;
    }
    default:
      ctx.report('error', 'forward/unknown-option', `Unknown forward option '${option.value}'; CoreDNS refuses to start. Options are: except, max_fails, max_connect_attempts, health_check, force_tcp, prefer_udp, tls, tls_servername, expire, max_age, max_idle_conns, read_timeout, doh_method, policy, max_concurrent, next, next_on_nodata, failfast_all_unhealthy_upstreams, failover, resolver, source_address.`, option);
      skipRestOfLine(ctx);
  }
}

function readHealthCheck(ctx: SetupContext, s: ForwardStanza, option: ArgToken): void {
  const { d } = ctx;
  const t = oneArg(ctx, option, '5s');
  if (!t) return;
  const v = duration(ctx, option, t, 'non-negative', '5s');
  if (v === undefined) {
    skipRestOfLine(ctx);
    return;
  }
  s.healthCheck = v;
  s.healthCheckDomain = '.';
  while (d.nextArg()) {
    const sub = d.token()!;
    if (sub.value === 'no_rec') {
      s.healthCheckRecursionDesired = false;
    } else if (sub.value === 'domain') {
      if (!d.nextArg()) {
        ctx.report('error', 'forward/missing-value', `health_check 'domain' needs a name; CoreDNS refuses it bare. Write e.g. 'health_check 5s domain example.org'.`, sub);
        return;
      }
      const name = d.token()!;
      if (ctx.isUnknown(name)) continue;
      if (!isDomainName(name.value)) {
        ctx.report('error', 'forward/bad-health-domain', `'${name.value}' is not a valid domain name; CoreDNS refuses it. Write a name such as 'example.org'.`, name);
      } else {
        s.healthCheckDomain = normalizeName(name.value);
      }
    } else {
      ctx.report('error', 'forward/bad-health-option', `Unknown health_check option '${sub.value}'; CoreDNS refuses it. After the interval only 'no_rec' and 'domain NAME' are allowed.`, sub);
      skipRestOfLine(ctx);
      return;
    }
  }
}

function readResolver(ctx: SetupContext, s: ForwardStanza, option: ArgToken): void {
  const args = ctx.d.remainingArgTokens();
  if (args.length === 0) {
    ctx.report('error', 'forward/missing-value', `'resolver' needs at least one DNS server address; CoreDNS refuses it bare. Write e.g. 'resolver 10.0.0.10 10.0.0.11:53'.`, option);
    return;
  }
  for (const a of args) {
    if (ctx.isUnknown(a)) continue;
    const hp = splitHostPort(a.value);
    const host = hp ? hp.host : a.value;
    if (!isPlainIp(host)) {
      ctx.report('error', 'forward/bad-resolver', `resolver must be an IP address or IP:port; CoreDNS refuses '${a.value}'. Write e.g. '10.0.0.10' or '[2001:db8::10]:53'.`, a);
    }
  }
  s.resolver = args.map((a) => a.value);
}

export const forward: PluginModule<ForwardConfig> = {
  name: 'forward',
  setupOnly: false,
  repeat: 'repeatable',
  docs: forwardDocs,
  setup,
  handler: forwardHandler,
};
