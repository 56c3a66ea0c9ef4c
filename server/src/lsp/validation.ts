// Keeps the diagnostics of open documents current. Typing schedules a validation after a short pause, so
// a burst of keystrokes costs one analysis; opening a document or changing settings validates at once.
// Each run gets a ticket, and only the newest run of a document may publish, so a slow settings answer for
// an older run can never overwrite newer diagnostics.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileHost } from '../core/host.js';
import { analyzeDocument } from '../core/service.js';
import { toLspDiagnostic } from './convert.js';
import { documentLanguage, pathOfUri } from './language.js';
import { runSafe } from './run-safe.js';
import type { SettingsStore } from './settings.js';

export class Validator {
  private timers = new Map<string, NodeJS.Timeout>();
  private tickets = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly host: FileHost,
    private readonly delayMs: number,
  ) {}

  /**
   * The document's text is new. Its first text (it was just opened) is validated at once, so diagnostics
   * appear as soon as a file opens; later edits wait for a pause in typing.
   */
  contentChanged(uri: string): void {
    if (this.tickets.has(uri)) this.schedule(uri);
    else void this.validate(uri);
  }

  /** Validates after the configured pause; a newer call for the same document replaces this one. */
  private schedule(uri: string): void {
    this.cancelTimer(uri);
    if (this.delayMs <= 0) {
      void this.validate(uri);
      return;
    }
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.validate(uri);
    }, this.delayMs));
  }

  validateAll(): void {
    for (const document of this.documents.all()) {
      this.cancelTimer(document.uri);
      void this.validate(document.uri);
    }
  }

  /** The document is gone: stop pending work and take its diagnostics out of the Problems view. */
  closed(uri: string): void {
    this.cancelTimer(uri);
    this.tickets.delete(uri);
    void runSafe(this.connection.console, `clearing diagnostics of ${uri}`, undefined, () =>
      this.connection.sendDiagnostics({ uri, diagnostics: [] }),
    );
  }

  private validate(uri: string): Promise<void> {
    const ticket = (this.tickets.get(uri) ?? 0) + 1;
    this.tickets.set(uri, ticket);
    return runSafe(this.connection.console, `validating ${uri}`, undefined, async () => {
      const settings = await this.settings.forDocument(uri);
      // The document may have been closed or validated again while the settings were on their way.
      const document = this.documents.get(uri);
      if (!document || this.tickets.get(uri) !== ticket) return;
      const language = documentLanguage(document.languageId, uri);
      const diagnostics = language === undefined
        ? []
        : analyzeDocument({ uri, path: pathOfUri(uri), text: document.getText(), language }, settings, this.host)
          .diagnostics.map((d) => toLspDiagnostic(d, uri));
      await this.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    });
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancelTimer(uri);
  }

  private cancelTimer(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
  }
}
