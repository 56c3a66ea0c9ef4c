// The `dns64` directive: synthesises AAAA records from A records (RFC 6147) for IPv6-only clients.
import type { ArgToken } from '../corefile/dispenser.js';
import { parseCidr } from '../corefile/zone.js';
import type { PluginModule, SetupContext } from './types.js';
import { dns64Handler } from './handlers/dns64.js';

export interface Dns64Config {
  prefix: string;
  translateAll: boolean;
  allowIpv4: boolean;
}

function setup(ctx: SetupContext): Dns64Config {
  const { d } = ctx;
  const config: Dns64Config = { prefix: '64:ff9b::/96', translateAll: false, allowIpv4: false };
  // CoreDNS's loop: with one argument it sets the prefix and moves straight on to the next token, so a
  // block after a prefix argument is not read as options: each of its lines is taken as another dns64
  // line. We follow the same walk and warn that the block's options are lost.
  while (d.next()) {
    const here = d.token()!;
    const args = d.remainingArgTokens();
    if (args.length === 1) {
      if (readPrefix(ctx, args[0]!)) config.prefix = args[0]!.value;
      if (d.nextArg()) {
        ctx.report('warning', 'dns64/block-ignored', `With a prefix argument CoreDNS does not read the block as options, so settings such as translate_all there have no effect. Move the prefix into the block: 'prefix ${args[0]!.value}'.`, d.token());
        d.position = d.position - 1;
      }
      continue;
    }
    if (args.length > 1) {
      ctx.report('error', 'dns64/wrong-arguments', `dns64 takes at most one argument, the prefix; CoreDNS refuses more. Write e.g. 'dns64 64:ff9b::/96'.`, args[1]);
      continue;
    }
    if (here.value === '{' || here.value === '}') continue;
    while (d.nextBlock()) {
      const option = d.token()!;
      switch (option.value) {
        case 'prefix':
          if (!d.nextArg()) {
            ctx.report('error', 'dns64/missing-prefix', "'prefix' needs an IPv6 prefix; CoreDNS refuses it bare. Write e.g. 'prefix 64:ff9b::/96'.", option);
          } else if (readPrefix(ctx, d.token()!)) config.prefix = d.val();
          break;
        case 'translate_all':
          config.translateAll = true;
          break;
        case 'allow_ipv4':
          config.allowIpv4 = true;
          break;
        default:
          ctx.report('error', 'dns64/unknown-option', `Unknown dns64 option '${option.value}'; CoreDNS refuses to start. Options are prefix, translate_all and allow_ipv4.`, option);
      }
    }
  }
  return config;
}

function readPrefix(ctx: SetupContext, token: ArgToken): boolean {
  if (ctx.isUnknown(token)) return false;
  const cidr = parseCidr(token.value);
  if (!cidr) {
    ctx.report('error', 'dns64/bad-prefix', `'${token.value}' is not a network in CIDR form; CoreDNS refuses it. Write an IPv6 prefix such as 64:ff9b::/96.`, token);
    return false;
  }
  if (cidr.family !== 6) {
    ctx.report('error', 'dns64/bad-prefix', `The DNS64 prefix must be IPv6; CoreDNS refuses '${token.value}'. Write e.g. 64:ff9b::/96.`, token);
    return false;
  }
  if (cidr.prefix % 8 !== 0 || cidr.prefix < 32 || cidr.prefix > 96) {
    ctx.report('error', 'dns64/bad-prefix-length', `The prefix length must be 32, 40, 48, 56, 64 or 96 bits (RFC 6052); CoreDNS refuses /${cidr.prefix}.`, token);
    return false;
  }
  return true;
}

export const dns64: PluginModule<Dns64Config> = {
  name: 'dns64',
  setupOnly: false,
  handler: dns64Handler,
  repeat: 'repeatable',
  docs: {
    summary: 'Makes up AAAA records from A records so that IPv6-only clients can reach IPv4-only hosts through NAT64.',
    behaviour: 'Passes AAAA queries on; when the reply has no AAAA records (or always, with translate_all), it asks for A records and answers with AAAA records that embed each IPv4 address in the prefix. Other queries pass untouched.',
    syntax: ['dns64 [PREFIX]', 'dns64 {\n    prefix PREFIX\n    translate_all\n    allow_ipv4\n}'],
    arguments: [{ name: 'PREFIX', syntax: 'PREFIX', description: 'The NAT64 IPv6 prefix. With this argument a following block is not read as options.', default: '64:ff9b::/96', values: 'IPv6 CIDR of length 32, 40, 48, 56, 64 or 96' }],
    options: [
      { name: 'prefix', syntax: 'prefix PREFIX', description: 'Same as the argument.', default: '64:ff9b::/96' },
      { name: 'translate_all', syntax: 'translate_all', description: 'Synthesise AAAA records even when real ones exist.' },
      { name: 'allow_ipv4', syntax: 'allow_ipv4', description: 'Also translate for clients that ask over IPv4.' },
    ],
    examples: ['. {\n    dns64 {\n        prefix 64:ff9b::/96\n        translate_all\n    }\n    forward . 10.0.0.1\n}'],
  },
  setup,
};
