// Small readers shared by the server and setup plugins (health, ready, quic, timeouts, tls, ...): argument
// count errors, unknown options, Go's net.SplitHostPort and file look-ups. Each follows the CoreDNS or Go
// function those plugins call, so every module refuses exactly what CoreDNS refuses and words it alike.
import type { ArgToken } from '../../corefile/dispenser.js';
import { parseGoInt } from '../args.js';
import { pluginFilePath } from './plugin-path.js';
import type { SetupContext } from '../types.js';

/** Reports CoreDNS's "wrong argument count" refusal at the dispenser's current token (or `at`). */
export function reportArgError(ctx: SetupContext, plugin: string, advice: string, at?: ArgToken): void {
  ctx.report('error', `${plugin}/wrong-argument-count`, `${ctx.d.argErrorText()}: CoreDNS refuses to start. ${advice}`, at);
}

/** Reports an option CoreDNS does not know, listing the ones it does. */
export function reportUnknownOption(ctx: SetupContext, plugin: string, known: readonly string[], at?: ArgToken): void {
  const list = known.length > 0 ? `Known options: ${known.join(', ')}.` : `'${plugin}' takes no options; remove the block.`;
  const name = at ? at.value : ctx.d.val();
  ctx.report('error', `${plugin}/unknown-option`, `Unknown option '${name}' of ${plugin}: CoreDNS refuses to start. ${list}`, at);
}

/**
 * Skips whatever is left of a block the module stopped reading after an error, so the caller's outer
 * loop does not mistake the block's lines for new occurrences.
 */
export function skipBlock(ctx: SetupContext): void {
  while (ctx.d.blockNesting > 0 && ctx.d.nextBlock()) ctx.d.remainingArgTokens();
}

export type HostPort = { host: string; port: string } | { error: string };

/** Go's net.SplitHostPort: `host:port`, `[v6]:port`, `:port`; a missing port or stray colon is an error. */
export function splitHostPort(hostport: string): HostPort {
  const last = hostport.lastIndexOf(':');
  if (last < 0) return { error: 'missing port in address' };
  let host: string;
  let from = 0;
  let afterHost = 0;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0) return { error: "missing ']' in address" };
    if (end + 1 === hostport.length) return { error: 'missing port in address' };
    if (end + 1 !== last) {
      return { error: hostport[end + 1] === ':' ? 'too many colons in address' : 'missing port in address' };
    }
    host = hostport.slice(1, end);
    from = 1;
    afterHost = end + 1;
  } else {
    host = hostport.slice(0, last);
    if (host.includes(':')) return { error: 'too many colons in address' };
  }
  if (hostport.slice(from).includes('[')) return { error: "unexpected '[' in address" };
  if (hostport.slice(afterHost).includes(']')) return { error: "unexpected ']' in address" };
  return { host, port: hostport.slice(last + 1) };
}

/**
 * Checks a listen address the way the plugin's setup does (net.SplitHostPort only: the port is not
 * validated until the listener opens). Returns the address when CoreDNS accepts it.
 */
export function checkListenAddress(ctx: SetupContext, plugin: string, token: ArgToken, example: string): string | undefined {
  if (ctx.isUnknown(token)) return token.value;
  const split = splitHostPort(token.value);
  if ('error' in split) {
    ctx.report('error', `${plugin}/invalid-address`, `'${token.value}' is not a HOST:PORT address (${split.error}): CoreDNS refuses to start. Write it like '${example}' (an empty host listens on every interface).`, token);
    return undefined;
  }
  return token.value;
}

/** strconv.Atoi with a lower bound, reported as `<plugin>/invalid-<what>`; undefined when refused. */
export function readInt(ctx: SetupContext, plugin: string, what: string, token: ArgToken, min: number, rule: string): number | undefined {
  if (ctx.isUnknown(token)) return undefined;
  const n = parseGoInt(token.value);
  if (n === undefined || n < min) {
    const why = n === undefined ? 'is not an integer' : `is below ${min}`;
    ctx.report('error', `${plugin}/invalid-${what}`, `The ${what.replace(/-/g, '_')} value '${token.value}' ${why}: CoreDNS refuses to start. Write ${rule}.`, token);
    return undefined;
  }
  return n;
}

/**
 * Looks up a file the plugin opens at setup. A missing file is only a warning, because the linter cannot see
 * the pod's file system; `consequence` says what CoreDNS does when it really is missing. Returns the text
 * when the file is there.
 */
export function lookUpFile(ctx: SetupContext, plugin: string, token: ArgToken, path: string, consequence: string, honoursRoot = false): string | undefined {
  if (ctx.isUnknown(token)) return undefined;
  const resolved = pluginFilePath(ctx, path, honoursRoot);
  const text = resolved === undefined ? undefined : ctx.host.readFile(resolved);
  if (text === undefined) {
    ctx.report('warning', `${plugin}/file-not-found`, `The file '${path}' was not found here; ${consequence} Make sure it is mounted into the CoreDNS pod at that path.`, token);
  }
  return text;
}
