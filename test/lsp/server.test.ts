// Drives the real language server over an in-memory connection: capabilities, document sync, diagnostics,
// settings and robustness against a misbehaving client.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity, TextDocumentSyncKind, type Diagnostic } from 'vscode-languageserver/node';
import { memoryHost } from '../../server/src/core/host.js';
import { TestClient } from './harness.js';

const brokenCorefile = '. {\n  whoami\n';
const unknownDirective = '. {\n  notaplugin\n}\n';

const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code)).sort();

describe('language server', { timeout: 30_000 }, () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(() => client.dispose());

  test('announces incremental sync', async () => {
    const other = new TestClient();
    const result = await other.initialize();
    await other.dispose();
    assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
    assert.equal(result.serverInfo?.name, 'corefile-lens');
  });

  test('reports an unclosed block on open and clears it once the block is closed', async () => {
    const uri = 'file:///ws/broken/Corefile';
    const first = client.nextPublish(uri);
    await client.open(uri, 'corefile', brokenCorefile);
    const opened = await first;
    assert.equal(opened.version, 1);
    const unclosed = opened.diagnostics.find((d) => d.code === 'syntax/unclosed-block');
    assert.ok(unclosed, `expected syntax/unclosed-block, got ${JSON.stringify(opened.diagnostics)}`);
    assert.equal(unclosed.severity, DiagnosticSeverity.Error);
    assert.equal(unclosed.source, 'corefile-lens');
    assert.deepEqual(unclosed.range.start, { line: 0, character: 2 });

    // An incremental edit: only the closing brace is sent, at the end of the document.
    const second = client.nextPublish(uri);
    await client.change(uri, 2, { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '}\n' });
    const fixed = await second;
    assert.equal(fixed.version, 2);
    assert.deepEqual(fixed.diagnostics, []);
  });

  test('re-validates open documents when the settings change', async () => {
    const uri = 'file:///ws/custom/Corefile';
    client.settings = {};
    const first = client.nextPublish(uri);
    await client.open(uri, 'corefile', unknownDirective);
    assert.deepEqual(codes((await first).diagnostics), ['core/unknown-directive']);
    assert.ok(client.configurationRequests.some((item) => item.section === 'corefileLens' && item.scopeUri === uri));

    const second = client.nextPublish(uri);
    await client.changeSettings({ externalPlugins: ['notaplugin'] });
    assert.deepEqual((await second).diagnostics, []);

    const third = client.nextPublish(uri);
    await client.changeSettings({ externalPlugins: [] });
    assert.deepEqual(codes((await third).diagnostics), ['core/unknown-directive']);
  });

  test('re-validates a resolv.conf when the resolver setting changes', async () => {
    const uri = 'file:///ws/pod/resolv.conf';
    client.settings = { resolver: 'glibc' };
    const first = client.nextPublish(uri);
    await client.open(uri, 'resolvconf', 'options edns0 rotate\nnameserver 1.1.1.1\n');
    assert.deepEqual((await first).diagnostics, []);

    const second = client.nextPublish(uri);
    await client.changeSettings({ resolver: 'musl' });
    const musl = (await second).diagnostics;
    assert.deepEqual(codes(musl), ['resolvconf/ignored-by-musl', 'resolvconf/ignored-by-musl']);
    assert.deepEqual(musl.map((d) => d.severity), [DiagnosticSeverity.Information, DiagnosticSeverity.Information]);
    client.settings = {};
  });

  // Which analysis a document gets: its languageId first, then its file name.
  const languageCases: Array<{ name: string; uri: string; languageId: string; text: string; expected: string[] }> = [
    { name: 'corefile by languageId, any name', uri: 'file:///ws/lang/notes.txt', languageId: 'corefile', text: brokenCorefile, expected: ['syntax/unclosed-block'] },
    { name: 'plaintext named Corefile', uri: 'file:///ws/lang/Corefile', languageId: 'plaintext', text: brokenCorefile, expected: ['syntax/unclosed-block'] },
    { name: 'plaintext named *.corefile, unsaved', uri: 'untitled:scratch.corefile', languageId: 'plaintext', text: brokenCorefile, expected: ['syntax/unclosed-block'] },
    { name: 'plaintext with an unknown name', uri: 'file:///ws/lang/readme.txt', languageId: 'plaintext', text: brokenCorefile, expected: [] },
    { name: 'resolvconf by languageId', uri: 'file:///ws/lang/pod.conf', languageId: 'resolvconf', text: 'nameserver 999.1.1.1\n', expected: ['resolvconf/invalid-nameserver', 'resolvconf/no-nameserver'] },
    { name: 'plaintext named resolv.conf', uri: 'file:///ws/lang/resolv.conf', languageId: 'plaintext', text: 'nameserver 999.1.1.1\n', expected: ['resolvconf/invalid-nameserver', 'resolvconf/no-nameserver'] },
    { name: 'yaml', uri: 'file:///ws/lang/coredns.yaml', languageId: 'yaml', text: 'kind: ConfigMap\n', expected: [] },
  ];
  for (const c of languageCases) {
    test(`language: ${c.name}`, async () => {
      const published = client.nextPublish(c.uri);
      await client.open(c.uri, c.languageId, c.text);
      assert.deepEqual(codes((await published).diagnostics), c.expected);
    });
  }

  test('clears the diagnostics of a closed document', async () => {
    const uri = 'file:///ws/closing/Corefile';
    const opened = client.nextPublish(uri);
    await client.open(uri, 'corefile', brokenCorefile);
    assert.equal((await opened).diagnostics.length > 0, true);
    const closed = client.nextPublish(uri);
    await client.close(uri);
    const cleared = await closed;
    assert.deepEqual(cleared.diagnostics, []);
    assert.equal(cleared.version, undefined);
  });
});

