// Messages and records: presentation format in and out (miekg/dns conventions), names, and wire sizes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeMessage, encodeMessage, formatRecord, fqdn, isSubdomainOf, matchZone, messageSize, namesEqual, newQuery, newReply,
  normalizeType, parseRecord, readRecord, RecordSyntaxError, typify,
} from '../../../server/src/core/resolve/message.js';

describe('records in presentation format', () => {
  // Input as a scenario may write it → the canonical line the cases expect.
  const rows: Array<[string, string]> = [
    ['storefront.shop.svc.cluster.local. 30 IN A 10.96.14.20', 'storefront.shop.svc.cluster.local. 30 IN A 10.96.14.20'],
    ['www.example.com. 300 IN AAAA 2001:0DB8:0100:0000:0000:0000:0000:0007', 'www.example.com. 300 IN AAAA 2001:db8:100::7'],
    ['v6. 1 IN AAAA 2001:db8:0:0:1:0:0:1', 'v6. 1 IN AAAA 2001:db8::1:0:0:1'],
    ['mapped. 1 IN AAAA ::ffff:192.0.2.1', 'mapped. 1 IN AAAA ::ffff:192.0.2.1'],
    ['cdn.example.net. 3600 IN CNAME edge.cdn-provider.example.', 'cdn.example.net. 3600 IN CNAME edge.cdn-provider.example.'],
    ['relative 5 IN CNAME target', 'relative. 5 IN CNAME target.'],
    ['_https._tcp.x.example. 5 IN SRV 0 100 443 target.example.', '_https._tcp.x.example. 5 IN SRV 0 100 443 target.example.'],
    ['20.14.96.10.in-addr.arpa. 5 IN PTR storefront.shop.svc.cluster.local.', '20.14.96.10.in-addr.arpa. 5 IN PTR storefront.shop.svc.cluster.local.'],
    ['corp.example. 300 IN MX 10 mail.corp.example.', 'corp.example. 300 IN MX 10 mail.corp.example.'],
    ['dns-version.cluster.local. 28800 IN TXT "1.1.0"', 'dns-version.cluster.local. 28800 IN TXT "1.1.0"'],
    ['t. 1 IN TXT "a \\"quoted\\" word" "back\\\\slash" "tab\\009"', 't. 1 IN TXT "a \\"quoted\\" word" "back\\\\slash" "tab\\009"'],
    ['t. 1 IN TXT unquoted', 't. 1 IN TXT "unquoted"'],
    ['cluster.local. 5 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1700000000 7200 1800 86400 5', 'cluster.local. 5 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1700000000 7200 1800 86400 5'],
    ['z. 1h IN SOA ns.z. h.z. 1 1h 30m 1w 5m', 'z. 3600 IN SOA ns.z. h.z. 1 3600 1800 604800 300'],
    ['z. 60 IN NS ns1.z.', 'z. 60 IN NS ns1.z.'],
    ['h. 8482 IN HINFO "ANY obsoleted" "See RFC 8482"', 'h. 8482 IN HINFO "ANY obsoleted" "See RFC 8482"'],
    ['c. 60 IN CAA 0 issue "letsencrypt.org"', 'c. 60 IN CAA 0 issue "letsencrypt.org"'],
    ['n. 60 IN NAPTR 100 10 "S" "SIP+D2U" "" _sip._udp.n.', 'n. 60 IN NAPTR 100 10 "S" "SIP+D2U" "" _sip._udp.n.'],
    ['d. 60 IN DS 60485 5 1 2bb183af5f22588179a53b0a98631fad1a292118', 'd. 60 IN DS 60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118'],
    ['h. 60 IN HTTPS \\# 3 000100', 'h. 60 IN HTTPS \\# 3 000100'],
    ['h. 60 IN TYPE65 \\# 3 000100', 'h. 60 IN HTTPS \\# 3 000100'],
    ['u. 60 IN TYPE4000 \\# 2 abcd', 'u. 60 IN TYPE4000 \\# 2 abcd'],
    ['version.bind. 0 CH TXT "CoreDNS-1.14.7"', 'version.bind. 0 CH TXT "CoreDNS-1.14.7"'],
    ['order. IN 30 A 192.0.2.1', 'order. 30 IN A 192.0.2.1'],
    ['Mixed.Case.Example. 5 in a 192.0.2.1', 'Mixed.Case.Example. 5 IN A 192.0.2.1'],
  ];
  for (const [input, expected] of rows) {
    it(`${input} → ${expected}`, () => {
      assert.equal(formatRecord(parseRecord(input)), expected);
    });
  }

  it('keeps owner names without the trailing dot, as dns-packet does', () => {
    const r = parseRecord('www.example.com. 300 IN A 198.51.100.7');
    assert.equal(r.name, 'www.example.com');
    assert.equal(r.type, 'A');
    assert.deepEqual(r.type === 'A' ? r.data : undefined, '198.51.100.7');
  });

  const bad: Array<[string, RegExp]> = [
    ['x. 5 IN A 300.1.1.1', /IPv4/],
    ['x. 5 IN A 2001:db8::1', /IPv4/],
    ['x. 5 IN AAAA 192.0.2.1', /IPv6/],
    ['x. 5 IN SRV 0 100 target.', /SRV rdata/],
    ['x. 5 IN MX mail.', /MX rdata/],
    ['x. 5 IN BOGUS 1', /not a record type/],
    ['x. IN A 192.0.2.1', /no TTL/],
    ['x. 5 IN TXT "open', /not closed/],
    ['x. 5 IN TYPE65 \\# 3 00', /bytes of hex/],
    ['x.', /owner TTL CLASS TYPE RDATA/],
  ];
  for (const [input, message] of bad) {
    it(`refuses ${input}`, () => {
      const read = readRecord(input);
      assert.equal(read.ok, false);
      if (!read.ok) assert.match(read.message, message);
      assert.throws(() => parseRecord(input), RecordSyntaxError);
    });
  }
});

