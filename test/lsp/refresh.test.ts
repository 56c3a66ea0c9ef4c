// Inlay hints and semantic tokens depend on settings (the targeted release, declared external plugins, the
// execution-order hints switch). The editor asks for them again only when told to: a settings change makes
// the server send both refresh requests to a client that supports them, and nothing to one that does not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientWith } from './harness.js';

test('a settings change asks the editor to refresh inlay hints and semantic tokens', async () => {
  const { client } = await clientWith([['file:///ws/Corefile', 'corefile', '.:53 {\n    whoami\n}\n']], { refreshSupport: true });
  try {
    await client.changeSettings({ corednsVersion: '1.9.0' });
    await client.refreshed('workspace/inlayHint/refresh');
    await client.refreshed('workspace/semanticTokens/refresh');
  } finally {
    await client.dispose();
  }
});

test('a client without refresh support is not asked', async () => {
  const { client } = await clientWith([['file:///ws/Corefile', 'corefile', '.:53 {\n    whoami\n}\n']]);
  try {
    const published = client.nextPublish('file:///ws/Corefile');
    await client.changeSettings({ corednsVersion: '1.9.0' });
    await published;
    assert.deepEqual(client.refreshes, []);
  } finally {
    await client.dispose();
  }
});