describe('language server settings and files', { timeout: 30_000 }, () => {
  test('an error in an imported file is shown at the import, with the file as related information', async () => {
    const host = memoryHost({ '/ws/Corefile': '', '/ws/snippets/extra.conf': 'notaplugin\n' });
    const client = new TestClient({ host });
    await client.initialize();
    const uri = 'file:///ws/Corefile';
    const published = client.nextPublish(uri);
    await client.open(uri, 'corefile', '. {\n  import snippets/extra.conf\n}\n');
    const [d, ...rest] = (await published).diagnostics;
    await client.dispose();
    assert.equal(rest.length, 0);
    assert.equal(d?.code, 'core/unknown-directive');
    assert.equal(d?.range.start.line, 1);
    assert.deepEqual(d?.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]), [['file:///ws/snippets/extra.conf', 0]]);
  });

  test('a client without workspace/configuration gets the settings it pushes', async () => {
    const client = new TestClient({ pullSettings: false });
    await client.initialize();
    const uri = 'file:///ws/push/Corefile';
    const first = client.nextPublish(uri);
    await client.open(uri, 'corefile', unknownDirective);
    assert.deepEqual(codes((await first).diagnostics), ['core/unknown-directive']);
    const second = client.nextPublish(uri);
    await client.changeSettings({ externalPlugins: ['notaplugin'] });
    const after = await second;
    await client.dispose();
    assert.deepEqual(after.diagnostics, []);
    assert.equal(client.configurationRequests.length, 0);
  });

  // Whatever a client sends as settings, documents are still analysed, with the defaults for bad values.
  const badSettings: Array<{ name: string; answer: unknown }> = [
    { name: 'null', answer: null },
    { name: 'a string', answer: 'corefileLens' },
    { name: 'wrong types', answer: { corednsVersion: 7, externalPlugins: 'notaplugin', env: ['A'], resolver: 'bsd' } },
    { name: 'a malformed version', answer: { corednsVersion: 'latest' } },
  ];
  for (const c of badSettings) {
    test(`settings of ${c.name} fall back to the defaults`, async () => {
      const client = new TestClient({ answerConfiguration: (items) => items.map(() => c.answer) });
      await client.initialize();
      const uri = 'file:///ws/bad-settings/Corefile';
      const published = client.nextPublish(uri);
      await client.open(uri, 'corefile', unknownDirective);
      const result = await published;
      await client.dispose();
      assert.deepEqual(codes(result.diagnostics), ['core/unknown-directive']);
    });
  }

  test('a client that fails workspace/configuration still gets diagnostics, and a warning in the log', async () => {
    const client = new TestClient({
      answerConfiguration: () => {
        throw new Error('configuration is broken');
      },
    });
    await client.initialize();
    const uri = 'file:///ws/failing/Corefile';
    const published = client.nextPublish(uri);
    await client.open(uri, 'corefile', unknownDirective);
    const result = await published;
    await client.dispose();
    assert.deepEqual(codes(result.diagnostics), ['core/unknown-directive']);
    assert.ok(client.logs.some((l) => l.message.includes('could not read the corefileLens settings')));
  });

  test('survives notifications about documents it never saw and keeps serving', async () => {
    const client = new TestClient();
    await client.initialize();
    await client.notify('textDocument/didChange', { textDocument: { uri: 'file:///ws/ghost/Corefile', version: 3 }, contentChanges: [{ text: 'x' }] });
    await client.notify('textDocument/didClose', { textDocument: { uri: 'file:///ws/ghost/Corefile' } });
    await client.notify('textDocument/didChange', { textDocument: { uri: 'file:///ws/ghost/Corefile' }, contentChanges: [{ text: 'x' }] });
    const uri = 'file:///ws/alive/Corefile';
    const published = client.nextPublish(uri);
    await client.open(uri, 'corefile', brokenCorefile);
    const result = await published;
    await client.dispose();
    assert.deepEqual(codes(result.diagnostics), ['syntax/unclosed-block']);
  });

  test('with a validation delay, a burst of edits is analysed once, at its last version', async () => {
    // The delay only has to be longer than the gap between three notifications sent back to back.
    const client = new TestClient({ validationDelayMs: 1000 });
    await client.initialize();
    const uri = 'file:///ws/typing/Corefile';
    const opened = client.nextPublish(uri);
    await client.open(uri, 'corefile', brokenCorefile);
    assert.equal((await opened).version, 1, 'opening validates without waiting');
    const settled = client.nextPublish(uri);
    await client.change(uri, 2, { text: '. {\n  whoami\n}' });
    await client.change(uri, 3, { text: '. {\n  notaplugin\n}' });
    await client.change(uri, 4, { text: '. {\n  whoami\n}\n' });
    const result = await settled;
    await client.dispose();
    assert.equal(result.version, 4);
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(client.published.filter((p) => p.uri === uri).map((p) => p.version), [1, 4]);
  });
});
