// Server-block keys, plugin zone arguments and zone helpers, against CoreDNS's rules (fact sheet
// §(c), checked against core/dnsserver, plugin/normalize.go, plugin/pkg/cidr and miekg/dns).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { normalizeZoneArg, parseServerKey, type Transport } from '../../server/src/core/corefile/address.js';
import {
  goToLower,
  ipv4Value,
  isDomainName,
  isReverseZone,
  isSubdomain,
  labelCount,
  nameForm,
  parseIpv4,
  reverseZonesForCidr,
  toFqdn,
} from '../../server/src/core/corefile/zone.js';

/** A name of exactly `length` characters made of 49-letter labels, ending in a dot when asked. */
function nameOfLength(length: number, fqdn: boolean): string {
  const chunk = `${'x'.repeat(49)}.`;
  const body = chunk.repeat(Math.floor((length - 1) / 50));
  const tail = 'y'.repeat(length - body.length - (fqdn ? 1 : 0)) + (fqdn ? '.' : '');
  return body + tail;
}

interface KeyCase {
  key: string;
  transport?: Transport;
  port?: number;
  /** The zones, or [count, first, last] for long CIDR expansions. */
  zones?: string[] | [number, string, string];
  /** Every problem code expected, in order; [] means a clean key. */
  codes: string[];
  /** The text each problem points at, in the same order, when it matters. */
  spans?: string[];
}

const accepted: KeyCase[] = [
  { key: '.', transport: 'dns', port: 53, zones: ['.'], codes: [] },
  { key: '.:1053', port: 1053, zones: ['.'], codes: [] },
  { key: 'dns://.:53', transport: 'dns', port: 53, zones: ['.'], codes: [] },
  { key: 'example.org', transport: 'dns', port: 53, zones: ['example.org.'], codes: [] },
  { key: 'EXAMPLE.Org.', zones: ['example.org.'], codes: [] },
  { key: 'tls://example.org', transport: 'tls', port: 853, zones: ['example.org.'], codes: [] },
  { key: 'quic://example.org', transport: 'quic', port: 853, codes: [] },
  { key: 'grpc://example.org', transport: 'grpc', port: 443, codes: [] },
  { key: 'https://example.org', transport: 'https', port: 443, codes: [] },
  { key: 'https3://example.org', transport: 'https3', port: 443, codes: [] },
  { key: 'https3://.:8443', transport: 'https3', port: 8443, codes: [] },
  { key: 'unix:///run/dns.sock', transport: 'unix', port: 0, zones: ['/run/dns.sock.'], codes: ['address/unix-no-server'] },
  // Atoi reads a leading zero and a sign; the port is the number, not the text.
  { key: '.:01053', port: 1053, codes: [] },
  { key: '.:+53', port: 53, codes: [] },
  { key: '.:0', port: 0, codes: ['address/port-zero'], spans: ['0'] },
  { key: '.:65535', port: 65535, codes: [] },
  // Anything but an exact lowercase scheme stays in the zone name.
  { key: 'udp://x.example', transport: 'dns', port: 53, zones: ['udp://x.example.'], codes: ['address/unknown-transport'], spans: ['udp://'] },
  { key: 'DNS://x.example', transport: 'dns', zones: ['dns://x.example.'], codes: ['address/unknown-transport'], spans: ['DNS://'] },
  { key: 'udp://x.example:1053', port: 1053, zones: ['udp://x.example.'], codes: ['address/unknown-transport'] },
  // Non-numeric text after the last colon is part of the zone.
  { key: 'lab.example:dns', port: 53, zones: ['lab.example:dns.'], codes: ['address/non-numeric-port'], spans: ['dns'] },
  { key: 'x.example:99999999999999999999', port: 53, zones: ['x.example:99999999999999999999.'], codes: ['address/non-numeric-port'] },
  { key: 'fd00::1', port: 1, zones: ['fd00:.'], codes: ['address/colon-in-zone'], spans: ['fd00:'] },
  { key: '*.wild.example', zones: ['*.wild.example.'], codes: ['address/wildcard-zone'] },
  { key: '10.0.0.1:53', zones: ['10.0.0.1.'], codes: ['address/ip-as-zone'], spans: ['10.0.0.1'] },
  { key: 'a\\.b', zones: ['a\\.b.'], codes: [] },
  { key: 'odd/{name}', zones: ['odd/{name}.'], codes: [] },
  // CIDR keys become reverse zones on octet (IPv4) or nibble (IPv6) boundaries.
  { key: '10.0.0.0/8', zones: ['10.in-addr.arpa.'], codes: [] },
  { key: '10.0.0.1/8', zones: ['10.in-addr.arpa.'], codes: [] },
  { key: '10.0.0.0/8:1053', port: 1053, zones: ['10.in-addr.arpa.'], codes: [] },
  { key: '10.0.0.0/17', zones: [128, '0.0.10.in-addr.arpa.', '127.0.10.in-addr.arpa.'], codes: [] },
  { key: '10.0.0.0/23', zones: ['0.0.10.in-addr.arpa.', '1.0.10.in-addr.arpa.'], codes: [] },
  { key: '10.0.0.0/13', zones: [8, '0.10.in-addr.arpa.', '7.10.in-addr.arpa.'], codes: [] },
  { key: '192.168.1.1/32', zones: ['1.1.168.192.in-addr.arpa.'], codes: [] },
  { key: '0.0.0.0/0', zones: ['in-addr.arpa.'], codes: [] },
  { key: '10.0.0.0/08', zones: ['10.in-addr.arpa.'], codes: [] },
  { key: '2001:db8::/33', zones: [8, '0.8.b.d.0.1.0.0.2.ip6.arpa.', '7.8.b.d.0.1.0.0.2.ip6.arpa.'], codes: [] },
  { key: '2001:DB8::/32:1053', port: 1053, zones: ['8.b.d.0.1.0.0.2.ip6.arpa.'], codes: [] },
  // Looks like CIDR but Go's ParseCIDR refuses it: kept as a literal (legal) zone name.
  { key: '10.0.0.0/33', zones: ['10.0.0.0/33.'], codes: ['address/not-a-cidr'] },
  { key: '010.0.0.0/8', zones: ['010.0.0.0/8.'], codes: ['address/not-a-cidr'] },
  // Length limits count octets of the fully qualified name.
  { key: nameOfLength(254, false), codes: [] },
  { key: nameOfLength(255, true), codes: [] },
  { key: `${'a'.repeat(63)}.example`, codes: [] },
  { key: `${'é'.repeat(31)}a.example`, codes: [] },
];

