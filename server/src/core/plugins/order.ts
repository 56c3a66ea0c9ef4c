// CoreDNS 1.14's plugin.cfg: the one table that decides where each plugin runs in a server block's chain.
// The position here, never the order of lines in a Corefile, is the execution order.
export const PLUGIN_ORDER = [
  'root', 'metadata', 'geoip', 'cancel', 'proxyproto', 'quic', 'grpc_server', 'https', 'https3', 'timeouts',
  'multisocket', 'reload', 'nsid', 'bufsize', 'bind', 'debug', 'trace', 'ready', 'health', 'pprof',
  'shed', 'prometheus', 'errors', 'log', 'dnstap', 'local', 'dns64', 'any', 'chaos', 'loadbalance',
  'tsig', 'rewrite', 'autopath', 'acl', 'cache', 'header', 'dnssec', 'tls', 'minimal', 'template',
  'transfer', 'hosts', 'route53', 'azure', 'clouddns', 'k8s_external', 'kubernetes', 'file', 'auto', 'secondary',
  'etcd', 'loop', 'forward', 'grpc', 'erratic', 'whoami', 'on', 'sign', 'view', 'nomad',
] as const;

export type DirectiveName = (typeof PLUGIN_ORDER)[number];

const POSITION = new Map<string, number>(PLUGIN_ORDER.map((name, index) => [name, index]));

export function isDirective(name: string): name is DirectiveName {
  return POSITION.has(name);
}

/** The position of a directive in the chain (0 = first), or undefined for unknown names. */
export function executionIndex(name: string): number | undefined {
  return POSITION.get(name);
}
