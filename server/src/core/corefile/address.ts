// Server-block keys ("addresses") and plugin zone arguments, read exactly as CoreDNS reads them:
// parse.Transport strips a known scheme, plugin.SplitHostPort takes a numeric port after the LAST
// colon, checks the zone with miekg/dns IsDomainName and expands CIDR networks into reverse zones,
// and dnsserver's InspectServerBlocks fills in the transport's default port. Pure; never throws.
import type { Severity } from '../types.js';
import * as zoneHelpers from './zone.js';
import type { DomainNameFault } from './zone.js';
import { appendOrStart } from '../plugins/util/lists.js';

// Local references to imported functions used for every block, directive or token: run as CommonJS (as tsx
// runs the tests and the benchmark), each use of an imported binding is a call through the exporting
// module's getters.
const { checkDomainName, checkDomainNameInForm, isFqdn, nameForm, normalizeName, normalizeNameInForm, octetLength, parseIp, reverseZonesForCidr, splitLabels, toFqdn } = zoneHelpers;

export type Transport = 'dns' | 'tls' | 'quic' | 'grpc' | 'https' | 'https3' | 'unix';

/** A finding about one key; start/end are offsets inside the key's text. */
export interface AddressProblem {
  code: string;
  message: string;
  severity: Severity;
  start: number;
  end: number;
}

export interface ServerKey {
  /** The key exactly as written. */
  text: string;
  transport: Transport;
  /** The port written, or the transport's default (0 for unix://, which has none). */
  port: number;
  /** The port text as written, when the key has a numeric port. */
  portText?: string;
  /** Offset of portText inside text. */
  portStart?: number;
  /** Lowercased, fully qualified zones; a CIDR key gives its reverse zones; empty when refused. */
  zones: string[];
  /** The zone part as written (between the scheme and the port). */
  zoneText: string;
  /** Offset of zoneText inside text. */
  zoneStart: number;
  isReverseCidr: boolean;
  /** Shared and empty for the usual key: read it, never add to it. */
  problems: readonly AddressProblem[];
}

/** Default ports (plugin/pkg/transport). unix:// has none: CoreDNS leaves its port empty. */
export const DEFAULT_PORTS: Readonly<Record<Transport, number | undefined>> = {
  dns: 53,
  tls: 853,
  quic: 853,
  grpc: 443,
  https: 443,
  https3: 443,
  unix: undefined,
};

// The order matters only for https3:// versus https://, and CoreDNS tests https3 first.
const SCHEMES: readonly Transport[] = ['tls', 'dns', 'quic', 'grpc', 'https3', 'https', 'unix'];

/** parse.Transport: a known, exactly lowercase scheme is removed; anything else stays in the text. */
const SCHEME_PREFIXES: ReadonlyArray<readonly [Transport, string]> = SCHEMES.map((scheme) => [scheme, `${scheme}://`] as const);

export function splitTransport(text: string): { transport: Transport; rest: string; prefixLength: number } {
  // Most keys have no scheme at all; only text with "://" can have one.
  if (text.indexOf('://') >= 0) {
    for (const [scheme, prefix] of SCHEME_PREFIXES) {
      if (text.startsWith(prefix)) return { transport: scheme, rest: text.slice(prefix.length), prefixLength: prefix.length };
    }
  }
  return { transport: 'dns', rest: text, prefixLength: 0 };
}

const INT64_LIMIT = 1n << 63n;

/**
 * Go's strconv.Atoi of s from `start` on: optional sign, decimal digits, within a 64-bit int; otherwise
 * undefined. The value is given as a number (rounded when beyond 2^53, as the callers always did). Up to
 * fifteen digits are exact in a double, so only longer ones go through BigInt.
 */
function goAtoi(s: string, start: number): number | undefined {
  let i = start;
  const sign = s.charCodeAt(i);
  if (sign === 0x2b || sign === 0x2d) i++;
  if (i === s.length) return undefined;
  let value = 0;
  for (let j = i; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c < 0x30 || c > 0x39) return undefined;
    value = value * 10 + (c - 0x30);
  }
  if (s.length - i <= 15) return sign === 0x2d ? -value : value;
  const big = BigInt(s.slice(start));
  return big >= -INT64_LIMIT && big < INT64_LIMIT ? Number(big) : undefined;
}

