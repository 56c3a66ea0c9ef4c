// Where a plugin's file argument lives. CoreDNS opens relative paths from its working directory, except that
// file, auto, dnssec and etcd (for its TLS files) first join them to the server block's `root` directory.
// The linter cannot know the pod's working directory, so it takes the Corefile's folder for it, and a
// relative `root` is read from there too.
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
