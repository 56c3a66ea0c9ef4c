// The route53 plugin: serves zones copied from AWS Route 53 hosted zones. Reading follows
// plugin/route53/setup.go; every route53 line is set up on its own.
import { parseGoDuration, parseGoInt, MINUTE } from './args.js';
import type { PluginModule, SetupContext } from './types.js';
import { fallthroughZones } from './util/query-b-common.js';
import { oneValue, readTuples } from './util/query-b-cloud.js';
import { route53Handler } from './handlers/route53.js';
import { appendAll } from '../append.js';

export interface Route53Zone {
  zone: string;
  hostedZoneId: string;
}

export interface Route53Config {
  zones: Route53Zone[];
  /** Nanoseconds between refreshes from the API. */
  refresh: number;
  endpoint?: string;
  profile?: string;
  fallthrough: string[];
}

function setup(ctx: SetupContext): Route53Config {
  const { d } = ctx;
  const config: Route53Config = { zones: [], refresh: MINUTE, fallthrough: [] };
  while (d.next()) {
    const tuples = readTuples(ctx, 'route53', d.remainingArgTokens(), 2, 'ZONE:HOSTED_ZONE_ID (e.g. example.org.:Z1D633PJN98FT9)', new Set());
    appendAll(config.zones, tuples.map(([zone, id]) => ({ zone: zone!, hostedZoneId: id! })));
    while (d.nextBlock()) {
      const option = d.token()!;
      switch (d.val()) {
        case 'aws_access_key': {
          const values = d.remainingArgTokens();
          if (values.length < 2) ctx.report('error', 'route53/invalid-access-key', "aws_access_key needs a key ID and a secret: CoreDNS refuses to start. Write 'aws_access_key ID SECRET', or better, use the credentials option or environment variables (keys in the Corefile are deprecated).", option);
          else ctx.report('warning', 'route53/deprecated-access-key', 'Putting AWS keys in the Corefile is deprecated: use credentials PROFILE [FILE] or the AWS environment variables instead.', option);
          break;
        }
        case 'aws_endpoint': {
          const value = oneValue(ctx, 'route53', option, "Write 'aws_endpoint URL'.");
          if (value) config.endpoint = value.value;
          break;
        }
        case 'upstream':
          d.remainingArgTokens();
          break;
        case 'credentials': {
          const value = oneValue(ctx, 'route53', option, "Write 'credentials PROFILE [FILE]'.");
          if (value) {
            config.profile = value.value;
            d.nextArg();
          }
          break;
        }
        case 'fallthrough':
          config.fallthrough = fallthroughZones(d.remainingArgTokens());
          break;
        case 'refresh': {
          const value = oneValue(ctx, 'route53', option, "Write 'refresh DURATION', e.g. 'refresh 5m'.");
          if (!value || ctx.isUnknown(value)) break;
          const text = parseGoInt(value.value) !== undefined ? `${value.value}s` : value.value;
          const refresh = parseGoDuration(text);
          if (refresh === undefined) ctx.report('error', 'route53/invalid-refresh', `Unable to parse refresh duration '${value.value}': CoreDNS refuses to start. Write seconds (300) or a duration (5m).`, value);
          else if (refresh <= 0) ctx.report('error', 'route53/invalid-refresh', `The refresh interval must be greater than 0, got '${value.value}': CoreDNS refuses to start.`, value);
          else config.refresh = refresh;
          break;
        }
        default:
          ctx.report('error', 'route53/unknown-option', `Unknown property '${d.val()}' of route53: CoreDNS refuses to start. Known options: aws_access_key, aws_endpoint, credentials, fallthrough, refresh, upstream.`, option);
          d.remainingArgTokens();
      }
    }
  }
  return config;
}

export const route53: PluginModule<Route53Config> = {
  name: 'route53',
  setupOnly: false,
  handler: route53Handler,
  repeat: 'repeatable',
  docs: {
    summary: 'Serves zones from AWS Route 53 hosted zones, refreshed periodically.',
    behaviour: 'Loads the hosted zones through the AWS API at startup (CoreDNS fails to start when that fails) and answers queries for them from the copy; names it does not have get NXDOMAIN unless fallthrough hands them on. Other queries are passed on.',
    syntax: ['route53 [ZONE:HOSTED_ZONE_ID...]', 'route53 [ZONE:HOSTED_ZONE_ID...] {\n    aws_access_key ID SECRET\n    aws_endpoint URL\n    credentials PROFILE [FILE]\n    fallthrough [ZONES...]\n    refresh DURATION\n}'],
    arguments: [{ name: 'ZONE:HOSTED_ZONE_ID', syntax: 'ZONE:HOSTED_ZONE_ID...', description: 'A zone name and the Route 53 hosted zone ID to load it from; the same zone may be listed with several IDs.' }],
    options: [
      { name: 'aws_access_key', syntax: 'aws_access_key ID SECRET', description: 'Static AWS credentials (deprecated; prefer credentials or the environment).' },
      { name: 'aws_endpoint', syntax: 'aws_endpoint URL', description: 'A different Route 53 API endpoint.' },
      { name: 'credentials', syntax: 'credentials PROFILE [FILE]', description: 'Use a profile of the shared AWS credentials file.' },
      { name: 'fallthrough', syntax: 'fallthrough [ZONES...]', description: 'Hand NXDOMAIN answers for these zones (all when none given) to the next plugin.' },
      { name: 'refresh', syntax: 'refresh DURATION', description: 'How often the zones are re-read; plain numbers are seconds.', default: '1m', values: '> 0' },
    ],
    examples: ['example.org:53 {\n    route53 example.org.:Z1D633PJN98FT9 {\n        refresh 5m\n    }\n}'],
  },
  setup,
};