/** What plugin.SplitHostPort makes of the text after the scheme. Offsets are relative to that text. */
interface HostPort {
  /** The zones served, normalised (lowercase, fully qualified); a network gives its reverse zones. Unset on error. */
  zones: string[] | undefined;
  zoneText: string;
  portText: string | undefined;
  portStart: number | undefined;
  port: number | undefined;
  isCidr: boolean;
  error: { code: string; message: string; start: number; end: number } | undefined;
}

/** Quote a name for a message as the user wrote it (no JSON escaping of backslashes). */
function quote(s: string): string {
  return `"${s}"`;
}

/** A suggested spelling, offered only when CoreDNS would accept it and it holds no stray colon. */
function suggestion(candidate: string): string {
  return checkDomainName(candidate).ok && !candidate.includes(':') ? ` Write ${quote(candidate)}.` : '';
}

function problemFromFault(fault: DomainNameFault, zone: string, start: number, end: number, fqdnCheck: boolean): HostPort['error'] {
  const shown = quote(zone);
  switch (fault) {
    case 'empty':
      return { code: 'address/empty-zone', start, end, message: 'The address has no zone, and CoreDNS refuses an empty zone name. Write "." (the root zone, every name) or a domain before the port, e.g. ".:1053".' };
    case 'leading-dot':
      return {
        code: 'address/empty-label', start, end,
        message: `The zone ${shown} starts with a dot; only the root zone "." may, so CoreDNS refuses it as a domain name.${suggestion(zone.replace(/^\.+/, '') || '.')}`,
      };
    case 'empty-label':
      return {
        code: 'address/empty-label', start, end,
        message: `The zone ${shown} has an empty label (two dots in a row), which CoreDNS refuses.${suggestion(zone.replace(/\.{2,}/g, '.'))}`,
      };
    case 'label-too-long':
      return {
        code: 'address/label-too-long', start, end,
        message: `This label of the zone is longer than 63 octets, the most a DNS label may hold, so CoreDNS refuses the zone. Shorten the label.`,
      };
    case 'too-long':
      return {
        code: 'address/zone-too-long', start, end,
        message: `The zone is ${octetLength(fqdnCheck ? toFqdn(zone) : zone)} octets long${fqdnCheck ? ' as a fully qualified name' : ''}; CoreDNS refuses zones longer than 255. Use a shorter zone.`,
      };
    case 'trailing-backslash':
      return {
        code: 'address/invalid-zone', start, end,
        message: `The zone ${shown} ends in a lone backslash that escapes nothing, so CoreDNS refuses it as a domain name. Remove the backslash, or write "\\\\" for a literal one.`,
      };
  }
}

/**
 * plugin.SplitHostPort, plus (for server keys) the second pass InspectServerBlocks makes over each
 * host in fully qualified form, which refuses a 255-octet zone written without its final dot.
 */
