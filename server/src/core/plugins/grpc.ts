// The grpc plugin: forwards queries to upstreams speaking DNS over gRPC. Reading follows
// plugin/grpc/setup.go (parseStanza, parseBlock) and plugin/pkg/parse's HostPortOrFile.
import type { ArgToken } from '../corefile/dispenser.js';
import { normalizeZoneArg, splitTransport } from '../corefile/address.js';
import type { PluginModule, SetupContext } from './types.js';
import { fallthroughZones, goSplitHostPort, isGoIp, lookUpFile, reportArgError } from './util/query-b-common.js';
import { grpcHandler } from './handlers/grpc.js';
import { appendAll } from '../append.js';
import { joinsRoot } from './util/plugin-path.js';

export type GrpcPolicy = 'random' | 'round_robin' | 'sequential';

export interface GrpcConfig {
  /** The zone whose queries are forwarded. */
  from: string;
  /** Upstreams as written (IP[:PORT], or a resolv.conf-style file). */
  to: string[];
  except: string[];
  tls?: string[];
  tlsServerName?: string;
  policy: GrpcPolicy;
  fallthrough: string[];
}

const MAX_UPSTREAMS = 15;

function setup(ctx: SetupContext): GrpcConfig {
  const { d } = ctx;
  const config: GrpcConfig = { from: '.', to: [], except: [], policy: 'random', fallthrough: [] };
  if (!d.next()) return config;
  const directive = d.token()!;
  const args = d.remainingArgTokens();
  const fromToken = args[0];
  if (!fromToken) {
    reportArgError(ctx, 'grpc', "Write 'grpc FROM TO...', e.g. 'grpc . 10.0.0.1:443'.", directive);
  } else if (!ctx.isUnknown(fromToken)) {
    const zones = normalizeZoneArg(fromToken.value).zones;
    if (zones.length === 0) ctx.report('error', 'grpc/invalid-from', `Unable to normalize '${fromToken.value}' as a zone: CoreDNS refuses to start. Write a domain name such as '.' or example.org.`, fromToken);
    else config.from = zones[0]!;
  }
  const toTokens = args.slice(1);
  if (fromToken && toTokens.length === 0) reportArgError(ctx, 'grpc', "Give at least one upstream after FROM, e.g. 'grpc . 10.0.0.1:443'.", fromToken);
  for (const to of toTokens) checkUpstream(ctx, to, config);
  if (config.to.length > MAX_UPSTREAMS) ctx.report('error', 'grpc/too-many-upstreams', `More than ${MAX_UPSTREAMS} upstreams configured (${config.to.length}): CoreDNS refuses to start. Keep at most ${MAX_UPSTREAMS}.`, toTokens[MAX_UPSTREAMS]);

  while (d.nextBlock()) {
    const option = d.token()!;
    switch (d.val()) {
      case 'except': {
        const zones = d.remainingArgTokens();
        if (zones.length === 0) reportArgError(ctx, 'grpc', "List the zones not to forward, e.g. 'except example.org'.", option);
        appendAll(config.except, zones.flatMap((z) => normalizeZoneArg(z.value).zones));
        break;
      }
      case 'tls': {
        const files = d.remainingArgTokens();
        if (files.length > 3) {
          reportArgError(ctx, 'grpc', "Write 'tls [CERT [KEY [CA]]]' with at most three files.", option);
          break;
        }
        config.tls = files.map((f) => f.value);
        for (const file of files) {
          if (ctx.isUnknown(file)) continue;
          if (lookUpFile(ctx, file.value, joinsRoot('grpc', 'tls'))?.kind !== 'file') {
            ctx.report('warning', 'grpc/file-not-found', `The TLS file ${file.value} was not found here (the linter cannot see the pod's file system). CoreDNS loads it at startup and refuses to start if it is missing.`, file);
          }
        }
        break;
      }
      case 'tls_servername':
        // One value is read; a second word on the line is then read as the next option, as in CoreDNS.
        if (!d.nextArg()) reportArgError(ctx, 'grpc', "Write 'tls_servername NAME'.", option);
        else config.tlsServerName = d.val();
        break;
      case 'policy':
        if (!d.nextArg()) {
          reportArgError(ctx, 'grpc', "Write 'policy random|round_robin|sequential'.", option);
          break;
        }
        if (ctx.isUnknown(d.token())) break;
        if (d.val() === 'random' || d.val() === 'round_robin' || d.val() === 'sequential') config.policy = d.val() as GrpcPolicy;
        else ctx.report('error', 'grpc/unknown-policy', `Unknown policy '${d.val()}': CoreDNS refuses to start. Use random, round_robin or sequential.`);
        break;
      case 'fallthrough':
        config.fallthrough = fallthroughZones(d.remainingArgTokens());
        break;
      default:
        ctx.report('error', 'grpc/unknown-option', `Unknown property '${d.val()}' of grpc: CoreDNS refuses to start. Known options: except, tls, tls_servername, policy, fallthrough.`, option);
        d.remainingArgTokens();
    }
  }
  return config;
}

