// The stub resolvers' public face: which names a libc sends for one lookup, how each reply steers the
// walk, and what the application gets in the end. The configuration comes from resolvconf's
// effectiveConfig; the replies from `send`, which the simulator backs with the CoreDNS model.
// Not modelled: the client's /etc/hosts (nss files, musl's name_from_hosts), which answers names such as
// `localhost` or the pod's own host name before DNS; the order getaddrinfo sorts addresses into (RFC 6724);
// TCP fallback after a truncated reply; and name servers that cannot be reached at all.
import { glibcResolve } from './glibc.js';
import { muslResolve } from './musl.js';
import type { StubRequest, StubResult } from './types.js';

export type { SendFn, StubApi, StubRequest, StubResolver, StubResult, StubStatus, StubTry, TryOutcome } from './types.js';
export { apiFor } from './result.js';

/** Runs one lookup the way `resolver` does it. Never throws unless `send` does. */
export function resolveName(req: StubRequest): StubResult {
  return req.resolver === 'glibc' ? glibcResolve(req) : muslResolve(req);
}
