// What the user can tell the analysis. The language server fills this from VS Code settings, the CLI
// from its flags; the core never reads configuration on its own.

export type ResolverKind = 'glibc' | 'musl';

export interface AnalysisSettings {
  /** The CoreDNS release the Corefile targets, as X.Y.Z. */
  corednsVersion: string;
  /** Directive names of plugins compiled into the user's own CoreDNS build. */
  externalPlugins: string[];
  /** Values for `{$VAR}` / `{%VAR%}` placeholders; a variable absent here is unknown at lint time. */
  env: Record<string, string>;
  /** The stub resolver that reads resolv.conf files: decides which options matter. */
  resolver: ResolverKind;
  /**
   * Whether inlay hints show each directive's place in its block's query chain. Named exactly as the
   * `corefileLens.inlayHints.executionOrder` setting, so the manifest test can match the two.
   */
  'inlayHints.executionOrder': boolean;
}

export const DEFAULT_COREDNS_VERSION = '1.14.7';

export const defaultSettings: AnalysisSettings = {
  corednsVersion: DEFAULT_COREDNS_VERSION,
  externalPlugins: [],
  env: {},
  resolver: 'glibc',
  'inlayHints.executionOrder': true,
};

export function withDefaults(partial: Partial<AnalysisSettings> | undefined): AnalysisSettings {
  return {
    corednsVersion: partial?.corednsVersion || DEFAULT_COREDNS_VERSION,
    externalPlugins: partial?.externalPlugins ?? [],
    env: partial?.env ?? {},
    resolver: partial?.resolver === 'musl' ? 'musl' : 'glibc',
    'inlayHints.executionOrder': partial?.['inlayHints.executionOrder'] ?? true,
  };
}
