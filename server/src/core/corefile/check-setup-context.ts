// The context a plugin module's setup reads its directive through. One context is reused for every setup of
// an analysis; it reports findings against the occurrence that holds the token, with that occurrence's import
// chain, and leaves out the "unknown option" errors that a version finding already explains.
import type { FileHost } from '../host.js';
import type { AnalysisSettings } from '../settings.js';
import type { Range, Severity } from '../types.js';
import type { BlockInfo, SetupContext } from '../plugins/types.js';
import type { AnalysisShared } from './check-shared.js';
import { Dispenser, type ArgToken } from './dispenser.js';
import type { EffectiveDirective } from './model.js';
import * as optionVersions from './option-versions.js';
import { tokenRange } from './token.js';

// Local reference to an imported function used for every report (see the same note in check.ts).
const { sameRange } = optionVersions;

/** The empty list of superseded ranges, shared by every setup that has none. */
export const NO_RANGES: readonly Range[] = [];
const NO_TOKENS: readonly ArgToken[] = [];
/** What the shared context holds before its first setup. */
const NO_BLOCK: BlockInfo = { zones: [], transports: [], directives: new Set() };

/**
 * What a module's setup sees. Setups run one after the other and none keeps its context, so one context
 * (with one dispenser) serves every setup of an analysis and is pointed at the next directive before each:
 * a Corefile of ten thousand blocks runs tens of thousands of setups.
 */
export class PluginSetupContext implements SetupContext {
  readonly d = new Dispenser(NO_TOKENS);
  block: BlockInfo = NO_BLOCK;
  root: string | undefined = undefined;
  /** The first occurrence handed to the module. */
  private first: EffectiveDirective | undefined = undefined;
  /** The occurrences handed after it, in block order, when the module reads several. */
  private later: readonly EffectiveDirective[] | undefined = undefined;
  /** Ranges whose "unknown option" errors a version finding already covers. */
  private superseded: readonly Range[] = NO_RANGES;

  constructor(private readonly shared: AnalysisShared) {}

  /** Points the context at the next setup: its tokens, block, root directory and occurrences. */
  start(tokens: readonly ArgToken[], block: BlockInfo, root: string | undefined, first: EffectiveDirective, later: readonly EffectiveDirective[] | undefined, superseded: readonly Range[]): void {
    this.d.restart(tokens);
    this.block = block;
    this.root = root;
    this.first = first;
    this.later = later;
    this.superseded = superseded;
  }

  get settings(): AnalysisSettings {
    return this.shared.settings;
  }

  get host(): FileHost {
    return this.shared.host;
  }

  get baseDir(): string | undefined {
    return this.shared.baseDir;
  }

  report(severity: Severity, code: string, message: string, at?: ArgToken | Range): void {
    const d = this.d;
    const token = at === undefined ? d.token() : 'source' in at ? at : undefined;
    const range = at === undefined ? d.range() : 'source' in at ? tokenRange(at) : at;
    const first = this.first!;
    const uri = token?.source.uri ?? first.tokens[0]!.source.uri;
    // The finding belongs to the occurrence that holds the token (its import chain is the one to show).
    let owner = first;
    if (token && this.later !== undefined && !first.tokens.includes(token)) {
      for (const h of this.later) {
        if (h.tokens.includes(token)) {
          owner = h;
          break;
        }
      }
    }
    if (severity === 'error') {
      for (const r of this.superseded) if (sameRange(r, range)) return;
    }
    this.shared.push(severity, code, message, range, uri, owner.via);
  }

  isUnknown(token: ArgToken | undefined): boolean {
    return token !== undefined && token.unknownEnv.length > 0;
  }
}
