// The file plugin in the simulator: a zone file from the scenario's mounts answered the way
// plugin/file/lookup.go answers (records, CNAME chains inside and outside the zone, wildcards per RFC 4592,
// empty non-terminals, referrals, DNAME, NXDOMAIN/NODATA with the SOA, additional addresses for MX/SRV),
// with fallthrough, zones outside its origins, and files that are missing or broken.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askOnce, type Bench } from './support/harness.js';
import { runRows, type Row } from './support/table.js';

const ZONE = `$ORIGIN corp.example.
$TTL 300
@          IN SOA  ns1.corp.example. hostmaster.corp.example. 2024061801 7200 1800 1209600 300
@          IN NS   ns1
@          IN MX   10 mail
ns1        IN A    10.60.0.2
WWW        IN A    10.60.0.10
www        IN A    10.60.0.11
intranet   IN CNAME www
portal     IN CNAME intranet
docs       IN CNAME docs.saas-provider.example.
dangling   IN CNAME missing.corp.example.
loop-a     IN CNAME loop-b
loop-b     IN CNAME loop-a
mail       IN A    10.60.0.25
mail       IN AAAA fd00:60::25
_ldap._tcp IN SRV  0 100 389 ldap1
ldap1      IN A    10.60.0.40
*.dev      IN A    10.60.1.1
x.y.dev    IN A    10.60.1.2
txtonly    IN TXT  "v=spf1 -all"
team.sub   IN A    10.60.2.2
legacy 600 IN A    10.60.0.99
lab        IN NS   ns.lab
ns.lab     IN A    10.60.9.1
partner    IN DNAME partner.example.net.
`;

const SOA = 'corp.example. 300 IN SOA ns1.corp.example. hostmaster.corp.example. 2024061801 7200 1800 1209600 300';
const NS = 'corp.example. 300 IN NS ns1.corp.example.';
const UPSTREAM = {
  'docs.saas-provider.example. A': ['docs.saas-provider.example. 600 IN A 203.0.113.77'],
  'app.partner.example.net. A': ['app.partner.example.net. 60 IN A 203.0.113.80'],
  'fallback.corp.example. A': ['fallback.corp.example. 30 IN A 192.0.2.99'],
};

/** The zone in its own block, with forward in a `.` block for names the server resolves elsewhere. */
const zoneBench = (fileLines = 'file /etc/coredns/db.corp.example', files: Record<string, string> = { '/etc/coredns/db.corp.example': ZONE }): Bench => ({
  corefile: `corp.example:53 {\n    ${fileLines}\n}\n.:53 {\n    forward . 192.0.2.53\n}\n`,
  files,
  upstream: UPSTREAM,
});