describe('names', () => {
  const rows: Array<[string, string, boolean]> = [
    ['www.example.org.', 'example.org.', true],
    ['example.org', 'example.org.', true],
    ['WWW.Example.ORG.', 'example.org', true],
    ['xample.org.', 'ample.org.', false],
    ['example.org.', 'www.example.org.', false],
    ['anything.', '.', true],
    ['.', '.', true],
  ];
  for (const [name, zone, inside] of rows) {
    it(`${name} ${inside ? 'is' : 'is not'} under ${zone}`, () => assert.equal(isSubdomainOf(name, zone), inside));
  }
  it('compares names without case and trailing dot', () => {
    assert.equal(namesEqual('Example.ORG', 'example.org.'), true);
    assert.equal(namesEqual('example.org', 'example.com'), false);
    assert.equal(fqdn('a.b'), 'a.b.');
    assert.equal(fqdn(''), '.');
  });
  it('picks the longest matching zone', () => {
    assert.equal(matchZone(['.', 'example.org.', 'sub.example.org.'], 'a.sub.example.org.'), 'sub.example.org.');
    assert.equal(matchZone(['example.org.'], 'example.com.'), undefined);
  });
  it('normalises type mnemonics', () => {
    assert.deepEqual(['a', 'TYPE1', 'type65', 'UNKNOWN_28', 'srv', 'nonsense'].map(normalizeType), ['A', 'A', 'HTTPS', 'AAAA', 'SRV', undefined]);
  });
});

const rowsForSize = [
  'a.example. 5 IN A 192.0.2.1', 'a.example. 5 IN AAAA 2001:db8::1', 'a.example. 5 IN CNAME b.example.', 'a.example. 5 IN PTR p.example.',
  'a.example. 5 IN MX 10 m.example.', 'a.example. 5 IN SRV 0 50 80 t.example.', 'a.example. 5 IN TXT "one" "two words"',
  'example. 5 IN SOA ns.example. h.example. 1 2 3 4 5', 'a.example. 5 IN HINFO "cpu" "os"', 'a.example. 5 IN CAA 0 issue "ca.example"',
  'a.example. 5 IN HTTPS \\# 3 000100', 'a.example. 5 CH TXT "chaos"',
];