function splitHostPort(s: string, recheckAsFqdn: boolean): HostPort {
  const colon = s.lastIndexOf(':');
  if (colon !== -1 && colon === s.length - 1) {
    return {
      zones: undefined, zoneText: s.slice(0, colon), portText: undefined, portStart: undefined, port: undefined, isCidr: false,
      error: {
        code: 'address/trailing-colon', start: colon, end: colon + 1,
        message: 'The address ends with ":" but no port, and CoreDNS refuses it. Write a port after the colon (e.g. ":1053") or drop the colon to use the default port.',
      },
    };
  }
  const port = colon === -1 ? undefined : goAtoi(s, colon + 1);
  const zone = port === undefined ? s : s.slice(0, colon);
  // One result object of one shape, filled in as the checks go (every key of every block comes through here).
  const result: HostPort = {
    zones: undefined,
    zoneText: zone,
    portText: port === undefined ? undefined : s.slice(colon + 1),
    portStart: port === undefined ? undefined : colon + 1,
    port,
    isCidr: false,
    error: undefined,
  };
  // One scan tells how the zone is written; the length, name and case checks below all use it.
  const form = nameForm(zone);
  const octets = form === 'other' ? octetLength(zone) : zone.length;
  if (octets > 255) {
    result.error = problemFromFault('too-long', zone, 0, zone.length, false);
    return result;
  }
  const check = checkDomainNameInForm(zone, form);
  if (!check.ok) {
    result.error = problemFromFault(check.fault, zone, check.start, check.end, false);
    return result;
  }
  const reverse = reverseZonesForCidr(zone);
  if (reverse) {
    // CoreDNS refuses networks written with a leading ':' or a leading '0' and a colon, even
    // though Go parses them, so "::1/128" and "0::/64" never become reverse zones.
    if (zone[0] === ':' || (zone[0] === '0' && zone.includes(':'))) {
      const hint = reverse.length === 1 ? ` Write the reverse zone itself: ${reverse[0]}.` : ` Write its reverse zones (${reverse.length} of them, e.g. ${reverse[0]}) as keys instead.`;
      result.error = { code: 'address/invalid-cidr', start: 0, end: zone.length, message: `CoreDNS refuses the network ${quote(zone)} as an invalid CIDR: it rejects IPv6 networks written with a leading ":" or "0".${hint}` };
      return result;
    }
    // Reverse zones come lowercase and fully qualified already.
    result.zones = reverse;
    result.isCidr = true;
    return result;
  }
  // The fully qualified form only adds the root dot, one octet, when the zone lacks it.
  if (recheckAsFqdn && octets + (isFqdn(zone) ? 0 : 1) > 255) {
    result.error = problemFromFault('too-long', zone, 0, zone.length, true);
    return result;
  }
  result.zones = [normalizeNameInForm(zone, form)];
  return result;
}

const TRANSPORT_LIST = 'dns://, tls://, quic://, grpc://, https://, https3://';

/** Advice for a scheme CoreDNS does not know; it keeps the scheme as part of the zone name. */
function unknownTransportMessage(scheme: string, zone: string): string {
  const rest = zone.slice(scheme.length + 3);
  const lower = scheme.toLowerCase();
  const aliases: Record<string, string> = { udp: 'dns', tcp: 'dns', dot: 'tls', doh: 'https', doq: 'quic', doh3: 'https3', h3: 'https3', h2: 'https' };
  const known = (SCHEMES as readonly string[]).includes(lower) ? lower : aliases[lower];
  const becomes = quote(normalizeName(zone));
  const lead = `CoreDNS does not know the transport "${scheme}://" (transports are lowercase: ${TRANSPORT_LIST}), so it keeps it in the zone name: this block serves the zone ${becomes} over plain DNS.`;
  if (known === 'dns' && (lower === 'udp' || lower === 'tcp')) return `${lead} Plain DNS already serves both UDP and TCP: write "dns://${rest}" or just "${rest}".`;
  if (known) return `${lead} Write "${known}://${rest}".`;
  return `${lead} Remove the prefix or use one of those transports.`;
}

/** Text before the first '/' that looks like an IP address, for the "not a CIDR" warning. */
function looksLikeNetwork(zone: string): boolean {
  const slash = zone.indexOf('/');
  if (slash <= 0) return false;
  const addr = zone.slice(0, slash);
  return /^[0-9A-Fa-f.:]+(%.*)?$/.test(addr) && /[.:]/.test(addr);
}

function notCidrReason(zone: string): string {
  const slash = zone.indexOf('/');
  const ip = parseIp(zone.slice(0, slash));
  if (!ip) return 'the part before "/" is not a valid IP address, and IPv4 octets must be 0-255 without leading zeros';
  if (ip.zone !== '') return 'a network may not carry an interface zone (%...)';
  return `the prefix length must be a number from 0 to ${ip.bytes.length * 8}`;
}

const SCHEME_IN_ZONE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;

/** Adds a warning to `found`, starting the list with the first one; returns the list. */
function warn(found: AddressProblem[] | undefined, code: string, start: number, end: number, message: string): AddressProblem[] {
  return appendOrStart(found, { code, severity: 'warning', start, end, message });
}

