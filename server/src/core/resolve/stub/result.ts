// Small builders for StubResult, shared by the glibc and musl models.
import type { StubApi, StubResolver, StubResult, StubStatus, StubTry } from './types.js';

/** A and AAAA are getaddrinfo for one family, PTR is what gethostbyaddr/getnameinfo do, the rest res_search. */
export function apiFor(type: string): StubApi {
  if (type === 'A' || type === 'AAAA') return 'getaddrinfo';
  if (type === 'PTR') return 'res_query';
  return 'res_search';
}

interface Base {
  resolver: StubResolver;
  api: StubApi;
}

export function resolved(
  base: Base,
  tries: StubTry[],
  status: StubStatus,
  errorName: string | undefined,
  explanation: string[],
  addresses: string[],
): StubResult {
  // Two literals rather than a conditional spread: this runs for every lookup, and spreads of optional
  // fields are slow to build in V8.
  return errorName === undefined
    ? { resolver: base.resolver, api: base.api, tries, status, explanation, addresses }
    : { resolver: base.resolver, api: base.api, tries, status, errorName, explanation, addresses };
}

export function succeeded(base: Base, tries: StubTry[], addresses: string[], explanation: string[]): StubResult {
  return resolved(base, tries, 'success', undefined, explanation, addresses);
}

export function failed(base: Base, tries: StubTry[], status: StubStatus, errorName: string | undefined, explanation: string[]): StubResult {
  return resolved(base, tries, status, errorName, explanation, []);
}