const rows: Row[] = [
  {
    name: 'an exact name: its records, the apex NS in the authority section, letter case of the file folded',
    query: 'www.corp.example A',
    rcode: 'NOERROR',
    answer: ['www.corp.example. 300 IN A 10.60.0.10', 'www.corp.example. 300 IN A 10.60.0.11'],
    authority: [NS],
    flags: { aa: true },
    says: [/file is authoritative for corp\.example\. \(the zone file \/etc\/coredns\/db\.corp\.example\)\. NOERROR with 2 records\./],
  },
  {
    name: 'the query name is compared without case and answered in lower case',
    query: 'WWW.Corp.Example A',
    rcode: 'NOERROR',
    answer: ['www.corp.example. 300 IN A 10.60.0.10', 'www.corp.example. 300 IN A 10.60.0.11'],
  },
  {
    name: 'a record with its own TTL keeps it',
    query: 'legacy.corp.example A',
    rcode: 'NOERROR',
    answer: ['legacy.corp.example. 600 IN A 10.60.0.99'],
  },
  {
    name: 'a CNAME chain inside the zone is followed to the addresses',
    query: 'portal.corp.example A',
    rcode: 'NOERROR',
    answer: ['portal.corp.example. 300 IN CNAME intranet.corp.example.', 'intranet.corp.example. 300 IN CNAME www.corp.example.', 'www.corp.example. 300 IN A 10.60.0.10', 'www.corp.example. 300 IN A 10.60.0.11'],
    says: [/followed the CNAME through intranet\.corp\.example\. to www\.corp\.example\. inside the zone/],
  },
  {
    name: 'asking for the CNAME itself does not follow it',
    query: 'intranet.corp.example CNAME',
    rcode: 'NOERROR',
    answer: ['intranet.corp.example. 300 IN CNAME www.corp.example.'],
  },
  {
    name: 'a CNAME out of the zone is resolved through the server (forward here) and appended',
    query: 'docs.corp.example A',
    rcode: 'NOERROR',
    answer: ['docs.corp.example. 300 IN CNAME docs.saas-provider.example.', 'docs.saas-provider.example. 600 IN A 203.0.113.77'],
    answeredBy: 'file',
    says: [/the CNAME target docs\.saas-provider\.example\. is outside the zone: resolved through the server again \(NOERROR\)/],
  },
  {
    name: 'a dangling in-zone CNAME: the server lookup says NXDOMAIN, so the reply is NXDOMAIN with the CNAME',
    query: 'dangling.corp.example A',
    rcode: 'NXDOMAIN',
    answer: ['dangling.corp.example. 300 IN CNAME missing.corp.example.'],
    authority: [SOA],
    says: [/missing\.corp\.example\. is not in the zone: resolved through the server again \(NXDOMAIN\)\. NXDOMAIN with the CNAME chain \(1 record\) and the SOA\./],
  },
  {
    name: 'a CNAME loop inside the zone stops after 8 more links, NOERROR with the chain',
    query: 'loop-a.corp.example A',
    rcode: 'NOERROR',
    says: [/longer than 8 links/],
  },
  {
    name: 'a wildcard covers several labels (RFC 4592) and takes the query name as owner',
    query: 'build42.ci.dev.corp.example A',
    rcode: 'NOERROR',
    answer: ['build42.ci.dev.corp.example. 300 IN A 10.60.1.1'],
    says: [/synthesized from the wildcard \*\.dev\.corp\.example\./],
  },
  {
    name: 'a wildcard name asked for a type it lacks: NODATA with the SOA',
    query: 'x9.dev.corp.example TXT',
    rcode: 'NOERROR',
    answer: [],
    authority: [SOA],
    says: [/the wildcard has no TXT records\. NOERROR with no records \(NODATA\)/],
  },
  {
    name: 'an empty non-terminal between the wildcard and the name blocks the wildcard: NXDOMAIN',
    query: 'z.y.dev.corp.example A',
    rcode: 'NXDOMAIN',
    answer: [],
    authority: [SOA],
  },
  {
    name: 'an empty non-terminal itself is NOERROR without records',
    query: 'sub.corp.example A',
    rcode: 'NOERROR',
    answer: [],
    authority: [SOA],
    says: [/sub\.corp\.example\. is an empty non-terminal/],
  },
  {
    name: 'a name that does not exist: NXDOMAIN with the SOA, authoritative',
    query: 'nope.corp.example A',
    rcode: 'NXDOMAIN',
    answer: [],
    authority: [SOA],
    flags: { aa: true },
    answeredBy: 'file',
  },
  {
    name: 'an existing name without the type: NODATA',
    query: 'txtonly.corp.example A',
    rcode: 'NOERROR',
    answer: [],
    authority: [SOA],
    says: [/has no A records/],
  },
  {
    name: 'below a delegation: a referral with the NS and glue, AA off',
    query: 'host.lab.corp.example A',
    rcode: 'NOERROR',
    answer: [],
    authority: ['lab.corp.example. 300 IN NS ns.lab.corp.example.'],
    additional: ['ns.lab.corp.example. 300 IN A 10.60.9.1'],
    flags: { aa: false },
    says: [/lab\.corp\.example\. is delegated to ns\.lab\.corp\.example\. A referral/],
  },
  {
    name: 'MX at the apex: the exchange addresses (A then AAAA) go to the additional section',
    query: 'corp.example. MX',
    rcode: 'NOERROR',
    answer: ['corp.example. 300 IN MX 10 mail.corp.example.'],
    additional: ['mail.corp.example. 300 IN A 10.60.0.25', 'mail.corp.example. 300 IN AAAA fd00:60::25'],
  },
  {
    name: 'SRV: the target address goes to the additional section',
    query: '_ldap._tcp.corp.example SRV',
    rcode: 'NOERROR',
    answer: ['_ldap._tcp.corp.example. 300 IN SRV 0 100 389 ldap1.corp.example.'],
    additional: ['ldap1.corp.example. 300 IN A 10.60.0.40'],
  },
  {
    name: 'NS at the apex: the NS set with glue, no authority section',
    query: 'corp.example NS',
    rcode: 'NOERROR',
    answer: [NS],
    authority: [],
    additional: ['ns1.corp.example. 300 IN A 10.60.0.2'],
  },
  {
    name: 'SOA at the apex: the SOA, NS in the authority section',
    query: 'corp.example SOA',
    rcode: 'NOERROR',
    answer: [SOA],
    authority: [NS],
  },
  {
    name: 'a DNAME rewrites names below it, and the result is resolved through the server',
    query: 'app.partner.corp.example A',
    rcode: 'NOERROR',
    answer: ['partner.corp.example. 300 IN DNAME partner.example.net.', 'app.partner.corp.example. 300 IN CNAME app.partner.example.net.', 'app.partner.example.net. 60 IN A 203.0.113.80'],
    says: [/the DNAME at partner\.corp\.example\. rewrites app\.partner\.corp\.example\. to app\.partner\.example\.net\./],
  },
  {
    name: 'a zone transfer request is refused by file itself',
    query: 'corp.example AXFR',
    rcode: 'REFUSED',
    answeredBy: 'file',
  },
  {
    name: 'fallthrough hands an NXDOMAIN to the next plugin',
    bench: { corefile: 'corp.example:53 {\n    file /etc/coredns/db.corp.example {\n        fallthrough\n    }\n    forward . 192.0.2.53\n}\n', files: { '/etc/coredns/db.corp.example': ZONE }, upstream: UPSTREAM },
    query: 'fallback.corp.example A',
    rcode: 'NOERROR',
    answer: ['fallback.corp.example. 30 IN A 192.0.2.99'],
    answeredBy: 'forward',
    says: [/Its fallthrough covers fallback\.corp\.example\., so instead of NXDOMAIN the query goes to the next plugin\./],
  },
  {
    name: 'fallthrough does not apply to NODATA',
    bench: { corefile: 'corp.example:53 {\n    file /etc/coredns/db.corp.example {\n        fallthrough\n    }\n    forward . 192.0.2.53\n}\n', files: { '/etc/coredns/db.corp.example': ZONE }, upstream: UPSTREAM },
    query: 'txtonly.corp.example A',
    rcode: 'NOERROR',
    answer: [],
    answeredBy: 'file',
  },
  {
    name: 'names outside the origins of file go to the next plugin',
    bench: { corefile: '.:53 {\n    file /etc/coredns/db.corp.example corp.example\n    forward . 192.0.2.53\n}\n', files: { '/etc/coredns/db.corp.example': ZONE }, upstream: UPSTREAM },
    query: 'docs.saas-provider.example A',
    rcode: 'NOERROR',
    answeredBy: 'forward',
    says: [/docs\.saas-provider\.example\. is not in the zones of file \(corp\.example\.\): passed to the next plugin\./],
  },
  {
    name: 'a zone file that is not mounted: the zone has no SOA, SERVFAIL, and the step says to mount it',
    bench: zoneBench('file /etc/coredns/db.corp.example', {}),
    query: 'www.corp.example A',
    rcode: 'SERVFAIL',
    answeredBy: 'file',
    says: [/The zone file \/etc\/coredns\/db\.corp\.example for corp\.example\. is not available in the simulation .*add it to the scenario's mounts.*SERVFAIL/],
  },
  {
    name: '$INCLUDE and $ORIGIN: included records with their own origin are served',
    bench: zoneBench('file /zones/db.corp', {
      '/zones/db.corp': '$TTL 60\n@ IN SOA ns1 hostmaster 1 7200 1800 1209600 60\n@ IN NS ns1\nns1 IN A 10.0.0.1\n$INCLUDE hosts.inc eng.corp.example.\n',
      '/zones/hosts.inc': 'build IN A 10.0.5.5\n',
    }),
    query: 'build.eng.corp.example A',
    rcode: 'NOERROR',
    answer: ['build.eng.corp.example. 60 IN A 10.0.5.5'],
  },
  {
    name: 'every step of file points at the file line of the Corefile',
    query: 'www.corp.example A',
    lines: [1],
  },
];

describe('file handler', () => {
  runRows(rows, { plugin: 'file', bench: zoneBench() });

  it('the CNAME loop answer holds the first CNAME and 9 more links', () => {
    const got = askOnce(zoneBench(), 'loop-a.corp.example A');
    assert.equal(got.answer.length, 10);
    assert.equal(got.answer[0], 'loop-a.corp.example. 300 IN CNAME loop-b.corp.example.');
  });
});
