// The `autopath` directive: answers a query for the first search-path expansion of a name on the
// server side, so that a pod's stub resolver does not have to walk its search list.
import type { PluginModule, SetupContext } from './types.js';
import { readPluginFile } from './util/query-a-files.js';
import { zonesFromArgs } from './util/query-a-read.js';
import { autopathHandler } from './handlers/autopath.js';

export interface AutopathConfig {
  zones: string[];
  /** The plugin that supplies the search path (`@kubernetes` gives 'kubernetes'), if any. */
  plugin?: string;
  /** The resolv.conf-style file whose search list is used, if a file is given. */
  resolvConf?: string;
  /** The search list read from that file, when it could be read here. */
  search?: string[];
}

/** Plugins that can hand autopath a search path (CoreDNS's AutoPather implementations). */
export const AUTOPATHERS: readonly string[] = ['kubernetes', 'erratic'];

function setup(ctx: SetupContext): AutopathConfig {
  const { d } = ctx;
  let config: AutopathConfig = { zones: [...ctx.block.zones] };
  // Every occurrence is read and the last one wins, as in CoreDNS.
  while (d.next()) {
    const directive = d.token()!;
    const args = d.remainingArgTokens();
    const source = args[args.length - 1];
    if (!source) {
      ctx.report('error', 'autopath/missing-source', "autopath needs a search-path source; CoreDNS refuses it bare. Write 'autopath @kubernetes' or 'autopath /etc/resolv.conf'.", directive);
      continue;
    }
    const next: AutopathConfig = { zones: zonesFromArgs(ctx, 'autopath', args.slice(0, -1)) };
    if (ctx.isUnknown(source)) {
      config = next;
      continue;
    }
    if (source.value.startsWith('@')) {
      const name = source.value.slice(1);
      next.plugin = name;
      if (!ctx.block.directives.has(name)) {
        ctx.report('warning', 'autopath/plugin-absent', `autopath takes its search path from '${name}', but this server block has no '${name}', so autopath never does anything. Add the plugin to the block, or remove autopath.`, source);
      } else if (!AUTOPATHERS.includes(name)) {
        ctx.report('error', 'autopath/not-autopather', `'${name}' cannot supply a search path; CoreDNS fails at startup. Use @kubernetes (the only stock plugin that can), or a resolv.conf file.`, source);
      }
    } else {
      next.resolvConf = source.value;
      const found = readPluginFile(ctx, 'autopath', source, 'CoreDNS refuses to start because autopath cannot read its search path.');
      if (found) next.search = searchList(found.text);
    }
    config = next;
  }
  return config;
}

/** The search list of a resolv.conf-style file (the last search or domain line wins). */
export function searchList(text: string): string[] {
  let search: string[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === 'search') search = fields.slice(1);
    else if (fields[0] === 'domain' && fields[1]) search = [fields[1]];
  }
  return search;
}

/**
 * The check the lead wires up between two modules: autopath @kubernetes works only when the block's
 * kubernetes plugin runs with `pods verified`, because it must find the asking pod by its IP address.
 * Returns the warning message, or undefined when there is nothing to say.
 */
export function autopathPodsWarning(autopath: AutopathConfig, kubernetesPodsMode: string | undefined): string | undefined {
  if (autopath.plugin !== 'kubernetes') return undefined;
  if (kubernetesPodsMode === 'verified') return undefined;
  return `autopath @kubernetes needs 'pods verified' in the kubernetes plugin of this block (it is '${kubernetesPodsMode ?? 'disabled'}'): it finds the asking pod's namespace by its IP address, and without verified pods it never answers, so clients walk their search list as before. Add 'pods verified' to kubernetes.`;
}

export const autopath: PluginModule<AutopathConfig> = {
  name: 'autopath',
  setupOnly: false,
  repeat: 'repeatable',
  docs: {
    summary: "Resolves a pod's search-path expansions on the server, saving the client the NXDOMAIN round trips.",
    behaviour: 'For a query in its zones whose name starts with the first search domain of the client, it tries the name with each search domain in turn (and finally as is) and answers with a CNAME to the first that resolves, plus its records. Otherwise the query passes on unchanged.',
    syntax: ['autopath [ZONES...] RESOLV-CONF|@PLUGIN'],
    arguments: [
      { name: 'ZONES', syntax: 'ZONES...', description: 'Zones autopath acts on.', default: "the server block's zones" },
      { name: 'RESOLV-CONF', syntax: 'RESOLV-CONF', description: 'A resolv.conf-style file whose search list is used for every client; it must be readable at startup.' },
      { name: '@PLUGIN', syntax: '@PLUGIN', description: "Take each client's search path from a plugin: @kubernetes derives it from the asking pod's namespace (needs `pods verified` in kubernetes)." },
    ],
    options: [],
    examples: ['cluster.local {\n    kubernetes cluster.local {\n        pods verified\n    }\n    autopath @kubernetes\n}'],
  },
  setup,
  handler: autopathHandler,
};
