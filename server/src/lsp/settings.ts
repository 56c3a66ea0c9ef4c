// Per-document analysis settings from the client's `corefileLens` section. Settings are resource-scoped
// in package.json (a folder may target another CoreDNS release), so they are asked for per document with
// workspace/configuration and kept until the configuration changes. A client that cannot answer that
// request gets the values it pushes with workspace/didChangeConfiguration instead.
import type { Connection } from 'vscode-languageserver/node';
import { withDefaults, type AnalysisSettings } from '../core/settings.js';

export const SETTINGS_SECTION = 'corefileLens';

const versionPattern = /^\d+\.\d+\.\d+$/;

/**
 * Reads whatever the client sent into valid settings. Values of the wrong shape are dropped rather than
 * trusted: the user can type anything into settings.json, and a bad value must not break analysis.
 */
export function settingsFromConfiguration(raw: unknown): AnalysisSettings {
  const section = isRecord(raw) ? raw : {};
  const partial: Partial<AnalysisSettings> = {};
  const version = section['corednsVersion'];
  if (typeof version === 'string' && versionPattern.test(version.trim())) partial.corednsVersion = version.trim();
  const plugins = section['externalPlugins'];
  if (Array.isArray(plugins)) partial.externalPlugins = plugins.filter((p): p is string => typeof p === 'string' && p.trim() !== '').map((p) => p.trim());
  const env = section['env'];
  if (isRecord(env)) {
    partial.env = {};
    for (const [key, value] of Object.entries(env)) {
      if (typeof value === 'string') partial.env[key] = value;
      else if (typeof value === 'number' || typeof value === 'boolean') partial.env[key] = String(value);
    }
  }
  const resolver = section['resolver'];
  if (resolver === 'glibc' || resolver === 'musl') partial.resolver = resolver;
  // VS Code hands dotted setting names over as nested objects; a flat key is accepted from other clients.
  const inlay = section['inlayHints'];
  const executionOrder = isRecord(inlay) ? inlay['executionOrder'] : section['inlayHints.executionOrder'];
  if (typeof executionOrder === 'boolean') partial['inlayHints.executionOrder'] = executionOrder;
  return withDefaults(partial);
}

export class SettingsStore {
  private pulled = new Map<string, Promise<AnalysisSettings>>();
  private pushed: AnalysisSettings = withDefaults(undefined);

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  /** The settings for one document; asks the client once per document until the configuration changes. */
  forDocument(uri: string): Promise<AnalysisSettings> {
    if (!this.canPull()) return Promise.resolve(this.pushed);
    let settings = this.pulled.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(settingsFromConfiguration, (error: unknown) => {
          // Without an answer the document is still worth analysing, with the last known values.
          this.connection.console.warn(`Corefile Lens: could not read the ${SETTINGS_SECTION} settings for ${uri} (${String(error)}); using the last known ones.`);
          this.pulled.delete(uri);
          return this.pushed;
        });
      this.pulled.set(uri, settings);
    }
    return settings;
  }

  /** Forgets every cached answer; `notified` is the payload of didChangeConfiguration, if any. */
  changed(notified: unknown): void {
    this.pulled.clear();
    if (isRecord(notified) && SETTINGS_SECTION in notified) this.pushed = settingsFromConfiguration(notified[SETTINGS_SECTION]);
  }

  forget(uri: string): void {
    this.pulled.delete(uri);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
