// erratic: a testing plugin that answers with deliberate drops, delays and truncation.
import type { ArgToken } from '../corefile/dispenser.js';
import { parseGoDuration, parseGoInt } from './args.js';
import type { PluginModule, SetupContext } from './types.js';
import { reportArgError, reportUnknownOption } from './util/server-common.js';
import { erraticHandler } from './handlers/erratic.js';

export interface ErraticConfig {
  /** Drop every Nth query (0: never). */
  drop: number;
  /** Delay every Nth query (0: never) by delayNanos. */
  delay: number;
  delayNanos: number;
  /** Truncate every Nth answer (0: never). */
  truncate: number;
  /** Answer with a large response that needs TCP. */
  large: boolean;
}

const OPTIONS = ['drop', 'delay', 'truncate', 'large'];

/** strconv.ParseInt(s, 10, 32) followed by CoreDNS's own "not negative" check. */
function amount(ctx: SetupContext, token: ArgToken): number | undefined {
  if (ctx.isUnknown(token)) return undefined;
  const n = parseGoInt(token.value);
  if (n === undefined || n > 2147483647 || n < -2147483648) {
    ctx.report('error', 'erratic/invalid-amount', `'${token.value}' is not a 32-bit integer: CoreDNS refuses to start. Write a whole number such as 3 (every third query).`, token);
    return undefined;
  }
  if (n < 0) {
    ctx.report('error', 'erratic/invalid-amount', `The amount '${token.value}' is negative: CoreDNS refuses to start. Write 0 or a positive number.`, token);
    return undefined;
  }
  return n;
}

export const erratic: PluginModule<ErraticConfig> = {
  name: 'erratic',
  setupOnly: false,
  handler: erraticHandler,
  repeat: 'repeatable',
  docs: {
    summary: 'A test plugin that answers with a fixed record and misbehaves on purpose: drops, delays or truncates some replies.',
    behaviour:
      'ANSWERS every query itself (A and AAAA get a fixed record, AXFR gets a small zone) and never passes on. Every Nth query is dropped, delayed or truncated as configured. By default every second query is dropped. It also acts as a readiness and autopath source, so it is handy for testing those plugins.',
    syntax: ['erratic {', '    drop [AMOUNT]', '    delay [AMOUNT [DURATION]]', '    truncate [AMOUNT]', '    large', '}'],
    arguments: [],
    options: [
      { name: 'drop', syntax: 'drop [AMOUNT]', description: 'Drop every AMOUNT-th query; 0 never drops.', default: '2 (also when no option is given)' },
      { name: 'delay', syntax: 'delay [AMOUNT [DURATION]]', description: 'Delay every AMOUNT-th reply by DURATION. Using delay or truncate without drop turns the default dropping off.', default: '2 and 100ms' },
      { name: 'truncate', syntax: 'truncate [AMOUNT]', description: 'Set the TC bit on every AMOUNT-th reply, so the client retries over TCP.', default: '2' },
      { name: 'large', syntax: 'large', description: 'Add enough records to the answer that it no longer fits in a UDP datagram.' },
    ],
    examples: ['. {\n    erratic {\n        drop 3\n        delay 2 50ms\n    }\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    const config: ErraticConfig = { drop: 2, delay: 0, delayNanos: 0, truncate: 0, large: false };
    let sawDrop = false;
    // Arguments on the `erratic` line are stepped over by this loop, exactly as CoreDNS does: ignored.
    while (d.next()) {
      while (d.nextBlock()) {
        const option = d.val();
        if (!OPTIONS.includes(option)) {
          reportUnknownOption(ctx, 'erratic', OPTIONS);
          d.remainingArgTokens();
          continue;
        }
        if (option === 'large') {
          config.large = true;
          continue;
        }
        const args = d.remainingArgTokens();
        const max = option === 'delay' ? 2 : 1;
        if (args.length > max) {
          reportArgError(ctx, 'erratic', `${option} takes at most ${max === 2 ? 'an amount and a duration' : 'one amount'}.`);
          continue;
        }
        if (option === 'delay') {
          config.delay = 2;
          config.delayNanos = 100e6;
        }
        if (option === 'truncate') config.truncate = 2;
        if (args.length === 0) continue;
        const n = amount(ctx, args[0]!);
        if (option === 'drop') {
          if (n !== undefined) config.drop = n;
          sawDrop = true;
        } else if (option === 'truncate') {
          if (n !== undefined) config.truncate = n;
        } else {
          if (n !== undefined) config.delay = n;
          const durationToken = args[1];
          if (durationToken && !ctx.isUnknown(durationToken)) {
            const nanos = parseGoDuration(durationToken.value);
            if (nanos === undefined) {
              ctx.report('error', 'erratic/invalid-duration', `'${durationToken.value}' is not a duration: CoreDNS refuses to start. Write it with a unit, such as 100ms or 1s.`, durationToken);
            } else {
              config.delayNanos = nanos;
            }
          }
        }
      }
    }
    // Asking for delays or truncation without an explicit drop switches the default dropping off.
    if ((config.delay > 0 || config.truncate > 0) && !sawDrop) config.drop = 0;
    return config;
  },
};
