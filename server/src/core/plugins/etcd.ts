// The etcd plugin: answers from SkyDNS-style records stored in etcd v3. Reading follows
// plugin/etcd/setup.go's etcdParse (only the first etcd line of a block is read).
import { parseGoDuration } from './args.js';
import type { PluginModule, SetupContext } from './types.js';
import { fallthroughZones, lookUpFile, reportArgError, zonesFromArgs } from './util/query-b-common.js';
import { etcdHandler } from './handlers/etcd.js';
import { joinsRoot } from './util/plugin-path.js';

export interface EtcdConfig {
  zones: string[];
  path: string;
  endpoints: string[];
  tls?: string[];
  credentials?: { username: string };
  /** Seconds. */
  minLeaseTtl: number;
  maxLeaseTtl: number;
  fallthrough: string[];
}

const OPTIONS = ['path', 'endpoint', 'tls', 'credentials', 'min-lease-ttl', 'max-lease-ttl', 'fallthrough', 'stubzones', 'debug', 'upstream'];

/** etcd's parseTTL: plain seconds or a Go duration, 0..2^32-1 seconds. */
export function parseLeaseTtl(text: string): number | undefined {
  const s = text.trim();
  if (s === '') return 0;
  const duration = parseGoDuration(/^\d+$/.test(s) ? `${s}s` : s);
  if (duration === undefined || duration < 0) return undefined;
  const seconds = Math.floor(duration / 1e9);
  return seconds > 4294967295 ? undefined : seconds;
}

function setup(ctx: SetupContext): EtcdConfig {
  const { d } = ctx;
  const config: EtcdConfig = { zones: [], path: 'skydns', endpoints: ['http://localhost:2379'], minLeaseTtl: 30, maxLeaseTtl: 86400, fallthrough: [] };
  if (!d.next()) return config;
  config.zones = zonesFromArgs(ctx, 'etcd', d.remainingArgTokens());
  while (d.nextBlock()) {
    const option = d.token()!;
    const name = d.val();
    switch (name) {
      case 'stubzones':
      case 'debug':
        // Accepted and ignored; like CoreDNS we read no arguments, so a word after it is the next option.
        break;
      case 'fallthrough':
        config.fallthrough = fallthroughZones(d.remainingArgTokens());
        break;
      case 'upstream':
        d.remainingArgTokens();
        break;
      case 'path':
        if (!d.nextArg()) reportArgError(ctx, 'etcd', "Write 'path PREFIX', e.g. 'path /skydns'.", option);
        else config.path = d.val();
        break;
      case 'endpoint': {
        const args = d.remainingArgTokens();
        if (args.length === 0) reportArgError(ctx, 'etcd', "Give etcd's URL, e.g. 'endpoint http://localhost:2379'.", option);
        else config.endpoints = args.map((t) => t.value);
        break;
      }
      case 'tls': {
        const args = d.remainingArgTokens();
        if (args.length > 3) {
          ctx.report('error', 'etcd/wrong-argument-count', `A maximum of three arguments is allowed for tls, found ${args.length}: CoreDNS refuses to start. Write 'tls [CERT [KEY [CA]]]'.`, option);
          break;
        }
        config.tls = args.map((t) => t.value);
        for (const file of args) {
          if (!ctx.isUnknown(file) && lookUpFile(ctx, file.value, joinsRoot('etcd', 'tls'))?.kind !== 'file') {
            ctx.report('warning', 'etcd/file-not-found', `The TLS file ${file.value} was not found here (the linter cannot see the pod's file system). CoreDNS loads it at startup and refuses to start if it is missing.`, file);
          }
        }
        break;
      }
      case 'credentials': {
        const args = d.remainingArgTokens();
        if (args.length !== 2) ctx.report('error', 'etcd/wrong-argument-count', "credentials requires 2 arguments, username and password: CoreDNS refuses to start. Write 'credentials USER PASSWORD'.", option);
        else config.credentials = { username: args[0]!.value };
        break;
      }
      case 'min-lease-ttl':
      case 'max-lease-ttl': {
        if (!d.nextArg()) {
          reportArgError(ctx, 'etcd', `Write '${name} TTL', e.g. '${name} 30s'.`, option);
          break;
        }
        if (ctx.isUnknown(d.token())) break;
        const ttl = parseLeaseTtl(d.val());
        if (ttl === undefined) ctx.report('error', 'etcd/invalid-lease-ttl', `Invalid ${name} value '${d.val()}': CoreDNS refuses to start. Write seconds (30) or a duration (30s, 5m, 2h30m), not negative.`);
        else if (name === 'min-lease-ttl') config.minLeaseTtl = ttl;
        else config.maxLeaseTtl = ttl;
        break;
      }
      default:
        ctx.report('error', 'etcd/unknown-option', `Unknown property '${name}' of etcd: CoreDNS refuses to start. Known options: ${OPTIONS.join(', ')}.`, option);
        d.remainingArgTokens();
    }
  }
  return config;
}

export const etcd: PluginModule<EtcdConfig> = {
  name: 'etcd',
  setupOnly: false,
  handler: etcdHandler,
  repeat: 'first-only',
  docs: {
    summary: 'Answers from DNS records stored in etcd v3 in the SkyDNS message format.',
    behaviour: 'For queries under its zones, looks the name up under the path prefix in etcd and answers A, AAAA, SRV, TXT, CNAME and more; unknown names get NXDOMAIN unless fallthrough hands them to the next plugin. Other queries are passed on. The connection is made lazily, so an unreachable etcd does not stop CoreDNS from starting.',
    syntax: ['etcd [ZONES...]', 'etcd [ZONES...] {\n    path PREFIX\n    endpoint URL...\n    tls [CERT [KEY [CA]]]\n    credentials USER PASSWORD\n    min-lease-ttl TTL\n    max-lease-ttl TTL\n    fallthrough [ZONES...]\n}'],
    arguments: [{ name: 'ZONES', syntax: 'ZONES...', description: 'The zones answered from etcd.', default: "the server block's zones" }],
    options: [
      { name: 'path', syntax: 'path PREFIX', description: 'The key prefix records live under.', default: '/skydns' },
      { name: 'endpoint', syntax: 'endpoint URL...', description: 'The etcd endpoints.', default: 'http://localhost:2379' },
      { name: 'tls', syntax: 'tls [CERT [KEY [CA]]]', description: 'TLS towards etcd: a CA file, a client certificate and key, or both.' },
      { name: 'credentials', syntax: 'credentials USER PASSWORD', description: 'Authenticate to etcd with a user name and password.' },
      { name: 'min-lease-ttl', syntax: 'min-lease-ttl TTL', description: 'Lowest TTL derived from a record lease (seconds or a duration).', default: '30' },
      { name: 'max-lease-ttl', syntax: 'max-lease-ttl TTL', description: 'Highest TTL derived from a record lease (seconds or a duration).', default: '86400' },
      { name: 'fallthrough', syntax: 'fallthrough [ZONES...]', description: 'Hand NXDOMAIN answers for these zones (all when none given) to the next plugin.' },
      { name: 'stubzones', syntax: 'stubzones', description: 'Accepted and ignored (no longer has an effect).' },
      { name: 'debug', syntax: 'debug', description: 'Accepted and ignored (no longer has an effect).' },
      { name: 'upstream', syntax: 'upstream', description: 'Accepted and ignored.' },
    ],
    examples: ['skydns.local:53 {\n    etcd {\n        path /skydns\n        endpoint http://localhost:2379\n    }\n}'],
  },
  setup,
};
