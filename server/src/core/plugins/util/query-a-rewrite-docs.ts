// The reference text of the `rewrite` directive, kept apart from its parser because it is long.
import type { PluginDocs } from '../types.js';

export const rewriteDocs: PluginDocs = {
  summary: 'Changes a query (name, type, class, EDNS0 options) before it is answered, and optionally the answer on its way back.',
  behaviour:
    'Rules are tried in order. A rule that matches changes the question; with `stop` (the default) no later rule is tried, with `continue` the next ones still are. The changed query then passes to the next plugin. Response rules (answer, ttl, rcode, cname, revert) change the reply before it goes to the client. A name rule that changes the question should also map the answer back (exact rules do so automatically; others need `answer auto`), or clients receive records for a name they did not ask for.',
  syntax: [
    'rewrite [continue|stop] name [exact|prefix|suffix|substring|regex] FROM TO [answer auto | answer name FROM TO | answer value FROM TO]...',
    'rewrite [continue|stop] type FROM TO',
    'rewrite [continue|stop] class FROM TO',
    'rewrite [continue|stop] ttl [exact|prefix|suffix|substring|regex] NAME TTL',
    'rewrite [continue|stop] rcode [exact|prefix|suffix|substring|regex] NAME FROM TO',
    'rewrite [continue|stop] cname [exact|prefix|suffix|substring|regex] FROM TO',
    'rewrite [continue|stop] edns0 local|nsid|subnet set|append|replace|unset [ARGS...] [revert]',
    'rewrite [continue|stop] {\n    RULE\n}',
  ],
  arguments: [
    { name: 'continue|stop', syntax: 'continue|stop', description: 'Whether later rewrite rules are still tried after this one matched.', default: 'stop' },
    { name: 'name', syntax: 'name [MATCH] FROM TO [ANSWER...]', description: 'Rewrites the query name. With regex, FROM is an RE2 pattern and TO may use {1}, {2}... for its groups. `answer auto` maps answer names back to the asked name; `answer name FROM TO` and `answer value FROM TO` rewrite owner names or record data with a pattern.', default: 'exact' },
    { name: 'type', syntax: 'type FROM TO', description: 'Replaces the query type, e.g. ANY with HINFO.', values: 'record type mnemonics' },
    { name: 'class', syntax: 'class FROM TO', description: 'Replaces the query class.', values: 'IN, CH, HS, CS, NONE, ANY' },
    { name: 'ttl', syntax: 'ttl [MATCH] NAME TTL', description: 'Clamps the TTL of answer records for matching names.', values: 'N, MIN-MAX, -MAX or MIN- in seconds' },
    { name: 'rcode', syntax: 'rcode [MATCH] NAME FROM TO', description: 'Replaces the response code for matching names.', values: 'rcode names or numbers 0-23' },
    { name: 'cname', syntax: 'cname [MATCH] FROM TO', description: 'Rewrites CNAME targets in answers and resolves the new target again.' },
    { name: 'edns0', syntax: 'edns0 local|nsid|subnet ACTION [ARGS...] [revert]', description: 'Adds, replaces or removes EDNS0 options: local CODE DATA (text, 0x hex or a variable such as {client_ip}), nsid, or subnet V4LEN V6LEN for client-subnet.' },
  ],
  options: [],
  examples: [
    '. {\n    rewrite name regex (.*)\\.east\\.example\\.org {1}.west.example.org answer auto\n    forward . 10.0.0.1\n}',
    '. {\n    rewrite name exact db.example.org db.internal.example.org\n    rewrite ttl cdn.example.org 30-300\n    forward . 10.0.0.1\n}',
  ],
};
