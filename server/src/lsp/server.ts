// The language server: wires the LSP connection to the core. This directory is the only code that talks
// to the connection; everything it shows comes from the core's facade (server/src/core/service.ts).
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileHost } from '../core/host.js';
import { nodeHost } from '../node-host.js';
import { COMPLETION_TRIGGER_CHARACTERS, provideCompletion } from './completion.js';
import { provideDefinition } from './definition.js';
import { provideHover } from './hover.js';
import { CODE_ACTION_KINDS, provideCodeActions } from './actions.js';
import { provideInlayHints } from './inlay-hints.js';
import { provideSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './semantic-tokens.js';
import { provideSignatureHelp, SIGNATURE_TRIGGER_CHARACTERS } from './signature-help.js';
import { provideFormatting } from './format.js';
import { provideFoldingRanges } from './folding.js';
import { provideDocumentLinks } from './links.js';
import { provideDocumentSymbols } from './symbols.js';
import { runSafe } from './run-safe.js';
import { SETTINGS_SECTION, SettingsStore } from './settings.js';
import { Validator } from './validation.js';

/** Long enough to wait out a burst of keystrokes, short enough that diagnostics feel immediate. */
export const DEFAULT_VALIDATION_DELAY_MS = 150;

export interface ServerOptions {
  /** An existing connection (tests pass an in-memory one); otherwise one is made from the command line. */
  connection?: Connection;
  /** The pause after an edit before the document is analysed again; 0 analyses on every change. */
  validationDelayMs?: number;
  /** How imported files and zone files are read; the real file system unless a test gives another. */
  host?: FileHost;
}

/**
 * Starts serving on the given connection, or on the transport named on the command line (`--stdio`,
 * `--node-ipc`, `--socket=N`, `--pipe=NAME`), and returns the connection.
 */
export function startServer(options: ServerOptions = {}): Connection {
  const connection = options.connection ?? createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  let canPullSettings = false;
  let canRegisterConfiguration = false;
  let canWatchFiles = false;
  let clientSnippets = false;
  let canRefreshInlayHints = false;
  let canRefreshSemanticTokens = false;
  const settings = new SettingsStore(connection, () => canPullSettings);
  const validator = new Validator(connection, documents, settings, options.host ?? nodeHost, options.validationDelayMs ?? DEFAULT_VALIDATION_DELAY_MS);

  connection.onInitialize((params): InitializeResult => {
    const workspace = params.capabilities.workspace;
    canPullSettings = workspace?.configuration === true;
    canRegisterConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    canWatchFiles = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    clientSnippets = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    canRefreshInlayHints = workspace?.inlayHint?.refreshSupport === true;
    canRefreshSemanticTokens = workspace?.semanticTokens?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
        signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGER_CHARACTERS },
        definitionProvider: true,
        documentFormattingProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        inlayHintProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      },
      serverInfo: { name: 'corefile-lens' },
    };
  });

  connection.onInitialized(() => {
    if (canWatchFiles) {
      // The coredns and coredns-custom ConfigMaps are often in different files: when one changes on disk
      // (a git checkout, another editor), open ConfigMaps that pair with it are checked again.
      void runSafe(connection.console, 'registering a watcher for YAML files', undefined, () =>
        connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] }).then(() => undefined),
      );
    }
    if (!canRegisterConfiguration) return;
    // Asks the client to tell us when the `corefileLens` section changes, so open documents are checked
    // again with the new values.
    void runSafe(connection.console, 'registering for configuration changes', undefined, () =>
      connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).then(() => undefined),
    );
  });

  connection.onDidChangeWatchedFiles((params) => {
    void runSafe(connection.console, 'handling changed YAML files', undefined, async () => {
      for (const change of params.changes) {
        const kind = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
        await validator.watchedFileChanged(change.uri, kind);
      }
    });
  });

  connection.onDidChangeConfiguration((params) => {
    void runSafe(connection.console, 'applying changed settings', undefined, () => {
      settings.changed(params.settings);
      validator.validateAll();
      // The editor asks for hints again only when told: a changed setting may change them.
      if (canRefreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
      // The target release and the declared external plugins decide some colours.
      if (canRefreshSemanticTokens) {
        // Typed as void by the library but a request underneath: its answer is of no interest, and a client
        // that goes away before answering must not leave an unhandled rejection.
        const pending: unknown = connection.languages.semanticTokens.refresh();
        if (pending instanceof Promise) pending.catch(() => undefined);
      }
    });
  });

  connection.onCompletion((params) =>
    runSafe(connection.console, `completion in ${params.textDocument.uri}`, null, () =>
      provideCompletion(params, documents, settings, options.host ?? nodeHost, validator.workspace, clientSnippets),
    ),
  );

  connection.onCodeAction((params) =>
    runSafe(connection.console, `code actions in ${params.textDocument.uri}`, [], () =>
      provideCodeActions(params, documents, settings, options.host ?? nodeHost, validator.workspace),
    ),
  );

  connection.onHover((params) =>
    runSafe(connection.console, `hover in ${params.textDocument.uri}`, null, () => provideHover(params, documents, settings, options.host ?? nodeHost)),
  );

  connection.onSignatureHelp((params) =>
    runSafe(connection.console, `signature help in ${params.textDocument.uri}`, null, () => provideSignatureHelp(params, documents, settings, options.host ?? nodeHost)),
  );

  connection.onDocumentFormatting((params) =>
    runSafe(connection.console, `formatting ${params.textDocument.uri}`, [], () => provideFormatting(params, documents)),
  );

  connection.onDefinition((params) =>
    runSafe(connection.console, `definition in ${params.textDocument.uri}`, [], () =>
      provideDefinition(params, documents, settings, options.host ?? nodeHost, validator.workspace),
    ),
  );

  connection.onDocumentSymbol((params) =>
    runSafe(connection.console, `document symbols of ${params.textDocument.uri}`, [], () => provideDocumentSymbols(params, documents, settings)),
  );

  connection.onFoldingRanges((params) =>
    runSafe(connection.console, `folding ranges of ${params.textDocument.uri}`, [], () => provideFoldingRanges(params, documents)),
  );

  connection.onDocumentLinks((params) =>
    runSafe(connection.console, `document links of ${params.textDocument.uri}`, [], () => provideDocumentLinks(params, documents, settings, options.host ?? nodeHost)),
  );

  connection.languages.semanticTokens.on((params) =>
    runSafe(connection.console, `semantic tokens of ${params.textDocument.uri}`, { data: [] }, () => provideSemanticTokens(params, documents, settings)),
  );

  connection.languages.inlayHint.on((params) =>
    runSafe(connection.console, `inlay hints of ${params.textDocument.uri}`, [], () => provideInlayHints(params, documents, settings, options.host ?? nodeHost)),
  );

  documents.onDidChangeContent((event) => {
    void runSafe(connection.console, `handling a change of ${event.document.uri}`, undefined, () => validator.contentChanged(event.document.uri));
  });

  documents.onDidClose((event) => {
    void runSafe(connection.console, `handling the close of ${event.document.uri}`, undefined, () => {
      settings.forget(event.document.uri);
      validator.closed(event.document.uri);
    });
  });

  connection.onShutdown(() => validator.dispose());

  documents.listen(connection);
  connection.listen();
  return connection;
}
