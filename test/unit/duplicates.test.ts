// Zones served twice, replaying CoreDNS's overlap check (core/dnsserver/address.go and
// register.go validateZonesAndListeningAddresses) over blocks described by their keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseServerKey } from '../../server/src/core/corefile/address.js';
import { findDuplicateKeys, type BlockAddresses } from '../../server/src/core/corefile/duplicates.js';
import { TokenSource, type Token } from '../../server/src/core/corefile/token.js';
import { range } from '../../server/src/core/types.js';

/** The token of a key written plainly at line and column of the test document. */
function keyToken(text: string, line: number, column: number): Token {
  // A document in which the key stands at that line and column, and nothing else.
  const source = new TokenSource('file:///Corefile', '\n'.repeat(line) + ' '.repeat(column) + text);
  const start = line + column;
  return { text, quoted: false, source, line, lineBreaks: 0, start, end: start + text.length };
}

/** A block written as "key key ... [bind A B] [view]"; block i sits on line i, key j at column 10*j. */
function blocks(...specs: string[]): BlockAddresses[] {
  return specs.map((spec, line) => {
    const words = spec.split(' ').filter((w) => w !== '');
    const bindAt = words.indexOf('bind');
    const hasView = words.includes('view');
    const keyWords = words.filter((w, i) => w !== 'view' && (bindAt === -1 || i < bindAt));
    const bindAddresses = bindAt === -1 ? [] : words.slice(bindAt + 1).filter((w) => w !== 'view');
    return {
      keys: keyWords.map((text, column) => ({ key: parseServerKey(text), token: keyToken(text, line, column * 10) })),
      bindAddresses,
      hasView,
    };
  });
}

interface DuplicateCase {
  name: string;
  blocks: string[];
  /** Expected findings: code, the line of the key it sits on, and the line its related entry points at. */
  expect: Array<{ code: string; line: number; relatedLine: number }>;
}

const cases: DuplicateCase[] = [
  { name: 'same zone and port in two blocks', blocks: ['example.org', 'example.org:53'], expect: [{ code: 'core/duplicate-address', line: 1, relatedLine: 0 }] },
  { name: 'same key twice in one block', blocks: ['example.org example.org'], expect: [{ code: 'core/duplicate-address', line: 0, relatedLine: 0 }] },
  { name: 'case and the final dot do not make a zone different', blocks: ['EXAMPLE.org', 'example.org.'], expect: [{ code: 'core/duplicate-address', line: 1, relatedLine: 0 }] },
  { name: 'the port is compared as a number', blocks: ['.:01053', '.:1053'], expect: [{ code: 'core/duplicate-address', line: 1, relatedLine: 0 }] },
  { name: 'same zone on different ports', blocks: ['example.org:1053', 'example.org:2053'], expect: [] },
  { name: 'different zones on one port', blocks: ['svc.test:1053', 'lab.example:1053'], expect: [] },
  { name: 'different transports never conflict', blocks: ['dns://.:853', 'tls://.', 'quic://.'], expect: [] },
  { name: 'same transport with its default port', blocks: ['tls://.', 'tls://.:853'], expect: [{ code: 'core/duplicate-address', line: 1, relatedLine: 0 }] },
  { name: 'a CIDR key overlapping a reverse zone', blocks: ['10.0.0.0/23', '1.0.10.in-addr.arpa'], expect: [{ code: 'core/duplicate-address', line: 1, relatedLine: 0 }] },
  { name: 'two CIDR keys sharing reverse zones give one finding', blocks: ['10.0.0.0/22', '10.0.0.0/23'], expect: [{ code: 'core/duplicate-address', line: 1, relatedLine: 0 }] },
  { name: 'bound to different addresses', blocks: ['. bind 127.0.0.1', '. bind 127.0.0.2'], expect: [] },
  { name: 'bound to the same address', blocks: ['. bind 127.0.0.1', '. bind 127.0.0.1'], expect: [{ code: 'core/duplicate-address', line: 1, relatedLine: 0 }] },
  { name: 'the same bind address twice in one block', blocks: ['. bind 127.0.0.1 127.0.0.1'], expect: [{ code: 'core/duplicate-address', line: 0, relatedLine: 0 }] },
  { name: 'bound first, unbound second', blocks: ['. bind 127.0.0.1', '.'], expect: [{ code: 'core/address-overlap', line: 1, relatedLine: 0 }] },
  { name: 'unbound first, bound second', blocks: ['.', '. bind 127.0.0.1'], expect: [{ code: 'core/address-overlap', line: 1, relatedLine: 0 }] },
  { name: 'bound and unbound on different ports', blocks: ['.:1053 bind 127.0.0.1', '.:2053'], expect: [] },
  { name: 'views share with each other and one catch-all', blocks: ['.:1053 view', '.:1053 view', '.:1053'], expect: [] },
  { name: 'a catch-all first, then views', blocks: ['.:1053', '.:1053 view', '.:1053 view'], expect: [] },
  { name: 'two catch-alls conflict even beside a view', blocks: ['.:1053 view', '.:1053', '.:1053'], expect: [{ code: 'core/duplicate-address', line: 2, relatedLine: 1 }] },
  // A view is checked, not registered: the bound/unbound rule still applies after an unfiltered block.
  { name: 'a bound view after an unbound catch-all', blocks: ['.:1053', '.:1053 bind 127.0.0.1 view'], expect: [{ code: 'core/address-overlap', line: 1, relatedLine: 0 }] },
  { name: 'a bound view before an unbound catch-all', blocks: ['.:1053 bind 127.0.0.1 view', '.:1053'], expect: [] },
  { name: 'keys CoreDNS refuses on their own are not compared', blocks: ['.:-7', '.:-7', ':1053', ':1053'], expect: [] },
];

