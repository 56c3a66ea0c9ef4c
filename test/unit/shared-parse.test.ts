// The editor features share one parse per document version (server/src/core/features/shared-parse.ts):
// the same text gives the same tree to every feature, a tree-only feature takes whichever tree of the text
// exists, an edit makes a new one, and only a few recent texts are kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeCorefile } from '../../server/src/core/corefile/analyze.js';
import { anyTreeFor, embeddedFor, treeFor } from '../../server/src/core/features/shared-parse.js';
import { emptyHost } from '../../server/src/core/host.js';
import { analyzeDocument } from '../../server/src/core/service.js';
import { defaultSettings } from '../../server/src/core/settings.js';

const corefile = (n: number): string => `example${n}.org {\n    whoami\n}\n`;

test('one tree per text and uri; tree-only features reuse it', () => {
  const text = corefile(1);
  const tree = treeFor(text, 'file:///a/Corefile');
  assert.equal(treeFor(text, 'file:///a/Corefile'), tree, 'asked again: the same tree');
  assert.equal(anyTreeFor(text), tree, 'a tree-only feature takes the existing tree');
  const other = treeFor(text, 'file:///b/Corefile');
  assert.notEqual(other, tree, 'another uri: its own tree, whose tokens carry that uri');
  assert.equal(other.tokens[0]!.source.uri, 'file:///b/Corefile');
});

test('an edit makes a new tree; old texts are dropped after a few', () => {
  const first = anyTreeFor(corefile(100));
  assert.notEqual(anyTreeFor(corefile(101)), first);
  for (let i = 102; i < 120; i++) anyTreeFor(corefile(i));
  assert.notEqual(anyTreeFor(corefile(100)), first, 'parsed again once it fell out');
});

test('the ConfigMaps of a YAML text are found once', () => {
  const yaml = 'kind: ConfigMap\ndata:\n  Corefile: |\n    . {\n        whoami\n    }\n';
  const found = embeddedFor(yaml);
  assert.equal(found.length, 1);
  assert.equal(embeddedFor(yaml), found);
});

test('diagnostics of an editor document use the shared tree; a tree of another document is not used', () => {
  const text = corefile(7);
  const uri = 'file:///ws/Corefile';
  const tree = treeFor(text, uri);
  assert.equal(analyzeCorefile({ uri, text, tree }, defaultSettings, emptyHost).tree, tree);
  assert.notEqual(analyzeCorefile({ uri: 'file:///other/Corefile', text, tree }, defaultSettings, emptyHost).tree, tree);
  // Through the facade: the same findings with and without the shared parse.
  const plain = analyzeDocument({ uri, text: `${text}bogus\n`, language: 'corefile' }, defaultSettings, emptyHost);
  const shared = analyzeDocument({ uri, text: `${text}bogus\n`, language: 'corefile', shareParse: true }, defaultSettings, emptyHost);
  assert.deepEqual(shared, plain);
});
