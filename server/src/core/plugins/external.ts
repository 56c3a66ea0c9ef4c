// Well-known plugins that are not part of a stock CoreDNS build. A Corefile that uses one is valid
// only for a custom build that compiles it in, so the linter reports these as a warning that says
// so, instead of the "unknown directive" error a stock CoreDNS would print.
//
// The list holds every plugin advertised on coredns.io (coredns/coredns.io, content/explugins/*.md),
// except `on`, which is compiled into stock CoreDNS, and adds plugins met in real-world Corefiles.
// Summaries are our own words; `repository` is where the plugin's source lives.

export interface ExternalPlugin {
  /** The directive the plugin registers (what is written in the Corefile). */
  readonly name: string;
  /** One line in our own words, without a final full stop, so it can sit inside a sentence. */
  readonly summary: string;
  readonly repository: string;
}

export const EXTERNAL_PLUGINS: ReadonlyArray<ExternalPlugin> = [
  { name: 'alias', summary: 'Flattens a CNAME at a zone apex into the addresses it points to', repository: 'https://github.com/serverwentdown/alias' },
  { name: 'alternate', summary: 'Sends a query to another set of upstreams when the first answer has a chosen response code', repository: 'https://github.com/coredns/alternate' },
  { name: 'amazondns', summary: 'Serves an authoritative zone whose records come from the Amazon VPC DNS server', repository: 'https://github.com/wadahiro/coredns-amazondns' },
  { name: 'blocker', summary: 'Blocks names found in a blocklist file (hosts or adblock format) that it reloads periodically', repository: 'https://github.com/icyflame/blocker' },
  { name: 'demo', summary: 'Teaching example: answers 1.1.1.1 or 8.8.8.8 depending on the client address', repository: 'https://github.com/coredns/demo' },
  { name: 'dnsseed', summary: 'Zcash DNS seeder: crawls the peer network and answers with addresses of reachable nodes', repository: 'https://github.com/ZcashFoundation/dnsseeder' },
  { name: 'dump', summary: 'Prints one line per incoming query on standard output', repository: 'https://github.com/miekg/dump' },
  { name: 'ebpf', summary: 'Attaches an eBPF XDP program to a network interface', repository: 'https://github.com/InfobloxOpen/ebpf' },
  { name: 'ens', summary: 'Answers from records stored in the Ethereum Name Service', repository: 'https://github.com/wealdtech/coredns-ens' },
  { name: 'example', summary: 'Skeleton for plugin authors; logs a line for every query', repository: 'https://github.com/coredns/example' },
  { name: 'fanout', summary: 'Sends each query to several upstreams at once and returns the first usable answer', repository: 'https://github.com/networkservicemesh/fanout' },
  { name: 'filterlist', summary: 'Blocks queries for names matched by adblock-style allow and deny lists', repository: 'https://github.com/TomTonic/filterlist' },
  { name: 'finalize', summary: 'Follows CNAME chains in answers and appends the final addresses', repository: 'https://github.com/tmeckel/coredns-finalizer' },
  { name: 'gathersrv', summary: 'Merges SRV answers from several domains (for example clusters) behind one shared domain', repository: 'https://github.com/ziollek/gathersrv' },
  { name: 'git', summary: 'Keeps a local copy of a git repository up to date, e.g. for zone files', repository: 'https://github.com/miekg/coredns-git' },
  { name: 'gravwell', summary: 'Ships queries and answers to a Gravwell ingester for auditing', repository: 'https://github.com/gravwell/coredns' },
  { name: 'gslb', summary: 'Global server load balancing: answers with healthy backends described in a YAML file', repository: 'https://github.com/dmachard/coredns-gslb' },
  { name: 'idetcd', summary: 'Gives cluster nodes collision-free names, coordinated through etcd', repository: 'https://github.com/jiachengxu/idetcd' },
  { name: 'ipecho', summary: 'Answers with the IP address written inside the queried name', repository: 'https://github.com/Eun/coredns-ipecho' },
  { name: 'ipin', summary: 'Answers with the IP address (and port) encoded in the queried name', repository: 'https://github.com/wenerme/coredns-ipin' },
  { name: 'json', summary: 'Resolves by asking an HTTP server that speaks DNS in JSON', repository: 'https://github.com/xinbenlv/coredns-json' },
  { name: 'k8s_cache', summary: 'Cache that refreshes entries early for lookups made by chosen pods', repository: 'https://github.com/delta10/k8s_cache' },
  { name: 'k8s_dns_chaos', summary: 'Injects DNS faults into a Kubernetes cluster for chaos experiments', repository: 'https://github.com/chaos-mesh/k8s_dns_chaos' },
  { name: 'k8s_event', summary: 'Turns CoreDNS log messages into Kubernetes Events', repository: 'https://github.com/coredns/k8s_event' },
  { name: 'k8s_gateway', summary: 'Answers for Ingress, Gateway API and LoadBalancer Service names from outside the cluster', repository: 'https://github.com/ori-edge/k8s_gateway' },
  { name: 'kubeforward', summary: 'Forwards to the endpoints of a Kubernetes Service and follows their changes', repository: 'https://github.com/deckhouse/coredns-kubeforward' },
  { name: 'kubenodes', summary: 'Publishes records for the nodes of a Kubernetes cluster', repository: 'https://github.com/infobloxopen/kubenodes' },
  { name: 'kubernetai', summary: 'Serves several Kubernetes clusters from one server block', repository: 'https://github.com/coredns/kubernetai' },
  { name: 'lighthouse', summary: 'Service discovery across Kubernetes clusters joined by Submariner', repository: 'https://github.com/submariner-io/lighthouse' },
  { name: 'mdns', summary: 'Makes names learnt over multicast DNS (.local) resolvable through ordinary DNS', repository: 'https://github.com/openshift/coredns-mdns' },
  { name: 'meship', summary: 'Resolves .meship names of decentralised mesh networks', repository: 'https://github.com/zhoreeq/coredns-meship' },
  { name: 'meshname', summary: 'Resolves .meshname names of decentralised mesh networks', repository: 'https://github.com/zhoreeq/coredns-meshname' },
  { name: 'multicluster', summary: 'Implements the Kubernetes multi-cluster DNS specification (clusterset zones)', repository: 'https://github.com/coredns/multicluster' },
  { name: 'mysql', summary: 'Reads zone data from a MySQL database', repository: 'https://github.com/cloud66-oss/coredns_mysql' },
  { name: 'netbox', summary: 'Answers from the IP address records kept in NetBox', repository: 'https://github.com/oz123/coredns-netbox-plugin' },
  { name: 'ocp_dnsnameresolver', summary: 'OpenShift: records the addresses of names watched by DNSNameResolver objects (egress firewall rules)', repository: 'https://github.com/openshift/coredns-ocp-dnsnameresolver' },
  { name: 'pdsql', summary: 'Uses a PowerDNS generic-SQL database as the record store', repository: 'https://github.com/wenerme/coredns-pdsql' },
  { name: 'records', summary: 'Serves records written inline in the Corefile', repository: 'https://github.com/coredns/records' },
  { name: 'recursor', summary: 'Resolves names with chosen resolvers or fixed addresses, with aliases between names', repository: 'https://github.com/kinjelom/coredns-recursor' },
  { name: 'redis', summary: 'Reads zone data from a Redis database', repository: 'https://github.com/codysnider/coredns-redis' },
  { name: 'redisc', summary: 'Shares a response cache between CoreDNS instances through Redis', repository: 'https://github.com/miekg/redis' },
  { name: 'regfilter', summary: 'Successor of filterlist: blocks names matched by adblock-style allow and deny lists', repository: 'https://github.com/TomTonic/coredns-regfilter' },
  { name: 'rrl', summary: 'Response rate limiting against amplification attacks', repository: 'https://github.com/coredns/rrl' },
  { name: 'unbound', summary: 'Resolves recursively with libunbound instead of forwarding', repository: 'https://github.com/coredns/unbound' },
  { name: 'warnlist', summary: 'Logs and counts queries for names on a watch list', repository: 'https://github.com/giantswarm/coredns-warnlist-plugin' },
  { name: 'wgsd', summary: 'Publishes WireGuard peers through DNS service discovery for endpoint discovery', repository: 'https://github.com/jwhited/wgsd' },
];

const BY_NAME: ReadonlyMap<string, ExternalPlugin> = new Map(EXTERNAL_PLUGINS.map((plugin) => [plugin.name, plugin]));

/** The well-known external plugin registered under `name` (case-sensitive, as CoreDNS is), if any. */
export function findExternalPlugin(name: string): ExternalPlugin | undefined {
  return BY_NAME.get(name);
}
