// The search paths autopath walks on the server. With @kubernetes, CoreDNS builds one per asking pod
// (plugin/kubernetes/autopath.go): the pod's namespace under svc, then svc, then the zone, then the search
// domains of CoreDNS's OWN resolv.conf, then the bare name. With a file, every client gets that file's list.
import type { FileHost } from '../../../host.js';
import { parseResolvConf } from '../../../resolvconf/index.js';
import type { KubernetesConfig } from '../../kubernetes.js';
import { absolute, joinNames, longestZone } from './names.js';
import type { KubeView } from './view.js';

export type SearchPath = { search: string[]; why: string } | { search: undefined; why: string; option?: string };

/**
 * The search list of a resolv.conf as miekg/dns's ClientConfigFromFile reads it (CoreDNS uses that, not a
 * libc): the last `search` or `domain` line wins, `domain` meaning a one-entry list. Names are lower-cased
 * and made absolute (plugin.Zones.Normalize). Undefined when the file is not there.
 */
export function searchFromFile(files: FileHost, path: string): string[] | undefined {
  const text = files.readFile(path);
  if (text === undefined) return undefined;
  let search: string[] = [];
  for (const directive of parseResolvConf(text).directives) {
    if (directive.name === 'search') search = directive.values.map((v) => v.text);
    else if (directive.name === 'domain') search = directive.values.slice(0, 1).map((v) => v.text);
  }
  return search.map((s) => absolute(s).toLowerCase());
}

/** The path of CoreDNS's own resolv.conf, which the kubernetes plugin reads once at startup. */
export const COREDNS_RESOLV_CONF = '/etc/resolv.conf';

/** kubernetes AutoPath: the search path for the pod asking from `clientIp`, or why there is none. */
export function kubernetesSearchPath(config: KubernetesConfig, view: KubeView, files: FileHost, name: string, clientIp: string): SearchPath {
  const zone = longestZone(config.zones, name);
  if (zone === undefined) return { search: undefined, why: `${name} is outside the kubernetes zones (${config.zones.join(' ')}), so kubernetes gives no search path` };
  if (config.pods !== 'verified') {
    return { search: undefined, why: `autopath @kubernetes needs 'pods verified' to find the asking pod, but kubernetes runs with 'pods ${config.pods}': autopath does nothing`, option: 'pods' };
  }
  const pod = view.podsWithIp(clientIp)[0];
  if (!pod) return { search: undefined, why: `the client address ${clientIp} is not the address of any known pod (a hostNetwork pod or a node?), so there is no search path to follow` };
  const read = searchFromFile(files, COREDNS_RESOLV_CONF);
  const own = read ?? [];
  const head = zone === '.' ? [`${pod.namespace}.svc.`, 'svc.', '.'] : [joinNames(pod.namespace, 'svc', zone), joinNames('svc', zone), zone];
  const search = [...head, ...own, ''];
  const ownText = own.length > 0
    ? `, then CoreDNS's own search domains ${own.join(' ')}`
    : read === undefined ? ` (CoreDNS's own ${COREDNS_RESOLV_CONF} is not mounted in the scenario, so it adds no search domains)` : '';
  return { search, why: `the client ${clientIp} is pod ${pod.namespace}/${pod.name}: its search path is ${head.join(' ')}${ownText}, then the bare name` };
}
