// timeouts: sets the read, write and idle timeouts of TCP-based servers and the TCP pipelining limit.
import { HOUR, parseGoDuration, parseGoInt, SECOND } from './args.js';
import type { PluginModule } from './types.js';
import { reportArgError, reportUnknownOption } from './util/server-common.js';

export interface TimeoutsConfig {
  readNanos: number | undefined;
  writeNanos: number | undefined;
  idleNanos: number | undefined;
  /** Queries one TCP connection may carry; -1 means no limit. */
  maxTcpQueries: number | undefined;
}

const OPTIONS = ['read', 'write', 'idle', 'maxtcpqueries'];

/** durations.NewDurationFromArg: a bare integer means seconds, anything else is a Go duration. */
function durationFromArg(text: string): number | undefined {
  if (parseGoInt(text) !== undefined) return parseGoDuration(`${text}s`);
  return parseGoDuration(text);
}

export const timeouts: PluginModule<TimeoutsConfig> = {
  name: 'timeouts',
  setupOnly: true,
  repeat: 'repeatable',
  docs: {
    summary: 'Sets how long TCP, DoT, DoH and gRPC connections may take to read, write or sit idle.',
    behaviour:
      'Setup only: it never sees a query. It changes the server\'s connection timeouts (plain UDP is not affected) and how many queries one TCP connection may pipeline.',
    syntax: ['timeouts {', '    read DURATION', '    write DURATION', '    idle DURATION', '    maxtcpqueries NUMBER', '}'],
    arguments: [],
    options: [
      { name: 'read', syntax: 'read DURATION', description: 'Time allowed to read a query from a connection.', default: '3s for dns and tls, 10s otherwise', values: '1s to 24h; a bare number means seconds' },
      { name: 'write', syntax: 'write DURATION', description: 'Time allowed to write a reply.', default: '5s for dns and tls, 20s otherwise', values: '1s to 24h; a bare number means seconds' },
      { name: 'idle', syntax: 'idle DURATION', description: 'How long an idle connection stays open.', default: '10s for dns and tls, 120s otherwise', values: '1s to 24h; a bare number means seconds' },
      { name: 'maxtcpqueries', syntax: 'maxtcpqueries NUMBER', description: 'How many queries one TCP connection may carry before it is closed.', default: 'unlimited', values: '-1 (unlimited) or a positive integer' },
    ],
    examples: ['tls://.:853 {\n    tls /etc/coredns/cert.pem /etc/coredns/key.pem\n    timeouts {\n        read 10s\n        idle 60s\n    }\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    const config: TimeoutsConfig = { readNanos: undefined, writeNanos: undefined, idleNanos: undefined, maxTcpQueries: undefined };
    while (d.next()) {
      const head = d.token();
      if (d.remainingArgTokens().length > 0) reportArgError(ctx, 'timeouts', 'timeouts takes no arguments; put the timeouts in a block, such as `timeouts {` / `read 10s` / `}`.');
      let entries = 0;
      while (d.nextBlock()) {
        const option = d.val();
        const optionToken = d.token();
        const args = d.remainingArgTokens();
        entries++;
        if (args.length !== 1) {
          reportArgError(ctx, 'timeouts', `Write \`${option} VALUE\` with exactly one value.`);
          continue;
        }
        const t = args[0]!;
        if (option === 'maxtcpqueries') {
          if (ctx.isUnknown(t)) continue;
          const n = parseGoInt(t.value);
          if (n === undefined || n === 0 || n < -1) {
            ctx.report('error', 'timeouts/invalid-maxtcpqueries', `maxtcpqueries must be -1 (unlimited) or a positive integer, not '${t.value}': CoreDNS refuses to start.`, t);
          } else config.maxTcpQueries = n;
          continue;
        }
        // CoreDNS parses the value before it looks at the option name, so a bad value is reported first.
        if (!ctx.isUnknown(t)) {
          const nanos = durationFromArg(t.value);
          if (nanos === undefined) {
            ctx.report('error', 'timeouts/invalid-duration', `'${t.value}' is not a duration: CoreDNS refuses to start. Write seconds (30) or a duration with a unit (30s, 1m).`, t);
            continue;
          }
          if (nanos < SECOND || nanos > 24 * HOUR) {
            ctx.report('error', 'timeouts/out-of-range', `The timeout '${t.value}' is outside 1s to 24h: CoreDNS refuses to start. Write a value in that range.`, t);
            continue;
          }
          if (option === 'read') config.readNanos = nanos;
          else if (option === 'write') config.writeNanos = nanos;
          else if (option === 'idle') config.idleNanos = nanos;
        }
        if (!OPTIONS.includes(option)) {
          reportUnknownOption(ctx, 'timeouts', OPTIONS, optionToken);
        }
      }
      if (entries === 0 && head) {
        ctx.report('error', 'timeouts/empty', 'timeouts without any timeout: CoreDNS refuses to start. Add a block with at least one of read, write, idle or maxtcpqueries, or remove the line.', head);
      }
    }
    return config;
  },
};
