// The reference text of the `forward` directive, kept apart from its parser because it is long.
import type { PluginDocs } from '../types.js';

export const forwardDocs: PluginDocs = {
  summary: 'Sends queries for a zone to upstream resolvers over plain DNS, DNS-over-TLS or DNS-over-HTTPS.',
  behaviour:
    'For a query under FROM (and not under an `except` zone) it picks an upstream by the policy, sends the query and answers with the reply. Unhealthy upstreams are skipped. Queries outside FROM pass to the next plugin; so does a reply whose rcode is listed in `next`, when another forward stanza follows.',
  syntax: ['forward FROM TO...', 'forward FROM TO... {\n    OPTION...\n}'],
  arguments: [
    { name: 'FROM', syntax: 'FROM', description: 'The zone whose queries are forwarded: a domain, `.` for everything, or a CIDR for its reverse zone. It is independent of the server block\'s zones, but only queries the block receives ever reach it.' },
    {
      name: 'TO',
      syntax: 'TO...',
      description: 'Upstreams, up to 15: `IP`, `IP:PORT`, `[IPv6]:PORT`, `tls://IP[%SERVERNAME][:PORT]`, `https://IP[:PORT]` (no path), a resolv.conf-style file whose nameservers are used, or a host name that is looked up once at startup.',
      values: 'plain DNS defaults to port 53, tls:// to 853, https:// to 443',
    },
  ],
  options: [
    { name: 'except', syntax: 'except ZONE...', description: 'Zones under FROM that are not forwarded; their queries pass to the next plugin.' },
    { name: 'max_fails', syntax: 'max_fails INTEGER', description: 'Consecutive failed health checks after which an upstream counts as down; 0 never marks it down.', default: '2' },
    { name: 'max_connect_attempts', syntax: 'max_connect_attempts INTEGER', description: 'How many upstreams one query may try before giving up; 0 means no limit.', default: '0' },
    { name: 'health_check', syntax: 'health_check DURATION [no_rec] [domain NAME]', description: 'How often an unhealthy upstream is probed, whether the probe asks for recursion, and which name it asks for.', default: '0.5s, recursion desired, domain .' },
    { name: 'force_tcp', syntax: 'force_tcp', description: 'Always use TCP towards plain-DNS upstreams.' },
    { name: 'prefer_udp', syntax: 'prefer_udp', description: 'Use UDP even when the client asked over TCP (a truncated reply is retried over TCP).' },
    { name: 'tls', syntax: 'tls [CERT [KEY [CA]]]', description: 'TLS settings for tls:// and https:// upstreams: no file for the system CAs, one file for a CA bundle, two for a client certificate and key, three for all.' },
    { name: 'tls_servername', syntax: 'tls_servername NAME', description: 'The name the TLS certificate of every upstream is checked against. Cannot be combined with per-upstream %NAME.' },
    { name: 'expire', syntax: 'expire DURATION', description: 'Idle connections older than this are closed.', default: '10s' },
    { name: 'max_age', syntax: 'max_age DURATION', description: 'Connections are closed at this age even when busy; 0 turns it off. Must not be shorter than expire.', default: '0' },
    { name: 'max_idle_conns', syntax: 'max_idle_conns INTEGER', description: 'Cap on idle connections kept per upstream; 0 means no cap.', default: '0' },
    { name: 'read_timeout', syntax: 'read_timeout DURATION', description: 'How long to wait for an upstream reply.', default: '2s', values: 'greater than zero' },
    { name: 'doh_method', syntax: 'doh_method GET|POST', description: 'HTTP method for https:// upstreams.', default: 'POST', values: 'GET or POST, in capitals' },
    { name: 'policy', syntax: 'policy random|round_robin|sequential', description: 'How an upstream is chosen: at random, in turn, or always the first healthy one in written order.', default: 'random' },
    { name: 'max_concurrent', syntax: 'max_concurrent INTEGER', description: 'Queries in flight above this number are answered with REFUSED; 0 means no limit.', default: '0' },
    { name: 'next', syntax: 'next RCODE...', description: 'When the reply has one of these rcodes, the query goes on to the next forward stanza of the block.', values: 'rcode names, any case' },
    { name: 'next_on_nodata', syntax: 'next_on_nodata', description: 'A NOERROR reply without records also goes on to the next forward stanza (with `next`).' },
    { name: 'failfast_all_unhealthy_upstreams', syntax: 'failfast_all_unhealthy_upstreams', description: 'Answer SERVFAIL at once when every upstream is down, instead of trying one anyway.' },
    { name: 'failover', syntax: 'failover RCODE...', description: 'When an upstream replies with one of these rcodes, try another upstream of this stanza.', values: 'rcode names except NOERROR' },
    { name: 'resolver', syntax: 'resolver ADDRESS...', description: 'DNS servers (IP or IP:PORT) used to look up host-name upstreams at startup, instead of the system resolver.' },
    { name: 'source_address', syntax: 'source_address IP', description: 'Local address the upstream connections are made from.' },
  ],
  examples: [
    '. {\n    forward . 10.0.0.1 10.0.0.2 {\n        policy sequential\n        health_check 5s\n    }\n}',
    'example.org {\n    forward . tls://9.9.9.9%dns.quad9.net tls://149.112.112.112%dns.quad9.net\n}',
  ],
};
