// local: answers localhost names locally instead of sending them upstream.
import type { PluginModule } from './types.js';
import { reportArgError, reportUnknownOption } from './util/server-common.js';
import { localHandler } from './handlers/local.js';

export interface LocalConfig {
  /** When true, `localhost.<domain>` names are answered as well (the legacy prefix behaviour). */
  localhostPrefix: boolean;
}

export const local: PluginModule<LocalConfig> = {
  name: 'local',
  setupOnly: false,
  handler: localHandler,
  repeat: 'repeatable',
  docs: {
    summary: 'Answers localhost, .localhost names and the loopback reverse zones locally (RFC 6761).',
    behaviour:
      'ANSWERS localhost. (127.0.0.1 / ::1), names under .localhost., 127.in-addr.arpa., 0.in-addr.arpa., 255.in-addr.arpa. and the IPv6 loopback reverse name itself; with localhost_prefix on it also answers localhost.<anything>. Every other query PASSES to the next plugin.',
    syntax: ['local {', '    localhost_prefix on|off', '}'],
    arguments: [],
    options: [
      { name: 'localhost_prefix', syntax: 'localhost_prefix on|off', description: 'Whether names that start with a `localhost.` label (for example localhost.example.org) are answered as localhost too.', default: 'on', values: 'on, off' },
    ],
    examples: ['. {\n    local\n    forward . 10.0.0.1\n}', '. {\n    local {\n        localhost_prefix off\n    }\n    forward . 10.0.0.1\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    const config: LocalConfig = { localhostPrefix: true };
    while (d.next()) {
      if (d.remainingArgTokens().length > 0) reportArgError(ctx, 'local', 'local takes no arguments; put options in a block.');
      while (d.nextBlock()) {
        if (d.val() !== 'localhost_prefix') {
          reportUnknownOption(ctx, 'local', ['localhost_prefix']);
          d.remainingArgTokens();
          continue;
        }
        const args = d.remainingArgTokens();
        if (args.length !== 1) {
          reportArgError(ctx, 'local', 'Write `localhost_prefix on` or `localhost_prefix off`.');
          continue;
        }
        const value = args[0]!;
        if (ctx.isUnknown(value)) continue;
        if (value.value === 'on') config.localhostPrefix = true;
        else if (value.value === 'off') config.localhostPrefix = false;
        else ctx.report('error', 'local/invalid-localhost-prefix', `localhost_prefix expects 'on' or 'off', not '${value.value}': CoreDNS refuses to start. Write \`localhost_prefix on\` or \`localhost_prefix off\` (lowercase).`, value);
      }
    }
    return config;
  },
};