const refused: KeyCase[] = [
  { key: ':1053', codes: ['address/empty-zone'], spans: [':1053'] },
  { key: 'dns://', codes: ['address/empty-zone'] },
  { key: 'dns://:53', codes: ['address/empty-zone'] },
  { key: '.x.example', codes: ['address/empty-label'], spans: ['.'] },
  { key: 'a..b', codes: ['address/empty-label'], spans: ['..'] },
  { key: `${'a'.repeat(64)}.example`, codes: ['address/label-too-long'], spans: ['a'.repeat(64)] },
  { key: `${'é'.repeat(32)}.example`, codes: ['address/label-too-long'] },
  { key: nameOfLength(256, false), codes: ['address/zone-too-long'] },
  { key: nameOfLength(256, true), codes: ['address/zone-too-long'] },
  // InspectServerBlocks re-checks each zone fully qualified: 255 characters plus the root dot is 256.
  { key: nameOfLength(255, false), codes: ['address/zone-too-long'] },
  { key: 'a\\', codes: ['address/invalid-zone'], spans: ['\\'] },
  { key: 'tls://example.org:', transport: 'tls', codes: ['address/trailing-colon'], spans: [':'] },
  { key: '::1/128', codes: ['address/invalid-cidr'], spans: ['::1/128'] },
  { key: '0::/64', codes: ['address/invalid-cidr'] },
  // The zone is fine, so it is kept; CoreDNS refuses the port when it sets up the listener.
  { key: '.:-7', port: -7, zones: ['.'], codes: ['address/port-out-of-range'], spans: ['-7'] },
  { key: 'grpc://.:70000', port: 70000, zones: ['.'], codes: ['address/port-out-of-range'], spans: ['70000'] },
];

function checkKey(c: KeyCase, shouldBeRefused: boolean): void {
  const key = parseServerKey(c.key);
  assert.equal(key.text, c.key);
  assert.deepEqual(key.problems.map((p) => p.code), c.codes);
  assert.equal(key.problems.some((p) => p.severity === 'error'), shouldBeRefused, 'refused exactly when CoreDNS refuses');
  if (c.transport) assert.equal(key.transport, c.transport);
  if (c.port !== undefined) assert.equal(key.port, c.port);
  if (c.zones && typeof c.zones[0] === 'number') {
    const [count, first, last] = c.zones as [number, string, string];
    assert.equal(key.zones.length, count);
    assert.equal(key.zones[0], first);
    assert.equal(key.zones[key.zones.length - 1], last);
    assert.equal(key.isReverseCidr, true);
  } else if (c.zones) {
    assert.deepEqual(key.zones, c.zones);
  }
  // A refused zone yields no zones at all, so nothing downstream serves a name CoreDNS would not.
  if (shouldBeRefused && !c.zones) assert.deepEqual(key.zones, []);
  if (c.spans) assert.deepEqual(key.problems.map((p) => c.key.slice(p.start, p.end)), c.spans);
  for (const p of key.problems) {
    assert.ok(p.start >= 0 && p.end <= c.key.length && p.start < p.end, `problem ${p.code} has a span inside the key`);
    assert.ok(p.message.length > 40, 'messages explain what to do');
  }
}

