import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileConfig } from '../../../server/src/core/plugins/file.js';
import { parseZoneFile } from '../../../server/src/core/plugins/util/zonefile.js';
import { analyze, runTable, type PluginCase } from '../../support/plugin-table.js';

const ZONE = `$ORIGIN example.org.
$TTL 3600
@   IN SOA ns1 admin (
        2024010101 ; serial
        7200 3600 1209600 3600 )
    IN NS ns1
ns1     A 192.0.2.1
www 300 IN A 192.0.2.2
        IN AAAA 2001:db8::2
txt     TXT "hello world" "two; parts"
mail    MX 10 mx.example.net.
_sip._tcp SRV 10 20 5060 sip
`;
const db = (text: string): Record<string, string> => ({ '/etc/coredns/db.example.org': text });
const f = (extra = '', zones = ''): string => `example.org {\n  file /etc/coredns/db.example.org${zones}${extra}\n}\n`;

const rows: PluginCase[] = [
  { corefile: f(), ok: true, files: db(ZONE) },
  { corefile: f(), ok: true, warnings: ['file/file-not-found'] },
  { corefile: f(' {\n    reload 0\n  }'), ok: true, warnings: ['file/file-not-found'] },
  { corefile: 'corp.internal:1053 {\n  file db.corp.internal\n}\n', ok: true, warnings: ['file/file-not-found'] },
  { corefile: 'example.org {\n  file\n}\n', ok: false, code: 'file/wrong-argument-count' },
  { corefile: f(' {\n    upstream 10.1.2.3\n    reload_by_mtime\n    fallthrough\n  }'), ok: true, files: db(ZONE) },
  { corefile: f(' {\n    reload\n  }'), ok: false, code: 'file/invalid-reload', files: db(ZONE) },
  { corefile: f(' {\n    reload 10\n  }'), ok: false, code: 'file/invalid-reload', files: db(ZONE) },
  { corefile: f(' {\n    transfer to *\n  }'), ok: false, code: 'version/option-removed', files: db(ZONE) },
  { corefile: f(' {\n    reload_by_mtime now\n  }'), ok: false, code: 'file/unknown-option', files: db(ZONE) },
  { corefile: f(), ok: false, code: 'file/invalid-zone-file', files: db('www A 192.0.2.1\n') },
  { corefile: f(), ok: false, code: 'file/invalid-zone-file', files: db(ZONE.replace('2024010101', '0')) },
  { corefile: f(), ok: false, code: 'file/invalid-zone-file', files: db(`${ZONE}bad A 300.1.1.1\n`) },
  { corefile: f(), ok: false, code: 'file/invalid-zone-file', files: db(`${ZONE}x BOGUS 1\n`) },
  { corefile: f(), ok: false, code: 'file/invalid-zone-file', files: db(`${ZONE}x MX mx.example.org.\n`) },
  { corefile: f(), ok: false, code: 'file/invalid-zone-file', files: db(`${ZONE}$INCLUDE /etc/coredns/missing\n`) },
  { corefile: f(), ok: true, files: { ...db(`${ZONE}$INCLUDE extra\n`), '/etc/coredns/extra': 'api A 192.0.2.9\n' } },
];

runTable('file', rows);

test('file config carries the zone records', () => {
  const config = analyze(f(), db(ZONE)).blocks[0]!.configs.get('file') as FileConfig;
  const records = config.zones[0]!.records!;
  assert.deepEqual(records.map((r) => `${r.name} ${r.ttl} ${r.class} ${r.type} ${r.rdata.join(' ')}`), [
    'example.org. 3600 IN SOA ns1.example.org. admin.example.org. 2024010101 7200 3600 1209600 3600',
    'example.org. 3600 IN NS ns1.example.org.',
    'ns1.example.org. 3600 IN A 192.0.2.1',
    'www.example.org. 300 IN A 192.0.2.2',
    'www.example.org. 3600 IN AAAA 2001:db8::2',
    'txt.example.org. 3600 IN TXT "hello world" "two; parts"',
    'mail.example.org. 3600 IN MX 10 mx.example.net.',
    '_sip._tcp.example.org. 3600 IN SRV 10 20 5060 sip.example.org.',
  ]);
});

const zoneCases: Array<[string, boolean]> = [
  ['@ SOA a b 1 2 3 4 5\n', true],
  ['@ SOA a b 1 2 3 4\n', false],
  ['@ SOA a b ( 1 2 3 4 5\n', false],
  ['@ SOA a b 1 2 3 4 5 )\n', false],
  ['a 1h IN A 10.0.0.1\n', true],
  ['a IN 1h A 10.0.0.1\n', true],
  ['a A 10.0.0.1 extra\n', false],
  ['a TXT "unterminated\n', false],
  ['a TYPE65534 \\# 2 abcd\n', true],
  ['a..b A 10.0.0.1\n', false],
  ['$TTL 1x\n', false],
  ['$FOO bar\n', false],
];
for (const [text, ok] of zoneCases) {
  test(`zone file ${JSON.stringify(text)} ${ok ? 'reads' : 'is refused'}`, () => {
    const result = parseZoneFile(text, 'example.org.', '/z', () => undefined);
    assert.equal(result.error === undefined, ok, result.error?.message);
  });
}