/**
 * Adds to `found` the warnings for keys CoreDNS accepts but that almost certainly do not mean what they say,
 * starting the list at the first one (most keys have none); returns the list.
 */
function addOddities(found: AddressProblem[] | undefined, key: ServerKey, afterScheme: string, hostPort: HostPort): AddressProblem[] | undefined {
  const zoneStart = key.zoneStart;
  const zone = hostPort.zoneText;
  if (key.transport === 'unix') {
    found = warn(found, 'address/unix-no-server', 0, 'unix://'.length, 'CoreDNS recognises unix:// but starts no listener for it, so this block answers nothing. Use dns:// (the default) or another supported transport.');
  }
  const scheme = zone.indexOf('://') >= 0 ? SCHEME_IN_ZONE.exec(zone) : null;
  if (scheme) found = warn(found, 'address/unknown-transport', zoneStart, zoneStart + scheme[0].length, unknownTransportMessage(scheme[1], zone));
  if (hostPort.isCidr) return found;
  const schemeEnd = scheme ? scheme[0].length : 0;
  if (looksLikeNetwork(zone.slice(schemeEnd))) {
    found = warn(found, 'address/not-a-cidr', zoneStart + schemeEnd, zoneStart + zone.length,
      `${quote(zone.slice(schemeEnd))} looks like a network but is not valid CIDR: ${notCidrReason(zone.slice(schemeEnd))}. CoreDNS therefore keeps it as the literal zone ${quote(normalizeName(zone))} and serves no reverse zone. Write a network such as 10.0.0.0/8 or 2001:db8::/32.`);
    return found;
  }
  // A colon inside an unknown scheme ("udp://") was already reported; only one after it can be a port. A
  // key with a port needs no search: its last colon is the one before the port.
  const lastColon = hostPort.portText === undefined ? afterScheme.lastIndexOf(':') : -1;
  if (lastColon !== -1 && lastColon >= schemeEnd) {
    const portStart = zoneStart + lastColon + 1;
    const after = afterScheme.slice(lastColon + 1);
    const why = /^[+-]?[0-9]+$/.test(after) ? 'is too large for the 64-bit integer CoreDNS reads a port into' : 'is not a number';
    found = warn(found, 'address/non-numeric-port', portStart, zoneStart + afterScheme.length,
      `${quote(after)} after the last ":" ${why}, so CoreDNS does not read it as a port: it stays in the zone name ${quote(normalizeName(zone))} and the block listens on the default port ${key.port}. Write a port from 0 to 65535 (e.g. ":1053") or remove the colon.`);
  } else if (zone.slice(schemeEnd).includes(':')) {
    const ip = parseIp(zone.slice(schemeEnd) + (hostPort.portText !== undefined ? `:${hostPort.portText}` : ''));
    const advice = ip ? ' To serve the reverse zone of an IPv6 address, write it in CIDR form (e.g. 2001:db8::1/128); to listen on an address, use the bind plugin.' : ' Check the address: only the text after the last colon can be a port.';
    found = warn(found, 'address/colon-in-zone', zoneStart + schemeEnd, zoneStart + zone.length,
      `The zone ${quote(normalizeName(zone))} still contains ":" after CoreDNS took the port from the last colon.${advice}`);
  }
  const bare = zone.slice(schemeEnd);
  const ip = parseIp(bare);
  if (ip && ip.zone === '' && ip.bytes.length === 4) {
    found = warn(found, 'address/ip-as-zone', zoneStart + schemeEnd, zoneStart + zone.length,
      `CoreDNS reads ${quote(bare)} as the domain name ${quote(normalizeName(zone))}, not as an address to listen on. To listen on that address use "bind ${bare}" inside the block with "." as the zone; to serve its reverse zone write ${bare}/32.`);
  }
  // A "*" label needs a "*" somewhere in the zone; most zones have none.
  if (zone.indexOf('*') >= 0 && splitLabels(zone).includes('*')) {
    const parent = splitLabels(zone).slice(splitLabels(zone).lastIndexOf('*') + 1).join('.') || '.';
    found = warn(found, 'address/wildcard-zone', zoneStart, zoneStart + zone.length,
      `A "*" label in a zone is literal: this block only serves names ending in ${quote(normalizeName(zone))}, not every name below ${quote(parent)}. To serve all of them, use ${quote(parent)} as the zone.`);
  }
  return found;
}

