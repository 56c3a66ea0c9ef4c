// The same Corefile against several target CoreDNS versions: directives that did not exist yet, or no
// longer exist, in the targeted release are errors that say what to do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCorefile } from '../../server/src/core/corefile/analyze.js';
import { emptyHost } from '../../server/src/core/host.js';
import { withDefaults } from '../../server/src/core/settings.js';

const rows: Array<{ corefile: string; version: string; codes: string[] }> = [
  { corefile: '. {\n  view v {\n    expr type() == "A"\n  }\n  whoami\n}\n', version: '1.9.0', codes: ['version/directive-not-available'] },
  { corefile: '. {\n  whoami\n  multisocket\n}\n', version: '1.11.1', codes: ['version/directive-not-available'] },
  { corefile: '. {\n  whoami\n  multisocket\n}\n', version: '1.12.0', codes: [] },
  { corefile: '. {\n  whoami\n  minimal\n}\n', version: '1.8.3', codes: ['version/directive-not-available'] },
  { corefile: '. {\n  whoami\n  minimal\n}\n', version: '1.8.4', codes: [] },
  { corefile: '. {\n  proxy . 8.8.8.8\n}\n', version: '1.6.0', codes: ['version/directive-removed'] },
  { corefile: '. {\n  proxy . 8.8.8.8\n}\n', version: '1.14.7', codes: ['version/directive-removed'] },
  { corefile: '. {\n  whoami\n}\n', version: '1.6.0', codes: [] },
  // Several forward lines in one block: refused up to 1.9.3, chained since 1.9.4.
  { corefile: '. {\n  forward example.org 10.0.0.1\n  forward . 10.0.0.2\n}\n', version: '1.9.3', codes: ['version/several-not-available'] },
  { corefile: '. {\n  forward example.org 10.0.0.1\n  forward . 10.0.0.2\n}\n', version: '1.9.4', codes: [] },
];

for (const row of rows) {
  test(`target ${row.version}: ${row.corefile.split('\n').slice(1, -2).map((l) => l.trim()).join('; ')}`, () => {
    const { diagnostics } = analyzeCorefile({ uri: 'file:///v/Corefile', text: row.corefile }, withDefaults({ corednsVersion: row.version }), emptyHost);
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code), row.codes);
  });
}

test('the proxy replacement is named', () => {
  const { diagnostics } = analyzeCorefile({ uri: 'file:///v/Corefile', text: '. {\n  proxy . 8.8.8.8\n}\n' }, withDefaults({}), emptyHost);
  assert.match(diagnostics[0]!.message, /Use 'forward' instead/);
});

const optionRows: Array<{ name: string; corefile: string; version: string; found: string[] }> = [
  {
    name: 'kubernetes upstream is refused from 1.7.0 and named as removed',
    corefile: 'cluster.local {\n  kubernetes cluster.local {\n    upstream\n  }\n}\n',
    version: '1.14.7',
    found: ['error version/option-removed'],
  },
  {
    name: 'kubernetes upstream is only deprecated in 1.6.9',
    corefile: 'cluster.local {\n  kubernetes cluster.local {\n    upstream\n  }\n}\n',
    version: '1.6.9',
    found: ['warning version/option-deprecated'],
  },
  {
    name: 'kubernetes transfer moved to the transfer plugin in 1.8.0',
    corefile: 'cluster.local {\n  kubernetes cluster.local {\n    transfer to *\n  }\n}\n',
    version: '1.8.0',
    found: ['error version/option-removed'],
  },
  {
    name: 'kubernetes apiserver_qps is too new for 1.13.1',
    corefile: 'cluster.local {\n  kubernetes cluster.local {\n    apiserver_qps 10\n  }\n}\n',
    version: '1.13.1',
    found: ['error version/option-not-available'],
  },
  {
    name: 'kubernetes apiserver_qps exists in 1.14.0',
    corefile: 'cluster.local {\n  kubernetes cluster.local {\n    apiserver_qps 10\n  }\n}\n',
    version: '1.14.0',
    found: [],
  },
];

for (const row of optionRows) {
  test(`target ${row.version}: ${row.name}`, () => {
    const { diagnostics } = analyzeCorefile({ uri: 'file:///v/Corefile', text: row.corefile }, withDefaults({ corednsVersion: row.version }), emptyHost);
    const found = diagnostics.filter((d) => d.code.startsWith('version/') || d.severity === 'error').map((d) => `${d.severity} ${d.code}`);
    assert.deepEqual(found, row.found);
  });
}
