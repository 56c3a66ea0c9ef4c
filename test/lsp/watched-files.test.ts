// The coredns and coredns-custom ConfigMaps often live in different files, and the one that is not open can
// change on disk (a git checkout, another editor). The server watches YAML files through the client and
// checks the open ConfigMaps again: each step below changes the closed file and says what the open one
// must then report.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TestClient } from './harness.js';

const mainConfigMap = (server: string): string =>
  `kind: ConfigMap\nmetadata:\n  name: coredns\ndata:\n  Corefile: |\n    ${server} {\n        forward . 10.0.0.2\n    }\n    import /etc/coredns/custom/*.server\n`;
const CUSTOM = 'kind: ConfigMap\nmetadata:\n  name: coredns-custom\ndata:\n  default.server: |\n    .:53 {\n        whoami\n    }\n';

describe('watched YAML files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corefile-lens-watch-'));
  const mainPath = join(dir, 'coredns.yaml');
  const mainUri = pathToFileURL(mainPath).href;
  const customUri = pathToFileURL(join(dir, 'coredns-custom.yaml')).href;
  let client: TestClient;

  before(async () => {
    writeFileSync(mainPath, mainConfigMap('.:53'));
    client = new TestClient({ workspaceFolders: [pathToFileURL(dir).href] });
    await client.initialize();
  });
  after(async () => {
    await client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const codes = async (change: () => Promise<void>): Promise<string[]> => {
    const next = client.nextPublish(customUri);
    await change();
    return (await next).diagnostics.map((d) => String(d.code));
  };

  it('registers a watcher for YAML files', async () => {
    await client.open(customUri, 'yaml', CUSTOM);
    await client.nthPublish(customUri, 1);
    assert.ok(client.registrations.includes('workspace/didChangeWatchedFiles'));
  });

  const steps: Array<{ name: string; change: () => void; type: 1 | 2 | 3; expected: string[] }> = [
    { name: 'the main file stops serving .:53: no clash any more', change: () => writeFileSync(mainPath, mainConfigMap('.:5353')), type: 2, expected: [] },
    { name: 'it serves .:53 again: the clash is back', change: () => writeFileSync(mainPath, mainConfigMap('.:53')), type: 2, expected: ['core/duplicate-address'] },
    { name: 'the main file is deleted: the key is checked alone', change: () => rmSync(mainPath), type: 3, expected: [] },
    { name: 'it is created again: the clash is back', change: () => writeFileSync(mainPath, mainConfigMap('.:53')), type: 1, expected: ['core/duplicate-address'] },
  ];
  it('starts with the clash the file on disk causes', async () => {
    const found = client.published.filter((p) => p.uri === customUri).pop()!;
    assert.deepEqual(found.diagnostics.map((d) => String(d.code)), ['core/duplicate-address']);
  });
  for (const step of steps) {
    it(step.name, async () => {
      const found = await codes(async () => {
        step.change();
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: mainUri, type: step.type }] });
      });
      assert.deepEqual(found, step.expected);
    });
  }
});