describe('messages', () => {
  it('builds a query like SetQuestion: absolute name, RD set, EDNS0 only when asked', () => {
    const q = newQuery('storefront', 'a');
    assert.deepEqual(q.question, [{ name: 'storefront.', type: 'A', class: 'IN' }]);
    assert.equal(q.flags.rd, true);
    assert.equal(q.edns, undefined);
    assert.deepEqual(newQuery('x', 'A', { do: true }).edns, { udpSize: 1232, do: true, options: [] });
    assert.deepEqual(newQuery('x', 'A', { udpSize: 4096 }).edns, { udpSize: 4096, do: false, options: [] });
  });

  it('builds a reply like SetReply: id, question and RD copied, RA clear', () => {
    const q = newQuery('x.example', 'AAAA', { id: 4242, rd: false });
    const r = newReply(q, 'NXDOMAIN', { aa: true });
    assert.equal(r.id, 4242);
    assert.equal(r.response, true);
    assert.equal(r.rcode, 'NXDOMAIN');
    assert.deepEqual(r.flags, { aa: true, tc: false, rd: false, ra: false, ad: false, cd: false });
    assert.deepEqual(r.question, q.question);
  });

  it('encodes to wire bytes and reads them back unchanged', () => {
    const q = newQuery('www.example.com', 'A', { id: 7, udpSize: 1232, do: true });
    const reply = newReply(q, 'NOERROR', {
      aa: true,
      answer: ['www.example.com. 300 IN CNAME edge.example.net.', 'edge.example.net. 20 IN A 203.0.113.9', 'edge.example.net. 20 IN HTTPS \\# 3 000100'].map(parseRecord),
      authority: [parseRecord('example.net. 60 IN SOA ns.example.net. h.example.net. 1 2 3 4 5')],
    });
    reply.edns = q.edns;
    const back = decodeMessage(encodeMessage(reply));
    assert.deepEqual(back.answer.map(formatRecord), reply.answer.map(formatRecord));
    assert.deepEqual(back.authority.map(formatRecord), reply.authority.map(formatRecord));
    assert.deepEqual(back.question, reply.question);
    assert.deepEqual({ id: back.id, rcode: back.rcode, flags: back.flags }, { id: 7, rcode: 'NOERROR', flags: reply.flags });
    assert.deepEqual(back.edns, { udpSize: 1232, do: true, options: [] });
  });

  it('encodes the rcode in the header', () => {
    for (const rcode of ['NOERROR', 'SERVFAIL', 'NXDOMAIN', 'REFUSED'] as const) {
      assert.equal(decodeMessage(encodeMessage(newReply(newQuery('x', 'A'), rcode))).rcode, rcode);
    }
  });

  // Sizes checked against miekg/dns's Len(): header 12, question, then records with name compression.
  it('measures the compressed size the way miekg/dns does', () => {
    const q = newQuery('a.example.org', 'A');
    assert.equal(messageSize(q), 12 + 15 + 4);
    const one = newReply(q, 'NOERROR', { answer: [parseRecord('a.example.org. 5 IN A 192.0.2.1')] });
    // The owner points back at the question (2 bytes) + type, class, TTL, rdlength (10) + 4 address bytes.
    assert.equal(messageSize(one), 31 + 2 + 10 + 4);
    assert.equal(messageSize(one, false), 31 + 15 + 10 + 4);
    const cname = newReply(q, 'NOERROR', { answer: [parseRecord('a.example.org. 5 IN CNAME b.example.org.')] });
    // The CNAME target compresses to "b" + pointer to example.org: 2 + 2 bytes.
    assert.equal(messageSize(cname), 31 + 2 + 10 + 4);
    const srv = newReply(newQuery('_x._tcp.example.org', 'SRV'), 'NOERROR', { answer: [parseRecord('_x._tcp.example.org. 5 IN SRV 0 0 1 t.example.org.')] });
    // SRV targets are never compressed: 6 fixed bytes + 15 for t.example.org.
    assert.equal(messageSize(srv), 12 + 21 + 4 + 2 + 10 + 6 + 15);
    const withEdns = newQuery('a.example.org', 'A', { udpSize: 1232 });
    assert.equal(messageSize(withEdns), 31 + 11);
  });

  it('counts the uncompressed size exactly as many bytes as the encoding takes', () => {
    const records = rowsForSize.map(parseRecord);
    for (let i = 0; i < records.length; i++) {
      const msg = newReply(newQuery('q.example', 'A', { udpSize: 1232 }), 'NOERROR', { answer: records.slice(0, i + 1), additional: records.slice(i) });
      msg.edns = { udpSize: 1232, do: false, options: [{ code: 15, data: new Uint8Array([0, 17]) }] };
      assert.equal(messageSize(msg, false), encodeMessage(msg).length, formatRecord(records[i]!));
    }
  });

  it('classifies replies like response.Typify', () => {
    const q = newQuery('x.example', 'A');
    const soa = parseRecord('example. 5 IN SOA ns.example. h.example. 1 2 3 4 5');
    const rows: Array<[ReturnType<typeof newReply>, string]> = [
      [newReply(q, 'NOERROR', { answer: [parseRecord('x.example. 5 IN A 192.0.2.1')] }), 'NoError'],
      [newReply(q, 'NOERROR', { authority: [soa] }), 'NoData'],
      [newReply(q, 'NXDOMAIN', { authority: [soa] }), 'NameError'],
      [newReply(q, 'NOERROR', { authority: [parseRecord('x.example. 5 IN NS ns.x.example.')] }), 'Delegation'],
      [newReply(q, 'SERVFAIL'), 'ServerError'],
      [newReply(q, 'REFUSED'), 'OtherError'],
      [newReply(q, 'NOERROR'), 'NoError'],
    ];
    for (const [msg, type] of rows) assert.equal(typify(msg), type);
  });
});
