// root: sets the directory that relative file paths of other plugins are resolved against.
import type { ArgToken } from '../corefile/dispenser.js';
import { resolveFilePath } from './args.js';
import type { PluginModule } from './types.js';
import { reportArgError } from './util/server-common.js';

export interface RootConfig {
  /** The directory, as written by the last `root` line. */
  path: string | undefined;
}

export const root: PluginModule<RootConfig> = {
  name: 'root',
  setupOnly: true,
  repeat: 'repeatable',
  docs: {
    summary: 'Sets the base directory that most plugins of the block join their relative file paths to.',
    behaviour:
      'Setup only: it never sees a query. auto, dnssec, file, hosts, loadbalance, sign and tls join their relative file paths to this directory, and etcd, forward and grpc their TLS files; other paths (geoip databases, tsig secrets, forward upstream files, ...) are still opened from CoreDNS\'s working directory. A directory that does not exist only gets a warning in CoreDNS\'s log.',
    syntax: ['root PATH'],
    arguments: [{ name: 'PATH', syntax: 'PATH', description: 'The base directory. With several root lines, the last one wins.', default: "CoreDNS's working directory" }],
    options: [],
    examples: ['example.org {\n    root /etc/coredns/zones\n    file db.example.org\n}'],
  },
  setup(ctx) {
    const { d } = ctx;
    let last: ArgToken | undefined;
    // CoreDNS reads one token after each `Next`, so extra words pair up oddly; the dispenser walk is kept
    // identical so that `root /a /b` is refused just like CoreDNS refuses it.
    while (d.next()) {
      if (!d.nextArg()) {
        reportArgError(ctx, 'root', 'Write `root DIRECTORY` with exactly one directory.');
        continue;
      }
      last = d.token();
    }
    if (last && !ctx.isUnknown(last)) {
      const resolved = resolveFilePath(last.value, ctx.baseDir);
      if (resolved === undefined || ctx.host.stat(resolved) === undefined) {
        ctx.report('warning', 'root/file-not-found', `The directory '${last.value}' was not found here; CoreDNS only logs a warning, but files that other plugins expect under it will be missing. Make sure it is mounted into the CoreDNS pod.`, last);
      }
    }
    return { path: last?.value };
  },
};
