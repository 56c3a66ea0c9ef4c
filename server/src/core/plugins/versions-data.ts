// What changed in CoreDNS's Corefile vocabulary between 1.6.0 and 1.14.7: when each directive
// appeared, which directives went away, and when options and argument forms were added, deprecated
// or removed. The facts were read from CoreDNS's release notes (notes/coredns-*.md), from plugin.cfg
// and the generated core/dnsserver/zdirectives.go at every release tag, from each plugin's setup code
// at those tags, and from coredns/corefile-migration's tables; every entry names where it came from.
// Only the data lives here; versions.ts answers questions about it.

/** Releases from 1.6.0 to 1.14.7 in order. 1.11.2 is absent: it was never tagged or published (see notes/coredns-1.11.3.md). */
export const RELEASES = [
  '1.6.0', '1.6.1', '1.6.2', '1.6.3', '1.6.4', '1.6.5', '1.6.6', '1.6.7', '1.6.8', '1.6.9',
  '1.7.0', '1.7.1',
  '1.8.0', '1.8.1', '1.8.2', '1.8.3', '1.8.4', '1.8.5', '1.8.6', '1.8.7',
  '1.9.0', '1.9.1', '1.9.2', '1.9.3', '1.9.4',
  '1.10.0', '1.10.1',
  '1.11.0', '1.11.1', '1.11.3', '1.11.4',
  '1.12.0', '1.12.1', '1.12.2', '1.12.3', '1.12.4',
  '1.13.0', '1.13.1', '1.13.2',
  '1.14.0', '1.14.1', '1.14.2', '1.14.3', '1.14.4', '1.14.5', '1.14.6', '1.14.7',
] as const;

/**
 * Marks something that exists in CoreDNS's main branch after the 1.14.7 tag but in no release yet.
 * Versions newer than the last known release are assumed to have it.
 */
export const UNRELEASED = 'unreleased';

export interface DirectiveSince {
  readonly name: string;
  /** The first release whose build knows the directive. */
  readonly since: string;
  readonly source: string;
}

// A directive counts from the first release whose compiled directive list (zdirectives.go, which
// plugin.cfg generates) holds it. "1.6.0" means it was already there at the start of the range.
const AT_START = 'plugin.cfg @v1.6.0';
export const DIRECTIVE_SINCE: readonly DirectiveSince[] = [
  { name: 'root', since: '1.6.0', source: AT_START },
  { name: 'metadata', since: '1.6.0', source: AT_START },
  { name: 'geoip', since: '1.8.5', source: 'plugin.cfg @v1.8.5; notes/coredns-1.8.5.md' },
  { name: 'cancel', since: '1.6.0', source: AT_START },
  { name: 'proxyproto', since: '1.14.2', source: 'core/dnsserver/zdirectives.go @v1.14.2 (plugin.cfg lists it from v1.14.3); notes/coredns-1.14.2.md' },
  { name: 'quic', since: '1.12.2', source: 'plugin.cfg @v1.12.2' },
  { name: 'grpc_server', since: '1.14.0', source: 'plugin.cfg @v1.14.0' },
  { name: 'https', since: '1.14.0', source: 'plugin.cfg @v1.14.0' },
  { name: 'https3', since: '1.14.0', source: 'plugin.cfg @v1.14.0' },
  { name: 'timeouts', since: '1.10.1', source: 'plugin.cfg @v1.10.1; notes/coredns-1.10.1.md' },
  { name: 'multisocket', since: '1.12.0', source: 'plugin.cfg @v1.12.0; notes/coredns-1.12.0.md' },
  { name: 'reload', since: '1.6.0', source: AT_START },
  { name: 'nsid', since: '1.6.0', source: AT_START },
  { name: 'bufsize', since: '1.6.6', source: 'plugin.cfg @v1.6.6; notes/coredns-1.6.6.md' },
  { name: 'bind', since: '1.6.0', source: AT_START },
  { name: 'debug', since: '1.6.0', source: AT_START },
  { name: 'trace', since: '1.6.0', source: AT_START },
  { name: 'ready', since: '1.6.0', source: AT_START },
  { name: 'health', since: '1.6.0', source: AT_START },
  { name: 'pprof', since: '1.6.0', source: AT_START },
  { name: 'shed', since: '1.14.7', source: 'plugin.cfg @v1.14.7; notes/coredns-1.14.7.md' },
  { name: 'prometheus', since: '1.6.0', source: AT_START },
  { name: 'errors', since: '1.6.0', source: AT_START },
  { name: 'log', since: '1.6.0', source: AT_START },
  { name: 'dnstap', since: '1.6.0', source: AT_START },
  { name: 'local', since: '1.8.1', source: 'plugin.cfg @v1.8.1; notes/coredns-1.8.1.md' },
  { name: 'dns64', since: '1.7.0', source: 'plugin.cfg @v1.7.0; notes/coredns-1.7.0.md' },
  { name: 'any', since: '1.6.0', source: AT_START },
  { name: 'chaos', since: '1.6.0', source: AT_START },
  { name: 'loadbalance', since: '1.6.0', source: AT_START },
  { name: 'tsig', since: '1.9.4', source: 'plugin.cfg @v1.9.4; notes/coredns-1.9.4.md' },
  { name: 'rewrite', since: '1.6.0', source: AT_START },
  { name: 'autopath', since: '1.6.0', source: AT_START },
  { name: 'acl', since: '1.6.4', source: 'plugin.cfg @v1.6.4; notes/coredns-1.6.4.md' },
  { name: 'cache', since: '1.6.0', source: AT_START },
  { name: 'header', since: '1.8.5', source: 'plugin.cfg @v1.8.5; notes/coredns-1.8.5.md' },
  { name: 'dnssec', since: '1.6.0', source: AT_START },
  { name: 'tls', since: '1.6.0', source: AT_START },
  { name: 'minimal', since: '1.8.4', source: 'plugin.cfg @v1.8.4; notes/coredns-1.8.4.md' },
  { name: 'template', since: '1.6.0', source: AT_START },
  { name: 'transfer', since: '1.6.5', source: 'plugin.cfg @v1.6.5; notes/coredns-1.6.5.md' },
  { name: 'hosts', since: '1.6.0', source: AT_START },
  { name: 'route53', since: '1.6.0', source: AT_START },
  { name: 'azure', since: '1.6.2', source: 'plugin.cfg @v1.6.2; notes/coredns-1.6.2.md' },
  { name: 'clouddns', since: '1.6.3', source: 'plugin.cfg @v1.6.3; notes/coredns-1.6.3.md' },
  { name: 'k8s_external', since: '1.6.0', source: AT_START },
  { name: 'kubernetes', since: '1.6.0', source: AT_START },
  { name: 'file', since: '1.6.0', source: AT_START },
  { name: 'auto', since: '1.6.0', source: AT_START },
  { name: 'secondary', since: '1.6.0', source: AT_START },
  { name: 'etcd', since: '1.6.0', source: AT_START },
  { name: 'loop', since: '1.6.0', source: AT_START },
  { name: 'forward', since: '1.6.0', source: AT_START },
  { name: 'grpc', since: '1.6.0', source: AT_START },
  { name: 'erratic', since: '1.6.0', source: AT_START },
  { name: 'whoami', since: '1.6.0', source: AT_START },
  { name: 'on', since: '1.6.0', source: AT_START },
  { name: 'sign', since: '1.6.3', source: 'plugin.cfg @v1.6.3; notes/coredns-1.6.3.md' },
  { name: 'view', since: '1.10.0', source: 'plugin.cfg @v1.10.0; notes/coredns-1.10.0.md' },
  { name: 'nomad', since: '1.13.0', source: 'plugin.cfg @v1.13.0; notes/coredns-1.13.0.md' },
];

