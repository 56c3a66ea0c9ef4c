// Waiting for what the language server sends, without fixed sleeps: every helper listens for the
// event that carries the change and gives up with a descriptive error after a generous bound, so a
// broken server fails the test instead of hanging the run.
import * as vscode from 'vscode';

const DEFAULT_BOUND_MS = 30_000;

export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what: string,
  boundMs = DEFAULT_BOUND_MS,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const check = (): void => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (accept(diagnostics)) {
        finish();
        resolve(diagnostics);
      }
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      finish();
      const last = vscode.languages.getDiagnostics(uri).map(describeDiagnostic);
      reject(new Error(`gave up waiting for ${what} in ${uri.fsPath}; its diagnostics were: ${JSON.stringify(last)}`));
    }, boundMs);
    function finish(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

export async function waitUntil(condition: () => boolean, what: string, boundMs = DEFAULT_BOUND_MS): Promise<void> {
  const giveUpAt = Date.now() + boundMs;
  while (!condition()) {
    if (Date.now() > giveUpAt) throw new Error(`gave up waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  const severity = vscode.DiagnosticSeverity[diagnostic.severity];
  return `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${severity} ${diagnosticCode(diagnostic)}: ${diagnostic.message}`;
}

export const isError = (diagnostic: vscode.Diagnostic): boolean =>
  diagnostic.severity === vscode.DiagnosticSeverity.Error;
