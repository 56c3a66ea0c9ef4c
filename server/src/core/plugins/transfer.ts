// The transfer plugin: answers AXFR/IXFR for zones of the authoritative plugins in its block and sends
// NOTIFY to secondaries. Reading follows plugin/transfer/setup.go's parseTransfer.
import type { ArgToken } from '../corefile/dispenser.js';
import type { PluginModule, SetupContext } from './types.js';
import { hostPort, isGoIp, reportArgError, zonesFromArgs } from './util/query-b-common.js';
import { transferHandler } from './handlers/transfer.js';

export interface TransferRule {
  zones: string[];
  /** Who may transfer: '*' or IP:PORT (NOTIFY goes to the addresses). */
  to: string[];
  /** Source address of outgoing NOTIFY messages. */
  source?: string;
}

export interface TransferConfig {
  rules: TransferRule[];
}

function setup(ctx: SetupContext): TransferConfig {
  const { d } = ctx;
  const config: TransferConfig = { rules: [] };
  while (d.next()) {
    const directive = d.token()!;
    const rule: TransferRule = { zones: zonesFromArgs(ctx, 'transfer', d.remainingArgTokens()), to: [] };
    let sawTo = false;
    let sourceToken: ArgToken | undefined;
    while (d.nextBlock()) {
      const option = d.token()!;
      switch (d.val()) {
        case 'to': {
          const args = d.remainingArgTokens();
          if (args.length === 0) {
            reportArgError(ctx, 'transfer', "List who may transfer: 'to *' or 'to ADDRESS...'.", option);
            break;
          }
          sawTo = true;
          for (const arg of args) {
            if (ctx.isUnknown(arg)) continue;
            if (arg.value === '*') {
              rule.to.push('*');
              continue;
            }
            const normalized = hostPort(arg.value, '53');
            if (normalized === undefined) ctx.report('error', 'transfer/invalid-to', `'${arg.value}' is not an IP address: CoreDNS refuses to start. Write '*' or the secondary's IP[:PORT] (names are not resolved).`, arg);
            else rule.to.push(normalized);
          }
          break;
        }
        case 'source': {
          const args = d.remainingArgTokens();
          if (args.length !== 1) {
            reportArgError(ctx, 'transfer', "Write 'source ADDRESS' with one IP address.", option);
            break;
          }
          if (sourceToken) ctx.report('error', 'transfer/duplicate-source', 'source is already specified in this transfer block: CoreDNS refuses to start. Keep one source line.', option);
          sourceToken = option;
          if (ctx.isUnknown(args[0])) break;
          if (!isGoIp(args[0]!.value) || args[0]!.value.includes('%')) ctx.report('error', 'transfer/invalid-source', `Invalid source address '${args[0]!.value}': CoreDNS refuses to start. Give an IP address of this host.`, args[0]);
          else rule.source = args[0]!.value;
          break;
        }
        default:
          ctx.report('error', 'transfer/unknown-option', `Unknown property '${d.val()}' of transfer: CoreDNS refuses to start. Known options: to, source.`, option);
          d.remainingArgTokens();
      }
    }
    if (!sawTo) ctx.report('error', 'transfer/missing-to', "transfer needs a 'to' line: CoreDNS refuses to start. Add a block such as 'transfer {\\n    to *\\n}'.", directive);
    config.rules.push(rule);
  }
  return config;
}

export const transfer: PluginModule<TransferConfig> = {
  name: 'transfer',
  setupOnly: false,
  handler: transferHandler,
  repeat: 'repeatable',
  docs: {
    summary: 'Allows zone transfers (AXFR/IXFR) out of the zones served by file, auto, secondary or kubernetes, and sends NOTIFY.',
    behaviour: 'Answers AXFR and IXFR queries for its zones from clients allowed by `to` (others are refused); every other query is passed to the next plugin. When a zone changes, NOTIFY is sent to the listed addresses.',
    syntax: ['transfer [ZONES...] {\n    to * | ADDRESS...\n    source ADDRESS\n}'],
    arguments: [{ name: 'ZONES', syntax: 'ZONES...', description: 'The zones that may be transferred.', default: "the server block's zones" }],
    options: [
      { name: 'to', syntax: 'to * | ADDRESS...', description: "Who may transfer: '*' for anyone, or IP[:PORT] addresses, which also get NOTIFY messages. Required; names are refused." },
      { name: 'source', syntax: 'source ADDRESS', description: 'The local address NOTIFY messages are sent from.' },
    ],
    examples: ['example.org:53 {\n    file /etc/coredns/db.example.org\n    transfer {\n        to 10.0.0.2\n    }\n}'],
  },
  setup,
};
