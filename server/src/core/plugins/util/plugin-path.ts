// Where a plugin's file argument lives. CoreDNS opens relative paths from its working directory, except where
// a plugin's setup first joins them to the server block's `root` directory (JOINS_ROOT, the one list of
// them). The linter cannot know the pod's working directory, so it takes the Corefile's folder for it, and a
// relative `root` is read from there too.
import { resolveFilePath } from '../args.js';
import type { SetupContext } from '../types.js';

/**
 * The places whose relative paths CoreDNS's setups join to `root`, as `directive` (its own words) or
 * `directive option` (an option line of its block), from each plugin's setup.go: auto's directory, dnssec's and
 * sign's keys, file's, hosts', loadbalance's weight and sign's zone files, the tls plugin's files, and the
 * TLS files of etcd, forward and grpc. Not geoip, tsig, autopath, dnstap, kubernetes, prometheus, nor the
 * resolv.conf-style upstream files of forward and grpc.
 */
const JOINS_ROOT: ReadonlySet<string> = new Set([
  'auto directory', 'dnssec key', 'etcd tls', 'file', 'forward tls', 'grpc tls', 'hosts', 'loadbalance',
  'sign', 'sign key', 'tls', 'tls ca_root', 'tls keylog', 'tls storage',
]);

/** Whether CoreDNS joins a relative path written there to the block's `root`. */
export function joinsRoot(directive: string, option?: string): boolean {
  return JOINS_ROOT.has(option === undefined ? directive : `${directive} ${option}`);
}

/**
 * The path to look a file argument up at, or undefined when a relative path has nothing to be resolved
 * against (an unsaved document). `honoursRoot` says whether the place joins paths to `root` (joinsRoot).
 */
export function pluginFilePath(ctx: Pick<SetupContext, 'baseDir' | 'root'>, path: string, honoursRoot: boolean): string | undefined {
  if (honoursRoot && ctx.root !== undefined && !path.startsWith('/')) {
    const root = resolveFilePath(ctx.root, ctx.baseDir);
    return root === undefined ? undefined : resolveFilePath(path, root);
  }
  return resolveFilePath(path, ctx.baseDir);
}
