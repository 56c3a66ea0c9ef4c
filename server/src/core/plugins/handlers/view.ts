// The view plugin in the simulator. Its work happens before the chain runs: the server asks viewAccepts
// whether a block with a view may take a query (CoreDNS's filter functions), trying the next block of the
// same zone when not. Inside the chain it passes every query on, leaving the view's name as metadata.
import type { Handler, Request } from '../../resolve/types.js';
import type { HandlerSite } from '../types.js';
import type { ViewConfig } from '../view.js';
import { requestEnv } from '../../resolve/engine/request-env.js';
import { compileExpr, evaluate, EvalUnsupported, type CompiledExpr } from './expr-eval.js';

const ENV_NAMES: ReadonlySet<string> = new Set(['incidr', 'metadata', 'type', 'name', 'class', 'proto', 'size', 'client_ip', 'port', 'id', 'opcode', 'do', 'bufsize', 'server_ip', 'server_port']);

/** Compiled expressions, shared by every block and query with the same text. */
const compiled = new Map<string, CompiledExpr>();

function compiledOf(source: string): CompiledExpr {
  let found = compiled.get(source);
  if (!found) {
    found = compileExpr(source, ENV_NAMES);
    compiled.set(source, found);
  }
  return found;
}

export interface ViewVerdict {
  accepted: boolean;
  /** Why, in a sentence for the trace. */
  detail: string;
  /** True when an expression uses something the simulator cannot evaluate. */
  unsupported?: boolean;
}

/** Whether the view lets its block take the request: every expression must give true (view.Filter). */
export function viewAccepts(config: ViewConfig, req: Request): ViewVerdict {
  const env = requestEnv(req);
  const label = config.name === '' ? 'the view' : `view ${config.name}`;
  for (const source of config.exprs) {
    let value: unknown;
    try {
      value = evaluate(compiledOf(source), env);
    } catch (error) {
      if (error instanceof EvalUnsupported) {
        return { accepted: false, unsupported: true, detail: `not simulated: ${label} uses ${error.message} in "${source}", which the simulator does not evaluate; it treats the block as not taking the query.` };
      }
      const reason = error instanceof Error ? error.message : String(error);
      return { accepted: false, detail: `${label}: "${source}" fails for this query (${reason}); CoreDNS counts that as false, so this block does not take it and the next block for the zone is tried.` };
    }
    if (value !== true) {
      return { accepted: false, detail: `${label}: "${source}" is ${JSON.stringify(value)} for this query, so this block does not take it and the next block for the zone is tried.` };
    }
  }
  return { accepted: true, detail: config.exprs.length === 0 ? `${label} has no expressions and accepts every query.` : `${label}: every expression is true for this query, so this block takes it.` };
}

/** Inside the chain: no effect on the answer. */
export function viewHandler(config: ViewConfig, site: HandlerSite): Handler {
  return {
    name: 'view',
    serve(req, next, ctx) {
      req.metadata.set('view/name', config.name);
      ctx.step({ plugin: 'view', action: 'no-effect', detail: `The view${config.name ? ` ${config.name}` : ''} already chose this block; inside the chain it passes the query on.`, range: site.range, uri: site.uri });
      return next(req);
    },
  };
}
