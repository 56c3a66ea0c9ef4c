// An in-memory LSP client for tests: the real server (startServer) runs in this process on one end of two
// PassThrough streams, and a protocol connection on the other end plays the editor. It answers
// workspace/configuration from a settings object the test controls and records every publishDiagnostics.
import { after, before } from 'node:test';
import { PassThrough } from 'node:stream';
import {
  ConfigurationRequest,
  CompletionRequest,
  createConnection,
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  SignatureHelpRequest,
  CodeActionRequest,
  InlayHintRequest,
  SemanticTokensRequest,
  type SemanticTokens,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  WorkspaceFoldersRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CompletionItem,
  type CompletionList,
  type ConfigurationItem,
  type Definition,
  type TextEdit,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type SymbolInformation,
  type Hover,
  type SignatureHelp,
  type CodeAction,
  type Diagnostic,
  type Command,
  type InlayHint,
  type Range,
  type LocationLink,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { memoryHost, type FileHost } from '../../server/src/core/host.js';
import { startServer } from '../../server/src/lsp/server.js';

export interface HarnessOptions {
  validationDelayMs?: number;
  host?: FileHost;
  /** Whether the client announces workspace/configuration support (VS Code does). */
  pullSettings?: boolean;
  /** Replaces the normal answer to workspace/configuration, for tests of misbehaving clients. */
  answerConfiguration?: (items: ConfigurationItem[]) => unknown[];
  /** Workspace folders (file URIs) the client announces and answers workspace/workspaceFolders with. */
  workspaceFolders?: string[];
  /** Whether the client announces that the server may ask it to refresh inlay hints and semantic tokens. */
  refreshSupport?: boolean;
  /** Whether the client announces snippet support in completion items (VS Code does; default true). */
  snippetSupport?: boolean;
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly configurationRequests: ConfigurationItem[] = [];
  /** The methods the server registered for dynamically (client/registerCapability). */
  readonly registrations: string[] = [];
  /** The refresh requests the server sent (workspace/inlayHint/refresh, workspace/semanticTokens/refresh). */
  readonly refreshes: string[] = [];
  /** What the client answers for the `corefileLens` section. */
  settings: unknown = {};
  private readonly client: ProtocolConnection;
  private readonly disposeServer: () => void;
  private waiters: Array<() => void> = [];

  constructor(private readonly options: HarnessOptions = {}) {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    // Readers and writers rather than raw streams: given streams, the library exits the process when they end.
    const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer({ connection: server, validationDelayMs: options.validationDelayMs ?? 0, ...(options.host ? { host: options.host } : {}) });
    this.client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.client.onNotification(PublishDiagnosticsNotification.type, (params) => this.record(() => this.published.push(params)));
    this.client.onNotification(LogMessageNotification.type, (params) => this.record(() => this.logs.push(params)));
    this.client.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests.push(...params.items);
      return options.answerConfiguration ? options.answerConfiguration(params.items) : params.items.map(() => this.settings);
    });
    this.client.onRequest(RegistrationRequest.type, (params) => {
      for (const r of params.registrations) this.registrations.push(r.method);
    });
    for (const method of ['workspace/inlayHint/refresh', 'workspace/semanticTokens/refresh']) {
      this.client.onRequest(method, () => this.record(() => this.refreshes.push(method)));
    }
    this.client.onRequest(WorkspaceFoldersRequest.type, () => options.workspaceFolders?.map((uri) => ({ uri, name: uri.split('/').pop() ?? uri })) ?? null);
    this.client.listen();
    this.disposeServer = () => {
      server.dispose();
      toServer.end();
      toClient.end();
    };
  }

  async initialize(): Promise<InitializeResult> {
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: this.options.pullSettings ?? true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceFolders: this.options.workspaceFolders !== undefined,
        ...(this.options.refreshSupport ? { inlayHint: { refreshSupport: true }, semanticTokens: { refreshSupport: true } } : {}),
      },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        completion: { completionItem: { snippetSupport: this.options.snippetSupport ?? true } },
      },
    };
    const folders = this.options.workspaceFolders?.map((uri) => ({ uri, name: uri.split('/').pop() ?? uri })) ?? null;
    const result = await this.client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities, workspaceFolders: folders });
    await this.client.sendNotification(InitializedNotification.type, {});
    return result;
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, ...contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Sets the answer for workspace/configuration and tells the server, as VS Code does after an edit. */
  changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    return this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: { corefileLens: settings } });
  }

  semanticTokens(uri: string): Promise<SemanticTokens | null> {
    return this.client.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
  }

  inlayHints(uri: string, range: Range): Promise<InlayHint[] | null> {
    return this.client.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<(Command | CodeAction)[] | null> {
    return this.client.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  signatureHelp(uri: string, line: number, character: number): Promise<SignatureHelp | null> {
    return this.client.sendRequest(SignatureHelpRequest.type, { textDocument: { uri }, position: { line, character }, context: { triggerKind: 2, triggerCharacter: ' ', isRetrigger: false } });
  }

  completion(uri: string, line: number, character: number, triggerCharacter?: string): Promise<CompletionList | CompletionItem[] | null> {
    const context = triggerCharacter !== undefined ? { triggerKind: 2 as const, triggerCharacter } : { triggerKind: 1 as const };
    return this.client.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character }, context });
  }

  definition(uri: string, line: number, character: number): Promise<Definition | LocationLink[] | null> {
    return this.client.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  documentSymbols(uri: string): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
    return this.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  }

  foldingRanges(uri: string): Promise<FoldingRange[] | null> {
    return this.client.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
  }

  documentLinks(uri: string): Promise<DocumentLink[] | null> {
    return this.client.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
  }

  format(uri: string): Promise<TextEdit[] | null> {
    return this.client.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
  }

  /** Waits until a diagnostics notification for `uri` satisfies `ok`, and returns it. */
  async publication(uri: string, ok: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    for (;;) {
      const found = this.published.filter((p) => p.uri === uri).find(ok);
      if (found) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Resolves once the server has asked for a refresh with `method`. */
  async refreshed(method: string): Promise<void> {
    while (!this.refreshes.includes(method)) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Any raw notification, for tests that send what a broken client might. */
  notify(method: string, params: unknown): Promise<void> {
    return this.client.sendNotification(method, params);
  }

  /** How many diagnostics notifications have arrived for `uri` so far. */
  count(uri: string): number {
    return this.published.filter((p) => p.uri === uri).length;
  }

  /** Resolves with the `n`-th (1-based) diagnostics notification for `uri`, waiting for it if need be. */
  async nthPublish(uri: string, n: number): Promise<PublishDiagnosticsParams> {
    for (;;) {
      const found = this.published.filter((p) => p.uri === uri);
      if (found.length >= n) return found[n - 1]!;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** The next diagnostics notification for `uri` after those already received. */
  nextPublish(uri: string): Promise<PublishDiagnosticsParams> {
    return this.nthPublish(uri, this.count(uri) + 1);
  }

  async dispose(): Promise<void> {
    this.client.dispose();
    this.disposeServer();
  }

  private record(push: () => void): void {
    push();
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }
}

/** A document a test opens: uri, language id as the editor names it, and text. */
export type OpenDocument = readonly [uri: string, languageId: string, text: string];

/**
 * A started client with these documents open, as the feature tests need it: the server reads no files
 * (an empty in-memory host) and, unless `options` say otherwise, the client pushes its settings.
 */
/** The client of a suite of feature tests, there once the suite's `before` has run. */
export interface SuiteClient {
  readonly client: TestClient;
  readonly initialized: InitializeResult;
}

/**
 * A client with these documents open for the tests of the enclosing `describe`: started before them and
 * disposed of after them (call it in the `describe` callback). Reading it before the start is a mistake in
 * the test, and says so.
 */
export function suiteClient(documents: readonly OpenDocument[], options: HarnessOptions = {}): SuiteClient {
  let started: { client: TestClient; initialized: InitializeResult } | undefined;
  before(async () => {
    started = await clientWith(documents, options);
  });
  after(() => started?.client.dispose());
  const get = (): { client: TestClient; initialized: InitializeResult } => {
    if (started === undefined) throw new Error('the suite client is read before the suite has started');
    return started;
  };
  return {
    get client() {
      return get().client;
    },
    get initialized() {
      return get().initialized;
    },
  };
}

export async function clientWith(documents: readonly OpenDocument[], options: HarnessOptions = {}): Promise<{ client: TestClient; initialized: InitializeResult }> {
  const client = new TestClient({ pullSettings: false, host: memoryHost({}), ...options });
  const initialized = await client.initialize();
  for (const [uri, languageId, text] of documents) await client.open(uri, languageId, text);
  return { client, initialized };
}
