// Where a plugin's file argument lives. CoreDNS opens relative paths from its working directory, except where
// a plugin's setup first joins them to the server block's `root` directory: auto, dnssec, file, hosts,
// loadbalance, sign and tls for their files, etcd, forward and grpc for their TLS files (not geoip, tsig,
// autopath, dnstap, kubernetes, nor forward's and grpc's resolv.conf-style upstream files). The linter
// cannot know the pod's working directory, so it takes the Corefile's folder for it, and a relative `root`
// is read from there too.
import { resolveFilePath } from '../args.js';
import type { SetupContext } from '../types.js';

/**
 * The path to look a file argument up at, or undefined when a relative path has nothing to be resolved
 * against (an unsaved document). `honoursRoot` is true for the plugins whose setup joins the path to `root`.
 */
export function pluginFilePath(ctx: Pick<SetupContext, 'baseDir' | 'root'>, path: string, honoursRoot: boolean): string | undefined {
  if (honoursRoot && ctx.root !== undefined && !path.startsWith('/')) {
    const root = resolveFilePath(ctx.root, ctx.baseDir);
    return root === undefined ? undefined : resolveFilePath(path, root);
  }
  return resolveFilePath(path, ctx.baseDir);
}
