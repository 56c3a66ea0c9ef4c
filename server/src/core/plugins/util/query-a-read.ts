// Small readers shared by the group-A directive modules: zone arguments, skipping the rest of a line
// after an error, and the common "this option takes no value / needs a value" checks.
import type { ArgToken } from '../../corefile/dispenser.js';
import { normalizeZoneArg } from '../../corefile/address.js';
import type { SetupContext } from '../types.js';
import { appendAll } from '../../append.js';

/**
 * Zones from arguments like plugin.OriginsFromArgsOrServerBlock: the block's zones when there are none;
 * arguments CoreDNS cannot normalise are silently dropped by CoreDNS, so we warn about each. The zone
 * arguments are the tokens from index `from` on (a directive's leading non-zone arguments are skipped
 * without copying the list).
 */
export function zonesFromArgs(ctx: SetupContext, directive: string, tokens: readonly ArgToken[], from = 0): string[] {
  if (tokens.length <= from) return [...ctx.block.zones];
  const zones: string[] = [];
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (ctx.isUnknown(t)) continue;
    const n = normalizeZoneArg(t.value);
    if (n.zones.length === 0) {
      ctx.report('warning', `${directive}/ignored-zone`, `CoreDNS cannot read '${t.value}' as a zone and silently ignores it. Write a domain such as 'example.org' or a CIDR such as '10.0.0.0/8'.`, t);
    }
    appendAll(zones, n.zones);
  }
  return zones;
}

/** After an error, steps over the rest of the line so that its words are not read as options. */
export function skipRestOfLine(ctx: SetupContext): void {
  while (ctx.d.nextArg()) {
    if (ctx.d.val() === '{') {
      ctx.d.position = ctx.d.position - 1;
      return;
    }
  }
}

/** Steps over a `{ ... }` block that opens here without reading it. */
export function skipBlock(ctx: SetupContext): void {
  while (ctx.d.nextBlock()) {
    // Nothing to read: the caller has already reported why the block is not used.
  }
}

/** Reports an argument error in CoreDNS's wording plus our advice. */
export function argError(ctx: SetupContext, directive: string, advice: string, at?: ArgToken): void {
  ctx.report('error', `${directive}/wrong-arguments`, `${ctx.d.argErrorText()}: CoreDNS refuses to start. ${advice}`, at ?? ctx.d.token());
}
