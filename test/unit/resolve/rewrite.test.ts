// The rewrite plugin in the simulator: every rule type, stop and continue across rules, RE2 groups, the
// question restored in the reply, the answer names mapped back only where CoreDNS maps them, and the server
// block that stays the one chosen for the original name.
import { describe, it } from 'node:test';
import { askOnce, type Bench } from './support/harness.js';
import { checkReply, runRows, type Row } from './support/table.js';

/** A `.` block with the rewrite lines given and a forward to one upstream that answers `upstream`. */
function block(rewrites: string[], upstream: Record<string, unknown>): Bench {
  return { corefile: `. {\n${rewrites.map((r) => `    rewrite ${r}\n`).join('')}    forward . 10.0.0.2\n}\n`, upstream };
}

const NEW = { 'www.new.example. A': ['www.new.example. 300 IN A 192.0.2.10'] };

const rows: Row[] = [
  {
    name: 'exact: the question is rewritten and the answer mapped back to the asked name',
    bench: block(['name exact www.old.example www.new.example'], NEW),
    query: 'www.old.example A',
    rcode: 'NOERROR',
    answer: ['www.old.example. 300 IN A 192.0.2.10'],
    question: 'www.old.example. A IN',
    answeredBy: 'forward',
    says: [/the question www\.old\.example\. becomes www\.new\.example\.; answers for www\.new\.example\. are mapped back to www\.old\.example\. \(an exact rule always does this\)/, /'stop'/, /the reply gets the client's question back \(www\.old\.example\. A\); 1 owner name is mapped back/],
  },
  {
    name: 'exact matches whatever the letter case; the question keeps the client’s case, the owner is lower case',
    bench: block(['name exact www.old.example www.new.example'], NEW),
    query: 'WWW.Old.Example A',
    rcode: 'NOERROR',
    answer: ['www.old.example. 300 IN A 192.0.2.10'],
    question: 'WWW.Old.Example. A IN',
  },
  {
    name: 'exact does not match a name below FROM',
    bench: block(['name exact old.example new.example'], NEW),
    query: 'www.old.example A',
    rcode: 'NXDOMAIN',
    says: [/no rule matches www\.old\.example\. A/],
  },
  {
    name: 'prefix without an answer rule: the owner stays the rewritten name',
    bench: block(['name prefix www.old web.old'], { 'web.old.example. A': ['web.old.example. 60 IN A 192.0.2.11'] }),
    query: 'www.old.example A',
    rcode: 'NOERROR',
    answer: ['web.old.example. 60 IN A 192.0.2.11'],
    question: 'www.old.example. A IN',
    says: [/no answer rule maps the reply back, so its records keep the name web\.old\.example\. although the client asked for www\.old\.example\./, /the answer still names web\.old\.example\., which the client did not ask for/],
  },
  {
    name: "prefix with 'answer auto' maps the name back",
    bench: block(['name prefix www.old web.old answer auto'], { 'web.old.example. A': ['web.old.example. 60 IN A 192.0.2.11'] }),
    query: 'www.old.example A',
    rcode: 'NOERROR',
    answer: ['www.old.example. 60 IN A 192.0.2.11'],
  },
  {
    name: "suffix with 'answer auto' maps owners and CNAME targets back",
    bench: block(['name suffix .old.example. .new.example. answer auto'], { 'www.new.example. A': ['www.new.example. 300 IN CNAME edge.new.example.', 'edge.new.example. 30 IN A 192.0.2.12'] }),
    query: 'www.old.example A',
    rcode: 'NOERROR',
    answer: ['www.old.example. 300 IN CNAME edge.old.example.', 'edge.old.example. 30 IN A 192.0.2.12'],
    says: [/'answer auto' maps the suffix \.new\.example\. back to \.old\.example\./, /2 owner names are mapped back; 1 name inside records is mapped back/],
  },
  {
    name: 'suffix without an answer rule leaves the reply names alone',
    bench: block(['name suffix .old.example. .new.example.'], NEW),
    query: 'www.old.example A',
    rcode: 'NOERROR',
    answer: ['www.new.example. 300 IN A 192.0.2.10'],
  },
  {
    name: 'substring replaces every occurrence; answer auto maps back',
    bench: block(['name substring old.example new.example answer auto'], NEW),
    query: 'www.old.example A',
    rcode: 'NOERROR',
    answer: ['www.old.example. 300 IN A 192.0.2.10'],
  },
  {
    name: 'regex with a group and answer auto',
    bench: block(['name regex ^(.*)\\.east\\.example\\.$ {1}.west.example. answer auto'], { 'api.west.example. A': ['api.west.example. 60 IN A 192.0.2.20'] }),
    query: 'api.east.example A',
    rcode: 'NOERROR',
    answer: ['api.east.example. 60 IN A 192.0.2.20'],
    says: [/the question api\.east\.example\. becomes api\.west\.example\./],
  },
  {
    name: 'an unanchored regex also hits a search-expanded name, and the WHOLE name is replaced',
    bench: block(['name regex ([a-z]+)\\.corp\\.example {1}.west.example. answer auto'], { 'api.west.example. A': ['api.west.example. 60 IN A 192.0.2.20'] }),
    query: 'api.corp.example.svc.cluster.local A',
    rcode: 'NOERROR',
    answer: ['api.corp.example.svc.cluster.local. 60 IN A 192.0.2.20'],
    says: [/the question api\.corp\.example\.svc\.cluster\.local\. becomes api\.west\.example\./],
  },
  {
    name: 'an optional group that did not take part is substituted as empty',
    bench: block(['name regex ^(www\\.)?(old)\\.example\\.$ {1}new.example. answer auto'], { 'new.example. A': ['new.example. 60 IN A 192.0.2.21'] }),
    query: 'old.example A',
    rcode: 'NOERROR',
    answer: ['old.example. 60 IN A 192.0.2.21'],
  },
  {
    name: "'answer name' maps owners with its own pattern",
    bench: block(['name regex ^(.*)\\.old\\.example\\.$ {1}.new.example. answer name ^(.*)\\.new\\.example\\.$ {1}.old.example.'], NEW),
    query: 'www.old.example A',
    rcode: 'NOERROR',
    answer: ['www.old.example. 300 IN A 192.0.2.10'],
  },
  {
    name: "'answer value' maps names inside records",
    bench: block(['name regex ^(.*)\\.old\\.example\\.$ {1}.new.example. answer auto answer value ^(.*)\\.cdn\\.example\\.$ {1}.cdn-old.example.'], { 'www.new.example. A': ['www.new.example. 300 IN CNAME www.cdn.example.', 'www.cdn.example. 30 IN A 192.0.2.12'] }),
    query: 'www.old.example A',
    rcode: 'NOERROR',
    answer: ['www.old.example. 300 IN CNAME www.cdn-old.example.', 'www.cdn.example. 30 IN A 192.0.2.12'],
  },
  {
    name: "'continue' lets the next rule see the new name; the answer is mapped back through both",
    bench: block(['continue name exact a.example.org b.example.org', 'name exact b.example.org c.example.org'], { 'c.example.org. A': ['c.example.org. 60 IN A 192.0.2.30'] }),
    query: 'a.example.org A',
    rcode: 'NOERROR',
    answer: ['a.example.org. 60 IN A 192.0.2.30'],
    says: [/'continue': the next rewrite rules see the changed query/, /the question b\.example\.org\. becomes c\.example\.org\./, /1 owner name is mapped back/],
  },
  {
    name: "'stop' (the default) ends the rule list at the first rule that applies",
    bench: block(['name exact a.example.org b.example.org', 'name exact b.example.org c.example.org'], { 'b.example.org. A': ['b.example.org. 60 IN A 192.0.2.31'], 'c.example.org. A': ['c.example.org. 60 IN A 192.0.2.30'] }),
    query: 'a.example.org A',
    rcode: 'NOERROR',
    answer: ['a.example.org. 60 IN A 192.0.2.31'],
  },
  {
    name: 'type: the question type changes and comes back in the reply',
    bench: block(['type AAAA A'], { 'www.example.com. A': ['www.example.com. 300 IN A 198.51.100.7'] }),
    query: 'www.example.com AAAA',
    rcode: 'NOERROR',
    answer: ['www.example.com. 300 IN A 198.51.100.7'],
    question: 'www.example.com. AAAA IN',
    says: [/the question's type AAAA becomes A/],
  },
  {
    name: "a lone 'continue' type rule leaves nothing to undo: CoreDNS does not even restore the question",
    bench: block(['continue type AAAA A'], { 'www.example.com. A': ['www.example.com. 300 IN A 198.51.100.7'] }),
    query: 'www.example.com AAAA',
    rcode: 'NOERROR',
    question: 'www.example.com. A IN',
    says: [/no rule left anything to undo in the reply, so CoreDNS leaves it as written, question included/],
  },
  {
    name: 'class: a CH query is asked as IN',
    bench: block(['class CH IN'], { 'www.example.com. A': ['www.example.com. 300 IN A 198.51.100.7'] }),
    query: 'www.example.com A',
    ask: { class: 'CH' },
    rcode: 'NOERROR',
    question: 'www.example.com. A CH',
    says: [/the question's class CH becomes IN/],
  },
  {
    name: 'ttl: every record of the reply for the matching name gets the TTL',
    bench: block(['ttl exact www.example.com. 15'], { 'www.example.com. A': ['www.example.com. 300 IN A 198.51.100.7', 'www.example.com. 20 IN A 198.51.100.8'] }),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 15 IN A 198.51.100.7', 'www.example.com. 15 IN A 198.51.100.8'],
    says: [/every record of the reply gets TTL 15/, /2 TTLs are changed/],
  },
  {
    name: 'ttl range: TTLs are held between MIN and MAX',
    bench: block(['ttl suffix .example.com. 30-60'], { 'www.example.com. A': ['www.example.com. 300 IN A 198.51.100.7', 'www.example.com. 2 IN A 198.51.100.8'] }),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 60 IN A 198.51.100.7', 'www.example.com. 30 IN A 198.51.100.8'],
  },
  {
    name: 'ttl regex that does not match leaves the TTL',
    bench: block(['ttl regex ^api\\. 15'], { 'www.example.com. A': ['www.example.com. 300 IN A 198.51.100.7'] }),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 300 IN A 198.51.100.7'],
  },
  {
    name: 'rcode: an NXDOMAIN without records becomes NOERROR',
    bench: block(['rcode exact nothing.example.com NXDOMAIN NOERROR'], {}),
    query: 'nothing.example.com A',
    rcode: 'NOERROR',
    answer: [],
    says: [/a reply with rcode NXDOMAIN is changed to NOERROR/, /the rcode NXDOMAIN becomes NOERROR/],
  },
  {
    name: 'rcode: a code nothing wrote is written by rewrite so its rule still applies',
    bench: { corefile: '. {\n    rewrite rcode exact www.example.com SERVFAIL REFUSED\n    forward example.net 10.0.0.2\n}\n', upstream: {} },
    query: 'www.example.com A',
    rcode: 'REFUSED',
    question: 'www.example.com. A IN',
  },
  {
    name: 'cname: a matching CNAME target is replaced and the new target resolved through the server',
    bench: block(['cname exact edge.cdn-provider.example. edge.other.example.'], {
      'cdn.example.net. A': ['cdn.example.net. 3600 IN CNAME edge.cdn-provider.example.', 'edge.cdn-provider.example. 20 IN A 203.0.113.9'],
      'edge.other.example. A': ['edge.other.example. 60 IN A 203.0.113.50'],
    }),
    query: 'cdn.example.net A',
    rcode: 'NOERROR',
    answer: ['cdn.example.net. 3600 IN CNAME edge.other.example.', 'edge.other.example. 60 IN A 203.0.113.50'],
    says: [/the CNAME target edge\.cdn-provider\.example\. is replaced by edge\.other\.example\., which resolves to NOERROR through the server/],
  },
  {
    name: "a 'stop' cname rule applies to every query, so a name rule after it is never tried",
    bench: block(['cname exact x.example. y.example.', 'name exact www.old.example www.new.example'], NEW),
    query: 'www.old.example A',
    rcode: 'NXDOMAIN',
  },
  {
    name: 'edns0 local set with a variable records the option the query now carries',
    bench: block(['edns0 local set 0xffee {client_ip}'], { 'www.example.com. A': ['www.example.com. 300 IN A 198.51.100.7'] }),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    answer: ['www.example.com. 300 IN A 198.51.100.7'],
    says: [/the query now carries option 65518 \(0xffee\) = 0x0af40107, which the plugins after rewrite and the upstreams see/],
  },
  {
    name: 'edns0 local with text data',
    bench: block(['edns0 local set 0xffed tenant-a revert'], { 'www.example.com. A': ['www.example.com. 300 IN A 198.51.100.7'] }),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    says: [/option 65517 \(0xffed\) = "tenant-a".*taken out of the reply again \(revert\)/],
  },
  {
    name: 'edns0 subnet sends the masked client address',
    bench: block(['edns0 subnet set 24 56'], { 'www.example.com. A': ['www.example.com. 300 IN A 198.51.100.7'] }),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    says: [/client subnet \(option 8\) = 10\.244\.1\.0\/24/],
  },
  {
    name: 'edns0 nsid append adds an empty NSID option',
    bench: block(['edns0 nsid append'], { 'www.example.com. A': ['www.example.com. 300 IN A 198.51.100.7'] }),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    says: [/NSID \(option 3\) = empty/],
  },
  {
    name: 'edns0 with a metadata variable that has no value skips the rule',
    bench: block(['edns0 local set 0xffee {kubernetes/client-namespace}'], { 'www.example.com. A': ['www.example.com. 300 IN A 198.51.100.7'] }),
    query: 'www.example.com A',
    rcode: 'NOERROR',
    says: [/\{kubernetes\/client-namespace\} has no value for this query, so the rule is skipped/],
  },
  {
    name: 'a rewrite that makes an invalid name answers SERVFAIL',
    bench: block(['name regex ^(.*)$ {1}..broken.'], NEW),
    query: 'www.old.example A',
    rcode: 'SERVFAIL',
    says: [/is not a valid domain name, so CoreDNS answers SERVFAIL/],
  },
];

describe('rewrite handler', () => {
  runRows(rows, { plugin: 'rewrite' });

  it('a rewrite never moves the query to another server block', () => {
    const bench: Bench = {
      corefile: '.:53 {\n    rewrite name exact status.corp.example status.service.consul\n    forward . 192.0.2.53\n}\nconsul:53 {\n    forward . 10.150.0.10\n}\n',
      upstreamByServer: { '192.0.2.53': {}, '10.150.0.10': { 'status.service.consul. A': ['status.service.consul. 0 IN A 10.150.9.9'] } },
    };
    const out = askOnce(bench, 'status.corp.example A');
    checkReply(out, { rcode: 'NXDOMAIN', answeredBy: 'forward', says: [/asked 192\.0\.2\.53:53/] }, 'forward');
    checkReply(out, { says: [/The query stays in the server block chosen for the original name/] }, 'rewrite');
  });
});
