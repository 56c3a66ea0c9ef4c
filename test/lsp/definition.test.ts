// textDocument/definition through the real language server on an in-memory connection, and the workspace
// pairing of ConfigMaps across open documents: the coredns ConfigMap in one document, coredns-custom in
// another. Definition from `import /etc/coredns/custom/*.server` leads to the keys of the other document,
// and an edit of one document validates the other again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { memoryHost } from '../../server/src/core/host.js';
import { TestClient } from './harness.js';

const newClient = (): TestClient => new TestClient({ host: memoryHost({}) });

const MAIN_URI = 'file:///ws/coredns.yaml';
const CUSTOM_URI = 'file:///ws/coredns-custom.yaml';
const main = (serverImport: boolean): string =>
  `kind: ConfigMap\nmetadata:\n  name: coredns\ndata:\n  Corefile: |\n    .:53 {\n        cache 30\n    }\n${serverImport ? '    import /etc/coredns/custom/*.server\n' : ''}`;
const custom = 'kind: ConfigMap\nmetadata:\n  name: coredns-custom\ndata:\n  dup.server: |\n    .:53 {\n    }\n';

let client: TestClient;
before(async () => {
  client = newClient();
  await client.initialize();
});
after(() => client.dispose());

test('the server announces definitions', async () => {
  const fresh = newClient();
  try {
    assert.equal((await fresh.initialize()).capabilities.definitionProvider, true);
  } finally {
    await fresh.dispose();
  }
});

test('ConfigMaps in two open documents: diagnostics and definition across them', async () => {
  await client.open(MAIN_URI, 'yaml', main(true));
  await client.open(CUSTOM_URI, 'yaml', custom);
  const withDuplicate = await client.publication(CUSTOM_URI, (p) => p.diagnostics.some((d) => d.code === 'core/duplicate-address'));
  const duplicate = withDuplicate.diagnostics.find((d) => d.code === 'core/duplicate-address')!;
  assert.deepEqual(duplicate.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 8 } });
  assert.deepEqual(duplicate.relatedInformation?.[0]?.location, { uri: MAIN_URI, range: { start: { line: 5, character: 4 }, end: { line: 5, character: 8 } } });

  const locations = await client.definition(MAIN_URI, 8, 20);
  assert.deepEqual(locations, [{ uri: CUSTOM_URI, range: { start: { line: 4, character: 2 }, end: { line: 4, character: 12 } } }]);

  // Without the import, the main Corefile no longer reads the custom mount: the other document is
  // validated again, alone, and the duplicate is gone.
  const seen = client.published.filter((p) => p.uri === CUSTOM_URI).length;
  await client.change(MAIN_URI, 2, { text: main(false) });
  const later = await client.publication(CUSTOM_URI, (p) => client.published.filter((q) => q.uri === CUSTOM_URI).indexOf(p) >= seen);
  assert.deepEqual(later.diagnostics, []);
});
