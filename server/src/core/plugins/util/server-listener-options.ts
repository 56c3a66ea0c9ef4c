// The shared reader of quic, grpc_server, https and https3: no arguments, then a block of integer limits,
// each allowed once per block. The four setups differ only in the option names and their lower bounds.
import { parseGoInt } from '../args.js';
import type { SetupContext } from '../types.js';
import { reportArgError, reportUnknownOption } from './server-common.js';

/** Option name → the smallest value CoreDNS accepts (1 for "positive", 0 for "non-negative"). */
export type LimitSpec = Readonly<Record<string, number>>;

export function readListenerLimits(ctx: SetupContext, plugin: string, spec: LimitSpec): Record<string, number> {
  const { d } = ctx;
  const known = Object.keys(spec);
  const values: Record<string, number> = {};
  const seen = new Set<string>();
  d.next();
  if (d.remainingArgTokens().length > 0) reportArgError(ctx, plugin, `${plugin} takes no arguments; put its limits in a block, one per line.`);
  while (d.nextBlock()) {
    const option = d.val();
    const optionToken = d.token();
    const min = spec[option];
    if (min === undefined) {
      reportUnknownOption(ctx, plugin, known);
      d.remainingArgTokens();
      continue;
    }
    const args = d.remainingArgTokens();
    if (args.length !== 1) {
      reportArgError(ctx, plugin, `Write \`${option} NUMBER\` with exactly one value.`);
      continue;
    }
    const t = args[0]!;
    if (!ctx.isUnknown(t)) {
      const n = parseGoInt(t.value);
      const rule = min > 0 ? 'a positive integer' : 'a non-negative integer (0 means no limit)';
      if (n === undefined || n < min) {
        ctx.report('error', `${plugin}/invalid-${option.replace(/_/g, '-')}`, `${option} must be ${rule}, not '${t.value}': CoreDNS refuses to start. Write ${rule}.`, t);
        continue;
      }
      values[option] = n;
    }
    if (seen.has(option)) {
      ctx.report('error', `${plugin}/duplicate-option`, `${option} is already set in this block: CoreDNS refuses to start. Keep one \`${option}\` line.`, optionToken);
    }
    seen.add(option);
  }
  return values;
}