export interface RemovedDirective {
  readonly name: string;
  /** The last release that accepted it (may predate 1.6.0). */
  readonly lastVersion: string;
  /** The first release that refuses it. */
  readonly removedIn: string;
  readonly replacement?: string;
  readonly note: string;
  readonly source: string;
}

export const REMOVED_DIRECTIVES: readonly RemovedDirective[] = [
  {
    name: 'federation', lastVersion: '1.6.9', removedIn: '1.7.0',
    note: 'Kubernetes v1 federation support was dropped; the code moved to github.com/coredns/federation, which no longer builds against the kubernetes plugin.',
    source: 'notes/coredns-1.7.0.md; plugin.cfg @v1.6.9 and @v1.7.0',
  },
  {
    name: 'proxy', lastVersion: '1.4.0', removedIn: '1.5.0', replacement: 'forward',
    note: 'proxy was deprecated in 1.4.0 and removed in 1.5.0; forward takes its place (it lives on only as the external plugin github.com/coredns/proxy).',
    source: 'notes/coredns-1.4.0.md, notes/coredns-1.5.0.md; corefile-migration migration/plugins.go (proxy removal)',
  },
  {
    name: 'reverse', lastVersion: '1.1.3', removedIn: '1.1.4', replacement: 'template',
    note: 'reverse was removed in 1.1.4; synthesise PTR answers with template (or serve a reverse zone with file).',
    source: 'notes/coredns-1.1.4.md; plugin/deprecated/setup.go history',
  },
  {
    name: 'startup', lastVersion: '1.0.6', removedIn: '1.1.0', replacement: 'on',
    note: 'startup was removed in 1.1.0; write `on startup COMMAND` instead.',
    source: 'notes/coredns-1.1.0.md',
  },
  {
    name: 'shutdown', lastVersion: '1.0.6', removedIn: '1.1.0', replacement: 'on',
    note: 'shutdown was removed in 1.1.0; write `on shutdown COMMAND` instead.',
    source: 'notes/coredns-1.1.0.md',
  },
];

/**
 * The history of one word inside a directive. For block options `option` is the keyword that starts
 * the line; for rewrite it is the rule type; for acl and header the action or selector. Dates are
 * first releases: `added` the first that accepts it (absent: accepted since 1.6.0 or earlier),
 * `deprecated` the first that warns about it or ignores it, `removed` the first that refuses it.
 */
export interface OptionHistory {
  readonly directive: string;
  readonly option: string;
  readonly added?: string;
  readonly deprecated?: string;
  readonly removed?: string;
  readonly replacement?: string;
  readonly note: string;
  readonly source: string;
}

// Options present in 1.6.0 (or when their directive appeared) are listed too, so that a directive's
// full vocabulary can be enumerated and the tests can see the table is complete.
const base = (directive: string, options: readonly string[], source: string): OptionHistory[] =>
  options.map((option) => ({ directive, option, note: 'Accepted since the directive appeared.', source }));

const SETUP_1_6_0 = 'setup code @v1.6.0';