for (const c of accepted) test(`accepted key ${JSON.stringify(c.key.slice(0, 40))}`, () => checkKey(c, false));
for (const c of refused) test(`refused key ${JSON.stringify(c.key.slice(0, 40))}`, () => checkKey(c, true));

test('a key keeps its zone text and port text as written, with their offsets', () => {
  const key = parseServerKey('tls://Example.ORG:01053');
  assert.equal(key.zoneText, 'Example.ORG');
  assert.equal(key.zoneStart, 6);
  assert.equal(key.portText, '01053');
  assert.equal(key.portStart, 18);
  assert.deepEqual(key.zones, ['example.org.']);
  const cidr = parseServerKey('10.0.0.0/15');
  assert.equal(cidr.zoneText, '10.0.0.0/15');
  assert.equal(cidr.portText, undefined);
});

const zoneArgs: Array<{ arg: string; zones: string[]; code?: string }> = [
  { arg: '.', zones: ['.'] },
  { arg: 'example.org:53', zones: ['example.org.'] },
  { arg: 'Example.Org.', zones: ['example.org.'] },
  { arg: 'dns://example.org', zones: ['example.org.'] },
  { arg: 'tls://example.org:853', zones: ['example.org.'] },
  { arg: '10.0.0.0/8:53', zones: ['10.in-addr.arpa.'] },
  { arg: '10.0.0.0/15', zones: ['0.10.in-addr.arpa.', '1.10.in-addr.arpa.'] },
  { arg: '10.9.3.0/18', zones: Array.from({ length: 64 }, (_, i) => `${i}.9.10.in-addr.arpa.`) },
  { arg: 'in-addr.arpa', zones: ['in-addr.arpa.'] },
  // Plugins skip the server key's fully-qualified second pass, so 255 characters still pass here.
  { arg: nameOfLength(255, false), zones: [`${nameOfLength(255, false)}.`] },
  { arg: 'x:', zones: [], code: 'address/trailing-colon' },
  { arg: 'a..b', zones: [], code: 'address/empty-label' },
  { arg: '::fFFF:B:F/115', zones: [], code: 'address/invalid-cidr' },
  { arg: ':53', zones: [], code: 'address/empty-zone' },
];

for (const c of zoneArgs) {
  test(`zone argument ${JSON.stringify(c.arg.slice(0, 40))}`, () => {
    const result = normalizeZoneArg(c.arg);
    assert.deepEqual(result.zones, c.zones);
    assert.equal(result.problem?.code, c.code);
    if (result.problem) assert.ok(result.problem.end > result.problem.start && result.problem.end <= c.arg.length);
  });
}

test('isDomainName follows miekg/dns, escapes and octets included', () => {
  const table: Array<[string, boolean]> = [
    ['.', true],
    ['example.org', true],
    ['example.org.', true],
    ['', false],
    ['.x', false],
    ['..', false],
    ['a..b', false],
    ['*.x/y:{z}', true],
    ['a\\.b', true],
    ['a\\', false],
    ['a\\\\', true],
    ['\\065'.repeat(63), true],
    ['\\065'.repeat(64), false],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['é'.repeat(32), false],
  ];
  for (const [name, ok] of table) assert.equal(isDomainName(name), ok, name);
});

test('toFqdn leaves a name that ends in an unescaped dot alone', () => {
  const table: Array<[string, string]> = [
    ['example.org', 'example.org.'],
    ['example.org.', 'example.org.'],
    ['.', '.'],
    ['a\\.', 'a\\..'],
    ['a\\\\.', 'a\\\\.'],
  ];
  for (const [name, fqdn] of table) assert.equal(toFqdn(name), fqdn, name);
});

test('labelCount counts labels, escaped dots included in their label', () => {
  const table: Array<[string, number]> = [['.', 0], ['org.', 1], ['www.example.org', 3], ['a\\.b.c.', 2], ['', 0]];
  for (const [name, count] of table) assert.equal(labelCount(name), count, name);
});