/** The problems of a key CoreDNS takes as written: one shared list, as readers only read it. */
const NO_PROBLEMS: readonly AddressProblem[] = [];

/** Read one server-block key the way CoreDNS does, with every reason it would refuse it. */
export function parseServerKey(text: string): ServerKey {
  const { transport, rest, prefixLength } = splitTransport(text);
  const hostPort = splitHostPort(rest, true);
  const defaultPort = DEFAULT_PORTS[transport] ?? 0;
  const hasPort = hostPort.portText !== undefined && hostPort.portStart !== undefined;
  // Every field in the literal, in the order they always had: the keys outlive the analysis, and one
  // literal of one shape needs no second store for fields added later.
  const key: ServerKey = {
    text,
    transport,
    port: hostPort.port ?? defaultPort,
    zones: hostPort.zones ?? [],
    zoneText: hostPort.zoneText,
    zoneStart: prefixLength,
    isReverseCidr: hostPort.isCidr,
    problems: NO_PROBLEMS,
    portText: hasPort ? hostPort.portText : undefined,
    portStart: hasPort ? prefixLength + hostPort.portStart! : undefined,
  };
  let problems: AddressProblem[] | undefined;
  if (hostPort.error) {
    const { code, message, start, end } = hostPort.error;
    // An empty zone has no characters of its own to underline, so the whole key carries the error.
    const whole = start === end;
    problems = [{ code, message, severity: 'error', start: whole ? 0 : prefixLength + start, end: whole ? text.length : prefixLength + end }];
  }
  if (key.portText !== undefined && key.portStart !== undefined) {
    const portEnd = key.portStart + key.portText.length;
    if (key.port < 0 || key.port > 65535) {
      (problems ??= []).push({
        code: 'address/port-out-of-range', severity: 'error', start: key.portStart, end: portEnd,
        message: `Port ${key.portText} is outside 0-65535; CoreDNS refuses to start when it sets up the listener. Use a port such as 53 or 1053.`,
      });
    } else if (key.port === 0) {
      (problems ??= []).push({
        code: 'address/port-zero', severity: 'information', start: key.portStart, end: portEnd,
        message: 'Port 0 lets the operating system pick a free port at random, so clients cannot know where to send queries. Use a fixed port unless this is a test.',
      });
    }
  }
  if (!hostPort.error) problems = addOddities(problems, key, rest, hostPort);
  if (problems !== undefined) key.problems = problems;
  return key;
}

/** A zone argument of a plugin, normalised like plugin.Host(arg).NormalizeExact(). */
export interface NormalizedZoneArg {
  /** Lowercased, fully qualified zones; empty when CoreDNS cannot normalise the argument. */
  zones: string[];
  /** Why the zones are empty; the caller decides whether its plugin refuses that or ignores it. */
  problem?: AddressProblem;
}

/**
 * How plugins read zone arguments (forward FROM, kubernetes ZONES, fallthrough ZONES, ...): any
 * known scheme and a numeric port are dropped, the name is checked and a CIDR becomes its reverse
 * zones. Unlike a server key there is no second fully-qualified pass, as in CoreDNS.
 */
export function normalizeZoneArg(text: string): NormalizedZoneArg {
  // The root zone, by far the most common argument (forward ., fallthrough .), is its own normal form.
  if (text === '.') return { zones: ['.'] };
  const { rest, prefixLength } = splitTransport(text);
  const hostPort = splitHostPort(rest, false);
  if (hostPort.error) {
    const { code, message, start, end } = hostPort.error;
    const whole = start === end;
    return {
      zones: [],
      problem: { code, message, severity: 'error', start: whole ? 0 : prefixLength + start, end: whole ? text.length : prefixLength + end },
    };
  }
  return { zones: hostPort.zones ?? [] };
}
