// textDocument/definition through the real language server on an in-memory connection, and the workspace
// pairing of ConfigMaps across open documents: the coredns ConfigMap in one document, coredns-custom in
// another. Definition from `import /etc/coredns/custom/*.server` leads to the keys of the other document,
// and an edit of one document validates the other again.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import {
  createConnection,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type Location,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { memoryHost } from '../../server/src/core/host.js';
import { startServer } from '../../server/src/lsp/server.js';

class DefinitionClient {
  readonly published: PublishDiagnosticsParams[] = [];
  private readonly client: ProtocolConnection;
  private readonly stop: () => void;
  private waiters: Array<() => void> = [];

  constructor() {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer({ connection: server, validationDelayMs: 0, host: memoryHost({}) });
    this.client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.client.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      const waiting = this.waiters;
      this.waiters = [];
      for (const wake of waiting) wake();
    });
    this.client.listen();
    this.stop = () => {
      this.client.dispose();
      server.dispose();
      toServer.end();
      toClient.end();
    };
  }

  async initialize(): Promise<InitializeResult> {
    const result = await this.client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null });
    await this.client.sendNotification(InitializedNotification.type, {});
    return result;
  }

  open(uri: string, text: string): Promise<void> {
    return this.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  replace(uri: string, version: number, text: string): Promise<void> {
    return this.client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  definition(uri: string, line: number, character: number): Promise<Location[] | null> {
    return this.client.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line, character } }) as Promise<Location[] | null>;
  }

  /** Waits until a publication for `uri` satisfies `ok`, and returns it. */
  async publication(uri: string, ok: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    for (;;) {
      const found = this.published.filter((p) => p.uri === uri).find(ok);
      if (found) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  dispose(): void {
    this.stop();
  }
}

const MAIN_URI = 'file:///ws/coredns.yaml';
const CUSTOM_URI = 'file:///ws/coredns-custom.yaml';
const main = (serverImport: boolean): string =>
  `kind: ConfigMap\nmetadata:\n  name: coredns\ndata:\n  Corefile: |\n    .:53 {\n        cache 30\n    }\n${serverImport ? '    import /etc/coredns/custom/*.server\n' : ''}`;
const custom = 'kind: ConfigMap\nmetadata:\n  name: coredns-custom\ndata:\n  dup.server: |\n    .:53 {\n    }\n';

let client: DefinitionClient;
before(async () => {
  client = new DefinitionClient();
  await client.initialize();
});
after(() => client.dispose());

test('the server announces definitions', async () => {
  const fresh = new DefinitionClient();
  try {
    assert.equal((await fresh.initialize()).capabilities.definitionProvider, true);
  } finally {
    fresh.dispose();
  }
});

test('ConfigMaps in two open documents: diagnostics and definition across them', async () => {
  await client.open(MAIN_URI, main(true));
  await client.open(CUSTOM_URI, custom);
  const withDuplicate = await client.publication(CUSTOM_URI, (p) => p.diagnostics.some((d) => d.code === 'core/duplicate-address'));
  const duplicate = withDuplicate.diagnostics.find((d) => d.code === 'core/duplicate-address')!;
  assert.deepEqual(duplicate.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 8 } });
  assert.deepEqual(duplicate.relatedInformation?.[0]?.location, { uri: MAIN_URI, range: { start: { line: 5, character: 4 }, end: { line: 5, character: 8 } } });

  const locations = await client.definition(MAIN_URI, 8, 20);
  assert.deepEqual(locations, [{ uri: CUSTOM_URI, range: { start: { line: 4, character: 2 }, end: { line: 4, character: 12 } } }]);

  // Without the import, the main Corefile no longer reads the custom mount: the other document is
  // validated again, alone, and the duplicate is gone.
  const seen = client.published.filter((p) => p.uri === CUSTOM_URI).length;
  await client.replace(MAIN_URI, 2, main(false));
  const later = await client.publication(CUSTOM_URI, (p) => client.published.filter((q) => q.uri === CUSTOM_URI).indexOf(p) >= seen);
  assert.deepEqual(later.diagnostics, []);
});
