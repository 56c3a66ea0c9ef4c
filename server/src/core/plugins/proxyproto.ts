// proxyproto: accepts the PROXY protocol header from load balancers, so plugins see the real client address.
import { parseGoDuration, parseGoInt } from './args.js';
import { parseCidr } from '../corefile/zone.js';
import type { PluginModule } from './types.js';
import { reportArgError, reportUnknownOption } from './util/server-common.js';

export type ProxyPolicy = 'use' | 'ignore' | 'reject' | 'skip';

export interface ProxyprotoConfig {
  /** Sources allowed to send a PROXY header; empty means every source. */
  allow: string[];
  /** The policy for sources outside `allow`; undefined when not written. */
  defaultPolicy: ProxyPolicy | undefined;
  udpSessionTrackingNanos: number;
  udpSessionTrackingMaxSessions: number;
}

const OPTIONS = ['allow', 'default', 'udp_session_tracking'];
const POLICIES: readonly ProxyPolicy[] = ['use', 'ignore', 'reject', 'skip'];

export const proxyproto: PluginModule<ProxyprotoConfig> = {
  name: 'proxyproto',
  setupOnly: true,
  repeat: 'repeatable',
  docs: {
    summary: 'Reads PROXY protocol (v1/v2) headers from load balancers so the original client address is used.',
    behaviour:
      'Setup only: it never sees a query. The block\'s listeners accept a PROXY protocol header in front of each connection (and UDP datagram); the address it carries replaces the load balancer\'s as the client address for every plugin (acl, view, log, whoami...).',
    syntax: ['proxyproto {', '    allow CIDR...', '    default use|ignore|reject|skip', '    udp_session_tracking DURATION [MAX-SESSIONS]', '}'],
    arguments: [],
    options: [
      { name: 'allow', syntax: 'allow CIDR...', description: 'Only these networks may send a PROXY header. Write networks, such as 10.0.0.0/8; single addresses need /32 or /128.', default: 'every source' },
      { name: 'default', syntax: 'default use|ignore|reject|skip', description: 'What to do with connections from sources outside allow (case-insensitive).', default: 'ignore', values: 'use, ignore, reject, skip' },
      { name: 'udp_session_tracking', syntax: 'udp_session_tracking DURATION [MAX-SESSIONS]', description: 'Remembers the PROXY header of a UDP source for DURATION, so later datagrams without a header keep the real client address.', default: 'off' },
    ],
    examples: ['. {\n    proxyproto {\n        allow 10.0.0.0/8\n        default ignore\n    }\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    const config: ProxyprotoConfig = { allow: [], defaultPolicy: undefined, udpSessionTrackingNanos: 0, udpSessionTrackingMaxSessions: 0 };
    while (d.next()) {
      if (d.remainingArgTokens().length > 0) reportArgError(ctx, 'proxyproto', 'proxyproto takes no arguments; put its settings in a block.');
      while (d.nextBlock()) {
        const option = d.val();
        if (!OPTIONS.includes(option)) {
          reportUnknownOption(ctx, 'proxyproto', OPTIONS);
          d.remainingArgTokens();
          continue;
        }
        const args = d.remainingArgTokens();
        if (option === 'allow') {
          for (const a of args) {
            if (ctx.isUnknown(a)) continue;
            if (parseCidr(a.value) === undefined) {
              ctx.report('error', 'proxyproto/invalid-cidr', `'${a.value}' is not a network in CIDR notation: CoreDNS refuses to start. Write it like 10.0.0.0/8, or 192.0.2.7/32 for one address.`, a);
            } else config.allow.push(a.value);
          }
        } else if (option === 'default') {
          const v = args[0];
          if (args.length !== 1 || !v) {
            reportArgError(ctx, 'proxyproto', 'Write `default use|ignore|reject|skip`.');
            continue;
          }
          if (ctx.isUnknown(v)) continue;
          const policy = POLICIES.find((p) => p === v.value.toLowerCase());
          if (policy === undefined) ctx.report('error', 'proxyproto/invalid-policy', `'${v.value}' is not a PROXY policy: CoreDNS refuses to start. Write use, ignore, reject or skip.`, v);
          else config.defaultPolicy = policy;
        } else {
          if (args.length < 1 || args.length > 2) {
            reportArgError(ctx, 'proxyproto', 'Write `udp_session_tracking DURATION [MAX-SESSIONS]`, such as `udp_session_tracking 30s 1000`.');
            continue;
          }
          const [ttl, max] = args;
          if (ttl && !ctx.isUnknown(ttl)) {
            const nanos = parseGoDuration(ttl.value);
            if (nanos === undefined) ctx.report('error', 'proxyproto/invalid-duration', `'${ttl.value}' is not a duration: CoreDNS refuses to start. Write it with a unit, such as 30s.`, ttl);
            else config.udpSessionTrackingNanos = nanos;
          }
          if (max && !ctx.isUnknown(max)) {
            const n = parseGoInt(max.value);
            if (n === undefined || n <= 0) ctx.report('error', 'proxyproto/invalid-max-sessions', `The session limit '${max.value}' must be a positive integer: CoreDNS refuses to start. Write a number such as 1000, or leave it out.`, max);
            else config.udpSessionTrackingMaxSessions = n;
          }
        }
      }
    }
    return config;
  },
};