export const OPTION_HISTORY: readonly OptionHistory[] = [
  // acl: the words at the start of a rule line are actions.
  ...base('acl', ['allow', 'block'], 'plugin/acl/setup.go @v1.6.4'),
  { directive: 'acl', option: 'filter', added: '1.8.2', note: 'The filter action (answer with an empty NOERROR) arrived in 1.8.2.', source: 'notes/coredns-1.8.2.md; plugin/acl/setup.go @v1.8.2' },
  { directive: 'acl', option: 'drop', added: '1.10.1', note: 'The drop action (no reply at all) arrived in 1.10.1.', source: 'notes/coredns-1.10.1.md' },

  { directive: 'auto', option: 'directory', note: 'Accepted since the directive appeared.', source: SETUP_1_6_0 },
  { directive: 'auto', option: 'reload', note: 'Accepted since the directive appeared.', source: SETUP_1_6_0 },
  { directive: 'auto', option: 'upstream', deprecated: '1.6.0', note: 'Accepted but ignored in every release of the range: upstream lookups always happen. Remove the line.', source: 'plugin/auto/setup.go ("remove soon") @v1.6.0..v1.14.7' },
  { directive: 'auto', option: 'transfer', removed: '1.8.0', replacement: 'transfer', note: 'Outgoing zone transfers moved to the transfer plugin in 1.8.0: write a separate `transfer { to ... }` block.', source: 'notes/coredns-1.8.0.md; plugin/auto/setup.go @v1.8.0' },

  { directive: 'azure', option: 'subscription', note: 'Accepted since the directive appeared.', source: 'plugin/azure/setup.go @v1.6.2' },
  ...base('azure', ['tenant', 'client', 'secret', 'environment', 'fallthrough'], 'plugin/azure/setup.go @v1.6.2'),
  { directive: 'azure', option: 'access', added: '1.6.8', note: 'Private DNS zones (access private|public) arrived in 1.6.8.', source: 'notes/coredns-1.6.8.md' },

  { directive: 'bind', option: 'except', added: '1.8.4', note: 'Excluding addresses or interfaces from bind arrived in 1.8.4.', source: 'notes/coredns-1.8.4.md' },

  ...base('cache', ['success', 'denial', 'prefetch'], SETUP_1_6_0),
  { directive: 'cache', option: 'serve_stale', added: '1.6.6', note: 'Serving expired entries arrived in 1.6.6.', source: 'notes/coredns-1.6.6.md' },
  { directive: 'cache', option: 'disable', added: '1.9.4', note: 'Disabling success or denial caching per zone arrived in 1.9.4.', source: 'notes/coredns-1.9.4.md; corefile-migration (cache v3)' },
  { directive: 'cache', option: 'servfail', added: '1.9.4', note: 'Setting the SERVFAIL caching time arrived in 1.9.4.', source: 'notes/coredns-1.9.4.md; corefile-migration (cache v3)' },
  { directive: 'cache', option: 'keepttl', added: '1.10.1', note: 'keepttl arrived in 1.10.1; until 1.11.1 it was wrongly refused when the cache line also named zones.', source: 'notes/coredns-1.10.1.md, notes/coredns-1.11.1.md' },
  { directive: 'cache', option: 'serve_stale_policy', added: '1.14.7', note: 'The stale policy (prefer_positive) arrived in 1.14.7.', source: 'notes/coredns-1.14.7.md' },

  { directive: 'clouddns', option: 'credentials', note: 'Accepted since the directive appeared.', source: 'plugin/clouddns/setup.go @v1.6.3' },
  { directive: 'clouddns', option: 'fallthrough', note: 'Accepted since the directive appeared.', source: 'plugin/clouddns/setup.go @v1.6.3' },
  { directive: 'clouddns', option: 'upstream', deprecated: '1.6.3', note: 'Accepted but ignored in every release that has clouddns. Remove the line.', source: 'plugin/clouddns/setup.go @v1.6.3..v1.14.7' },

  { directive: 'dns64', option: 'prefix', note: 'Accepted since the directive appeared.', source: 'plugin/dns64/setup.go @v1.7.0' },
  { directive: 'dns64', option: 'translate_all', note: 'Accepted since the directive appeared.', source: 'plugin/dns64/setup.go @v1.7.0' },
  { directive: 'dns64', option: 'allow_ipv4', added: '1.8.7', note: 'Answering DNS64 queries that arrive over IPv4 arrived in 1.8.7.', source: 'plugin/dns64/setup.go @v1.8.7 (PR 4809)' },

  ...base('dnssec', ['key', 'cache_capacity'], SETUP_1_6_0),

  { directive: 'dnstap', option: 'identity', added: '1.9.4', note: 'identity arrived in 1.9.4.', source: 'notes/coredns-1.9.4.md' },
  { directive: 'dnstap', option: 'version', added: '1.9.4', note: 'version arrived in 1.9.4.', source: 'notes/coredns-1.9.4.md' },
  { directive: 'dnstap', option: 'skipverify', added: '1.11.0', note: 'skipverify arrived with tls:// endpoints in 1.11.0.', source: 'notes/coredns-1.11.0.md (PR 5917)' },
  { directive: 'dnstap', option: 'extra', added: '1.11.1', note: 'The extra field arrived in 1.11.1.', source: 'notes/coredns-1.11.1.md' },
  { directive: 'dnstap', option: 'tls', added: '1.14.4', note: 'tls CERT KEY [CA] for `dnstap listen` endpoints arrived in 1.14.4.', source: 'notes/coredns-1.14.4.md (PR 8086)' },

  { directive: 'errors', option: 'consolidate', note: 'Accepted since 1.6.0 or earlier.', source: SETUP_1_6_0 },
  { directive: 'errors', option: 'stacktrace', added: '1.9.3', note: 'stacktrace arrived in 1.9.3.', source: 'notes/coredns-1.9.3.md; corefile-migration (errors v3)' },

  { directive: 'etcd', option: 'path', note: 'Accepted since 1.6.0 or earlier.', source: SETUP_1_6_0 },
  ...base('etcd', ['endpoint', 'tls', 'credentials', 'fallthrough'], SETUP_1_6_0),
  { directive: 'etcd', option: 'stubzones', deprecated: '1.6.0', note: 'Accepted but ignored in every release of the range. Remove the line.', source: 'plugin/etcd/setup.go ("ignored, remove later") @v1.6.0..v1.14.7' },
  { directive: 'etcd', option: 'debug', deprecated: '1.6.0', note: 'Accepted but does nothing in every release of the range. Remove the line.', source: 'plugin/etcd/setup.go ("a noop now") @v1.6.0..v1.14.7' },
  { directive: 'etcd', option: 'upstream', deprecated: '1.6.0', note: 'Accepted but ignored in every release of the range. Remove the line.', source: 'plugin/etcd/setup.go @v1.6.0..v1.14.7' },
  { directive: 'etcd', option: 'min-lease-ttl', added: '1.12.4', note: 'Lease TTL bounds arrived in 1.12.4.', source: 'plugin/etcd/setup.go @v1.12.4; notes/coredns-1.12.4.md (security fixes)' },
  { directive: 'etcd', option: 'max-lease-ttl', added: '1.12.4', note: 'Lease TTL bounds arrived in 1.12.4.', source: 'plugin/etcd/setup.go @v1.12.4; notes/coredns-1.12.4.md (security fixes)' },

  { directive: 'file', option: 'reload', note: 'Accepted since 1.6.0 or earlier.', source: SETUP_1_6_0 },
  { directive: 'file', option: 'upstream', deprecated: '1.6.0', note: 'Accepted but ignored in every release of the range: upstream lookups always happen. Remove the line.', source: 'plugin/file/setup.go ("remove soon") @v1.6.0..v1.14.7' },
  { directive: 'file', option: 'transfer', removed: '1.8.0', replacement: 'transfer', note: 'Outgoing zone transfers moved to the transfer plugin in 1.8.0: write a separate `transfer { to ... }` block.', source: 'notes/coredns-1.8.0.md; corefile-migration (kubernetes v8 remove transfer option)' },
  { directive: 'file', option: 'fallthrough', added: '1.12.2', note: 'fallthrough arrived in 1.12.2.', source: 'notes/coredns-1.12.2.md' },
  { directive: 'file', option: 'reload_by_mtime', added: '1.14.4', note: 'Reloading on modification time arrived in 1.14.4.', source: 'notes/coredns-1.14.4.md (PR 8085)' },

  ...base('forward', ['except', 'max_fails', 'health_check', 'force_tcp', 'prefer_udp', 'tls', 'tls_servername', 'expire', 'policy'], SETUP_1_6_0),
  { directive: 'forward', option: 'max_concurrent', added: '1.6.8', note: 'max_concurrent arrived in 1.6.8.', source: 'notes/coredns-1.6.8.md' },
  { directive: 'forward', option: 'next', added: '1.11.4', note: 'Trying the next plugin on chosen response codes arrived in 1.11.4 (before that, the external alternate plugin did this).', source: 'notes/coredns-1.11.4.md; plugin/forward/setup.go @v1.11.4' },
  { directive: 'forward', option: 'failfast_all_unhealthy_upstreams', added: '1.12.1', note: 'Answering SERVFAIL at once when every upstream is down arrived in 1.12.1.', source: 'notes/coredns-1.12.1.md; plugin/forward/setup.go @v1.12.1' },
  { directive: 'forward', option: 'failover', added: '1.13.0', note: 'Retrying another upstream on chosen response codes arrived in 1.13.0; NOERROR is refused there since 1.13.2.', source: 'notes/coredns-1.13.0.md, notes/coredns-1.13.2.md' },
  { directive: 'forward', option: 'max_connect_attempts', added: '1.13.2', note: 'max_connect_attempts arrived in 1.13.2.', source: 'notes/coredns-1.13.2.md' },
  { directive: 'forward', option: 'max_idle_conns', added: '1.14.1', note: 'max_idle_conns arrived with the connection pool rework in 1.14.1.', source: 'plugin/forward/setup.go @v1.14.1 (PR 7790)' },
  { directive: 'forward', option: 'max_age', added: '1.14.3', note: 'max_age arrived in 1.14.3.', source: 'notes/coredns-1.14.3.md' },
  { directive: 'forward', option: 'next_on_nodata', added: '1.14.4', note: 'Handing NODATA answers to the next plugin arrived in 1.14.4.', source: 'notes/coredns-1.14.4.md (PR 8065)' },
  { directive: 'forward', option: 'resolver', added: '1.14.4', note: 'Resolving upstream host names (and the resolver option) arrived in 1.14.4.', source: 'notes/coredns-1.14.4.md (PR 7923)' },
  { directive: 'forward', option: 'read_timeout', added: '1.14.5', note: 'read_timeout arrived in 1.14.5.', source: 'notes/coredns-1.14.5.md (PR 8205)' },
  { directive: 'forward', option: 'doh_method', added: '1.14.5', note: 'doh_method arrived with https:// upstreams in 1.14.5.', source: 'notes/coredns-1.14.5.md (PR 8004)' },
  { directive: 'forward', option: 'source_address', added: '1.14.6', note: 'source_address arrived in 1.14.6.', source: 'notes/coredns-1.14.6.md' },

  ...base('grpc', ['except', 'tls', 'tls_servername', 'policy'], SETUP_1_6_0),
  { directive: 'grpc', option: 'fallthrough', added: '1.12.3', note: 'fallthrough arrived in 1.12.3.', source: 'notes/coredns-1.12.3.md' },

  { directive: 'grpc_server', option: 'max_streams', note: 'Accepted since the directive appeared.', source: 'plugin/grpc_server/setup.go @v1.14.0' },
  { directive: 'grpc_server', option: 'max_connections', note: 'Accepted since the directive appeared.', source: 'plugin/grpc_server/setup.go @v1.14.0' },

  // header: 1.8.5 had bare `set`/`clear` lines; 1.9.4 added the query/response selector in front of
  // them and warned about the bare form; 1.12.4 refuses the bare form.
  { directive: 'header', option: 'set', deprecated: '1.9.4', removed: '1.12.4', replacement: 'response set', note: 'A bare `set` line (no selector) was deprecated in 1.9.4 and refused from 1.12.4; write `response set ...` (or `query set ...`).', source: 'notes/coredns-1.9.4.md, notes/coredns-1.12.4.md (PR 7436)' },
  { directive: 'header', option: 'clear', deprecated: '1.9.4', removed: '1.12.4', replacement: 'response clear', note: 'A bare `clear` line (no selector) was deprecated in 1.9.4 and refused from 1.12.4; write `response clear ...` (or `query clear ...`).', source: 'notes/coredns-1.9.4.md, notes/coredns-1.12.4.md (PR 7436)' },
  { directive: 'header', option: 'query', added: '1.9.4', note: 'The query selector arrived in 1.9.4.', source: 'notes/coredns-1.9.4.md' },
  { directive: 'header', option: 'response', added: '1.9.4', note: 'The response selector arrived in 1.9.4.', source: 'notes/coredns-1.9.4.md' },

  { directive: 'health', option: 'lameduck', note: 'Accepted since 1.6.0 or earlier.', source: SETUP_1_6_0 },

  ...base('hosts', ['fallthrough', 'no_reverse', 'reload', 'ttl'], SETUP_1_6_0),
  { directive: 'hosts', option: 'fallthrough_unsupported', added: '1.14.7', note: 'fallthrough_unsupported arrived in 1.14.7 (1.14.5 and 1.14.6 passed unsupported types on whenever fallthrough was set).', source: 'notes/coredns-1.14.5.md, notes/coredns-1.14.7.md (PR 8282)' },

  { directive: 'https', option: 'max_connections', note: 'Accepted since the directive appeared.', source: 'plugin/https/setup.go @v1.14.0' },
  { directive: 'https3', option: 'max_streams', note: 'Accepted since the directive appeared.', source: 'plugin/https3/setup.go @v1.14.0' },
  { directive: 'https3', option: 'max_connections', added: '1.14.7', note: 'max_connections arrived in 1.14.7.', source: 'notes/coredns-1.14.7.md (PR 8187)' },

  { directive: 'k8s_external', option: 'apex', note: 'Accepted since 1.6.0 or earlier.', source: SETUP_1_6_0 },
  { directive: 'k8s_external', option: 'ttl', note: 'Accepted since 1.6.0 or earlier.', source: SETUP_1_6_0 },
  { directive: 'k8s_external', option: 'headless', added: '1.9.4', note: 'Headless services arrived in 1.9.4.', source: 'notes/coredns-1.9.4.md' },
  { directive: 'k8s_external', option: 'fallthrough', added: '1.11.0', note: 'fallthrough arrived in 1.11.0.', source: 'notes/coredns-1.11.0.md; corefile-migration (k8s_external v2)' },

  ...base('kubernetes', ['endpoint', 'tls', 'kubeconfig', 'namespaces', 'labels', 'namespace_labels', 'pods', 'endpoint_pod_names', 'ttl', 'noendpoints', 'fallthrough', 'ignore'], SETUP_1_6_0),
  { directive: 'kubernetes', option: 'resyncperiod', deprecated: '1.5.0', removed: '1.7.0', note: 'Deprecated in 1.5.0, a no-op in 1.6.x, refused from 1.7.0. In 1.6.x only a bare `resyncperiod` passes: its value is read as an unknown property. Remove the line.', source: 'notes/coredns-1.5.0.md, notes/coredns-1.7.0.md; corefile-migration (kubernetes v6, v7); plugin/kubernetes/setup.go @v1.6.9' },
  { directive: 'kubernetes', option: 'upstream', deprecated: '1.4.0', removed: '1.7.0', note: 'Deprecated in 1.4.0, ignored in 1.5.x and 1.6.x, refused from 1.7.0: upstream lookups always happen. Remove the line.', source: 'notes/coredns-1.7.0.md; corefile-migration (kubernetes v5..v7)' },
  { directive: 'kubernetes', option: 'transfer', removed: '1.8.0', replacement: 'transfer', note: 'Zone transfers of the cluster zone moved to the transfer plugin in 1.8.0: write a separate `transfer { to ... }` block.', source: 'notes/coredns-1.8.0.md; corefile-migration (kubernetes v8 remove transfer option)' },
  { directive: 'kubernetes', option: 'multicluster', added: '1.12.2', note: 'multicluster arrived in 1.12.2.', source: 'notes/coredns-1.12.2.md' },
  { directive: 'kubernetes', option: 'startup_timeout', added: '1.12.3', note: 'startup_timeout arrived in 1.12.3.', source: 'notes/coredns-1.12.3.md' },
  { directive: 'kubernetes', option: 'apiserver_qps', added: '1.14.0', note: 'API server rate limits arrived in 1.14.0.', source: 'notes/coredns-1.14.0.md (PR 7771)' },
  { directive: 'kubernetes', option: 'apiserver_burst', added: '1.14.0', note: 'API server rate limits arrived in 1.14.0.', source: 'notes/coredns-1.14.0.md (PR 7771)' },
  { directive: 'kubernetes', option: 'apiserver_max_inflight', added: '1.14.0', note: 'API server rate limits arrived in 1.14.0.', source: 'notes/coredns-1.14.0.md (PR 7771)' },
  { directive: 'kubernetes', option: 'zonal', added: '1.14.7', note: 'Topology-aware (zonal) headless answers arrived in 1.14.7.', source: 'notes/coredns-1.14.7.md (PR 8388)' },

  { directive: 'loadbalance', option: 'reload', added: '1.10.1', note: 'reload belongs to the weighted policy, which arrived in 1.10.1.', source: 'notes/coredns-1.10.1.md' },
  { directive: 'loadbalance', option: 'prefer', added: '1.12.4', note: 'prefer arrived in 1.12.4.', source: 'notes/coredns-1.12.4.md' },

  { directive: 'local', option: 'localhost_prefix', added: '1.14.5', note: 'localhost_prefix arrived with `.localhost.` handling in 1.14.5.', source: 'notes/coredns-1.14.5.md (PR 8151)' },

  { directive: 'log', option: 'class', note: 'Accepted since 1.6.0 or earlier.', source: SETUP_1_6_0 },

  { directive: 'nomad', option: 'address', note: 'Accepted since the directive appeared.', source: 'plugin/nomad/setup.go @v1.13.0' },
  { directive: 'nomad', option: 'token', note: 'Accepted since the directive appeared.', source: 'plugin/nomad/setup.go @v1.13.0' },
  { directive: 'nomad', option: 'ttl', note: 'Accepted since the directive appeared.', source: 'plugin/nomad/setup.go @v1.13.0' },
  { directive: 'nomad', option: 'filter', added: '1.13.2', note: 'Service filtering arrived in 1.13.2.', source: 'notes/coredns-1.13.2.md' },

  { directive: 'pprof', option: 'block', note: 'Accepted since 1.6.0 or earlier.', source: SETUP_1_6_0 },

  { directive: 'prometheus', option: 'tls', added: '1.14.3', note: 'TLS for the metrics endpoint arrived in 1.14.3; before that a block after prometheus was refused.', source: 'notes/coredns-1.14.3.md (PR 7255)' },
  { directive: 'prometheus', option: 'runtime_metrics', added: '1.14.3', note: 'runtime_metrics arrived in 1.14.3.', source: 'notes/coredns-1.14.3.md (PR 7990)' },

  { directive: 'proxyproto', option: 'allow', note: 'Accepted since the directive appeared.', source: 'plugin/proxyproto/setup.go @v1.14.2' },
  { directive: 'proxyproto', option: 'default', note: 'Accepted since the directive appeared.', source: 'plugin/proxyproto/setup.go @v1.14.2' },
  { directive: 'proxyproto', option: 'udp_session_tracking', added: '1.14.3', note: 'UDP session tracking arrived in 1.14.3.', source: 'notes/coredns-1.14.3.md (PR 7967)' },

  { directive: 'quic', option: 'max_streams', note: 'Accepted since the directive appeared.', source: 'plugin/quic/setup.go @v1.12.2' },
  { directive: 'quic', option: 'worker_pool_size', note: 'Accepted since the directive appeared.', source: 'plugin/quic/setup.go @v1.12.2' },

  { directive: 'ready', option: 'monitor', added: '1.12.2', note: 'monitor arrived in 1.12.2.', source: 'plugin/ready/setup.go @v1.12.2 (PR 6975)' },

  // rewrite: the rule type is the first word after the optional continue|stop.
  ...base('rewrite', ['name', 'class', 'type', 'edns0', 'ttl'], SETUP_1_6_0),
  { directive: 'rewrite', option: 'cname', added: '1.11.0', note: 'CNAME target rewrites arrived in 1.11.0.', source: 'notes/coredns-1.11.0.md (PR 6004)' },
  { directive: 'rewrite', option: 'rcode', added: '1.11.3', note: 'Response code rewrites arrived in 1.11.3 (announced for the unpublished 1.11.2).', source: 'notes/coredns-1.11.3.md (PR 6204)' },

  { directive: 'route53', option: 'aws_access_key', deprecated: '1.9.2', note: 'Keys written in the Corefile are deprecated since 1.9.2 (a warning is logged); use the environment, a credentials file or an instance role.', source: 'notes/coredns-1.9.2.md; plugin/route53/setup.go @v1.14.7' },
  { directive: 'route53', option: 'credentials', note: 'Accepted since 1.6.0 or earlier.', source: SETUP_1_6_0 },
  { directive: 'route53', option: 'fallthrough', note: 'Accepted since 1.6.0 or earlier.', source: SETUP_1_6_0 },
  { directive: 'route53', option: 'upstream', deprecated: '1.6.0', note: 'Accepted but ignored in every release of the range. Remove the line.', source: 'plugin/route53/setup.go @v1.6.0..v1.14.7' },
  { directive: 'route53', option: 'refresh', added: '1.6.2', note: 'refresh arrived in 1.6.2.', source: 'notes/coredns-1.6.2.md' },
  { directive: 'route53', option: 'aws_endpoint', added: '1.8.7', note: 'aws_endpoint arrived in 1.8.7.', source: 'notes/coredns-1.8.7.md' },

  { directive: 'secondary', option: 'transfer', note: 'Accepted since 1.6.0 or earlier; only `transfer from` is accepted since 1.8.0.', source: SETUP_1_6_0 },
  { directive: 'secondary', option: 'upstream', deprecated: '1.6.0', removed: '1.8.0', note: 'Ignored until 1.7.1 and refused from 1.8.0 (unknown property). Remove the line.', source: 'plugin/secondary/setup.go @v1.7.1 and @v1.8.0' },
  { directive: 'secondary', option: 'fallthrough', added: '1.14.4', note: 'fallthrough arrived in 1.14.4.', source: 'notes/coredns-1.14.4.md (PR 8041)' },
  { directive: 'secondary', option: 'catalog', added: '1.14.5', note: 'Catalog zones arrived in 1.14.5.', source: 'notes/coredns-1.14.5.md (PR 8209)' },

  { directive: 'sign', option: 'key', note: 'Accepted since the directive appeared.', source: 'plugin/sign/setup.go @v1.6.3' },
  { directive: 'sign', option: 'directory', note: 'Accepted since the directive appeared.', source: 'plugin/sign/setup.go @v1.6.3' },

  ...base('template', ['match', 'answer', 'additional', 'authority', 'rcode', 'fallthrough'], SETUP_1_6_0),
  { directive: 'template', option: 'upstream', deprecated: '1.6.0', note: 'Accepted but ignored in every release of the range. Remove the line.', source: 'plugin/template/setup.go ("remove soon") @v1.6.0..v1.14.7' },
  { directive: 'template', option: 'ederror', added: '1.10.1', note: 'Extended DNS errors arrived in 1.10.1.', source: 'notes/coredns-1.10.1.md' },
  { directive: 'template', option: 'var', added: UNRELEASED, note: 'Expression variables were merged after the 1.14.7 tag and are in no release up to 1.14.7.', source: 'coredns main a1154dce (PR 8450), absent from plugin/template/setup.go @v1.14.7' },
  { directive: 'template', option: 'expr', added: UNRELEASED, note: 'Extra match expressions were merged after the 1.14.7 tag and are in no release up to 1.14.7.', source: 'coredns main a1154dce (PR 8450), absent from plugin/template/setup.go @v1.14.7' },

  { directive: 'timeouts', option: 'read', note: 'Accepted since the directive appeared.', source: 'plugin/timeouts/timeouts.go @v1.10.1' },
  { directive: 'timeouts', option: 'write', note: 'Accepted since the directive appeared.', source: 'plugin/timeouts/timeouts.go @v1.10.1' },
  { directive: 'timeouts', option: 'idle', note: 'Accepted since the directive appeared.', source: 'plugin/timeouts/timeouts.go @v1.10.1' },
  { directive: 'timeouts', option: 'maxtcpqueries', added: '1.14.7', note: 'maxtcpqueries arrived in 1.14.7.', source: 'notes/coredns-1.14.7.md (PR 8376)' },

  { directive: 'tls', option: 'client_auth', note: 'Accepted since 1.6.0 or earlier.', source: 'plugin/tls/tls.go @v1.6.0' },
  { directive: 'tls', option: 'keylog', added: '1.14.3', note: 'keylog arrived in 1.14.3.', source: 'notes/coredns-1.14.3.md (PR 7537)' },
  ...['acme', 'email', 'ca', 'ca_root', 'storage', 'resolver'].map((option): OptionHistory => ({
    directive: 'tls', option, added: '1.14.7', note: 'ACME-managed certificates arrived in 1.14.7.', source: 'notes/coredns-1.14.7.md (PR 8310)',
  })),

  { directive: 'trace', option: 'every', note: 'Accepted since 1.6.0 or earlier.', source: SETUP_1_6_0 },
  { directive: 'trace', option: 'service', note: 'Accepted since 1.6.0 or earlier.', source: SETUP_1_6_0 },
  { directive: 'trace', option: 'client_server', note: 'Accepted since 1.6.0 or earlier.', source: SETUP_1_6_0 },
  { directive: 'trace', option: 'datadog_analytics_rate', added: '1.8.0', note: 'datadog_analytics_rate arrived in 1.8.0.', source: 'plugin/trace/setup.go @v1.8.0 (PR 4171)' },
  ...['zipkin_max_backlog_size', 'zipkin_max_batch_size', 'zipkin_max_batch_interval'].map((option): OptionHistory => ({
    directive: 'trace', option, added: '1.9.4', note: 'The zipkin reporter settings arrived in 1.9.4.', source: 'notes/coredns-1.9.4.md (PR 5460)',
  })),

  { directive: 'transfer', option: 'to', note: 'Accepted since the directive appeared.', source: 'plugin/transfer/setup.go @v1.6.5' },
  { directive: 'transfer', option: 'source', added: '1.14.5', note: 'Choosing the NOTIFY source address arrived in 1.14.5.', source: 'notes/coredns-1.14.5.md (PR 8192)' },

  { directive: 'tsig', option: 'secret', note: 'Accepted since the directive appeared.', source: 'plugin/tsig/setup.go @v1.9.4' },
  { directive: 'tsig', option: 'secrets', note: 'Accepted since the directive appeared.', source: 'plugin/tsig/setup.go @v1.9.4' },
  { directive: 'tsig', option: 'require', note: 'Accepted since the directive appeared.', source: 'plugin/tsig/setup.go @v1.9.4' },
  { directive: 'tsig', option: 'require_opcode', added: '1.14.3', note: 'require_opcode arrived in 1.14.3.', source: 'notes/coredns-1.14.3.md (PR 7828)' },

  { directive: 'view', option: 'expr', note: 'Accepted since the directive appeared.', source: 'plugin/view/setup.go @v1.10.0' },

  { directive: 'geoip', option: 'edns-subnet', added: '1.9.2', note: 'Reading the client address from EDNS0 subnet arrived in 1.9.2.', source: 'notes/coredns-1.9.2.md' },

  ...base('erratic', ['drop', 'delay', 'truncate', 'large'], SETUP_1_6_0),
];

