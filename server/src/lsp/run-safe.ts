// Every handler the server registers runs through runSafe. A bug in one analysis must never take the
// language server down (VS Code would stop showing anything for every open file), so an exception is
// written to the connection's console and the client gets a harmless answer instead.
import type { RemoteConsole } from 'vscode-languageserver/node';

/**
 * Runs `work` and returns its result, or `fallback` when it throws or its promise rejects. `what`
 * names the handler in the log line, so a report says which request failed.
 */
export async function runSafe<T>(console: Pick<RemoteConsole, 'error'>, what: string, fallback: T, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    try {
      console.error(`Corefile Lens: ${what} failed: ${detail}`);
    } catch {
      // The connection itself may be gone (the client closed it); there is nobody left to tell.
    }
    return fallback;
  }
}
