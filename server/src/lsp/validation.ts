// Keeps the diagnostics of open documents current. Typing schedules a validation after a short pause, so
// a burst of keystrokes costs one analysis; opening a document or changing settings validates at once.
// Each run gets a ticket, and only the newest run of a document may publish, so a slow settings answer for
// an older run can never overwrite newer diagnostics. A YAML document is analysed with the other YAML
// files in reach (the coredns and coredns-custom ConfigMaps are often apart), and an edit of one such file
// validates the other open ones again, since their findings may depend on it.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { mayHoldCorefiles } from '../core/embedded/find.js';
import type { FileHost } from '../core/host.js';
import { analyzeDocument } from '../core/service.js';
import { toLspDiagnostic } from './convert.js';
import { documentLanguage, pathOfUri } from './language.js';
import { runSafe } from './run-safe.js';
import type { SettingsStore } from './settings.js';
import { WorkspaceYaml } from './workspace-yaml.js';

export class Validator {
  private timers = new Map<string, NodeJS.Timeout>();
  private tickets = new Map<string, number>();
  /** The YAML files in reach, shared with the requests that look across files (go to definition). */
  readonly workspace: WorkspaceYaml;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly host: FileHost,
    private readonly delayMs: number,
  ) {
    this.workspace = new WorkspaceYaml(connection, documents);
  }

  /**
   * The document's text is new. Its first text (it was just opened) is validated at once, so diagnostics
   * appear as soon as a file opens; later edits wait for a pause in typing.
   */
  contentChanged(uri: string): void {
    if (this.tickets.has(uri)) this.schedule(uri);
    else void this.validate(uri);
    this.dependentsChanged(uri);
  }

  /**
   * A YAML document that may hold a Corefile changed (or closed, so its file on disk counts again): the
   * other open YAML documents that may hold one are validated again after the usual pause.
   */
  private dependentsChanged(uri: string): void {
    const document = this.documents.get(uri);
    if (document !== undefined && (documentLanguage(document.languageId, uri) !== 'yaml' || !mayHoldCorefiles(document.getText()))) return;
    for (const other of this.workspace.openSources()) if (other.uri !== uri) this.schedule(other.uri);
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

  /** A YAML file on disk changed: the open YAML documents that may pair with it are checked again. */
  async watchedFileChanged(uri: string, kind: 'created' | 'changed' | 'deleted'): Promise<void> {
    if (this.documents.get(uri) !== undefined) return; // The editor's copy is what counts while it is open.
    if (!(await this.workspace.fileChanged(uri, kind))) return;
    for (const other of this.workspace.openSources()) this.schedule(other.uri);
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
    if (documentLanguage('', uri) === 'yaml') this.dependentsChanged(uri);
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
      const text = document.getText();
      const workspace = language === 'yaml' && mayHoldCorefiles(text) ? await this.workspace.sources() : undefined;
      // Reading the workspace may take a moment; the document may have changed or closed meanwhile, and
      // then the run that change scheduled publishes instead.
      if (this.tickets.get(uri) !== ticket || this.documents.get(uri)?.version !== document.version) return;
      const diagnostics = language === undefined
        ? []
        : analyzeDocument({ uri, path: pathOfUri(uri), text, language, shareParse: true, ...(workspace ? { workspace } : {}) }, settings, this.host)
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
