// The nomad plugin: answers for services registered in HashiCorp Nomad. Reading follows
// plugin/nomad/setup.go's parse (only the first nomad line of a block is read).
import { parseGoInt } from './args.js';
import type { PluginModule, SetupContext } from './types.js';
import { nomadHandler } from './handlers/nomad.js';
import { appendAll } from '../append.js';

export interface NomadConfig {
  /** The zone as written (CoreDNS does not normalise it). */
  zone: string;
  addresses: string[];
  filter?: string;
  hasToken: boolean;
  /** Seconds. */
  ttl: number;
}

function setup(ctx: SetupContext): NomadConfig {
  const { d } = ctx;
  const config: NomadConfig = { zone: 'service.nomad', addresses: [], hasToken: false, ttl: 30 };
  if (!d.next()) return config;
  const args = d.remainingArgTokens();
  if (args.length > 0) config.zone = args[0]!.value;
  while (d.nextBlock()) {
    const option = d.token()!;
    // CoreDNS lowercases the option name before matching it.
    const name = d.val().toLowerCase();
    const values = d.remainingArgTokens();
    switch (name) {
      case 'address':
        if (values.length === 0) ctx.report('error', 'nomad/wrong-argument-count', "At least one address is required: CoreDNS refuses to start. Write e.g. 'address http://127.0.0.1:4646'.", option);
        appendAll(config.addresses, values.map((t) => t.value));
        break;
      case 'filter':
      case 'token':
        if (values.length !== 1) ctx.report('error', 'nomad/wrong-argument-count', `Exactly one ${name} is required: CoreDNS refuses to start. Write '${name} VALUE' (quote it if it contains spaces).`, option);
        else if (name === 'filter') config.filter = values[0]!.value;
        else config.hasToken = true;
        break;
      case 'ttl': {
        if (values.length !== 1) {
          ctx.report('error', 'nomad/wrong-argument-count', "Exactly one ttl value is required: CoreDNS refuses to start. Write e.g. 'ttl 30'.", option);
          break;
        }
        if (ctx.isUnknown(values[0])) break;
        const ttl = parseGoInt(values[0]!.value);
        if (ttl === undefined) ctx.report('error', 'nomad/invalid-ttl', `The ttl '${values[0]!.value}' is not an integer: CoreDNS refuses to start. Write whole seconds between 0 and 3600.`, values[0]);
        else if (ttl < 0 || ttl > 3600) ctx.report('error', 'nomad/invalid-ttl', `The ttl must be within [0, 3600], got ${ttl}: CoreDNS refuses to start.`, values[0]);
        else config.ttl = ttl;
        break;
      }
      default:
        ctx.report('error', 'nomad/unknown-option', `Unknown property '${name}' of nomad: CoreDNS refuses to start. Known options: address, token, filter, ttl.`, option);
    }
  }
  return config;
}

export const nomad: PluginModule<NomadConfig> = {
  name: 'nomad',
  setupOnly: false,
  handler: nomadHandler,
  repeat: 'first-only',
  docs: {
    summary: 'Answers for services registered in HashiCorp Nomad.',
    behaviour: 'For queries of the form SERVICE.NAMESPACE.ZONE, looks the service up in Nomad and answers A, AAAA or SRV with its registrations; unknown services get NXDOMAIN. Queries outside the zone are passed on. Each address is tried in turn until one Nomad agent responds.',
    syntax: ['nomad [ZONE]', 'nomad [ZONE] {\n    address URL...\n    token TOKEN\n    filter EXPRESSION\n    ttl SECONDS\n}'],
    arguments: [{ name: 'ZONE', syntax: 'ZONE', description: 'The zone services are answered under.', default: 'service.nomad' }],
    options: [
      { name: 'address', syntax: 'address URL...', description: 'Nomad HTTP API addresses, tried in order.', default: "Nomad's default (NOMAD_ADDR or http://127.0.0.1:4646)" },
      { name: 'token', syntax: 'token TOKEN', description: 'ACL token for the Nomad API.' },
      { name: 'filter', syntax: 'filter EXPRESSION', description: 'A Nomad filter expression applied to service registrations.' },
      { name: 'ttl', syntax: 'ttl SECONDS', description: 'TTL of the answers.', default: '30', values: '0..3600' },
    ],
    examples: ['service.nomad:53 {\n    nomad {\n        address http://127.0.0.1:4646\n        ttl 10\n    }\n}'],
  },
  setup,
};
