// The `header` directive: sets or clears the AA, RA and RD flags of queries or responses.
import type { PluginModule, SetupContext } from './types.js';
import { headerHandler } from './handlers/header.js';

export type HeaderFlag = 'aa' | 'ra' | 'rd';

export interface HeaderRule {
  flag: HeaderFlag;
  /** true for set, false for clear. */
  state: boolean;
}

export interface HeaderConfig {
  query: HeaderRule[];
  response: HeaderRule[];
}

const FLAGS: readonly string[] = ['aa', 'ra', 'rd'];

/**
 * CoreDNS reads `header` occurrences in order and keeps the first that yields at least one rule; later
 * ones are never read. An occurrence without rules is skipped, and if none has rules CoreDNS refuses.
 */
function setup(ctx: SetupContext): HeaderConfig {
  const { d } = ctx;
  let config: HeaderConfig = { query: [], response: [] };
  let found = false;
  let failed = false;
  while (d.next()) {
    const directive = d.token()!;
    if (found) {
      ctx.report('warning', 'header/ignored', "CoreDNS uses only the first 'header' with rules in a server block and ignores this one. Merge its rules into the first.", directive);
      while (d.nextArg()) if (d.val() === '{') { d.position = d.position - 1; break; }
      while (d.nextBlock()) { /* ignored by CoreDNS */ }
      continue;
    }
    const stanza: HeaderConfig = { query: [], response: [] };
    d.remainingArgTokens();
    while (d.nextBlock()) {
      const selector = d.token()!;
      const which = selector.value.toLowerCase();
      if (which !== 'query' && which !== 'response') {
        ctx.report('error', 'header/bad-selector', `A header rule starts with query or response; CoreDNS refuses '${selector.value}'. Write e.g. 'response set ra'.`, selector);
        failed = true;
        while (d.nextArg()) { /* skip the rest of the rule */ }
        continue;
      }
      const actionToken = d.nextArg() ? d.token()! : undefined;
      const flags = d.remainingArgTokens();
      if (!actionToken) {
        ctx.report('error', 'header/missing-action', `'${selector.value}' needs set or clear and at least one flag; CoreDNS refuses it. Write e.g. '${which} set aa'.`, selector);
        failed = true;
        continue;
      }
      const action = actionToken.value.toLowerCase();
      if (flags.length === 0) {
        ctx.report('error', 'header/missing-flags', `'${which} ${actionToken.value}' needs at least one flag (aa, ra, rd); CoreDNS refuses it. Write e.g. '${which} ${actionToken.value} ra'.`, actionToken);
        failed = true;
        continue;
      }
      if (action !== 'set' && action !== 'clear') {
        ctx.report('error', 'header/bad-action', `The action must be set or clear; CoreDNS refuses '${actionToken.value}'.`, actionToken);
        failed = true;
        continue;
      }
      for (const f of flags) {
        const flag = f.value.toLowerCase();
        if (!FLAGS.includes(flag)) {
          ctx.report('error', 'header/bad-flag', `'${f.value}' is not a flag header can change; CoreDNS refuses it. Use aa, ra or rd.`, f);
          failed = true;
          continue;
        }
        stanza[which].push({ flag: flag as HeaderFlag, state: action === 'set' });
      }
    }
    if (stanza.query.length > 0 || stanza.response.length > 0) {
      config = stanza;
      found = true;
    }
  }
  if (!found && !failed) {
    const first = d.tokens[0];
    ctx.report('error', 'header/no-rules', "header needs at least one rule; CoreDNS refuses it without. Write e.g. 'header {\\n    response set ra\\n}'.", first);
  }
  return config;
}

export const header: PluginModule<HeaderConfig> = {
  name: 'header',
  setupOnly: false,
  handler: headerHandler,
  repeat: 'repeatable',
  docs: {
    summary: 'Sets or clears the AA, RA and RD flags in queries or in responses.',
    behaviour: 'Applies the query rules to the question before passing it on, and the response rules to the reply on its way back. It never answers by itself.',
    syntax: ['header {\n    query|response set|clear FLAG...\n}'],
    arguments: [],
    options: [
      { name: 'query', syntax: 'query set|clear FLAG...', description: 'Changes flags of the incoming query before later plugins see it.', values: 'FLAG: aa, ra, rd (any case)' },
      { name: 'response', syntax: 'response set|clear FLAG...', description: 'Changes flags of the reply sent to the client.', values: 'FLAG: aa, ra, rd (any case)' },
    ],
    examples: ['. {\n    header {\n        response set ra\n    }\n    forward . 10.0.0.1\n}'],
  },
  setup,
};
