import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RewriteConfig } from '../../../server/src/core/plugins/rewrite.js';
import { configOf, runTable, type PluginCase } from '../../support/plugin-table.js';

const b = (body: string): string => `. {\n${body}\n}\n`;
const r = (rule: string): string => b(`  rewrite ${rule}`);

const rows: PluginCase[] = [
  { corefile: r('name old.example.org new.example.org'), ok: true, noWarnings: ['rewrite/no-answer-rewrite'] },
  { corefile: r('name exact old.example.org new.example.org'), ok: true, noWarnings: ['rewrite/no-answer-rewrite'] },
  { corefile: r('name exact a.example b(.example'), ok: false, code: 'rewrite/bad-regex' },
  { corefile: r('name prefix api. internal-api.'), ok: true, warnings: ['rewrite/no-answer-rewrite'] },
  { corefile: r('name suffix .old.example .new.example answer auto'), ok: true, noWarnings: ['rewrite/no-answer-rewrite'] },
  { corefile: r('name substring legacy modern'), ok: true, warnings: ['rewrite/no-answer-rewrite'] },
  { corefile: r('name regex (.*)\\.east\\.example {1}.west.example'), ok: true, warnings: ['rewrite/no-answer-rewrite'] },
  { corefile: r('name regex (.*)\\.east\\.example {1}.west.example answer auto'), ok: true, noWarnings: ['rewrite/no-answer-rewrite'] },
  { corefile: r('name regex (.*)\\.east\\.example {1}.west.example answer name (.*)\\.west\\.example {1}.east.example'), ok: true, noWarnings: ['rewrite/no-answer-rewrite'] },
  { corefile: r('name regex (.*)\\.east\\.example {1}.west.example answer value 10\\.0\\.0\\.1 10.0.0.2'), ok: true, warnings: ['rewrite/no-answer-rewrite'] },
  { corefile: r('name regex (.*)\\.east\\.example {2}.west.example'), ok: true },
  { corefile: r('name regex (.*)\\.east\\.example {1}.{2}.west.example'), ok: false, code: 'rewrite/too-many-group-references' },
  { corefile: r('name regex (?=a)b {1}'), ok: false, code: 'rewrite/bad-regex' },
  { corefile: r('name regex a( b'), ok: false, code: 'rewrite/bad-regex' },
  { corefile: r('name wildcard a.example b.example'), ok: false, code: 'rewrite/bad-match-type' },
  { corefile: r('name a.example'), ok: false, code: 'rewrite/wrong-arguments' },
  { corefile: r('name regex (.*)\\.e {1}.w answer name (.*)\\.w'), ok: false, code: 'rewrite/bad-answer' },
  { corefile: r('name regex (.*)\\.e {1}.w answer auto answer name (.*) {1}'), ok: false, code: 'rewrite/auto-with-answer-name' },
  { corefile: r('name regex (.*)\\.e {1}.w answer name (.*) {1}.{2}'), ok: false, code: 'rewrite/too-many-group-references' },
  { corefile: r('name exact a.example b.example answer'), ok: false, code: 'rewrite/extra-arguments' },
  { corefile: r('name exact a.example b.example also c.example'), ok: false, code: 'rewrite/extra-arguments' },
  { corefile: r('name exact a.example b.example answer bogus x y'), ok: false, code: 'rewrite/bad-answer' },
  { corefile: r('answer auto'), ok: false, code: 'rewrite/answer-without-name' },
  { corefile: r('continue'), ok: false, code: 'rewrite/missing-rule' },
  { corefile: b('  rewrite'), ok: false, code: 'rewrite/missing-rule' },
  { corefile: r('qname a.example b.example'), ok: false, code: 'rewrite/unknown-rule' },
  { corefile: r('type ANY HINFO'), ok: true },
  { corefile: r('type mx a'), ok: true },
  { corefile: r('type A AAAA MX'), ok: false, code: 'rewrite/wrong-arguments' },
  { corefile: r('type AA AAAA'), ok: false, code: 'rewrite/bad-type' },
  { corefile: r('class CH IN'), ok: true },
  { corefile: r('class CHAOS IN'), ok: false, code: 'rewrite/bad-class' },
  { corefile: r('ttl cdn.example. 30-'), ok: true },
  { corefile: r('ttl cdn.example. -60'), ok: true },
  { corefile: r('ttl prefix cdn 0-60'), ok: true },
  { corefile: r('ttl cdn.example. -'), ok: false, code: 'rewrite/bad-ttl' },
  { corefile: r('ttl cdn.example. 60-30'), ok: false, code: 'rewrite/bad-ttl' },
  { corefile: r('ttl cdn.example. 4294967296'), ok: false, code: 'rewrite/bad-ttl' },
  { corefile: r('ttl around cdn.example. 30'), ok: false, code: 'rewrite/bad-match-type' },
  { corefile: r('ttl regex a( 30'), ok: false, code: 'rewrite/bad-regex' },
  { corefile: r('ttl cdn.example.'), ok: false, code: 'rewrite/wrong-arguments' },
  { corefile: r('continue rcode suffix .sink.example NXDOMAIN NOERROR'), ok: true },
  { corefile: r('rcode sink.example 3 0'), ok: true },
  { corefile: r('rcode sink.example NXDOMAIN 24'), ok: false, code: 'rewrite/bad-rcode' },
  { corefile: r('rcode sink.example NXDOMAIN'), ok: false, code: 'rewrite/wrong-arguments' },
  { corefile: r('cname old.example new.example'), ok: true },
  { corefile: r('cname regex (.*)\\.old {1}.new'), ok: true },
  { corefile: r('cname around a.example b.example'), ok: false, code: 'rewrite/bad-match-type' },
  { corefile: r('cname a.example'), ok: false, code: 'rewrite/wrong-arguments' },
  { corefile: r('edns0 local append 65001 0xabcdef'), ok: true },
  { corefile: r('edns0 local set 0xffee abcd revert'), ok: true },
  { corefile: r('edns0 local set 0xffee {client_ip}'), ok: true },
  { corefile: r('edns0 local set 0xffee {metadata/label}'), ok: true },
  { corefile: r('edns0 local set 0xffee {client_mac}'), ok: false, code: 'rewrite/bad-variable' },
  { corefile: r('edns0 local set 70000 data'), ok: false, code: 'rewrite/bad-option-code' },
  { corefile: r('edns0 local set 0xffee 0xabc'), ok: false, code: 'rewrite/bad-hex' },
  { corefile: r('edns0 local set 0xffee'), ok: false, code: 'rewrite/wrong-arguments' },
  { corefile: r('edns0 local unset 0xffee'), ok: true },
  { corefile: r('edns0 local unset'), ok: false, code: 'rewrite/wrong-arguments' },
  { corefile: r('edns0 nsid set'), ok: true },
  { corefile: r('edns0 nsid set extra'), ok: false, code: 'rewrite/wrong-arguments' },
  { corefile: r('edns0 subnet append 24 56 revert'), ok: true },
  { corefile: r('edns0 subnet replace 0 0'), ok: true },
  { corefile: r('edns0 subnet set 33 56'), ok: false, code: 'rewrite/bad-subnet' },
  { corefile: r('edns0 subnet set 24 129'), ok: false, code: 'rewrite/bad-subnet' },
  { corefile: r('edns0 local toggle 1 x'), ok: false, code: 'rewrite/bad-edns0-action' },
  { corefile: r('edns0 cookie set 1 x'), ok: false, code: 'rewrite/bad-edns0-option' },
  { corefile: b('  rewrite continue {\n    ttl regex (.*)\\.cache\\.example 10-60\n  }'), ok: true },
  { corefile: b('  rewrite {\n    name regex (.*)\\.a {1}.b\n    answer auto\n  }'), ok: true },
  { corefile: b('  rewrite name a.example b.example {\n    name c d\n  }'), ok: false, code: 'rewrite/unexpected-block' },
];

runTable('rewrite', rows);

test('rewrite config', () => {
  const c = configOf<RewriteConfig>(b('  rewrite continue name suffix .Old.Example .new.example answer auto\n  rewrite ttl cdn.example 30-\n  rewrite edns0 subnet set 24 56'), 'rewrite');
  assert.deepEqual(c.rules.map((rule) => rule.kind), ['name', 'ttl', 'edns0']);
  const name = c.rules[0]!;
  assert.ok(name.kind === 'name');
  assert.deepEqual([name.mode, name.match, name.from, name.to, name.answerAuto], ['continue', 'suffix', '.old.example.', '.new.example.', true]);
  const ttl = c.rules[1]!;
  assert.ok(ttl.kind === 'ttl');
  assert.deepEqual([ttl.name, ttl.min, ttl.max], ['cdn.example.', 30, 2147483647]);
});
