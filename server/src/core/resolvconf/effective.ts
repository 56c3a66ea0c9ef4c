// The configuration a libc ends up with: glibc.ts and musl.ts read the file the way each libc does.
import type { EffectiveResolvConf, ResolverEnv } from './config.js';
import { glibcEffective } from './glibc.js';
import type { Resolver, ResolvConfFile } from './model.js';
import { muslEffective } from './musl.js';

/**
 * What `resolver` would use after reading `file`. `env` is glibc's LOCALDOMAIN and RES_OPTIONS (and
 * optionally the host name for glibc's default search domain); musl reads no environment variable, so
 * it is ignored there.
 */
export function effectiveConfig(file: ResolvConfFile, resolver: Resolver, env: ResolverEnv = {}): EffectiveResolvConf {
  return resolver === 'glibc' ? glibcEffective(file, env) : muslEffective(file);
}
