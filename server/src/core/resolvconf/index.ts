// The public face of the resolv.conf core: parse, compute what a libc would use, and check.
import type { CoreDiagnostic } from '../types.js';
import { checkResolvConf } from './check.js';
import type { EffectiveResolvConf, ResolverEnv } from './config.js';
import { effectiveConfig } from './effective.js';
import type { Resolver, ResolvConfFile } from './model.js';
import { onEditorLines } from './lsp-lines.js';
import { parseResolvConf } from './parse.js';

export { parseResolvConf } from './parse.js';
export { effectiveConfig } from './effective.js';
export { checkResolvConf } from './check.js';
export type { EffectiveResolvConf, ResolverEnv } from './config.js';
export type {
  Resolver,
  ResolvConfDirective,
  ResolvConfFile,
  ResolvConfKeyword,
  ResolvConfLine,
  ResolvConfOption,
  ResolvConfToken,
} from './model.js';
export { RESOLV_CONF_KEYWORDS } from './model.js';
export { GLIBC_FLAGS, NUMERIC_OPTIONS, REMOVED_GLIBC_OPTIONS } from './options.js';

export interface ResolvConfAnalysis {
  file: ResolvConfFile;
  effective: EffectiveResolvConf;
  diagnostics: CoreDiagnostic[];
}

/** Parses, computes the effective configuration and checks in one call. Never throws. */
export function analyzeResolvConf(text: string, resolver: Resolver, env: ResolverEnv = {}): ResolvConfAnalysis {
  const file = parseResolvConf(text);
  return { file, effective: effectiveConfig(file, resolver, env), diagnostics: onEditorLines(text, checkResolvConf(file, resolver)) };
}
