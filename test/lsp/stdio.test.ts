// Starts the server's real entry point (server/src/main.ts) as a child process on each transport an editor
// uses, and holds one conversation with it: initialize, a diagnostic, shutdown and a clean exit.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';

const root = resolve(__dirname, '../..');
const main = join(root, 'server/src/main.ts');

const transports: Array<{ flag: string; connect: (child: ChildProcess) => [MessageReader, MessageWriter] }> = [
  { flag: '--stdio', connect: (child) => [new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)] },
  { flag: '--node-ipc', connect: (child) => [new IPCMessageReader(child), new IPCMessageWriter(child)] },
];

for (const transport of transports) {
  test(`the server runs on its own with ${transport.flag}`, { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, transport.flag], { cwd: root, stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'exit');
    const [reader, writer] = transport.connect(child);
    const client = createProtocolConnection(reader, writer);
    const published = new Promise<PublishDiagnosticsParams>((resolvePublish) => client.onNotification(PublishDiagnosticsNotification.type, resolvePublish));
    client.listen();

    const init = await client.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    assert.ok(init.capabilities.textDocumentSync);
    await client.sendNotification(InitializedNotification.type, {});
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: 'file:///nowhere/Corefile', languageId: 'corefile', version: 1, text: '. {\n  whoami\n' },
    });
    const diagnostics = await published;
    assert.deepEqual(diagnostics.diagnostics.map((d) => d.code), ['syntax/unclosed-block']);

    await client.sendRequest(ShutdownRequest.type);
    await client.sendNotification(ExitNotification.type);
    const [code] = (await exited) as [number | null];
    client.dispose();
    assert.equal(code, 0, stderr);
  });
}

test('the server started without a transport says how to start it', { timeout: 60_000 }, () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', main], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /node dist\/server\.js --stdio/);
  assert.equal(result.stdout, '');
});