/**
 * Argument forms and usages that are not a block keyword: an upstream scheme, a policy name, a
 * second directive line. Each has a stable kebab-case id that callers name explicitly.
 */
export const FEATURE_HISTORY: readonly OptionHistory[] = [
  { directive: 'forward', option: 'several-in-block', added: '1.9.4', note: 'More than one forward line in a server block is accepted since 1.9.4; older releases refuse the second one.', source: 'notes/coredns-1.9.4.md (PR 5127); plugin/forward/setup.go @v1.9.3' },
  { directive: 'forward', option: 'tls-servername-suffix', added: '1.13.2', note: 'A per-upstream TLS server name (tls://IP%name) arrived in 1.13.2.', source: 'notes/coredns-1.13.2.md (PR 7633)' },
  { directive: 'forward', option: 'hostname-upstream', added: '1.14.4', note: 'Upstreams written as host names (resolved at start-up) arrived in 1.14.4.', source: 'notes/coredns-1.14.4.md (PR 7923)' },
  { directive: 'forward', option: 'https-upstream', added: '1.14.5', note: 'DNS-over-HTTPS upstreams (https://) arrived in 1.14.5; older releases refuse the scheme.', source: 'notes/coredns-1.14.5.md (PR 8004); plugin/forward/setup.go @v1.14.4' },
  { directive: 'forward', option: 'health-check-no-rec', added: '1.6.8', note: 'health_check ... no_rec arrived in 1.6.8.', source: 'notes/coredns-1.6.8.md (PR 3679)' },
  { directive: 'forward', option: 'health-check-domain', added: '1.9.2', note: 'health_check ... domain NAME arrived in 1.9.2.', source: 'notes/coredns-1.9.2.md (PR 5281)' },
  { directive: 'cache', option: 'serve-stale-refresh-mode', added: '1.9.2', note: 'serve_stale DURATION immediate|verify arrived in 1.9.2.', source: 'notes/coredns-1.9.2.md (PR 5131)' },
  { directive: 'cache', option: 'serve-stale-verify-timeout', added: '1.14.4', note: 'A timeout after `serve_stale DURATION verify` arrived in 1.14.4.', source: 'notes/coredns-1.14.4.md (PR 8070)' },
  { directive: 'cache', option: 'serve-stale-ttl-recheck', added: '1.14.7', note: 'The stale answer TTL and failure recheck values of serve_stale arrived in 1.14.7.', source: 'notes/coredns-1.14.7.md (PR 8411)' },
  { directive: 'errors', option: 'consolidate-level', added: '1.8.5', note: 'A log level (warning|error|info|debug) after consolidate arrived in 1.8.5.', source: 'notes/coredns-1.8.5.md (PR 4718)' },
  { directive: 'errors', option: 'consolidate-show-first', added: '1.14.0', note: 'show_first after consolidate arrived in 1.14.0.', source: 'notes/coredns-1.14.0.md (PR 7703)' },
  { directive: 'rewrite', option: 'answer-value', added: '1.8.2', note: '`answer value` on name rules arrived in 1.8.2.', source: 'plugin/rewrite README @v1.8.2 (PR 4287)' },
  { directive: 'rewrite', option: 'answer-auto', added: '1.8.4', note: '`answer auto` on name rules arrived in 1.8.4.', source: 'plugin/rewrite README @v1.8.4 (PR 4473)' },
  { directive: 'rewrite', option: 'ttl-range', added: '1.9.4', note: 'TTL ranges (N-M, -M, N-) in ttl rules arrived in 1.9.4.', source: 'notes/coredns-1.9.4.md (PR 5508)' },
  { directive: 'rewrite', option: 'edns0-revert', added: '1.11.4', note: '`revert` on edns0 rules arrived in 1.11.4.', source: 'notes/coredns-1.11.4.md (PR 6893)' },
  { directive: 'rewrite', option: 'edns0-unset', added: '1.12.3', note: 'The edns0 unset action arrived in 1.12.3.', source: 'notes/coredns-1.12.3.md (PR 7380)' },
  { directive: 'loadbalance', option: 'weighted-policy', added: '1.10.1', note: 'The weighted policy (loadbalance weighted FILE) arrived in 1.10.1.', source: 'notes/coredns-1.10.1.md (PR 5662)' },
  { directive: 'dnssec', option: 'key-aws-secretsmanager', added: '1.11.4', note: '`key aws_secretsmanager` arrived in 1.11.4.', source: 'notes/coredns-1.11.4.md (PR 6618)' },
  { directive: 'dnstap', option: 'tls-endpoint', added: '1.11.0', note: 'tls:// endpoints arrived in 1.11.0.', source: 'notes/coredns-1.11.0.md (PR 5917)' },
  { directive: 'dnstap', option: 'queue-arguments', added: '1.11.4', note: 'The TCP buffer and queue size arguments arrived in 1.11.4.', source: 'notes/coredns-1.11.4.md (PR 6591)' },
  { directive: 'dnstap', option: 'listen', added: '1.14.4', note: '`dnstap listen ENDPOINT` (incoming connections) arrived in 1.14.4.', source: 'notes/coredns-1.14.4.md (PR 8086)' },
  { directive: 'bind', option: 'interface-names', added: '1.8.4', note: 'Binding by interface name arrived in 1.8.4; older releases accept only IP addresses.', source: 'notes/coredns-1.8.4.md (PR 4522)' },
  { directive: 'reload', option: 'zero-jitter', added: '1.14.2', note: 'A jitter of 0 (no jitter) is accepted since 1.14.2.', source: 'notes/coredns-1.14.2.md (PR 7896)' },
  { directive: 'kubernetes', option: 'kubeconfig-without-context', added: '1.8.2', note: 'kubeconfig with only a file (no context) is accepted since 1.8.2.', source: 'notes/coredns-1.8.2.md (PR 4451)' },
  { directive: 'kubernetes', option: 'several-endpoints', deprecated: '1.6.0', note: 'Several endpoint URLs are deprecated: only the first is used and a warning is logged.', source: 'plugin/kubernetes/setup.go @v1.6.0..v1.14.7; corefile-migration (kubernetes endpoint ignored)' },
  { directive: 'secondary', option: 'transfer-to', removed: '1.8.0', replacement: 'transfer', note: '`transfer to` inside secondary moved to the transfer plugin in 1.8.0; secondary keeps only `transfer from`.', source: 'notes/coredns-1.8.0.md; plugin/secondary/setup.go @v1.8.0' },
];

export interface LenientBlock {
  readonly directive: string;
  /** The first release that refuses unknown words in the directive's block or arguments. */
  readonly strictSince: string;
  readonly source: string;
}

/** Directives that silently ignored unknown block words (or all arguments) before a given release. */
export const LENIENT_BLOCKS: readonly LenientBlock[] = [
  { directive: 'any', strictSince: '1.14.4', source: 'notes/coredns-1.14.4.md (PR 8133)' },
  { directive: 'local', strictSince: '1.14.4', source: 'notes/coredns-1.14.4.md (PR 8133)' },
  { directive: 'chaos', strictSince: '1.14.4', source: 'notes/coredns-1.14.4.md (PR 8121)' },
  { directive: 'dnstap', strictSince: '1.14.4', source: 'notes/coredns-1.14.4.md (PR 8120)' },
  { directive: 'trace', strictSince: '1.14.4', source: 'notes/coredns-1.14.4.md (PR 8120)' },
  { directive: 'ready', strictSince: '1.14.4', source: 'notes/coredns-1.14.4.md (PR 8119)' },
];
