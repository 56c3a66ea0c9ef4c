// Rules that involve two directives (or a directive and the block's addresses), checked by the framework
// after each module has read its own configuration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCorefile } from '../../server/src/core/corefile/analyze.js';
import { emptyHost } from '../../server/src/core/host.js';
import { defaultSettings } from '../../server/src/core/settings.js';

const rows: Array<{ name: string; corefile: string; codes: string[] }> = [
  {
    name: 'autopath @kubernetes without pods verified',
    corefile: 'cluster.local {\n  autopath @kubernetes\n  kubernetes cluster.local {\n    pods insecure\n  }\n}\n',
    codes: ['warning autopath/pods-not-verified'],
  },
  {
    name: 'autopath @kubernetes with pods verified',
    corefile: 'cluster.local {\n  autopath @kubernetes\n  kubernetes cluster.local {\n    pods verified\n  }\n}\n',
    codes: [],
  },
  { name: 'quic:// without tls is refused', corefile: 'quic://.:853 {\n  whoami\n}\n', codes: ['error tls/required-for-transport'] },
  { name: 'https3:// without tls is refused', corefile: 'https3://.:443 {\n  whoami\n}\n', codes: ['error tls/required-for-transport'] },
  { name: 'tls:// without tls starts in plain text', corefile: 'tls://.:853 {\n  whoami\n}\n', codes: [] },
];

for (const row of rows) {
  test(`cross-directive: ${row.name}`, () => {
    const { diagnostics } = analyzeCorefile({ uri: 'file:///x/Corefile', text: row.corefile }, defaultSettings, emptyHost);
    const found = diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.severity} ${d.code}`);
    assert.deepEqual(found.filter((f) => row.codes.includes(f) || f.includes('autopath') || f.includes('tls/')), row.codes);
  });
}

const listenerRows: Array<{ name: string; corefile: string; warnings: string[] }> = [
  { name: 'health and prometheus on one port', corefile: '. {\n  health :9153\n  prometheus :9153\n  whoami\n}\n', warnings: ['prometheus@2'] },
  { name: 'health and ready defaults do not clash', corefile: '. {\n  health\n  ready\n  whoami\n}\n', warnings: [] },
  { name: 'a clash across blocks', corefile: 'a.example {\n  health :8181\n  whoami\n}\nb.example {\n  ready\n  whoami\n}\n', warnings: ['ready@5'] },
  { name: 'localhost and 127.0.0.1 are one address', corefile: '. {\n  pprof 127.0.0.1:9153\n  prometheus\n  whoami\n}\n', warnings: ['prometheus@2'] },
  { name: 'the same plugin in two blocks shares its listener', corefile: 'a.example {\n  prometheus :9153\n  whoami\n}\nb.example {\n  prometheus :9153\n  whoami\n}\n', warnings: [] },
  { name: 'different hosts on one port do not clash', corefile: '. {\n  health 127.0.0.1:8080\n  ready 10.0.0.1:8080\n  whoami\n}\n', warnings: [] },
];

for (const row of listenerRows) {
  test(`listeners: ${row.name}`, () => {
    const { diagnostics } = analyzeCorefile({ uri: 'file:///x/Corefile', text: row.corefile }, defaultSettings, emptyHost);
    const clashes = diagnostics.filter((d) => d.code === 'core/listener-clash');
    assert.deepEqual(clashes.map((d) => `${d.message.split(' ')[0]}@${d.range.start.line}`), row.warnings);
    assert.ok(clashes.every((d) => d.severity === 'warning' && d.related?.length === 1));
  });
}
