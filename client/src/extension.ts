// The extension's entry point: starts the language client when a Corefile, a resolv.conf or a YAML
// document opens, offers a command to restart the server, and stops the server when VS Code unloads us.
import { commands, window, type ExtensionContext, type OutputChannel } from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_NAME, createLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const outputChannel = window.createOutputChannel(CLIENT_NAME);
  context.subscriptions.push(outputChannel);
  const languageClient = createLanguageClient(context, outputChannel);
  client = languageClient;

  context.subscriptions.push(
    commands.registerCommand('corefileLens.restartServer', async () => {
      outputChannel.appendLine('Restarting the Corefile Lens language server.');
      try {
        // restart() stops a running server first; after a failed start there is nothing to stop.
        if (languageClient.isRunning()) await languageClient.restart();
        else await languageClient.start();
      } catch (error) {
        reportStartFailure(outputChannel, error);
      }
    }),
  );

  try {
    await languageClient.start();
  } catch (error) {
    // A server that cannot start must not fail activation: the restart command stays usable and the
    // output channel says why.
    reportStartFailure(outputChannel, error);
  }
}

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  if (!stopping) return;
  // A client that is still starting cannot be stopped yet; start() hands back the pending start, so
  // this waits for it to settle (a failed start leaves nothing to stop).
  if (stopping.state === State.Starting) await stopping.start().catch(() => undefined);
  if (stopping.isRunning()) await stopping.stop();
}

function reportStartFailure(outputChannel: OutputChannel, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  outputChannel.appendLine(`The Corefile Lens language server could not start: ${message}`);
  outputChannel.show(true);
  void window.showErrorMessage(`Corefile Lens: the language server could not start (${message}). See the "Corefile Lens" output for details.`);
}