/** parse.HostPortOrFile: an IP with optional port and transport prefix, or a resolv.conf-style file. */
function checkUpstream(ctx: SetupContext, token: ArgToken, config: GrpcConfig): void {
  if (ctx.isUnknown(token)) return;
  const { transport, rest } = splitTransport(token.value);
  if (rest === '') {
    ctx.report('error', 'grpc/invalid-upstream', `Invalid address '${token.value}': CoreDNS refuses to start. Write IP[:PORT].`, token);
    return;
  }
  if (transport === 'unix') {
    config.to.push(token.value);
    return;
  }
  const split = goSplitHostPort(rest);
  const host = split ? split.host : rest.replace(/^\[|\]$/g, '');
  if (isGoIp(host)) {
    config.to.push(token.value);
    return;
  }
  // Not an IP: CoreDNS tries to read it as a resolv.conf-style file and refuses when that fails.
  const found = lookUpFile(ctx, rest);
  if (found?.kind === 'file') {
    config.to.push(token.value);
    return;
  }
  if (rest.includes('/')) {
    config.to.push(token.value);
    ctx.report('warning', 'grpc/file-not-found', `The file ${rest} was not found here (the linter cannot see the pod's file system). CoreDNS reads it at startup and refuses to start if it is missing.`, token);
    return;
  }
  ctx.report('error', 'grpc/invalid-upstream', `'${token.value}' is not an IP address or a file: CoreDNS refuses to start (names are not resolved). Write the upstream as IP[:PORT].`, token);
}

export const grpc: PluginModule<GrpcConfig> = {
  name: 'grpc',
  setupOnly: false,
  handler: grpcHandler,
  repeat: 'once',
  docs: {
    summary: 'Forwards queries to upstream resolvers over DNS-over-gRPC.',
    behaviour: 'Queries under FROM (minus except) are sent to one of the upstreams and the reply is returned; with fallthrough, NXDOMAIN replies for the listed zones go to the next plugin instead. Other queries are passed on.',
    syntax: ['grpc FROM TO...', 'grpc FROM TO... {\n    except ZONES...\n    tls [CERT [KEY [CA]]]\n    tls_servername NAME\n    policy random|round_robin|sequential\n    fallthrough [ZONES...]\n}'],
    arguments: [
      { name: 'FROM', syntax: 'FROM', description: 'The zone whose queries are forwarded.' },
      { name: 'TO', syntax: 'TO...', description: 'Upstreams as IP[:PORT], or a resolv.conf-style file whose nameservers are used. At most 15; names are not resolved.' },
    ],
    options: [
      { name: 'except', syntax: 'except ZONES...', description: 'Zones under FROM that are not forwarded.' },
      { name: 'tls', syntax: 'tls [CERT [KEY [CA]]]', description: 'Use TLS towards the upstreams: none = system CAs, one = a CA file, two = a client certificate and key, three = both.' },
      { name: 'tls_servername', syntax: 'tls_servername NAME', description: "The name expected in the upstreams' certificates." },
      { name: 'policy', syntax: 'policy random|round_robin|sequential', description: 'How an upstream is chosen.', default: 'random' },
      { name: 'fallthrough', syntax: 'fallthrough [ZONES...]', description: 'Hand NXDOMAIN replies for these zones (all when none given) to the next plugin.' },
    ],
    examples: ['.:53 {\n    grpc . 10.0.0.1:443 {\n        policy round_robin\n    }\n}'],
  },
  setup,
};
