// on: runs a shell command when CoreDNS starts, shuts down or renews a certificate.
import type { PluginModule } from './types.js';
import { reportArgError } from './util/server-common.js';

export type OnEvent = 'startup' | 'shutdown' | 'certrenew';

export interface OnHook {
  event: OnEvent;
  command: string;
  args: string[];
}

export interface OnConfig {
  hooks: OnHook[];
}

const EVENTS: readonly OnEvent[] = ['startup', 'shutdown', 'certrenew'];

/**
 * Splits a command line like a POSIX shell would (quotes and backslashes), the way CoreDNS's shlex
 * splitter does; undefined with a reason when a quote is left open or the line ends in a backslash.
 */
export function splitCommandLine(line: string): { words: string[] } | { error: string } {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      i++;
    } else if (c === '\\') {
      if (i + 1 >= line.length) return { error: 'the command ends in a lone backslash' };
      word = (word ?? '') + line[i + 1];
      i += 2;
    } else if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) return { error: `a ${c === '"' ? 'double' : 'single'} quote is not closed` };
      word = (word ?? '') + line.slice(i + 1, end).replace(c === '"' ? /\\(["\\$`])/g : /$^/g, '$1');
      i = end + 1;
    } else if (c === '#' && word === undefined) {
      break;
    } else {
      word = (word ?? '') + c;
      i++;
    }
  }
  if (word !== undefined) words.push(word);
  return { words };
}

export const on: PluginModule<OnConfig> = {
  name: 'on',
  setupOnly: true,
  repeat: 'repeatable',
  docs: {
    summary: 'Runs a command on a server event: startup, shutdown or certificate renewal.',
    behaviour:
      'Setup only: it never sees a query. When the event fires, the command runs; CoreDNS waits for it unless the line ends in `&`, which runs it in the background.',
    syntax: ['on startup|shutdown|certrenew COMMAND [ARGS...]'],
    arguments: [
      { name: 'EVENT', syntax: 'startup|shutdown|certrenew', description: 'When to run the command (case-insensitive).', values: 'startup, shutdown, certrenew' },
      { name: 'COMMAND', syntax: 'COMMAND [ARGS...]', description: 'The program and its arguments, split like a shell would; a trailing & runs it in the background.' },
    ],
    options: [],
    examples: ['. {\n    on startup echo "CoreDNS started"\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    const hooks: OnHook[] = [];
    while (d.next()) {
      const head = d.token();
      if (!d.nextArg()) {
        reportArgError(ctx, 'on', 'Write `on startup|shutdown|certrenew COMMAND [ARGS...]`.', head);
        continue;
      }
      const eventToken = d.token()!;
      const event = EVENTS.find((e) => e === eventToken.value.toLowerCase());
      const rest = d.remainingArgTokens();
      if (ctx.isUnknown(eventToken)) continue;
      if (event === undefined) {
        ctx.report('error', 'on/unknown-event', `'${eventToken.value}' is not an event CoreDNS supports: it refuses to start. Write startup, shutdown or certrenew.`, eventToken);
        continue;
      }
      if (rest.some((t) => ctx.isUnknown(t))) continue;
      const split = splitCommandLine(rest.map((t) => t.value).join(' '));
      if ('error' in split) {
        ctx.report('error', 'on/invalid-command', `The command cannot be parsed (${split.error}): CoreDNS refuses to start. Close every quote.`, rest[0] ?? eventToken);
        continue;
      }
      const [command, ...args] = split.words;
      if (command === undefined) {
        ctx.report('error', 'on/missing-command', `'on ${eventToken.value}' has no command: CoreDNS refuses to start. Write the command to run after the event, such as \`on ${event} echo started\`.`, eventToken);
        continue;
      }
      hooks.push({ event, command, args });
    }
    return { hooks };
  },
};