for (const c of cases) {
  test(`duplicates: ${c.name}`, () => {
    const found = findDuplicateKeys(blocks(...c.blocks), 'file:///Corefile');
    assert.deepEqual(
      found.map((d) => ({ code: d.code, line: d.range.start.line, relatedLine: d.related?.[0]?.range.start.line })),
      c.expect,
    );
    for (const d of found) {
      assert.equal(d.severity, 'error');
      assert.equal(d.related?.length, 1);
      assert.equal(d.related?.[0]?.uri, 'file:///Corefile');
      assert.equal(d.uri, undefined);
    }
  });
}

test('the finding sits on the second key and names the first', () => {
  const [d] = findDuplicateKeys(blocks('a.example b.example', 'c.example b.example:53'), 'file:///Corefile');
  assert.deepEqual(d.range, range(1, 10, 1, 22));
  assert.deepEqual(d.related?.[0]?.range, range(0, 10, 0, 19));
  assert.match(d.message, /dns:\/\/b\.example\.:53/);
  assert.match(d.message, /"b\.example" \(line 1\)/);
});

test('an unbound block clashes with the last bound one registered, as CoreDNS reports it', () => {
  const [d] = findDuplicateKeys(blocks('. bind 127.0.0.1', '. bind 128.0.0.1', '. bind 129.0.0.1', '.'), 'file:///Corefile');
  assert.equal(d.code, 'core/address-overlap');
  assert.equal(d.range.start.line, 3);
  assert.equal(d.related?.[0]?.range.start.line, 2);
  assert.match(d.message, /129\.0\.0\.1/);
});

test('a CIDR key reports how many of its zones clash', () => {
  const [d] = findDuplicateKeys(blocks('10.0.0.0/22', '10.0.0.0/23'), 'file:///Corefile');
  assert.match(d.message, /and 1 more of its zones/);
});

test('blocks from an imported file carry their own document', () => {
  const input = blocks('example.org', 'example.org');
  input[1].uri = 'file:///conf.d/extra.conf';
  const [d] = findDuplicateKeys(input, 'file:///Corefile');
  assert.equal(d.uri, 'file:///conf.d/extra.conf');
  assert.equal(d.related?.[0]?.uri, 'file:///Corefile');
});

// Valid multi-block Corefiles from the shared CoreDNS verdicts must show no clash. Only files made
// of plain top-level blocks ("KEYS {" ... "}") are read; `view` inside a block marks it filtered.
const casesFile = path.resolve(__dirname, '../../../shared/cases/corefile-verdicts.jsonl');

test('valid multi-block cases from CoreDNS verdicts show no clash', (t) => {
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
    if (row.plugin !== 'core' || !row.valid) continue;
    const chunks = row.corefile.split(/^\}\n/m).filter((chunk) => chunk.trim() !== '');
    const heads = chunks.map((chunk) => /^([^\s#(][^{#\n]*)\{ *\n/.exec(chunk));
    if (chunks.length < 2 || heads.some((h) => h === null)) continue;
    const input: BlockAddresses[] = chunks.map((chunk, i) => ({
      keys: (heads[i]?.[1] ?? '').trim().split(/\s+/).map((text) => ({ key: parseServerKey(text), token: keyToken(text, i, 0) })),
      bindAddresses: [],
      hasView: /^\s+view\s/m.test(chunk),
    }));
    assert.deepEqual(findDuplicateKeys(input), [], row.id);
    checked++;
  }
  assert.ok(checked >= 2, `expected several multi-block cases, found ${checked}`);
});
