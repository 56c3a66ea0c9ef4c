// The shape every directive module fills in: its documentation, its repeat rule, and the parsing of its
// arguments into a typed configuration with every check CoreDNS's setup makes. Validation reads that
// configuration, and so will the resolution simulator, so the two cannot disagree.
import type { ArgToken, Dispenser } from '../corefile/dispenser.js';
import type { FileHost } from '../host.js';
import type { AnalysisSettings } from '../settings.js';
import type { Range, Severity } from '../types.js';
import type { DirectiveName } from './order.js';
import type { Handler } from '../resolve/types.js';

export interface ParamDoc {
  /** The option or argument name as written (`max_fails`, `FROM`). */
  name: string;
  /** Its syntax in man-page notation (`max_fails INTEGER`). */
  syntax: string;
  /** What it does, in our own words. */
  description: string;
  default?: string;
  /** Accepted values or range, when the syntax does not say it all. */
  values?: string;
}

export interface PluginDocs {
  /** One line: what the plugin is for. */
  summary: string;
  /** What it does to a query: answers, passes on, falls through; or that it only configures the server. */
  behaviour: string;
  /** Syntax lines in CoreDNS's man-page notation. */
  syntax: string[];
  arguments: ParamDoc[];
  options: ParamDoc[];
  /** Complete Corefile snippets (a directive, or a whole server block) that lint clean. */
  examples: string[];
}

/**
 * What CoreDNS does with a second occurrence in one server block: refuse to start ('once'), read only the
 * first and ignore the rest ('first-only'), or read each one ('repeatable').
 */
export type RepeatRule = 'once' | 'first-only' | 'repeatable';

/** What a directive module may know about the server block it sits in. */
export interface BlockInfo {
  /** Zones of the block's keys, normalised (lowercase, fully qualified), reverse zones expanded. */
  zones: string[];
  /** Transports of the block's keys (dns, tls, quic, grpc, https, https3, unix). */
  transports: string[];
  /** Directive names present in the block (after import expansion). */
  directives: ReadonlySet<string>;
}

export interface SetupContext {
  /** A cursor over the directive's tokens: every occurrence handed to the module, concatenated. */
  readonly d: Dispenser;
  readonly block: BlockInfo;
  readonly settings: AnalysisSettings;
  readonly host: FileHost;
  /** The directory of the Corefile, for relative file arguments (undefined for unsaved documents). */
  readonly baseDir: string | undefined;
  /**
   * The server block's `root` directory as written, when the block has one: the plugins listed in
   * util/plugin-path.ts join their relative paths to it.
   */
  readonly root: string | undefined;
  /** Reports a finding at a token or range (defaults to the dispenser's current token). */
  report(severity: Severity, code: string, message: string, at?: ArgToken | Range): void;
  /** True when the token holds an environment placeholder whose value is unknown: skip value checks. */
  isUnknown(token: ArgToken | undefined): boolean;
}

export interface PluginModule<Config = unknown> {
  name: DirectiveName;
  /** True when the plugin only configures the server and never sees a query. */
  setupOnly: boolean;
  repeat: RepeatRule;
  docs: PluginDocs;
  /** Reads the directive's tokens like CoreDNS's setup does; never throws. */
  setup(ctx: SetupContext): Config;
  /**
   * The plugin's behaviour in the resolution simulator, built from the same typed configuration that
   * setup returned, so validation and simulation cannot disagree. Setup-only plugins have none.
   */
  handler?(config: Config, site: HandlerSite): Handler;
}

/** Where a directive sits, for handlers that point their trace steps at the Corefile. */
export interface HandlerSite {
  /** The range of the directive's name in the Corefile (or in the imported file named by uri). */
  range: Range;
  uri: string;
  /** The zones of the server block, normalised. */
  blockZones: string[];
}
