// Shared reading for the cloud DNS plugins (route53, azure, clouddns): their arguments are colon-joined
// tuples (zone:id, group:zone, zone:project:hosted-zone) checked the same way by each setup.
import type { ArgToken } from '../../corefile/dispenser.js';
import type { SetupContext } from '../types.js';

/**
 * Splits each argument into `parts` non-empty fields at the first parts-1 colons (Go's SplitN) and reports
 * malformed or repeated ones. `seen` carries the repeats across occurrences when the plugin does so.
 */
export function readTuples(ctx: SetupContext, plugin: string, args: readonly ArgToken[], parts: number, shape: string, seen: Set<string>): string[][] {
  const out: string[][] = [];
  for (const arg of args) {
    if (ctx.isUnknown(arg)) continue;
    const fields: string[] = [];
    let rest = arg.value;
    for (let i = 0; i < parts - 1; i++) {
      const colon = rest.indexOf(':');
      if (colon < 0) break;
      fields.push(rest.slice(0, colon));
      rest = rest.slice(colon + 1);
    }
    fields.push(rest);
    if (fields.length !== parts || fields.some((f) => f === '')) {
      ctx.report('error', `${plugin}/invalid-zone`, `Invalid zone '${arg.value}': CoreDNS refuses to start. Write each as ${shape}, with no part empty.`, arg);
      continue;
    }
    const key = fields.join(parts === 2 && plugin === 'azure' ? '' : ':');
    if (seen.has(key)) {
      ctx.report('error', `${plugin}/conflicting-zone`, `The zone '${arg.value}' is listed twice: CoreDNS refuses to start. Remove the repeat.`, arg);
      continue;
    }
    seen.add(key);
    out.push(fields);
  }
  return out;
}

/** For options that read exactly one value with NextArg: reports the missing value, returns the token. */
export function oneValue(ctx: SetupContext, plugin: string, option: ArgToken, advice: string): ArgToken | undefined {
  if (ctx.d.nextArg()) return ctx.d.token();
  ctx.report('error', `${plugin}/wrong-argument-count`, `${ctx.d.argErrorText()}: CoreDNS refuses to start. ${advice}`, option);
  return undefined;
}
