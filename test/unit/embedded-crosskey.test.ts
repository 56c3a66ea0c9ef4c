// The coredns and coredns-custom ConfigMaps checked together, in one file or across workspace files: custom
// keys are imported from /etc/coredns/custom into the main Corefile, and each finding lands on the key (and
// file) its text is in, with related places in whichever file they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeCorefile } from '../../server/src/core/corefile/analyze.js';
import { corefileFindings } from '../../server/src/core/embedded/cross-keys.js';
import type { YamlSource } from '../../server/src/core/embedded/workspace.js';
import { emptyHost, memoryHost } from '../../server/src/core/host.js';
import { analyzeDocument } from '../../server/src/core/service.js';
import { defaultSettings, withDefaults } from '../../server/src/core/settings.js';
import type { CoreDiagnostic, Range } from '../../server/src/core/types.js';
import { repoRoot } from '../support/shared.js';

const at = (r: Range): string => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
const show = (d: CoreDiagnostic): string => `${at(d.range)} ${d.severity} ${d.code}`;
const showRelated = (d: CoreDiagnostic): string[] => (d.related ?? []).map((r) => `${r.uri} ${at(r.range)} ${r.message}`);

function lint(uri: string, workspace: YamlSource[], version = defaultSettings.corednsVersion): CoreDiagnostic[] {
  const text = workspace.find((s) => s.uri === uri)!.text;
  return analyzeDocument({ uri, text, language: 'yaml', workspace }, withDefaults({ corednsVersion: version }), emptyHost).diagnostics;
}

const fixture = (name: string): YamlSource => ({
  uri: `file:///ws/${name}`,
  text: readFileSync(join(repoRoot, 'test', 'fixtures', 'embedded', 'workspace', name), 'utf8'),
});
const MAIN = fixture('coredns.yaml');
const CUSTOM = fixture('coredns-custom.yaml');

test('custom keys in another file: each finding on its key, related places in the main file', () => {
  const found = lint(CUSTOM.uri, [MAIN, CUSTOM]);
  assert.deepEqual(found.map(show), [
    // default.server serves .:53 again: CoreDNS's duplicate-address error at start-up.
    '9:5-9:9 error core/duplicate-address',
    '14:9-14:15 error core/unknown-directive',
    // more.override joins the .:53 block, which already has `cache 30`.
    '19:5-19:10 error core/once-per-block',
  ]);
  // The message names the first block by its line in the file that holds it.
  assert.match(found[0]!.message, /"\.:53" \(line 9 of coredns\.yaml\) already serves/);
  assert.deepEqual(showRelated(found[0]!), [
    'file:///ws/coredns.yaml 9:5-9:9 dns://.:53 is first served here.',
    'file:///ws/coredns.yaml 16:5-16:40 imported here',
  ]);
  assert.deepEqual(showRelated(found[2]!), ['file:///ws/coredns.yaml 14:9-14:46 imported here']);
});

test('the main file: imports of the mount resolve to the keys, an empty glob is information', () => {
  const found = lint(MAIN.uri, [MAIN, CUSTOM]);
  assert.deepEqual(found.map(show), ['17:5-17:39 information embedded/no-custom-key']);
  assert.match(found[0]!.message, /default\.server, corp\.server, more\.override/);
});

test('without the other ConfigMap, each file is checked alone as before', () => {
  assert.deepEqual(lint(MAIN.uri, [MAIN]).map(show), [
    '14:9-14:46 warning import/no-match',
    '16:5-16:40 warning import/no-match',
    '17:5-17:39 warning import/no-match',
  ]);
  assert.deepEqual(lint(CUSTOM.uri, [CUSTOM]).map(show), ['14:9-14:15 error core/unknown-directive']);
});

test('both ConfigMaps in one file give the same findings there', () => {
  const both: YamlSource = { uri: 'file:///ws/all.yaml', text: `${MAIN.text}---\n${CUSTOM.text}` };
  const offset = MAIN.text.split('\n').length; // the custom ConfigMap starts after the main one and `---`
  const shifted = (line: number): string => String(line + offset);
  assert.deepEqual(lint(both.uri, [both]).map(show), [
    '17:5-17:39 information embedded/no-custom-key',
    `${shifted(9)}:5-${shifted(9)}:9 error core/duplicate-address`,
    `${shifted(14)}:9-${shifted(14)}:15 error core/unknown-directive`,
    `${shifted(19)}:5-${shifted(19)}:10 error core/once-per-block`,
  ]);
});

