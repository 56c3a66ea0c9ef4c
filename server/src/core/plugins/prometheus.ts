// prometheus: exports CoreDNS's metrics in Prometheus format over HTTP.
import type { PluginModule } from './types.js';
import { checkListenAddress, lookUpFile, reportArgError, reportUnknownOption } from './util/server-common.js';
import { prometheusHandler } from './handlers/prometheus.js';

export interface PrometheusConfig {
  address: string;
  /** The zones the metrics of this block are labelled with: the block's zones. */
  zones: string[];
  runtimeMetrics: boolean;
  /** A TLS/basic-auth web configuration file (Prometheus exporter-toolkit format). */
  tlsConfigPath: string | undefined;
}

const OPTIONS = ['runtime_metrics', 'tls'];

export const prometheus: PluginModule<PrometheusConfig> = {
  name: 'prometheus',
  setupOnly: false,
  repeat: 'once',
  docs: {
    summary: 'Exports metrics (requests, responses, latencies, cache and plugin counters) at /metrics for Prometheus.',
    behaviour:
      'PASSES every query on and counts it and its reply; the metrics are served over HTTP at ADDRESS/metrics. Blocks that name the same address share one listener.',
    syntax: ['prometheus [ADDRESS] {', '    runtime_metrics', '    tls CONFIG-FILE', '}'],
    arguments: [{ name: 'ADDRESS', syntax: 'ADDRESS', description: 'Where the metrics endpoint listens, as HOST:PORT (HOST may be empty for all interfaces).', default: 'localhost:9153' }],
    options: [
      { name: 'runtime_metrics', syntax: 'runtime_metrics', description: 'Also exports all of Go\'s runtime/metrics (garbage collector, scheduler...).' },
      { name: 'tls', syntax: 'tls CONFIG-FILE', description: 'Serves the endpoint over TLS (and optionally basic auth) as configured in a Prometheus web configuration file. May be given once.' },
    ],
    examples: ['. {\n    prometheus :9153\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    const config: PrometheusConfig = { address: 'localhost:9153', zones: [...ctx.block.zones], runtimeMetrics: false, tlsConfigPath: undefined };
    d.next();
    const args = d.remainingArgTokens();
    if (args.length > 1) reportArgError(ctx, 'prometheus', 'Write at most one address, such as `prometheus :9153`.', args[1]);
    else if (args[0]) config.address = checkListenAddress(ctx, 'prometheus', args[0], ':9153') ?? config.address;
    while (d.nextBlock()) {
      const option = d.val();
      if (!OPTIONS.includes(option)) {
        reportUnknownOption(ctx, 'prometheus', OPTIONS);
        d.remainingArgTokens();
        continue;
      }
      const optionToken = d.token();
      const values = d.remainingArgTokens();
      if (option === 'runtime_metrics') {
        if (values.length !== 0) reportArgError(ctx, 'prometheus', 'runtime_metrics takes no value; write just `runtime_metrics`.');
        else config.runtimeMetrics = true;
        continue;
      }
      if (config.tlsConfigPath !== undefined) {
        ctx.report('error', 'prometheus/duplicate-tls', 'The tls option is given twice: CoreDNS refuses to start. Keep one `tls CONFIG-FILE` line.', optionToken);
        continue;
      }
      if (values.length !== 1) {
        reportArgError(ctx, 'prometheus', 'Write `tls CONFIG-FILE` with exactly one file.');
        continue;
      }
      const file = values[0]!;
      config.tlsConfigPath = file.value;
      // The file is only opened when the endpoint starts, but a missing one still stops CoreDNS then.
      lookUpFile(ctx, 'prometheus', file, file.value, 'CoreDNS refuses to start, because the metrics endpoint cannot load its TLS configuration.');
    }
    return config;
  },
  handler: prometheusHandler,
};
