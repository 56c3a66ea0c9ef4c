// bind: restricts the addresses the block's servers listen on.
import type { ArgToken } from '../corefile/dispenser.js';
import { isIp } from './args.js';
import type { PluginModule, SetupContext } from './types.js';
import { reportUnknownOption } from './util/server-common.js';
import { appendAll } from '../append.js';

export interface BindConfig {
  /** Addresses and interface names to listen on, over all bind lines. */
  addresses: string[];
  /** Addresses and interface names to leave out. */
  except: string[];
}

/**
 * Each value must be an IP address or the name of a network interface. Interfaces exist only on the node
 * CoreDNS runs on, so a name that is not an IP gets a warning instead of an error.
 */
function checkAddresses(ctx: SetupContext, tokens: readonly ArgToken[]): string[] {
  for (const t of tokens) {
    // The loopback interface exists on every Linux node, so naming it cannot stop CoreDNS from starting.
    if (ctx.isUnknown(t) || isIp(t.value) || t.value === 'lo') continue;
    ctx.report('warning', 'bind/interface-name', `'${t.value}' is not an IP address, so CoreDNS treats it as a network interface name; if no interface of that name exists on the node, CoreDNS refuses to start. Check the name, or write an IP address such as 127.0.0.1.`, t);
  }
  return tokens.map((t) => t.value);
}

export const bind: PluginModule<BindConfig> = {
  name: 'bind',
  setupOnly: true,
  repeat: 'repeatable',
  docs: {
    summary: 'Makes the block\'s servers listen only on the given addresses or network interfaces.',
    behaviour:
      'Setup only: it never sees a query. Without bind a server listens on every address; with it, only on the listed IPs and on every address of the listed interfaces, minus those under except. Several bind lines add up. Blocks for the same zone and port may coexist when they bind to different addresses.',
    syntax: ['bind ADDRESS|INTERFACE... {', '    except ADDRESS|INTERFACE...', '}'],
    arguments: [{ name: 'ADDRESS|INTERFACE', syntax: 'ADDRESS|INTERFACE...', description: 'IP addresses, or names of network interfaces whose addresses are all used.' }],
    options: [{ name: 'except', syntax: 'except ADDRESS|INTERFACE...', description: 'Addresses or interfaces to leave out of what the arguments selected.' }],
    examples: ['. {\n    bind 127.0.0.1 ::1\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    const config: BindConfig = { addresses: [], except: [] };
    while (d.next()) {
      const head = d.token();
      const args = d.remainingArgTokens();
      if (args.length === 0) {
        ctx.report('error', 'bind/missing-address', 'bind needs at least one address or interface name: CoreDNS refuses to start. Write for example `bind 127.0.0.1`.', head);
      }
      appendAll(config.addresses, checkAddresses(ctx, args));
      while (d.nextBlock()) {
        if (d.val() !== 'except') {
          reportUnknownOption(ctx, 'bind', ['except']);
          d.remainingArgTokens();
          continue;
        }
        const option = d.token();
        const values = d.remainingArgTokens();
        if (values.length === 0) {
          ctx.report('error', 'bind/missing-address', 'except needs at least one address or interface name: CoreDNS refuses to start. Write for example `except 127.0.0.2`, or remove the line.', option);
        }
        appendAll(config.except, checkAddresses(ctx, values));
      }
    }
    return config;
  },
};