const ONLY_SERVERS: YamlSource = {
  uri: 'file:///ws/servers-only.yaml',
  text: 'kind: ConfigMap\nmetadata:\n  name: coredns\ndata:\n  Corefile: |\n    .:53 {\n        cache 30\n    }\n    import /etc/coredns/custom/*.server\n    import /etc/coredns/custom/named.server\n',
};

test('a custom key no import reads is named, and checked alone', () => {
  const custom: YamlSource = { uri: 'file:///ws/c.yaml', text: 'kind: ConfigMap\ndata:\n  x.override: |\n    cache 10\n    cache 20\n' };
  assert.deepEqual(lint(custom.uri, [ONLY_SERVERS, custom]).map(show), [
    '3:3-3:13 information embedded/custom-key-not-imported',
    '5:5-5:10 error core/once-per-block',
  ]);
  // An import of one key by name that the ConfigMap lacks stays CoreDNS's "file not found" concern.
  assert.deepEqual(lint(ONLY_SERVERS.uri, [ONLY_SERVERS, custom]).map(show), [
    '9:5-9:40 information embedded/no-custom-key',
    '10:5-10:44 warning import/file-not-found',
  ]);
});

test('the nearest custom ConfigMap is the partner when the workspace holds several', () => {
  const near: YamlSource = { uri: 'file:///ws/a/custom.yaml', text: 'kind: ConfigMap\ndata:\n  near.server: |\n    near.example {\n    }\n' };
  const far: YamlSource = { uri: 'file:///other/custom.yaml', text: 'kind: ConfigMap\ndata:\n  far.override: |\n    log\n' };
  const main: YamlSource = { uri: 'file:///ws/a/main.yaml', text: ONLY_SERVERS.text };
  const codes = (workspace: YamlSource[]): string[] => lint(main.uri, workspace).map((d) => d.code);
  // With the near file, `*.server` matches its key; the far file alone has no `.server` key.
  assert.ok(!codes([far, main, near]).includes('embedded/no-custom-key'));
  assert.ok(codes([far, main]).includes('embedded/no-custom-key'));
});

/**
 * CoreDNS accepts several forward lines in one block since 1.9.4 (coredns PR 5127: plugin/forward/setup.go
 * @v1.9.3 returns plugin.ErrOnce for a second one; from v1.9.4 to v1.14.7 parseForward collects them all).
 */
const SECOND_FORWARD: YamlSource = {
  uri: 'file:///ws/fw.yaml',
  text: 'kind: ConfigMap\ndata:\n  fw.override: |\n    forward example.org 1.1.1.1\n',
};

test('a second forward from an override is accepted by CoreDNS 1.14.7', () => {
  assert.deepEqual(lint(SECOND_FORWARD.uri, [MAIN, SECOND_FORWARD], '1.14.7').map(show), []);
});

test('a second forward from an override is refused before CoreDNS 1.9.4', () => {
  assert.deepEqual(lint(SECOND_FORWARD.uri, [MAIN, SECOND_FORWARD], '1.9.3').map(show), ['4:5-4:12 error version/several-not-available']);
});

test('the cross-key pipeline reports what analyzeCorefile reports for a Corefile without imports', () => {
  const host = memoryHost({});
  for (const text of [
    readFileSync(join(repoRoot, 'examples', 'Corefile'), 'utf8'),
    '.:53 {\n  cache 30\n  cache 10\n  health :8080\n  ready :8080\n  bogus {$X}\n}\n.:53 {\n}\n',
  ]) {
    const own = corefileFindings('file:///C', text, defaultSettings, host).findings.map(show).sort();
    const reference = analyzeCorefile({ uri: 'file:///C', text }, defaultSettings, host).diagnostics.map(show).sort();
    assert.deepEqual(own, reference);
  }
});
