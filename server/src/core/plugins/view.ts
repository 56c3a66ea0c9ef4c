// The view plugin: a filter that decides whether a query is handled by this server block at all, so
// several blocks may serve the same zone and port for different clients. Reading follows
// plugin/view/setup.go's parse; expressions are checked like expr.Compile with CoreDNS's default env.
import type { ArgToken } from '../corefile/dispenser.js';
import type { PluginModule, SetupContext } from './types.js';
import { checkExpr, corednsExprEnv, doubleQuoteHint } from './util/expr.js';
import { reportArgError } from './util/query-b-common.js';
import { viewHandler } from './handlers/view.js';
import { spanRange, tokenRange } from '../corefile/token.js';

export interface ViewConfig {
  /** The view's name (used in metrics and logs); empty when missing. */
  name: string;
  /** The conditions, each the words of one `expr` line joined by single spaces. */
  exprs: string[];
}

function setup(ctx: SetupContext): ViewConfig {
  const { d } = ctx;
  const config: ViewConfig = { name: '', exprs: [] };
  // The framework hands over only the first occurrence ('once'), so this reads a single view.
  if (!d.next()) return config;
  const directive = d.token()!;
  const args = d.remainingArgTokens();
  if (args.length !== 1) {
    reportArgError(ctx, 'view', "A view needs exactly one name, e.g. 'view internal'.", args[1] ?? directive);
  }
  config.name = args[0]?.value ?? '';
  while (d.nextBlock()) {
    const option = d.token()!;
    if (option.value !== 'expr') {
      ctx.report('error', 'view/unknown-option', `Unknown property '${option.value}' of view: CoreDNS refuses to start. The only option is 'expr EXPRESSION'.`, option);
      d.remainingArgTokens();
      continue;
    }
    const words = d.remainingArgTokens();
    const source = words.map((w) => w.value).join(' ');
    config.exprs.push(source);
    checkExpression(ctx, option, words, source);
  }
  return config;
}

function checkExpression(ctx: SetupContext, option: ArgToken, words: readonly ArgToken[], source: string): void {
  if (words.some((w) => ctx.isUnknown(w))) return;
  const result = checkExpr(source, corednsExprEnv());
  if (!result.error) return;
  const at = words.length > 0 ? spanRange(words[0]!, words[words.length - 1]!) : tokenRange(option);
  const what = words.length === 0 ? 'An empty expression does not compile' : `The expression '${source}' does not compile (${result.error.message}, at character ${result.error.offset + 1})`;
  ctx.report(
    'error',
    'view/invalid-expression',
    `${what}: CoreDNS refuses to start. Write a boolean expr-lang expression using ${[...corednsExprEnv().keys()].join(', ')} (call them with parentheses, e.g. name()) and expr's built-in functions, e.g. "expr incidr(client_ip(), '10.0.0.0/8')".${doubleQuoteHint(words)}`,
    at,
  );
}

export const view: PluginModule<ViewConfig> = {
  name: 'view',
  setupOnly: false,
  repeat: 'once',
  docs: {
    summary: 'Lets a server block handle only the queries for which its expressions are true, so several blocks can share a zone and port.',
    behaviour:
      'Before a block is chosen for a query, the view\'s expressions are evaluated for it; the block handles the query only when every expression returns true (an error or a non-boolean result counts as false), otherwise the next block serving the same zone and port is tried. A view without expressions accepts every query. Inside the chain it passes every query on unchanged.',
    syntax: ['view NAME', 'view NAME {\n    expr EXPRESSION\n}'],
    arguments: [{ name: 'NAME', syntax: 'NAME', description: 'The name of the view, shown in metrics and logs.' }],
    options: [
      {
        name: 'expr',
        syntax: 'expr EXPRESSION',
        description:
          'An expr-lang condition; repeat the line for several conditions that must all hold. Request functions: name(), type(), class(), proto(), size(), client_ip(), port(), id(), opcode(), do(), bufsize(), server_ip(), server_port(), incidr(ip, cidr), metadata(label); expr\'s built-ins (lower, upper, len, hasSuffix, ...) and operators (==, in, matches, startsWith, and, or, not, ?:) are available.',
      },
    ],
    examples: [
      ".:53 {\n    view internal {\n        expr incidr(client_ip(), '10.0.0.0/8')\n    }\n    forward . 10.0.0.53\n}\n\n.:53 {\n    forward . 10.0.0.54\n}",
    ],
  },
  setup,
  handler: viewHandler,
};
