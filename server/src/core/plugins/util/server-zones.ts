// plugin.OriginsFromArgsOrServerBlock for the server-group plugins: the zones written as arguments, or the
// block's zones when there are none. CoreDNS silently drops an argument it cannot normalise; we warn.
import type { ArgToken } from '../../corefile/dispenser.js';
import { normalizeZoneArg } from '../../corefile/address.js';
import type { SetupContext } from '../types.js';

export function zonesOf(ctx: SetupContext, plugin: string, args: readonly ArgToken[]): string[] {
  if (args.length === 0) return [...ctx.block.zones];
  const zones: string[] = [];
  for (const arg of args) {
    if (ctx.isUnknown(arg)) continue;
    const normalized = normalizeZoneArg(arg.value);
    if (normalized.zones.length === 0) {
      ctx.report('warning', `${plugin}/ignored-zone`, `CoreDNS silently ignores the zone '${arg.value}' because it is not a valid name. Write a domain name such as example.org.`, arg);
      continue;
    }
    zones.push(...normalized.zones);
  }
  return zones;
}
