// Creates the language client that runs the bundled Corefile Lens server in a Node child process.
// Everything the editor shows about Corefiles and resolv.conf comes from that server; this file only
// decides which documents it sees and how it is started.
import * as path from 'node:path';
import type { ExtensionContext, OutputChannel } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** The id also names the `corefileLens.trace.server` setting the client reads on its own. */
export const CLIENT_ID = 'corefileLens';
export const CLIENT_NAME = 'Corefile Lens';
export const SETTINGS_SECTION = 'corefileLens';

// Only documents on disk and unsaved ones: the server resolves `import` paths and zone files relative to
// a document's folder, which other schemes (git:, diff views, output) do not have, and it would report
// the same problems a second time for every diff view of a file.
// YAML documents are all sent, because only the server can tell which ConfigMaps hold a Corefile.
const schemes = ['file', 'untitled'];
export const documentSelector: DocumentSelector = ['corefile', 'resolvconf', 'yaml'].flatMap((language) =>
  schemes.map((scheme) => ({ language, scheme })),
);

export function createLanguageClient(context: ExtensionContext, outputChannel: OutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6039'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel,
    diagnosticCollectionName: 'corefile-lens',
    // Sends the whole `corefileLens` section once the server is up and again on every change to it;
    // the server also may ask for it per document with workspace/configuration.
    synchronize: { configurationSection: SETTINGS_SECTION },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