test('isSubdomain works on whole labels, ignoring ASCII case', () => {
  const table: Array<[string, string, boolean]> = [
    ['www.example.org.', 'example.org.', true],
    ['example.org.', 'example.org.', true],
    ['WWW.Example.ORG', 'example.org.', true],
    ['anything.', '.', true],
    ['.', 'org.', false],
    ['badexample.org.', 'example.org.', false],
    ['example.org.', 'www.example.org.', false],
    ['x.a\\.b.', 'a\\.b.', true],
    ['x.b.', 'a\\.b.', false],
  ];
  for (const [child, parent, expected] of table) assert.equal(isSubdomain(child, parent), expected, `${child} under ${parent}`);
});

test('isReverseZone needs the suffix with its leading dot', () => {
  const table: Array<[string, boolean]> = [
    ['10.in-addr.arpa.', true],
    ['8.b.d.0.1.0.0.2.ip6.arpa.', true],
    ['in-addr.arpa.', false],
    ['ip6.arpa.', false],
    ['cluster.local.', false],
  ];
  for (const [name, expected] of table) assert.equal(isReverseZone(name), expected, name);
});

test('reverseZonesForCidr matches CoreDNS expansion', () => {
  const table: Array<[string, string[] | undefined]> = [
    ['10.0.0.0/16', ['0.10.in-addr.arpa.']],
    ['192.168.1.1/23', ['0.168.192.in-addr.arpa.', '1.168.192.in-addr.arpa.']],
    ['10.129.60.0/22', ['60.129.10.in-addr.arpa.', '61.129.10.in-addr.arpa.', '62.129.10.in-addr.arpa.', '63.129.10.in-addr.arpa.']],
    ['2001:db8::/31', ['8.b.d.0.1.0.0.2.ip6.arpa.', '9.b.d.0.1.0.0.2.ip6.arpa.']],
    ['2001:db8::/115', [
      '0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.',
      '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.',
    ]],
    ['8000::/0', ['ip6.arpa.']],
    ['::ffff:10.1.2.0/120', ['2.1.10.in-addr.arpa.']],
    ['10.0.0.0/33', undefined],
    ['10.0.0.0', undefined],
    ['fe80::1%eth0/64', undefined],
    ['1.2.3/8', undefined],
    ['10.0.0.0/8/8', undefined],
  ];
  for (const [cidr, zones] of table) assert.deepEqual(reverseZonesForCidr(cidr), zones, cidr);
});

// The shared cases whose verdict depends on the address alone: one key and a body of just `whoami`.
const casesFile = path.resolve(__dirname, '../../../shared/cases/corefile-verdicts.jsonl');

test('address-only cases from CoreDNS verdicts agree', (t) => {
  if (!fs.existsSync(casesFile)) {
    assert.notEqual(process.env.CI, 'true', `${casesFile} is missing under CI`);
    t.skip(`${casesFile} is absent`);
    return;
  }
  const rows = fs
    .readFileSync(casesFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; plugin: string; corefile: string; valid: boolean });
  let checked = 0;
  for (const row of rows) {
    const match = /^(\S+) \{\n {2}whoami\n\}\n$/.exec(row.corefile);
    if (row.plugin !== 'core' || !match) continue;
    const key = parseServerKey(match[1]);
    const refusedByUs = key.problems.some((p) => p.severity === 'error');
    assert.equal(refusedByUs, !row.valid, `${row.id}: ${match[1]}`);
    checked++;
  }
  assert.ok(checked >= 5, `expected several address-only cases, found ${checked}`);
});

test('ipv4Value reads what parseIpv4 reads, as one number', () => {
  const table: Array<[string, number]> = [
    ['10.0.0.1', 0x0a000001],
    ['127.0.0.53', 0x7f000035],
    ['255.255.255.255', 0xffffffff],
    ['0.0.0.0', 0],
    ['192.168.1.0', 0xc0a80100],
    ['010.0.0.1', -1],
    ['256.0.0.1', -1],
    ['1.2.3', -1],
    ['1.2.3.4.5', -1],
    ['1..3.4', -1],
    ['1.2.3.4 ', -1],
    ['::1', -1],
    ['', -1],
    ['1234.1.1.1', -1],
  ];
  for (const [text, value] of table) {
    assert.equal(ipv4Value(text), value, text);
    const bytes = parseIpv4(text);
    assert.deepEqual(bytes, value < 0 ? undefined : [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff], text);
  }
});

test('nameForm tells lower-case ASCII, other ASCII and non-ASCII names apart', () => {
  const table: Array<[string, string, string]> = [
    ['example.org', 'ascii-lower', 'example.org'],
    ['', 'ascii-lower', ''],
    ['Example.ORG', 'ascii', 'example.org'],
    ['b\\ücher.de', 'other', 'b\\ücher.de'],
    ['BÜCHER.de', 'other', 'bücher.de'],
  ];
  for (const [name, form, lowered] of table) {
    assert.equal(nameForm(name), form, name);
    assert.equal(goToLower(name), lowered, name);
  }
});
