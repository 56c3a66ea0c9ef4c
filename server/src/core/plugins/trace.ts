// trace: sends OpenTracing spans for each query to Zipkin or Datadog.
import type { ArgToken } from '../corefile/dispenser.js';
import { parseGoBool, parseGoDuration, parseGoFloat, parseGoInt, parseGoUint } from './args.js';
import type { PluginModule, SetupContext } from './types.js';
import { reportArgError, reportUnknownOption } from './util/server-common.js';
import { traceHandler } from './handlers/trace.js';

export type TraceEndpointType = 'zipkin' | 'datadog';

export interface TraceConfig {
  endpointType: TraceEndpointType;
  /** The endpoint after CoreDNS's normalisation (a Zipkin host:port becomes an http URL). */
  endpoint: string;
  every: number;
  service: string;
  clientServer: boolean;
  datadogAnalyticsRate: number;
}

const OPTIONS = ['every', 'service', 'client_server', 'datadog_analytics_rate', 'zipkin_max_backlog_size', 'zipkin_max_batch_size', 'zipkin_max_batch_interval'];
const DEFAULT_ENDPOINTS: Record<TraceEndpointType, string> = { zipkin: 'localhost:9411', datadog: 'localhost:8126' };

function isEndpointType(s: string): s is TraceEndpointType {
  return s === 'zipkin' || s === 'datadog';
}

function invalid(ctx: SetupContext, option: string, t: ArgToken, rule: string): void {
  ctx.report('error', `trace/invalid-${option.replace(/_/g, '-')}`, `'${t.value}' is not a valid ${option} value: CoreDNS refuses to start. Write ${rule}.`, t);
}

export const trace: PluginModule<TraceConfig> = {
  name: 'trace',
  setupOnly: false,
  handler: traceHandler,
  repeat: 'repeatable',
  docs: {
    summary: 'Traces queries through the plugin chain and sends the spans to a Zipkin or Datadog collector.',
    behaviour: 'PASSES every query on inside a tracing span (one in every EVERY queries is traced); plugins add child spans.',
    syntax: ['trace [[zipkin|datadog] ENDPOINT] {', '    every AMOUNT', '    service NAME', '    client_server [BOOL]', '    datadog_analytics_rate RATE', '    zipkin_max_backlog_size SIZE', '    zipkin_max_batch_size SIZE', '    zipkin_max_batch_interval DURATION', '}'],
    arguments: [
      { name: 'TYPE', syntax: 'zipkin|datadog', description: 'The collector kind. It may only be written together with an ENDPOINT: a single argument is always the endpoint.', default: 'zipkin', values: 'zipkin, datadog (case-insensitive)' },
      { name: 'ENDPOINT', syntax: 'ENDPOINT', description: 'Where spans are sent. For Zipkin, a HOST:PORT becomes http://HOST:PORT/api/v2/spans.', default: 'localhost:9411 (zipkin), localhost:8126 (datadog)' },
    ],
    options: [
      { name: 'every', syntax: 'every AMOUNT', description: 'Trace one of every AMOUNT queries; 0 turns tracing off.', default: '1' },
      { name: 'service', syntax: 'service NAME', description: 'The service name spans are reported under.', default: 'coredns' },
      { name: 'client_server', syntax: 'client_server [BOOL]', description: 'Whether client and server share one span (Zipkin only).', default: 'false; true when written without a value' },
      { name: 'datadog_analytics_rate', syntax: 'datadog_analytics_rate RATE', description: 'The Datadog App Analytics sample rate.', default: '0', values: '0 to 1' },
      { name: 'zipkin_max_backlog_size', syntax: 'zipkin_max_backlog_size SIZE', description: 'How many spans the Zipkin reporter buffers.' },
      { name: 'zipkin_max_batch_size', syntax: 'zipkin_max_batch_size SIZE', description: 'How many spans the Zipkin reporter sends per batch.' },
      { name: 'zipkin_max_batch_interval', syntax: 'zipkin_max_batch_interval DURATION', description: 'How long the Zipkin reporter waits before sending a batch.' },
    ],
    examples: ['. {\n    trace zipkin zipkin.monitoring:9411 {\n        every 100\n        service edge-dns\n    }\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    const config: TraceConfig = { endpointType: 'zipkin', endpoint: '', every: 1, service: 'coredns', clientServer: false, datadogAnalyticsRate: 0 };
    const setEndpoint = (type: TraceEndpointType, ep: string): void => {
      let endpoint = ep === '' ? DEFAULT_ENDPOINTS[type] : ep;
      if (type === 'zipkin' && !endpoint.includes('http')) endpoint = `http://${endpoint}/api/v2/spans`;
      config.endpointType = type;
      config.endpoint = endpoint;
    };
    while (d.next()) {
      const args = d.remainingArgTokens();
      if (args.length === 0) setEndpoint('zipkin', '');
      else if (args.length === 1) setEndpoint('zipkin', args[0]!.value);
      else if (args.length === 2) {
        const typeToken = args[0]!;
        const type = typeToken.value.toLowerCase();
        if (isEndpointType(type)) setEndpoint(type, args[1]!.value);
        else if (!ctx.isUnknown(typeToken)) ctx.report('error', 'trace/unsupported-type', `The tracing endpoint type '${typeToken.value}' is not supported: CoreDNS refuses to start. Write zipkin or datadog.`, typeToken);
      } else reportArgError(ctx, 'trace', 'Write `trace [[zipkin|datadog] ENDPOINT]`.', args[2]);
      while (d.nextBlock()) {
        const option = d.val();
        if (!OPTIONS.includes(option)) {
          reportUnknownOption(ctx, 'trace', OPTIONS);
          d.remainingArgTokens();
          continue;
        }
        const values = d.remainingArgTokens();
        const optional = option === 'client_server' || option === 'datadog_analytics_rate';
        if (optional ? values.length > 1 : values.length !== 1) {
          reportArgError(ctx, 'trace', `Write \`${option}${optional ? ' [VALUE]' : ' VALUE'}\`.`);
          continue;
        }
        const v = values[0];
        if (option === 'client_server') config.clientServer = true;
        if (option === 'datadog_analytics_rate') config.datadogAnalyticsRate = 0;
        if (!v || ctx.isUnknown(v)) continue;
        switch (option) {
          case 'every': {
            const n = parseGoUint(v.value);
            if (n === undefined) invalid(ctx, option, v, 'an unsigned integer such as 100');
            else config.every = n;
            break;
          }
          case 'service':
            config.service = v.value;
            break;
          case 'client_server': {
            const b = parseGoBool(v.value);
            if (b === undefined) invalid(ctx, option, v, 'true or false');
            else config.clientServer = b;
            break;
          }
          case 'datadog_analytics_rate': {
            const f = parseGoFloat(v.value);
            if (f === undefined || !(f >= 0 && f <= 1)) invalid(ctx, option, v, 'a number between 0 and 1');
            else config.datadogAnalyticsRate = f;
            break;
          }
          case 'zipkin_max_batch_interval':
            if (parseGoDuration(v.value) === undefined) invalid(ctx, option, v, 'a duration with a unit, such as 1s');
            break;
          default:
            if (parseGoInt(v.value) === undefined) invalid(ctx, option, v, 'an integer');
        }
      }
    }
    if (config.endpoint === '') setEndpoint('zipkin', '');
    return config;
  },
};
